import { createHash, type Hash } from 'node:crypto';
import { runGit } from './exec.js';
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
  const listed = await runGit(repo.dir, ['ls-tree', '-r', '-t', '-z', '--full-tree', commit]);
  const ids = new Set([commit, await repo.treeOf(commit)]);
  for (const entry of listed.stdout.split('\0')) {
    const [, type, id] = entry.slice(0, entry.indexOf('\t')).split(' ');
    if (id && type !== 'commit') ids.add(id);
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
        await runGit(repo.dir, ['cat-file', '--batch'], {
          input: share.join('\n') + '\n',
          onStdout: chunk => hasher.take(chunk)
        });
        return hasher.mismatched;
      })
  );
  return results.flat();
}

/**
 * `git fsck` of a whole object store (every object re-hashed, every ref's history present): ''
 * when it passes, else git's first complaints.
 */
export async function objectStoreProblems(repo: Repository): Promise<string> {
  const checked = await runGit(repo.dir, ['fsck', '--no-dangling', '--no-progress'], {
    allowFailure: true
  });
  if (checked.exitCode === 0) return '';
  const said = `${checked.stderr}\n${checked.stdout}`.split('\n').filter(Boolean);
  return said.slice(0, 5).join('; ') || `git fsck exited with ${checked.exitCode}`;
}

/** The first object of `commit` (itself, its trees, its blobs) whose content is not what its id says. */
export async function firstMismatchedObjectOf(
  repo: Repository,
  commit: string
): Promise<string | undefined> {
  return (await mismatchedObjects(repo, await objectsOfCommit(repo, commit)))[0];
}
