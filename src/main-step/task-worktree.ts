import * as core from '@actions/core';
import * as path from 'node:path';
import { Repository } from '../git/repository.js';
import {
  refreshHostClone,
  hostClonePaths,
  type HostClonePaths,
  withHostCloneLock,
  type RefreshResult
} from '../host/host-clone.js';
import type { Settings } from '../inputs.js';
import type { RunnerContext } from '../runner-context.js';
import type { PhaseTimer } from '../timing.js';
import type { Diagnoser } from '../permissions/diagnose.js';
import { createWorktree, type WorktreeResult } from '../worktree/create.js';
import { folderNameFor } from '../worktree/names.js';

/** `worktree-path`, or `<parent of the workspace>/_wt/<repo>/<safe branch folder>`. */
export function worktreeFolder(settings: Settings, context: RunnerContext): string {
  return (
    settings.worktreePath ||
    path.join(
      path.dirname(context.workspace),
      '_wt',
      settings.repoName,
      folderNameFor(settings.branch)
    )
  );
}

/** Creates the task worktree from `repoDir` (the main clone, or the host clone under its lock). */
export async function createTaskWorktree(
  repoDir: string,
  settings: Settings,
  context: RunnerContext,
  defaultBranch: string,
  phases: PhaseTimer,
  diagnoser: Diagnoser
): Promise<WorktreeResult> {
  core.startGroup(`Creating the task worktree for ${settings.branch}`);
  const folder = worktreeFolder(settings, context);
  try {
    return await phases.time('worktree', () =>
      diagnoser.stage(
        'Creating the task worktree',
        () =>
          createWorktree(new Repository(repoDir), {
            branch: settings.branch,
            base: settings.base || defaultBranch,
            folder,
            removeOnExit: settings.removeWorktree
          }),
        // git names files in a worktree relative to the worktree.
        { cwd: folder, writing: folder }
      )
    );
  } finally {
    core.endGroup();
  }
}

export interface HostWorktree {
  paths: HostClonePaths;
  refresh: RefreshResult;
  worktree: WorktreeResult;
  staleCommits: number | null;
}

/**
 * Self-hosted with a branch: refresh the host clone and create the worktree straight from it,
 * all under the host clone's lock. No copy at all.
 */
export async function hostTaskWorktree(
  settings: Settings,
  context: RunnerContext,
  clone: Repository,
  phases: PhaseTimer,
  diagnoser: Diagnoser
): Promise<HostWorktree> {
  const paths = hostClonePaths(settings.cacheDir, settings.repoName, settings.originUrl);
  const hostClone = clone.at(paths.dir);
  return withHostCloneLock(paths.lock, paths.dir, async () => {
    core.startGroup(`Refreshing the host clone ${paths.dir}`);
    const refresh = await phases.time('fetch', () =>
      refreshHostClone(paths, settings.originUrl, hostClone)
    );
    core.endGroup();
    const defaultBranch = refresh.defaultBranch || context.eventDefaultBranch;
    const worktree = await createTaskWorktree(
      paths.dir,
      settings,
      context,
      defaultBranch,
      phases,
      diagnoser
    );
    const before =
      refresh.tipsBefore.get(`refs/remotes/origin/${settings.branch}`) ??
      refresh.tipsBefore.get(`refs/remotes/origin/${settings.base || defaultBranch}`);
    const staleCommits =
      before && (await hostClone.resolveCommit(before))
        ? await hostClone.countCommits(before, worktree.commit)
        : null;
    return { paths, refresh, worktree, staleCommits };
  });
}
