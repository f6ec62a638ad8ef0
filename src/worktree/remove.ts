import * as core from '@actions/core';
import { errorMessage } from '../errors.js';
import type { Repository } from '../git/repository.js';
import { pruneWorktrees, removeWorktree, unlockWorktree } from '../git/worktrees.js';
import { canonicalPath } from '../fs-util.js';
import { holderOf, listWorktrees, type WorktreeEntry } from './list.js';

export type LeaseEnd = 'removed' | 'released' | 'gone' | 'not ours';

/**
 * Ends a job's lease on its worktree: removes the worktree (then prunes the registry), or with
 * `remove` false unlocks it for reuse. Only git's own `worktree remove` deletes files, so nothing
 * that is not a registered worktree is ever removed. A worktree that is already gone is not an
 * error, and one that no longer carries this job's lease (it was judged dead, and another job
 * holds or released the worktree now) is left alone.
 */
export async function endLease(
  repo: Repository,
  worktreePath: string,
  lease: string,
  remove: boolean
): Promise<LeaseEnd> {
  const entry = (await listWorktrees(repo)).find(e => e.path === canonicalPath(worktreePath));
  if (!entry) {
    await pruneWorktrees(repo);
    return 'gone';
  }
  // Another job holds it, or released it after taking this job's lease for dead.
  if (entry.lockReason !== lease) return 'not ours';
  if (!remove) {
    await unlockWorktree(repo, worktreePath);
    return 'released';
  }
  // A locked worktree goes too, in one step, so no kill can leave it unlocked.
  await removeWorktree(repo, worktreePath);
  await pruneWorktrees(repo);
  return 'removed';
}

/**
 * Prunes the registry, then cleans up after jobs that died without their post step: a worktree
 * is removed when its lease asked for it, otherwise released for reuse. Worktrees locked by anyone
 * else are left alone. Returns the registry as it is afterwards.
 */
export async function reapDeadJobs(repo: Repository): Promise<WorktreeEntry[]> {
  await pruneWorktrees(repo);
  const entries = await listWorktrees(repo);
  const kept: WorktreeEntry[] = [];
  for (const entry of entries) {
    const holder = holderOf(entry);
    if (holder.kind === 'initializing') {
      const removed = await removeWorktree(repo, entry.path).then(
        () => true,
        () => false
      );
      if (!removed) kept.push(entry);
      continue;
    }
    if (holder.kind !== 'job' || holder.live) {
      kept.push(entry);
      continue;
    }
    try {
      // A worktree whose add never finished is removed even when its job meant to keep it.
      if (holder.lease.removeOnExit || !entry.complete) {
        await removeWorktree(repo, entry.path);
      } else {
        await unlockWorktree(repo, entry.path);
        kept.push({ ...entry, lockReason: undefined });
      }
      core.info(
        `Cleaned up the worktree ${entry.path} of a job that is gone (${holder.lease.job}).`
      );
    } catch (error) {
      kept.push(entry);
      core.warning(
        `Could not clean up the worktree ${entry.path} of a dead job: ${errorMessage(error)}`
      );
    }
  }
  return kept;
}
