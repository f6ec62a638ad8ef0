import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ActionsCacheBackend, STAGING_ROOT } from './cache/actions-cache.js';
import type { CacheBackend } from './cache/backend.js';
import { failStep, InputError } from './errors.js';
import { exists, listDir } from './fs-util.js';
import { authConfig, basicAuthValue } from './git/auth.js';
import { Git } from './git/git.js';
import { parseSettings, type Settings } from './inputs.js';
import { limits } from './limits.js';
import { setOutputs, writeSummary, type MainReport } from './report.js';
import { readRunnerContext, type RunnerContext } from './runner-context.js';
import { isActionClone } from './seed/marker.js';
import { seedClone } from './seed/seed.js';
import { saveMainState } from './state.js';
import { checkoutTarget } from './sync/checkout.js';
import { persistCredentials } from './sync/credentials.js';
import { fetchCommit, fetchOrigin, remoteDefaultBranch } from './sync/fetch.js';
import { initClone } from './sync/init-clone.js';
import { setOrigin } from './sync/origin.js';
import { extraRefspecFor, resolveTarget, type RefRequest } from './sync/ref.js';
import { PhaseTimer } from './timing.js';

/** How the clone at `path` came to be in this run. */
interface Preparation {
  cacheSource: MainReport['cacheSource'];
  matchedKey: string;
  archiveBytes?: number;
  seeded: boolean;
  fallbackReason: string;
  cachedCommit?: string;
  /** What to remove if the step fails before the clone is complete ('' when it existed before). */
  createdByThisRun: string;
}

function maskSecrets(token: string): void {
  if (!token) return;
  core.setSecret(token);
  core.setSecret(Buffer.from(`x-access-token:${token}`).toString('base64'));
  core.setSecret(basicAuthValue(token));
}

async function assertClonePathUsable(settings: Settings): Promise<void> {
  const entries = (await listDir(settings.clonePath)).filter(name => name !== STAGING_ROOT);
  if (entries.length > 0) {
    throw new InputError(
      'path',
      `${settings.clonePath} is not empty and holds no git repository (found ${entries.slice(0, 3).join(', ')}). The action does not delete files it did not create: empty the directory or choose another path.`
    );
  }
}

async function restoreAndSeed(
  settings: Settings,
  backend: CacheBackend,
  exactCommit: string,
  phases: PhaseTimer
): Promise<Preparation> {
  const createdByThisRun = (await exists(settings.clonePath))
    ? path.join(settings.clonePath, '.git')
    : settings.clonePath;
  const none = { seeded: false, createdByThisRun };
  if (!backend.available()) {
    core.info('No cache service is available to this job (ACTIONS_RESULTS_URL is not set).');
    return { ...none, cacheSource: 'none', matchedKey: '', fallbackReason: 'no cache service' };
  }
  core.startGroup(`Restoring the clone cache (${settings.cacheKeyPrefix}-*)`);
  try {
    const restored = await phases.time('restore', () =>
      backend.restore(settings.cacheKeyPrefix, exactCommit)
    );
    const base = { ...none, cacheSource: backend.source, matchedKey: restored.matchedKey };
    if (!restored.gitDir) {
      if (restored.failure)
        return { ...base, fallbackReason: `restore failed: ${restored.failure}` };
      core.info(`No cache entry matches ${settings.cacheKeyPrefix}-*; cloning.`);
      return { ...base, fallbackReason: 'no cache entry' };
    }
    const gitDir = restored.gitDir;
    const outcome = await phases.time('seed', () =>
      seedClone(gitDir, settings.clonePath, settings.originUrl, limits().seedTimeoutMs)
    );
    return {
      ...base,
      archiveBytes: restored.archiveBytes,
      seeded: outcome.seeded,
      cachedCommit: outcome.cachedCommit,
      fallbackReason: outcome.fallbackReason ?? ''
    };
  } finally {
    await backend.cleanStaging();
    core.endGroup();
  }
}

async function prepareClone(
  settings: Settings,
  context: RunnerContext,
  phases: PhaseTimer
): Promise<Preparation> {
  if (await exists(path.join(settings.clonePath, '.git'))) {
    core.info(`${settings.clonePath} already holds a git repository; syncing it, not seeding.`);
    return {
      cacheSource: 'none',
      matchedKey: '',
      seeded: false,
      fallbackReason: 'path already holds a git repository',
      createdByThisRun: ''
    };
  }
  await assertClonePathUsable(settings);
  const backend = new ActionsCacheBackend(
    context.workspace,
    context.runnerTemp,
    limits().restoreTimeoutMs
  );
  const sameRepo = settings.repository.toLowerCase() === context.workflowRepository.toLowerCase();
  const exactCommit = !settings.ref && sameRepo ? context.eventSha : '';
  const prepared = await restoreAndSeed(settings, backend, exactCommit, phases);
  if (!prepared.seeded) {
    await phases.time('clone', () => initClone(settings.clonePath, settings.originUrl));
  }
  return prepared;
}

