import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { gitSync } from './git.js';

/** The one host clone in a cache-dir: its `<repo>-<hash>` folder. */
export function hostCloneIn(cacheDir: string): string {
  const scopes = readdirSync(cacheDir).filter(
    name => !name.startsWith('.') && !name.includes('.lock')
  );
  if (scopes.length !== 1) {
    throw new Error(
      `expected one host clone in ${cacheDir}, found: ${scopes.join(', ') || 'none'}`
    );
  }
  return path.join(cacheDir, scopes[0]);
}

/**
 * What jobs that ended left in a cache-dir, one line each; [] when it is clean: worktrees still
 * registered in the host clone, lock files, drafts and temporary folders, and fsck's complaints.
 */
export function hostLeftovers(cacheDir: string): string[] {
  const clone = hostCloneIn(cacheDir);
  const registered = gitSync(clone, ['worktree', 'list', '--porcelain'])
    .split('\n')
    .filter(l => l.startsWith('worktree ') && l !== `worktree ${clone}`);
  const files = readdirSync(cacheDir).filter(n => n !== path.basename(clone));
  let fsck: string;
  try {
    fsck = gitSync(clone, ['fsck', '--no-progress', '--no-dangling']);
  } catch (error) {
    fsck = String(error); // a failed fsck is a finding, not a crash of the caller
  }
  return [...registered, ...files, ...(fsck ? [`fsck: ${fsck}`] : [])];
}

/** The lock folders in a cache-dir (none once every job has let go). */
export function hostLocks(cacheDir: string): string[] {
  return readdirSync(cacheDir).filter(n => n.endsWith('.lock'));
}

/** The inputs of a job that works from the host clone in the fixture's cache-dir. */
export function worktreeInputs(
  fx: { hostDir: string },
  branch: string,
  extra: Record<string, string> = {}
): { inputs: Record<string, string> } {
  return { inputs: { 'cache-dir': fx.hostDir, branch, ...extra } };
}
