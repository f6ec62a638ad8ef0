import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isWellFormedRefName, OBJECT_ID } from '../git/ref-format.js';

/**
 * The refs an entry may keep: origin's branches and tags, which the action's snapshot saves. A
 * local branch (`refs/heads/*`) would be attached by a task worktree as if a job had made it, and
 * other refs (`refs/replace/*` above all) change what git reads.
 */
export const ENTRY_REF_PREFIXES = ['refs/remotes/origin/', 'refs/tags/'] as const;
const keptRef = (ref: string) => ENTRY_REF_PREFIXES.some(prefix => ref.startsWith(prefix));

export interface EntryRefs {
  /** Refs removed from the entry, by name. */
  dropped: string[];
  /** Every kept ref and the object it names, to be found in the object store. */
  tips: { ref: string; object: string }[];
}

function badRef(ref: string, why: string): Error {
  return new Error(`the cached clone has a bad ref: ${JSON.stringify(ref)} ${why}`);
}

async function looseRefs(gitDir: string, relative: string, into: EntryRefs): Promise<void> {
  const entries = await fs.readdir(path.join(gitDir, relative), { withFileTypes: true });
  for (const entry of entries) {
    const ref = `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      await looseRefs(gitDir, ref, into);
      continue;
    }
    if (!keptRef(ref)) {
      await fs.rm(path.join(gitDir, ref), { force: true });
      into.dropped.push(ref);
      continue;
    }
    if (!isWellFormedRefName(ref)) throw badRef(ref, 'is not a valid ref name');
    const content = await fs.readFile(path.join(gitDir, ref), 'utf8');
    const object = content.replace(/\n$/, '');
    if (OBJECT_ID.test(object)) into.tips.push({ ref, object });
    else if (content.startsWith('ref: ')) {
      // A symbolic ref (origin/HEAD): the fetch sets it again.
      await fs.rm(path.join(gitDir, ref), { force: true });
    } else throw badRef(ref, content ? 'holds no object id' : 'is empty');
  }
}

/** Reads packed-refs, keeps origin's branches and tags, and refuses any line git would not write. */
async function packedRefs(gitDir: string, into: EntryRefs): Promise<void> {
  const file = path.join(gitDir, 'packed-refs');
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  const kept: string[] = [];
  let keptLast = false;
  for (const [index, line] of text.split('\n').entries()) {
    if (!line || (index === 0 && line.startsWith('# pack-refs with:'))) {
      if (line) kept.push(line);
      continue;
    }
    if (line.startsWith('^')) {
      if (!OBJECT_ID.test(line.slice(1))) throw badRef(line, 'is not a peeled object id');
      if (keptLast) kept.push(line);
      continue;
    }
    const [object, ref, ...rest] = line.split(' ');
    if (!ref || rest.length > 0 || !OBJECT_ID.test(object)) throw badRef(line, 'is not a ref line');
    if (!isWellFormedRefName(ref)) throw badRef(ref, 'is not a valid ref name');
    keptLast = keptRef(ref);
    if (keptLast) {
      kept.push(line);
      into.tips.push({ ref, object });
    } else into.dropped.push(ref);
  }
  await fs.writeFile(file, kept.map(line => `${line}\n`).join(''));
}

/**
 * Keeps only origin's branches and tags, each with a valid name and an object id; refuses the
 * entry (throws) on a ref git would not have written. Whether the objects exist is for the caller
 * to ask git, once the entry is in place.
 */
export async function checkEntryRefs(gitDir: string): Promise<EntryRefs> {
  const found: EntryRefs = { dropped: [], tips: [] };
  await looseRefs(gitDir, 'refs', found);
  await packedRefs(gitDir, found);
  // The snapshot writes a commit id; a symbolic HEAD must at least name a ref.
  const head = (await fs.readFile(path.join(gitDir, 'HEAD'), 'utf8')).replace(/\n$/, '');
  const symbolic = /^ref: (.*)$/.exec(head)?.[1];
  if (!OBJECT_ID.test(head) && !(symbolic && isWellFormedRefName(symbolic))) {
    throw badRef('HEAD', 'names neither a commit id nor a ref');
  }
  return found;
}
