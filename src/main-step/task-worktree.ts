import type { Repository } from '../git/repository.js';
import { checkOutSubmodules } from '../submodules/stage.js';
import { createWorktree } from '../worktree/create.js';
import type { Job } from './job.js';
import { worktreeFolder } from './mode.js';
import type { TaskWorktree } from './result.js';

/** Creates the task worktree from `repo` (the main clone, or the host clone under its lock). */
export async function createTaskWorktree(
  job: Job,
  repo: Repository,
  defaultBranch: string,
  hostLock?: string,
  fromCache = false
): Promise<TaskWorktree> {
  const { settings, context } = job;
  const folder = worktreeFolder(settings, context);
  const created = await job.stages.run(
    'worktree',
    `Creating the task worktree for ${settings.branch}`,
    () =>
      createWorktree(repo, {
        branch: settings.branch,
        base: settings.base || defaultBranch,
        folder,
        removeOnExit: settings.removeWorktree,
        clean: settings.clean
      }),
    // git names files in a worktree relative to the worktree.
    { cwd: folder, writing: folder }
  );
  if (settings.submodules !== 'none') {
    // The main clone's submodule repositories are copied locally: no history crosses the network.
    await checkOutSubmodules(job, repo.at(created.path), {
      fromCache,
      shallow: false,
      localSource: await repo.commonDir()
    });
  }
  return {
    ...created,
    branch: settings.branch,
    repoDir: repo.dir,
    removeOnExit: settings.removeWorktree,
    hostLock
  };
}
