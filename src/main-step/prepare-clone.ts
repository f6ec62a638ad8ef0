import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { STAGING_ROOT, type CacheBackend, type RestoreResult } from '../cache/backend.js';
import { initClone } from '../clone/init-clone.js';
import { errorMessage, InputError, type Fallback } from '../errors.js';
import { exists, listDir } from '../fs-util.js';
import { limits } from '../limits.js';
import { PermissionError } from '../permissions/diagnose.js';
import { PARTIAL_SUFFIX, seedClone } from '../seed/seed.js';
import type { Job } from './job.js';
import type { CacheUse } from './result.js';

/** How the clone at `path` came to be in this run. */
export interface Preparation {
  cache: CacheUse;
  /** The commit the cache was at, when the clone was seeded. */
  cachedCommit?: string;
  /** What to remove if the step fails before the clone is complete (undefined: nothing). */
  createdByThisRun?: CreatedByThisRun;
}

export interface CreatedByThisRun {
  path: string;
  /** `path` existed (empty, or holding only this action's leftovers): only its contents are ours. */
  contentsOnly: boolean;
}

/** Removes what this run created in `path`, and nothing else. */
export async function removeCreatedByThisRun(created: CreatedByThisRun): Promise<void> {
  if (!created.contentsOnly) {
    await fs.rm(created.path, { recursive: true, force: true });
    return;
  }
  for (const name of await listDir(created.path)) {
    await fs.rm(path.join(created.path, name), { recursive: true, force: true });
  }
}

async function assertClonePathUsable(clonePath: string): Promise<void> {
  // Leftovers of a killed run of this action are not the user's files.
  const ours = [STAGING_ROOT, `.git${PARTIAL_SUFFIX}`];
  const entries = (await listDir(clonePath)).filter(name => !ours.includes(name));
  if (entries.length > 0) {
    throw new InputError(
      'path',
      `${clonePath} is not empty and holds no git repository (found ${entries.slice(0, 3).join(', ')}). The action does not delete files it did not create: empty the directory or choose another path.`
    );
  }
}

/** A cache problem that the clone works around: one warning, with the permission help when it applies. */
async function warnAndClone(
  job: Job,
  stage: string,
  title: string,
  failure: Fallback,
  cwd: string
): Promise<void> {
  const cause = failure.cause ?? new Error(failure.reason);
  const report = await job.stages.diagnoser.describe(stage, cause, { cwd });
  if (report) core.warning(`${report.message}\nCloning instead.`, { title: report.title });
  else core.warning(`${stage} failed: ${failure.reason}. Cloning instead.`, { title });
}

/** Restores an entry (restore stage) and seeds `path` from it (seed stage). */
async function restoreAndSeed(
  job: Job,
  backend: CacheBackend,
  exactCommit: string
): Promise<Omit<Preparation, 'createdByThisRun'>> {
  const { settings } = job;
  const missed = (source: CacheUse['source'], matchedKey: string, reason: string) => ({
    cache: { source, matchedKey, seeded: false, pathHeldClone: false, fallback: { reason } }
  });
  if (!(await backend.available())) {
    core.info('No cache service is available to this job (ACTIONS_RESULTS_URL is not set).');
    return missed('none', '', 'no cache service');
  }
  const restoring = `Restoring the clone cache (${backend.source})`;
  const restored: RestoreResult = await job.stages
    .run('restore', restoring, () => backend.restore(settings.cacheKeyPrefix, exactCommit), {
      cwd: settings.workspace
    })
    .catch(error => {
      // A permission problem in the host clone fails the step with its help; anything else
      // (a lock timeout, origin down during the refresh) is worked around by a full clone.
      if (error instanceof PermissionError) throw error;
      return { matchedKey: '', failure: { reason: errorMessage(error), cause: error } };
    });
  if (!restored.gitDir) {
    if (restored.failure) {
      await warnAndClone(
        job,
        'Restoring the clone cache',
        'Clone cache not restored',
        restored.failure,
        settings.workspace
      );
      return missed(
        backend.source,
        restored.matchedKey,
        `restore failed: ${restored.failure.reason}`
      );
    }
    core.info(`No cache entry matches ${settings.cacheKeyPrefix}-*; cloning.`);
    return missed(backend.source, restored.matchedKey, 'no cache entry');
  }
  const gitDir = restored.gitDir;
  const seeding = `Seeding ${settings.clonePath} from the cache`;
  const outcome = await job.stages.run('seed', seeding, () =>
    seedClone(
      gitDir,
      settings.clonePath,
      settings.originUrl,
      limits().seedTimeoutMs,
      restored.archiveBytes,
      settings.filter
    )
  );
  const cache: CacheUse = {
    source: backend.source,
    matchedKey: restored.matchedKey,
    archiveBytes: restored.archiveBytes,
    seeded: outcome.seeded,
    pathHeldClone: false
  };
  if (outcome.seeded) return { cache, cachedCommit: outcome.cachedCommit };
  await warnAndClone(job, seeding, 'Clone cache not used', outcome.failure, settings.clonePath);
  const { reason, cause } = outcome.failure;
  return { cache: { ...cache, fallback: { reason: `seed failed: ${reason}`, cause } } };
}

/** An empty repository at `path` that the sync fills: a full clone. */
async function startFullClone(job: Job): Promise<void> {
  const { settings } = job;
  await job.stages.run(
    'clone',
    'Cloning into path',
    () => initClone(settings.clonePath, settings.originUrl, settings.filter),
    { writing: settings.clonePath }
  );
}

/**
 * After a seeded clone was refused and removed (the entry's objects did not match their ids):
 * a full clone in its place, reported with why the entry was not used.
 */
export async function replaceRefusedSeed(
  job: Job,
  refused: Preparation,
  fallback: Fallback
): Promise<Preparation> {
  core.warning(`${fallback.reason}. Cloning instead.`, { title: 'Clone cache not used' });
  await startFullClone(job);
  return {
    ...refused,
    cachedCommit: undefined,
    cache: { ...refused.cache, seeded: false, fallback }
  };
}

/**
 * Makes `path` hold a clone: the existing one, one seeded from the cache backend, or an empty
 * repository that the sync then fills (a full clone).
 */
export async function prepareClone(
  job: Job,
  backend: CacheBackend,
  exactCommit: string
): Promise<Preparation> {
  const { settings } = job;
  if (await exists(path.join(settings.clonePath, '.git'))) {
    core.info(`${settings.clonePath} already holds a git repository; syncing it, not seeding.`);
    const reason = 'path already holds a git repository';
    return {
      cache: {
        source: 'none',
        matchedKey: '',
        seeded: false,
        pathHeldClone: true,
        fallback: { reason }
      }
    };
  }
  await assertClonePathUsable(settings.clonePath);
  // assertClonePathUsable has made sure an existing path holds nothing of the user's.
  const createdByThisRun = {
    path: settings.clonePath,
    contentsOnly: await exists(settings.clonePath)
  };
  try {
    const prepared = await restoreAndSeed(job, backend, exactCommit);
    if (!prepared.cache.seeded) await startFullClone(job);
    return { ...prepared, createdByThisRun };
  } catch (error) {
    await removeCreatedByThisRun(createdByThisRun).catch(() => undefined);
    throw error;
  } finally {
    await backend.cleanStaging().catch(async error => {
      const report = await job.stages.diagnoser.describe('Removing the staging folder', error);
      core.warning(
        report?.message ?? `Could not remove the staging folder: ${errorMessage(error)}`,
        {
          title: report?.title ?? 'Clone cache staging folder left behind'
        }
      );
    });
  }
}
