import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import { Repository } from '../git/repository.js';
import { withHostCloneLock } from '../host/host-clone.js';
import type { MainState } from '../state.js';
import { endLease, type LeaseEnd } from '../worktree/remove.js';

/** Removes (or, with remove-worktree: false, releases) this job's task worktree. */
export async function cleanUpWorktree(worktree: NonNullable<MainState['worktree']>): Promise<void> {
  const repo = new Repository(worktree.repoDir);
  const work = async () => {
    const end = await endLease(repo, worktree.path, worktree.lease, worktree.removeOnExit);
    // git removes the folder with the worktree; one that was there before the job stays.
    if (end === 'removed' && worktree.folderExisted)
      await fs.mkdir(worktree.path, { recursive: true });
    const said: Record<LeaseEnd, string> = {
      removed: `Removed the task worktree ${worktree.path}.`,
      released: `Kept the task worktree ${worktree.path} (remove-worktree: false).`,
      gone: `The task worktree ${worktree.path} was already gone.`,
      'not ours': `The task worktree ${worktree.path} no longer carries this job's lease (it was taken for dead, and another job has had the worktree since); left as it is.`
    };
    core.info(said[end]);
  };
  if (worktree.hostLock) await withHostCloneLock(worktree.hostLock, worktree.repoDir, work);
  else await work();
}
