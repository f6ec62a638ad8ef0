import { createHash, type Hash } from 'node:crypto';
import { errorMessage, type Fallback } from '../errors.js';
import { gitStderrOf, runGit, streamGit } from './exec.js';
import type { Repository } from './repository.js';

/**
 * git does not re-hash the objects it reads: an object store can hold other content under an
 * object's id, and a checkout writes it. This reads objects through `git cat-file --batch` and
 * hashes each one as git would have (`<type> <size>\0<content>`), streaming, in a few processes.
 */
class BatchHasher {
  private pending = Buffer.alloc(0);
  private current?: { id: string; left: number; hash: Hash };
  /** The newline git writes after each object's content. */
  private skipNewline = false;
  readonly mismatched: string[] = [];

  constructor(private readonly algorithm: 'sha1' | 'sha256') {}

  take(chunk: Buffer): void {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    let offset = 0;
    while (offset < data.length) {
      if (this.current) {
        const used = Math.min(this.current.left, data.length - offset);
        this.current.hash.update(data.subarray(offset, offset + used));
        this.current.left -= used;
        offset += used;
        if (this.current.left === 0) this.finish();
      } else if (this.skipNewline) {
        this.skipNewline = false;
        offset += 1;
      } else {
        const end = data.indexOf(10, offset);
        if (end < 0) {
          this.pending = Buffer.from(data.subarray(offset));
          return;
        }
        const [id, type, size] = data.toString('latin1', offset, end).split(' ');
        offset = end + 1;
        if (size === undefined) {
          this.mismatched.push(id); // "<id> missing"
          continue;
        }
        const hash = createHash(this.algorithm).update(`${type} ${size}\0`);
        this.current = { id, left: Number(size), hash };
        if (this.current.left === 0) this.finish();
      }
    }
  }

  private finish(): void {
    const { id, hash } = this.current!;
    if (hash.digest('hex') !== id) this.mismatched.push(id);
    this.current = undefined;
    this.skipNewline = true;
  }
}

/** The commit, and every tree and blob of its tree (submodule entries are other repositories). */
export async function objectsOfCommit(repo: Repository, commit: string): Promise<string[]> {
  const id = await repo.resolveCommit(commit);
  if (!id) throw new Error(`${commit} does not name a commit`);
  // Lines, not -z: ids come before the tab; @actions/exec decodes output line by line, and
  // output with no newline in it costs quadratic time there.
  const listed = await runGit(repo.dir, ['ls-tree', '-r', '-t', '--full-tree', id]);
  const ids = new Set([id, await repo.treeOf(id)]);
  for (const line of listed.stdout.split('\n')) {
    const [, type, object] = line.slice(0, line.indexOf('\t')).split(' ');
    if (object && type !== 'commit') ids.add(object);
  }
  return [...ids];
}

const PROCESSES = 2;

/** The ids among `ids` whose content does not hash to them (or that are missing). */
export async function mismatchedObjects(
  repo: Repository,
  ids: readonly string[]
): Promise<string[]> {
  const algorithm = ids[0]?.length === 64 ? 'sha256' : 'sha1';
  const shares = Array.from({ length: PROCESSES }, (_, n) =>
    ids.filter((_, i) => i % PROCESSES === n)
  );
  const results = await Promise.all(
    shares
      .filter(share => share.length > 0)
      .map(async share => {
        const hasher = new BatchHasher(algorithm);
        await streamGit(repo.dir, ['cat-file', '--batch'], share.join('\n') + '\n', chunk =>
          hasher.take(chunk)
        );
        return hasher.mismatched;
      })
  );
  return results.flat();
}

/**
 * Every object of a store (packed and loose), re-hashed: the ids whose content does not match.
 * Not `git fsck`, whose format checks (a bad timezone in a 2005 commit) would refuse real
 * histories; this checks only what a later job would trust.
 */
export async function mismatchedObjectsInStore(repo: Repository): Promise<string[]> {
  // sha256 repositories are not supported yet (README: Limits).
  const hasher = new BatchHasher('sha1');
  const args = ['cat-file', '--batch-all-objects', '--batch', '--unordered'];
  await streamGit(repo.dir, args, '', chunk => hasher.take(chunk));
  return hasher.mismatched;
}

/**
 * Why the objects of the commits (each commit, its trees, its blobs) cannot be trusted, or
 * undefined when each hashes to its id; objects shared by the commits are read once. An object git
 * cannot even read is a reason too.
 */
export async function untrustedObjectsOf(
  repo: Repository,
  ...commits: string[]
): Promise<Fallback | undefined> {
  try {
    const ids = new Set<string>();
    for (const commit of commits) for (const id of await objectsOfCommit(repo, commit)) ids.add(id);
    const [mismatched] = await mismatchedObjects(repo, [...ids]);
    return mismatched
      ? { reason: `the object ${mismatched} does not match its content` }
      : undefined;
  } catch (error) {
    const said = (gitStderrOf(error) ?? errorMessage(error)).trim().split('\n')[0];
    return { reason: `its objects cannot be read (${said})`, cause: error };
  }
}
