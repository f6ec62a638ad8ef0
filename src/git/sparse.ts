import { gitOutput, runGit } from './exec.js';
import type { Repository } from './repository.js';

/**
 * Sets the sparse patterns of the worktree at `repo.dir` (git keeps them per worktree, and turns
 * on `extensions.worktreeConfig` so that its `core.sparseCheckout` is per worktree too). Patterns
 * go on standard input: a pattern that starts with '-' is never read as an option. Files already
 * checked out are brought to the patterns; a worktree without an index (a seeded clone, a
 * `--no-checkout` worktree) has none, and its next checkout writes only what they match.
 */
export async function setSparsePatterns(
  repo: Repository,
  patterns: readonly string[],
  cone: boolean
): Promise<void> {
  await runGit(repo.dir, ['sparse-checkout', 'set', cone ? '--cone' : '--no-cone', '--stdin'], {
    input: patterns.map(pattern => `${pattern}\n`).join('')
  });
}

/** Brings back every file and turns sparse checkout off in this worktree. */
export async function disableSparseCheckout(repo: Repository): Promise<void> {
  await runGit(repo.dir, ['sparse-checkout', 'disable']);
}

/** True when sparse checkout is on in this worktree (its own config, or the shared one). */
export async function isSparseCheckout(repo: Repository): Promise<boolean> {
  const value = await runGit(repo.dir, ['config', '--type=bool', '--get', 'core.sparseCheckout'], {
    allowFailure: true
  });
  return value.exitCode === 0 && value.stdout.trim() === 'true';
}

/** True when the repository has worktrees besides its main one. */
export async function hasLinkedWorktrees(repo: Repository): Promise<boolean> {
  const listed = await gitOutput(repo.dir, ['worktree', 'list', '--porcelain']);
  return listed.split('\n').filter(line => line.startsWith('worktree ')).length > 1;
}
