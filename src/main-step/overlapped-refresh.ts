import * as core from '@actions/core';
import { remoteDefaultBranch } from '../clone/fetch.js';
import { planFetch } from '../clone/fetch-plan.js';
import { errorMessage, type Fallback } from '../errors.js';
import { untrustedObjectsOf } from '../git/object-check.js';
import { originHeadBranch } from '../git/refs.js';
import type { Repository } from '../git/repository.js';
import { withRetries } from '../git/retry.js';
import { fetchedRecently, originMatches } from '../host/fresh-window.js';
import {
  fetchIntoHostClone,
  finishRefresh,
  prepareHostClone,
  type HostClonePaths
} from '../host/host-clone.js';
import { PermissionError } from '../permissions/diagnose.js';
import { discardWorktree, retargetWorktree } from '../worktree/retarget.js';
import type { Job } from './job.js';
import type { TaskWorktree } from './result.js';
import {
  checkOutLfsFiles,
  checkOutWorktreeSubmodules,
  createTaskWorktree,
  taskWorktreeRequest
} from './task-worktree.js';
import { VerifiedAhead } from './verify-ahead.js';

export interface RefreshedWorktree {
  /** The host clone was made (or rebuilt) by this job. */
  created: boolean;
  /** origin's branch and tag tips before the refresh. */
  tipsBefore: Map<string, string>;
  defaultBranch: string;
  worktree: TaskWorktree;
  /** Why the objects of a commit of the clone cannot be trusted (see untrustedObjectsOf). */
  untrustedObjectsOf(commit: string): Promise<Fallback | undefined>;
}

interface Refreshed {
  defaultBranch: string;
  rebuilt: boolean;
}

/**
 * The refresh that runs while the worktree is made. Within the fresh window (another job fetched
 * moments ago) origin is asked only for the tips the job starts from, and the fetch is skipped
 * when the host clone holds them; otherwise (or when they differ) the whole refresh fetch runs.
 * `beforeRebuild` ends the worktree's use of the clone before a corrupt clone is swapped.
 */
async function refreshInBackground(
  job: Job,
  paths: HostClonePaths,
  hostClone: Repository,
  knownDefaultBranch: string,
  beforeRebuild: () => Promise<void>
): Promise<Refreshed> {
  const { settings } = job;
  const { originUrl } = settings;
  const { transfer } = planFetch(settings, { kind: 'host-clone' });
  if (knownDefaultBranch && (await fetchedRecently(paths.dir))) {
    const starts = [settings.branch, settings.base || knownDefaultBranch];
    const probe = await withRetries(`ask ${originUrl} for the tips of ${starts.join(', ')}`, () =>
      originMatches(hostClone, starts, knownDefaultBranch)
    ).catch((error: unknown) => {
      core.info(`Could not ask origin for its tips (${errorMessage(error)}); fetching.`);
      return undefined;
    });
    if (probe?.matches) {
      core.info(
        `The host clone was fetched moments ago and holds origin's tips of ${[...new Set(starts)].join(' and ')}: no fetch needed.`
      );
      return { defaultBranch: probe.defaultBranch, rebuilt: false };
    }
  }
  // Origin's default branch is asked for alongside the fetch: two round trips at once.
  const asked = remoteDefaultBranch(hostClone, originUrl);
  asked.catch(() => undefined); // awaited below, unless the clone is rebuilt first
  const { rebuilt } = await fetchIntoHostClone(
    paths,
    originUrl,
    hostClone,
    transfer,
    beforeRebuild
  );
  return {
    defaultBranch: await (rebuilt ? remoteDefaultBranch(hostClone, originUrl) : asked),
    rebuilt
  };
}

/**
 * Refreshes the host clone and creates the task worktree from it, under the host clone's lock.
 * The worktree is made from the refs the clone already holds while the refresh fetch runs; once
 * the fetch has ended it is moved to origin's tip (usually the same commit, and otherwise a
 * checkout of what changed), so the job still ends at origin's tip of the branch as of this job.
 * A clone that is missing or broken is made first, and nothing overlaps then.
 */
