import type { Repository } from '../git/repository.js';
import { installLfsInClone, pullLfsFiles } from '../lfs/pull.js';
import { checkOutSubmodules } from '../submodules/stage.js';
import { createWorktree, type WorktreeRequest } from '../worktree/create.js';
import type { Job } from './job.js';
import { worktreeFolder } from './mode.js';
import type { TaskWorktree } from './result.js';

/** What the job asks of `createWorktree`, with origin's default branch as it is known. */
export function taskWorktreeRequest(
  { settings, context }: Job,
  defaultBranch: string
): WorktreeRequest {
  return {
    branch: settings.branch,
    base: settings.base || defaultBranch,
    folder: worktreeFolder(settings, context),
    removeOnExit: settings.removeWorktree,
    clean: settings.clean,
    sparse: settings.sparseCheckout
  };
}

/** Creates the task worktree from `repo` (the main clone, or the host clone under its lock). */
export async function createTaskWorktree(
  job: Job,
  repo: Repository,
  defaultBranch: string,
  hostLock?: string,
  fromCache = false
): Promise<TaskWorktree> {
  const { settings } = job;
  const request = taskWorktreeRequest(job, defaultBranch);
  const folder = request.folder;
  const created = await job.stages.run(
    'worktree',
    `Creating the task worktree for ${settings.branch}`,
    () => createWorktree(repo, request),
    // git names files in a worktree relative to the worktree.
    { cwd: folder, writing: folder }
  );
  await checkOutWorktreeSubmodules(job, repo, created.path, fromCache);
  if (settings.lfs) await checkOutLfsFiles(job, repo, created, hostLock);
  return {
    ...created,
    branch: settings.branch,
    repoDir: repo.dir,
    removeOnExit: settings.removeWorktree,
    hostLock
  };
}

/**
 * The submodules of the worktree at `folder` (nothing when the input is false). With cache-dir
 * they come from their host clones; otherwise the main clone's submodule repositories are copied
 * locally. Either way no history crosses the network.
 */
export async function checkOutWorktreeSubmodules(
  job: Job,
  repo: Repository,
  folder: string,
  fromCache = false
): Promise<void> {
  if (job.settings.submodules === 'none') return;
  await checkOutSubmodules(job, repo.at(folder), {
    fromCache,
    shallow: false,
    localSource: await repo.commonDir()
  });
}

/**
 * The worktree's LFS files, from the store where it has them. From the host clone, whose store
 * other jobs can write, what the worktree needs is hashed first.
 */
export async function checkOutLfsFiles(
  job: Job,
  repo: Repository,
  worktree: { path: string; commit: string },
  hostLock: string | undefined
): Promise<void> {
  await job.stages.run(
    'worktree',
    `Checking out the Git LFS files of ${worktree.commit}`,
    async () => {
      const tree = repo.at(worktree.path);
      // The host clone's config is rebuilt by each job's refresh: set up again for this one.
      if (hostLock) await installLfsInClone(tree);
      return pullLfsFiles(tree, {
        progress: job.settings.showProgress,
        verifyNeeded: hostLock !== undefined
      });
    },
    { cwd: worktree.path, writing: worktree.path }
  );
}
