import { ActionsCacheBackend } from '../cache/actions-cache.js';
import { HostDirBackend } from '../cache/host-dir.js';
import { markForRebuild } from '../host/host-clone.js';
import type { Repository } from '../git/repository.js';
import { limits } from '../limits.js';
import type { Job, ModeResult } from './job.js';
import type { Mode } from './mode.js';
import {
  prepareClone,
  removeCreatedByThisRun,
  replaceRefusedSeed,
  type Preparation
} from './prepare-clone.js';
import { EntryRefused, isWorkflowRepository, syncClone, type SyncResult } from './sync-clone.js';
import { createTaskWorktree } from './task-worktree.js';

/** Syncs the prepared clone; on failure, what this run made goes (never a clone that looks ready). */
async function syncOrRemove(
  job: Job,
  clone: Repository,
  prepared: Preparation
): Promise<SyncResult> {
  return syncClone(job, clone, prepared).catch(async error => {
    if (prepared.createdByThisRun) {
      await removeCreatedByThisRun(prepared.createdByThisRun).catch(() => undefined);
    }
    throw error;
  });
}

/**
 * Hosted, or self-hosted without a branch: seed `path` from the cache (or clone it), sync it,
 * then the task worktree from it when a branch is given.
 */
export async function cloneIntoPath(
  job: Job,
  mode: Exclude<Mode, { kind: 'host-worktree' }>,
  clone: Repository
): Promise<ModeResult> {
  const { settings, context } = job;
  const backend =
    mode.kind === 'host-clone-seed'
      ? new HostDirBackend(
          mode.hostClone,
          context.workspace,
          settings.originUrl,
          clone,
          settings.showProgress
        )
      : new ActionsCacheBackend(context.workspace, context.runnerTemp, limits().restoreTimeoutMs);
  // The entry for the event's own commit, when there is one, wins over a newer one.
  const exactCommit =
    !settings.ref && isWorkflowRepository(settings, context) ? context.eventSha : '';
  let prepared = await prepareClone(job, backend, exactCommit);
  let synced: SyncResult;
  try {
    synced = await syncOrRemove(job, clone, prepared);
  } catch (error) {
    if (!(error instanceof EntryRefused)) throw error;
    if (mode.kind === 'host-clone-seed') await markForRebuild(mode.hostClone, error.fallback);
    prepared = await replaceRefusedSeed(job, prepared, error.fallback);
    synced = await syncOrRemove(job, clone, prepared);
  }
  const worktree = settings.branch
    ? await createTaskWorktree(
        job,
        clone,
        synced.defaultBranch,
        undefined,
        prepared.cachedCommit !== undefined
      )
    : undefined;
  return {
    mode: mode.kind,
    cache: prepared.cache,
    clonePath: settings.clonePath,
    target: synced.target,
    isDefaultBranch: synced.isDefaultBranch,
    staleCommits: synced.staleCommits,
    shallow: synced.shallow,
    worktree
  };
}
