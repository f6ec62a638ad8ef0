import * as core from '@actions/core';
import { ActionError } from '../errors.js';
import { unsetLocalConfig } from '../git/config.js';
import type { Repository } from '../git/repository.js';
import {
  disableSparseCheckout,
  hasLinkedWorktrees,
  isSparseCheckout,
  setSparsePatterns
} from '../git/sparse.js';
import { gitAtLeast } from '../git/version.js';
import type { SparseCheckout } from '../inputs/sparse.js';

/** `sparse-checkout set --cone/--no-cone` (without an `init` first) arrived in git 2.35. */
const SPARSE_SET = [2, 35] as const;

export interface SparseTarget {
  /** The main worktree of a clone (path), as opposed to a linked task worktree. */
  mainWorktree: boolean;
}

/**
 * Before the checkout of a worktree the action manages: the job's patterns, so that the checkout
 * writes only the files they match; or, with none given, a worktree that was sparse made whole,
 * as actions/checkout does. Only the working tree is sparse: history is fetched whole.
 */
export async function applySparseCheckout(
  worktree: Repository,
  sparse: SparseCheckout | undefined,
  { mainWorktree }: SparseTarget
): Promise<void> {
  if (sparse) {
    if (!(await gitAtLeast(SPARSE_SET))) {
      throw new ActionError(
        'git is too old for sparse-checkout',
        `sparse-checkout needs git ${SPARSE_SET.join('.')} or newer on the runner; install a newer git, or leave sparse-checkout empty.`
      );
    }
    core.info(
      `Sparse checkout of ${worktree.dir} (${sparse.cone ? 'cone' : 'non-cone'} mode): ${sparse.patterns.join(', ')}`
    );
    await setSparsePatterns(worktree, sparse.patterns, sparse.cone);
    return;
  }
  if (!(await isSparseCheckout(worktree))) return;
  core.info(`${worktree.dir} was a sparse checkout and sparse-checkout is empty: made whole.`);
  await disableSparseCheckout(worktree);
  // As actions/checkout: `disable` leaves extensions.worktreeConfig on. It stays while a linked
  // worktree may keep its own sparse settings with it.
  if (mainWorktree && !(await hasLinkedWorktrees(worktree))) {
    await unsetLocalConfig(worktree, 'extensions.worktreeConfig');
  }
}