function refRequest(settings: Settings, context: RunnerContext, defaultBranch: string): RefRequest {
  if (settings.ref) return { ref: settings.ref, sha: '' };
  const sameRepo = settings.repository.toLowerCase() === context.workflowRepository.toLowerCase();
  if (sameRepo && context.eventRef) return { ref: context.eventRef, sha: context.eventSha };
  if (sameRepo && context.eventSha) return { ref: context.eventSha, sha: context.eventSha };
  return { ref: `refs/heads/${defaultBranch}`, sha: '' };
}

async function syncClone(
  settings: Settings,
  context: RunnerContext,
  prepared: Preparation,
  phases: PhaseTimer
) {
  const git = new Git(settings.clonePath);
  const gitDir = path.join(settings.clonePath, '.git');
  const ownClone = await isActionClone(gitDir);
  const auth = authConfig(settings.originUrl, settings.token);
  await setOrigin(git, settings.originUrl);

  const sameRepo = settings.repository.toLowerCase() === context.workflowRepository.toLowerCase();
  const eventDefault = sameRepo ? context.eventDefaultBranch : '';
  const defaultBranch = eventDefault || (await remoteDefaultBranch(git, settings.originUrl, auth));
  const request = refRequest(settings, context, defaultBranch);
  if (!request.ref || request.ref === 'refs/heads/') {
    throw new InputError(
      'ref',
      `is empty and the default branch of ${settings.originUrl} is unknown.`
    );
  }

  core.startGroup(`Fetching from origin`);
  const extra = extraRefspecFor(request.ref);
  await phases.time('fetch', () =>
    fetchOrigin(git, settings.originUrl, auth, {
      prune: ownClone,
      extraRefspecs: extra ? [extra] : []
    })
  );
  const target = await phases.time('fetch', () =>
    resolveTarget(git, request, settings.originUrl, sha =>
      fetchCommit(git, settings.originUrl, auth, sha)
    )
  );
  core.endGroup();
  if (defaultBranch) {
    await git.run(
      ['symbolic-ref', 'refs/remotes/origin/HEAD', `refs/remotes/origin/${defaultBranch}`],
      { allowFailure: true }
    );
  }

  core.startGroup(`Checking out ${target.name} (${target.commit})`);
  await phases.time('checkout', () => checkoutTarget(git, target, ownClone));
  core.endGroup();
  if (settings.persistCredentials)
    await persistCredentials(gitDir, settings.originUrl, settings.token);

  const staleCommits = prepared.cachedCommit
    ? Number(
        await git.output([
          'rev-list',
          '--count',
          `${prepared.cachedCommit}..${target.commit}`,
          '--'
        ])
      )
    : null;
  return {
    target,
    staleCommits,
    isDefaultBranch: target.kind === 'branch' && target.name === defaultBranch
  };
}

export async function runMain(): Promise<void> {
  const started = performance.now();
  const phases = new PhaseTimer();
  let prepared: Preparation | undefined;
  try {
    const context = readRunnerContext();
    const settings = parseSettings(name => core.getInput(name), context);
    maskSecrets(settings.token);
    await fs.mkdir(context.workspace, { recursive: true });
    prepared = await prepareClone(settings, context, phases);
    const synced = await syncClone(settings, context, prepared, phases);
    prepared.createdByThisRun = '';
    const report: MainReport = {
      cacheSource: prepared.cacheSource,
      cacheHit: prepared.matchedKey !== '',
      matchedKey: prepared.matchedKey,
      archiveBytes: prepared.archiveBytes,
      seeded: prepared.seeded,
      fallbackReason: prepared.fallbackReason,
      clonePath: settings.clonePath,
      commit: synced.target.commit,
      refDescription: `${synced.target.kind} ${synced.target.name}`,
      staleCommits: synced.staleCommits,
      seconds: (performance.now() - started) / 1000,
      phases
    };
    saveMainState({
      version: 1,
      workspace: context.workspace,
      runnerTemp: context.runnerTemp,
      clonePath: settings.clonePath,
      originUrl: settings.originUrl,
      persistCredentials: settings.persistCredentials,
      cacheSource: prepared.cacheSource,
      keyPrefix: settings.cacheKeyPrefix,
      matchedKey: prepared.matchedKey,
      seeded: prepared.seeded,
      commit: synced.target.commit,
      targetKind: synced.target.kind,
      targetName: synced.target.name,
      isDefaultBranch: synced.isDefaultBranch,
      staleCommits: synced.staleCommits,
      saveCache: settings.saveCache,
      refreshAfter: settings.refreshAfter
    });
    setOutputs(report);
    if (process.env.GITHUB_STEP_SUMMARY) await writeSummary(report);
    core.info(
      `Clone ready at ${settings.clonePath}: ${report.refDescription} ${report.commit} in ${report.seconds.toFixed(2)} s (seeded: ${report.seeded}).`
    );
  } catch (error) {
    if (prepared?.createdByThisRun) {
      await fs
        .rm(prepared.createdByThisRun, { recursive: true, force: true })
        .catch(() => undefined);
    }
    failStep(error);
  }
}