export async function refreshAndCreateWorktree(
  job: Job,
  paths: HostClonePaths,
  hostClone: Repository
): Promise<RefreshedWorktree> {
  const { settings, context, stages } = job;
  const { transfer } = planFetch(settings, { kind: 'host-clone' });
  const where = { cwd: paths.dir, writing: paths.cacheDir };
  const prepared = await stages.run(
    'fetch',
    `Refreshing the host clone ${paths.dir}`,
    async () => {
      const made = await prepareHostClone(paths, settings.originUrl, hostClone, transfer);
      if (made.created) return { ...made, knownDefaultBranch: '', branchExisted: false };
      const [known, branchTip] = await Promise.all([
        originHeadBranch(hostClone),
        hostClone.resolveCommit(`refs/heads/${settings.branch}`)
      ]);
      return { ...made, knownDefaultBranch: known, branchExisted: branchTip !== '' };
    },
    where
  );
  if (prepared.created) {
    const defaultBranch = await stages.run(
      'fetch',
      `Asking ${settings.originUrl} for its default branch`,
      async () => {
        const asked = await remoteDefaultBranch(hostClone, settings.originUrl);
        await finishRefresh(hostClone, asked);
        return asked;
      },
      where
    );
    const worktree = await createTaskWorktree(
      job,
      hostClone,
      defaultBranch || context.eventDefaultBranch,
      paths.lock
    );
    return {
      created: true,
      tipsBefore: prepared.tipsBefore,
      defaultBranch,
      worktree,
      untrustedObjectsOf: commit => untrustedObjectsOf(hostClone, commit)
    };
  }

  const guessedDefault = prepared.knownDefaultBranch || context.eventDefaultBranch;
  const guessed = taskWorktreeRequest(job, guessedDefault);
  const { branchExisted } = prepared;
  const attempt = createTaskWorktree(job, hostClone, guessedDefault, paths.lock);
  const ahead = VerifiedAhead.start(hostClone, guessed.branch, guessed.base);
  let discarded: Promise<void> | undefined;
  // Once: after a failed fetch or attempt, and before a corrupt clone is swapped for a new one.
  const discardEarly = () =>
    (discarded ??= ahead.settled().then(() =>
      attempt.then(
        made => discardWorktree(hostClone, made, guessed, branchExisted),
        () => discardWorktree(hostClone, undefined, guessed, branchExisted)
      )
    ));
  const refreshing = refreshInBackground(
    job,
    paths,
    hostClone,
    prepared.knownDefaultBranch,
    discardEarly
  );
  refreshing.catch(() => undefined); // awaited below, after the worktree
  const first = await attempt.then(
    made => ({ made, error: undefined }),
    (error: unknown) => ({ made: undefined, error })
  );
  const refreshed = await stages.run(
    'fetch',
    `Finishing the refresh of the host clone ${paths.dir}`,
    async () => {
      try {
        const done = await refreshing;
        // origin/HEAD is set only when origin's default branch is not what it already names.
        const known = done.defaultBranch === prepared.knownDefaultBranch && !done.rebuilt;
        await finishRefresh(hostClone, known ? '' : done.defaultBranch);
        return done;
      } catch (error) {
        await discardEarly().catch(() => undefined);
        throw error;
      }
    },
    where
  );
  const defaultBranch = refreshed.defaultBranch || context.eventDefaultBranch;
  let worktree: TaskWorktree;
  if (first.made && !refreshed.rebuilt) {
    const request = taskWorktreeRequest(job, defaultBranch);
    const made = first.made;
    worktree = await stages.run(
      'worktree',
      `Aligning the task worktree with origin's tip of ${settings.branch}`,
      () => retargetWorktree(hostClone, made, request),
      { cwd: made.path, writing: made.path }
    );
    if (worktree.commit !== made.commit) {
      // The reset to origin's tip moved the gitlinks, not the submodules' checkouts.
      await checkOutWorktreeSubmodules(job, hostClone, worktree.path);
      // It wrote the new commit's LFS pointers, not their files.
      if (settings.lfs) await checkOutLfsFiles(job, hostClone, worktree, paths.lock);
    }
  } else {
    // A permission problem would only repeat; anything else may have come from the refs as they
    // were before the fetch (a base that origin just got), and the clone is fetched now.
    if (first.error instanceof PermissionError) {
      await ahead.settled();
      throw first.error;
    }
    await discardEarly();
    worktree = await createTaskWorktree(job, hostClone, defaultBranch, paths.lock);
  }
  return {
    created: refreshed.rebuilt,
    tipsBefore: prepared.tipsBefore,
    defaultBranch: refreshed.defaultBranch,
    worktree,
    // The early check read the store that a rebuild has replaced.
    untrustedObjectsOf: commit =>
      refreshed.rebuilt ? untrustedObjectsOf(hostClone, commit) : ahead.of(commit)
  };
}
