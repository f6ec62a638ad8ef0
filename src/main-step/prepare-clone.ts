import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  STAGING_ROOT,
  type CacheBackend,
  type CacheSource,
  type RestoreResult
} from '../cache/backend.js';
import { errorMessage, InputError } from '../errors.js';
import { PermissionError, type Diagnoser } from '../permissions/diagnose.js';
import { exists, listDir } from '../fs-util.js';
import type { Settings } from '../inputs.js';
import { limits } from '../limits.js';
import { PARTIAL_SUFFIX, seedClone } from '../seed/seed.js';
import { initClone } from '../clone/init-clone.js';
import type { PhaseTimer } from '../timing.js';

/** How the clone at `path` came to be in this run. */
export interface Preparation {
  cacheSource: CacheSource;
  matchedKey: string;
  archiveBytes?: number;
  seeded: boolean;
  fallbackReason: string;
  cachedCommit?: string;
  /** `path` already held a clone: it was synced in place, no cache was used. */
  pathHeldClone?: boolean;
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

export interface PrepareInput {
  settings: Settings;
  backend: CacheBackend;
  /** The commit the job wants, when known before the fetch (its entry is tried first). */
  exactCommit: string;
  phases: PhaseTimer;
  diagnoser: Diagnoser;
}

async function assertClonePathUsable(settings: Settings): Promise<void> {
  // Leftovers of a killed run of this action are not the user's files.
  const ours = [STAGING_ROOT, `.git${PARTIAL_SUFFIX}`];
  const entries = (await listDir(settings.clonePath)).filter(name => !ours.includes(name));
  if (entries.length > 0) {
    throw new InputError(
      'path',
      `${settings.clonePath} is not empty and holds no git repository (found ${entries.slice(0, 3).join(', ')}). The action does not delete files it did not create: empty the directory or choose another path.`
    );
  }
}

/** A cache problem that the clone works around: one warning, with the permission help when it applies. */
async function warnAndClone(
  diagnoser: Diagnoser,
  stage: string,
  title: string,
  reason: string,
  error: unknown,
  cwd: string
): Promise<void> {
  const report = await diagnoser.describe(stage, error ?? new Error(reason), { cwd });
  if (report) core.warning(`${report.message}\nCloning instead.`, { title: report.title });
  else core.warning(`${stage} failed: ${reason}. Cloning instead.`, { title });
}

async function restoreAndSeed({
  settings,
  backend,
  exactCommit,
  phases,
  diagnoser
}: PrepareInput): Promise<Preparation> {
  // assertClonePathUsable has made sure an existing path holds nothing of the user's.
  const createdByThisRun = {
    path: settings.clonePath,
    contentsOnly: await exists(settings.clonePath)
  };
  const none = { seeded: false, createdByThisRun };
  if (!(await backend.available())) {
    core.info('No cache service is available to this job (ACTIONS_RESULTS_URL is not set).');
    return { ...none, cacheSource: 'none', matchedKey: '', fallbackReason: 'no cache service' };
  }
  core.startGroup(`Restoring the clone cache (${backend.source})`);
  try {
    const restored: RestoreResult = await phases
      .time('restore', () =>
        diagnoser.stage(
          `Restoring the clone cache (${backend.source})`,
          () => backend.restore(settings.cacheKeyPrefix, exactCommit),
          { cwd: settings.workspace }
        )
      )
      .catch(error => {
        // A permission problem in the host clone fails the step with its help; anything else
        // (a lock timeout, origin down during the refresh) is worked around by a full clone.
        if (error instanceof PermissionError) throw error;
        return { matchedKey: '', failure: errorMessage(error), error };
      });
    const base = { ...none, cacheSource: backend.source, matchedKey: restored.matchedKey };
    if (!restored.gitDir) {
      if (restored.failure) {
        await warnAndClone(
          diagnoser,
          'Restoring the clone cache',
          'Clone cache not restored',
          restored.failure,
          restored.error,
          settings.workspace
        );
        return { ...base, fallbackReason: `restore failed: ${restored.failure}` };
      }
      core.info(`No cache entry matches ${settings.cacheKeyPrefix}-*; cloning.`);
      return { ...base, fallbackReason: 'no cache entry' };
    }
    const gitDir = restored.gitDir;
    const outcome = await phases.time('seed', () =>
      seedClone(gitDir, settings.clonePath, settings.originUrl, limits().seedTimeoutMs)
    );
    if (!outcome.seeded) {
      await warnAndClone(
        diagnoser,
        `Seeding ${settings.clonePath} from the cache`,
        'Clone cache not used',
        (outcome.fallbackReason ?? '').replace(/^seed failed: /, ''),
        outcome.error,
        settings.clonePath
      );
    }
    return {
      ...base,
      archiveBytes: restored.archiveBytes,
      seeded: outcome.seeded,
      cachedCommit: outcome.cachedCommit,
      fallbackReason: outcome.fallbackReason ?? ''
    };
  } finally {
    await backend.cleanStaging().catch(async error => {
      const report = await diagnoser.describe('Removing the staging folder', error);
      core.warning(
        report?.message ?? `Could not remove the staging folder: ${errorMessage(error)}`,
        {
          title: report?.title ?? 'Clone cache staging folder left behind'
        }
      );
    });
    core.endGroup();
  }
}

/**
 * Makes `path` hold a clone: the existing one, one seeded from the cache backend, or an empty
 * repository that the sync then fills (a full clone).
 */
export async function prepareClone(input: PrepareInput): Promise<Preparation> {
  const { settings, phases, diagnoser } = input;
  if (await exists(path.join(settings.clonePath, '.git'))) {
    core.info(`${settings.clonePath} already holds a git repository; syncing it, not seeding.`);
    return {
      cacheSource: 'none',
      matchedKey: '',
      seeded: false,
      fallbackReason: 'path already holds a git repository',
      pathHeldClone: true
    };
  }
  await assertClonePathUsable(settings);
  const prepared = await restoreAndSeed(input);
  if (!prepared.seeded) {
    await phases.time('clone', () =>
      diagnoser.stage(
        'Cloning into path',
        () => initClone(settings.clonePath, settings.originUrl),
        {
          writing: settings.clonePath
        }
      )
    );
  }
  return prepared;
}
