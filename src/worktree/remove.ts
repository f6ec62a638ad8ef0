import * as core from '@actions/core';
import { errorMessage } from '../errors.js';
import type { Git } from '../git/git.js';
import { canonicalPath } from '../fs-util.js';
import { listWorktrees, parseLease } from './list.js';

/**
 * Removes a registered worktree and prunes the registry. Only git's own `worktree remove` deletes
 * files, so nothing that is not a registered worktree is ever removed; a worktree that is already
 * gone is not an error.
 */
export async function removeWorktree(git: Git, worktreePath: string): Promise<void> {
  const entry = (await listWorktrees(git)).find(e => e.path === canonicalPath(worktreePath));
  if (entry) {
    // Twice forced: a locked worktree goes too, in one step, so no kill can leave it unlocked.
    await git.run(['worktree', 'remove', '--force', '--force', '--', worktreePath]);
  }
  await git.run(['worktree', 'prune']);
}

/** Ends this job's lease on a worktree that stays (remove-worktree: false). */
export async function releaseWorktree(git: Git, worktreePath: string): Promise<void> {
  const entry = (await listWorktrees(git)).find(e => e.path === canonicalPath(worktreePath));
  if (entry && parseLease(entry.lockReason)) {
    await git.run(['worktree', 'unlock', '--', worktreePath]);
  }
}

/**
 * Worktrees of jobs that died without their post step: removed when their lease asked for it,
 * otherwise just released for reuse. Worktrees locked by anyone else are left alone.
 */
export async function reapDeadJobs(git: Git, isDead: (reason: string) => boolean): Promise<number> {
  let reaped = 0;
  for (const entry of await listWorktrees(git)) {
    // git locks a worktree "initializing" while adding it; callers hold the repository's lock,
    // so one still initializing now was left by a killed job.
    if (entry.lockReason === 'initializing') {
      await removeWorktree(git, entry.path).catch(() => undefined);
      reaped++;
      continue;
    }
    const lease = parseLease(entry.lockReason);
    if (!lease || !isDead(entry.lockReason ?? '')) continue;
    try {
      if (lease.removeOnExit) await removeWorktree(git, entry.path);
      else await git.run(['worktree', 'unlock', '--', entry.path]);
      reaped++;
      core.info(`Cleaned up the worktree ${entry.path} of a job that is gone (${lease.job}).`);
    } catch (error) {
      core.warning(
        `Could not clean up the worktree ${entry.path} of a dead job: ${errorMessage(error)}`
      );
    }
  }
  await git.run(['worktree', 'prune']);
  return reaped;
}
