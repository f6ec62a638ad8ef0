import { refreshHostClone, withHostCloneLock } from '../host/host-clone.js';
import type { Repository } from '../git/repository.js';
import type { Job, ModeResult } from './job.js';
import type { Mode } from './mode.js';
import { createTaskWorktree } from './task-worktree.js';

/**
 * Self-hosted with a branch: refresh the host clone and create the worktree straight from it,
 * all under the host clone's lock. No copy at all; `path` is untouched.
 */
export async function hostWorktree(
  job: Job,
  mode: Extract<Mode, { kind: 'host-worktree' }>,
  origin: Repository
): Promise<ModeResult> {
  const { settings, context, stages } = job;
  const paths = mode.hostClone;
  const hostClone = origin.at(paths.dir);
  // The lock itself is made in cache-dir: a permission problem there gets its help too.
  return stages.diagnoser.stage(
    'Locking the host clone in cache-dir',
    () =>
      withHostCloneLock(paths.lock, paths.dir, async () => {
        const refresh = await stages.run(
          'fetch',
          `Refreshing the host clone ${paths.dir}`,
          () => refreshHostClone(paths, settings.originUrl, hostClone),
          { cwd: paths.dir, writing: paths.cacheDir }
        );
        const defaultBranch = refresh.defaultBranch || context.eventDefaultBranch;
        const worktree = await createTaskWorktree(job, hostClone, defaultBranch, paths.lock);
        const before =
          refresh.tipsBefore.get(`refs/remotes/origin/${settings.branch}`) ??
          refresh.tipsBefore.get(`refs/remotes/origin/${settings.base || defaultBranch}`);
        const staleCommits =
          before && (await hostClone.resolveCommit(before))
            ? await hostClone.countCommits(before, worktree.commit)
            : null;
        return {
          mode: mode.kind,
          cache: {
            source: 'host-dir',
            matchedKey: refresh.created ? '' : `host-dir:${paths.scope}`,
            seeded: !refresh.created,
            pathHeldClone: false,
            fallback: refresh.created
              ? { reason: 'the host clone was made by this job' }
              : undefined
          },
          clonePath: paths.dir,
          target: { kind: 'branch', name: settings.branch, commit: worktree.commit },
          isDefaultBranch: false,
          staleCommits,
          worktree
        };
      }),
    { cwd: paths.dir, writing: paths.cacheDir }
  );
}
