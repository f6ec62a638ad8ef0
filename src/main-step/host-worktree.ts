import * as core from '@actions/core';
import { planFetch } from '../clone/fetch-plan.js';
import type { Repository } from '../git/repository.js';
import { removeWorktree } from '../git/worktrees.js';
import { markForRebuild, withHostCloneLock } from '../host/host-clone.js';
import type { Job, ModeResult } from './job.js';
import type { Mode } from './mode.js';
import type { TaskWorktree } from './result.js';
import { refreshAndCreateWorktree } from './overlapped-refresh.js';

type HostWorktreeMode = Extract<Mode, { kind: 'host-worktree' }>;

/**
 * An earlier job can write into the host clone: the objects of the worktree's commit are re-hashed
 * (git does not), mostly while the worktree was made. A mismatch removes the worktree and rebuilds
 * the clone before trying again.
 */
async function verifiedWorktree(job: Job, mode: HostWorktreeMode, hostClone: Repository) {
  const first = await refreshAndCreateWorktree(job, mode.hostClone, hostClone);
  const { worktree } = first;
  const problem = await job.stages.run(
    'verify',
    `Verifying the objects of ${worktree.commit}`,
    () => first.untrustedObjectsOf(worktree.commit),
    { cwd: hostClone.dir }
  );
  if (!problem) return first;
  // The refresh then rebuilds the clone and says why in its warning.
  await removeWorktree(hostClone, worktree.path);
  await markForRebuild(mode.hostClone, problem);
  const second = await refreshAndCreateWorktree(job, mode.hostClone, hostClone);
  const folderExisted = worktree.folderExisted || second.worktree.folderExisted;
  return { ...second, worktree: { ...second.worktree, folderExisted } };
}

/**
 * Self-hosted with a branch: refresh the host clone and create the worktree straight from it
 * (the two overlap), all under the host clone's lock. No copy at all; `path` is untouched.
 */
export async function hostWorktree(
  job: Job,
  mode: HostWorktreeMode,
  origin: Repository
): Promise<ModeResult> {
  const { settings, stages } = job;
  const paths = mode.hostClone;
  const hostClone = origin.at(paths.dir);
  for (const note of planFetch(settings, { kind: 'host-clone' }).notes) core.info(note);
  // The lock itself is made in cache-dir: a permission problem there gets its help too.
  return stages.diagnoser.stage(
    'Locking the host clone in cache-dir',
    () =>
      withHostCloneLock(paths.lock, paths.dir, async () => {
        const refresh = await verifiedWorktree(job, mode, hostClone);
        const { defaultBranch, worktree } = refresh;
        const before =
          refresh.tipsBefore.get(`refs/remotes/origin/${settings.branch}`) ??
          refresh.tipsBefore.get(`refs/remotes/origin/${settings.base || defaultBranch}`);
        const staleCommits =
          before === worktree.commit
            ? 0
            : before && (await hostClone.resolveCommit(before))
              ? await hostClone.countCommits(before, worktree.commit)
              : null;
        return resultOf(mode, settings.branch, refresh.created, staleCommits, worktree);
      }),
    { cwd: paths.dir, writing: paths.cacheDir }
  );
}

function resultOf(
  mode: HostWorktreeMode,
  branch: string,
  created: boolean,
  staleCommits: number | null,
  worktree: TaskWorktree
): ModeResult {
  return {
    mode: mode.kind,
    cache: {
      source: 'host-dir',
      matchedKey: created ? '' : `host-dir:${mode.hostClone.scope}`,
      seeded: !created,
      pathHeldClone: false,
      fallback: created ? { reason: 'the host clone was made by this job' } : undefined
    },
    clonePath: mode.hostClone.dir,
    target: { kind: 'branch', name: branch, commit: worktree.commit },
    isDefaultBranch: false,
    staleCommits,
    shallow: false,
    worktree
  };
}
