import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { isValidRefName } from '../git/refs.js';

const MAX_FOLDER_LENGTH = 80;
/** NAME_MAX of Linux file systems (ext4, xfs, btrfs, tmpfs). */
const NAME_MAX = 255;
/** git writes `<part>.lock` before `<part>`. */
const MAX_PART_BYTES = NAME_MAX - '.lock'.length;

/**
 * Validates a branch name the way git does (`git check-ref-format` on `refs/heads/<name>`, so
 * the name can never be taken for an option), plus what git would accept but a job should not.
 */
export async function validateBranchName(input: string, name: string): Promise<void> {
  // eslint-disable-next-line no-control-regex
  if (name.startsWith('-') || /[\x00-\x1f\x7f]/.test(name) || name.startsWith('refs/')) {
    throw new InputError(
      input,
      `'${name}' is not a valid branch name (no leading '-', control characters or 'refs/').`
    );
  }
  // git keeps a branch as a file under refs/heads: each part of its name is a file name.
  const longest = Math.max(...name.split('/').map(part => Buffer.byteLength(part, 'utf8')));
  if (longest > MAX_PART_BYTES) {
    throw new InputError(
      input,
      `'${name.slice(0, 40)}...' has a part of ${longest} bytes between slashes; git keeps each part as a file name (and first as '<part>.lock'), and file systems allow ${NAME_MAX} bytes per name, so at most ${MAX_PART_BYTES}.`
    );
  }
  const ok = await isValidRefName(`refs/heads/${name}`);
  if (!ok || name === 'HEAD') {
    throw new InputError(
      input,
      `'${name}' is not a valid branch name (see git check-ref-format: no '..', '@{', '~', '^', ':', spaces, a trailing '.lock' or '/').`
    );
  }
}

/**
 * The folder name of a branch's worktree: the branch itself when it is already a plain, short,
 * safe name; otherwise a sanitized form plus a hash of the exact name, so that two branches that
 * sanitize alike (`a/b`, `a_b`) never share a folder.
 */
export function folderNameFor(branch: string): string {
  if (
    /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(branch) &&
    branch.length <= MAX_FOLDER_LENGTH &&
    !branch.includes('..')
  ) {
    return branch;
  }
  const hash = createHash('sha256').update(branch, 'utf8').digest('hex').slice(0, 10);
  const sanitized = branch
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/^[-._]+/, '')
    .slice(0, MAX_FOLDER_LENGTH - 11);
  return `${sanitized || 'branch'}-${hash}`;
}

/** The n-th folder for a branch: `name`, then `name+2`, `name+3`... ('+' never appears in a folder name). */
export function slotName(folder: string, slot: number): string {
  return slot === 1 ? folder : `${folder}+${slot}`;
}
