import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import { ActionsCacheBackend } from '../cache/actions-cache.js';
import type { CacheBackend } from '../cache/backend.js';
import { HostDirBackend } from '../cache/host-dir.js';
import { failStep } from '../errors.js';
import { authConfig, basicAuthValue } from '../git/auth.js';
import { Repository } from '../git/repository.js';
import { hostClonePaths } from '../host/host-clone.js';
import { parseSettings, validateBranchInputs, type Settings } from '../inputs.js';
import { limits } from '../limits.js';
import { prepareClone, removeCreatedByThisRun, type Preparation } from './prepare-clone.js';
import { isWorkflowRepository, syncClone } from './sync-clone.js';
import { createTaskWorktree, hostTaskWorktree, worktreeFolder } from './task-worktree.js';
import { Diagnoser, type DiagnosisSettings } from '../permissions/diagnose.js';
import * as path from 'node:path';
import { setOutputs, writeSummary, type MainReport } from '../report.js';
import { readRunnerContext, type RunnerContext } from '../runner-context.js';
import { saveMainState, type MainState } from '../state.js';
import { peakMemoryMiB, PhaseTimer } from '../timing.js';
import { requireGit } from '../git/version.js';
import { persistCredentials } from '../clone/credentials.js';

/** The directories the action writes, which the permission diagnosis may scan and fix. */
function diagnosisSettings(settings: Settings, context: RunnerContext): DiagnosisSettings {
  const worktreeRoot = settings.branch
    ? settings.worktreePath || path.dirname(path.dirname(worktreeFolder(settings, context)))
    : '';
  const roots = [
    settings.cacheDir && settings.branch ? '' : settings.workspace,
    settings.cacheDir && settings.branch ? '' : settings.clonePath,
    worktreeRoot,
    settings.cacheDir
  ];
  return {
    enabled: settings.diagnosePermissions,
    fixOwnership: settings.fixOwnership,
    roots: roots.filter(Boolean)
  };
}

function maskSecrets(token: string): void {
  if (!token) return;
  core.setSecret(token);
  core.setSecret(Buffer.from(`x-access-token:${token}`).toString('base64'));
  core.setSecret(basicAuthValue(token));
}

interface Outcome {
  report: Omit<MainReport, 'seconds' | 'phases'>;
  state: Omit<
    MainState,
    | 'version'
    | 'workspace'
    | 'runnerTemp'
    | 'originUrl'
    | 'persistCredentials'
    | 'keyPrefix'
    | 'saveCache'
    | 'refreshAfter'
    | 'diagnosis'
  >;
}

/** Self-hosted with a branch: the worktree comes straight from the host clone; `path` is untouched. */
async function runHostWorktree(
  settings: Settings,
  context: RunnerContext,
  clone: Repository,
  phases: PhaseTimer,
  diagnoser: Diagnoser
): Promise<Outcome> {
  const { paths, refresh, worktree, staleCommits } = await diagnoser.stage(
    'Refreshing the host clone in cache-dir',
    () => hostTaskWorktree(settings, context, clone, phases, diagnoser),
    {
      cwd: hostClonePaths(settings.cacheDir, settings.repoName, settings.originUrl).dir,
      writing: settings.cacheDir
    }
  );
  return {
    report: {
      cacheSource: 'host-dir',
      cacheHit: !refresh.created,
      matchedKey: refresh.created ? '' : `host-dir:${paths.scope}`,
      seeded: !refresh.created,
      fallbackReason: refresh.created ? 'the host clone was made by this job' : '',
      clonePath: paths.dir,
      commit: worktree.commit,
      refDescription: `branch ${settings.branch}`,
      staleCommits,
      worktreePath: worktree.path,
      worktreeMode: worktree.mode
    },
    state: {
      clonePath: paths.dir,
      cacheSource: 'host-dir',
      matchedKey: '',
      seeded: !refresh.created,
      commit: worktree.commit,
      targetKind: 'branch',
      targetName: settings.branch,
      isDefaultBranch: false,
      staleCommits,
      worktree: {
        path: worktree.path,
        repoDir: paths.dir,
        removeOnExit: settings.removeWorktree,
        lease: worktree.lease,
        hostLock: paths.lock
      }
    }
  };
}

/** Hosted (or self-hosted without a branch): seed or clone `path`, sync it, then the worktree if asked. */
async function runClone(
  settings: Settings,
  context: RunnerContext,
  clone: Repository,
  phases: PhaseTimer,
  diagnoser: Diagnoser,
  onPrepared: (prepared: Preparation) => void
): Promise<Outcome> {
  const backend: CacheBackend = settings.cacheDir
    ? new HostDirBackend(
        hostClonePaths(settings.cacheDir, settings.repoName, settings.originUrl),
        context.workspace,
        settings.originUrl,
        clone
      )
    : new ActionsCacheBackend(context.workspace, context.runnerTemp, limits().restoreTimeoutMs);
  const exactCommit =
    !settings.ref && isWorkflowRepository(settings, context) ? context.eventSha : '';
  const prepared = await prepareClone({ settings, backend, exactCommit, phases, diagnoser });
  onPrepared(prepared);
  const synced = await diagnoser.stage(
    'Fetching and checking out',
    () => syncClone(settings, context, clone, prepared.cachedCommit, phases),
    { cwd: settings.clonePath }
  );
  prepared.createdByThisRun = undefined;
  const worktree = settings.branch
    ? await createTaskWorktree(
        settings.clonePath,
        settings,
        context,
        synced.defaultBranch,
        phases,
        diagnoser
      )
    : undefined;
  return {
    report: {
      cacheSource: prepared.cacheSource,
      cacheHit: prepared.matchedKey !== '',
      matchedKey: prepared.matchedKey,
      archiveBytes: prepared.archiveBytes,
      seeded: prepared.seeded,
      fallbackReason: prepared.fallbackReason,
      clonePath: settings.clonePath,
      commit: worktree?.commit ?? synced.target.commit,
      refDescription: worktree
        ? `branch ${settings.branch}`
        : `${synced.target.kind} ${synced.target.name}`,
      staleCommits: synced.staleCommits,
      worktreePath: worktree?.path ?? '',
      worktreeMode: worktree?.mode ?? ''
    },
    state: {
      clonePath: settings.clonePath,
      cacheSource: prepared.cacheSource,
      matchedKey: prepared.matchedKey,
      seeded: prepared.seeded,
      pathHeldClone: prepared.pathHeldClone,
      commit: synced.target.commit,
      targetKind: synced.target.kind,
      targetName: synced.target.name,
      isDefaultBranch: synced.isDefaultBranch,
      staleCommits: synced.staleCommits,
      worktree: worktree && {
        path: worktree.path,
        repoDir: settings.clonePath,
        removeOnExit: settings.removeWorktree,
        lease: worktree.lease
      }
    }
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
    await requireGit();
    await validateBranchInputs(settings);
    const diagnosis = diagnosisSettings(settings, context);
    const diagnoser = new Diagnoser(diagnosis);
    await diagnoser.preflight();
    await fs.mkdir(context.workspace, { recursive: true });
    const clone = new Repository(
      settings.clonePath,
      authConfig(settings.originUrl, settings.token)
    );
    const { report, state } =
      settings.cacheDir && settings.branch
        ? await runHostWorktree(settings, context, clone, phases, diagnoser)
        : await runClone(settings, context, clone, phases, diagnoser, p => (prepared = p));
    // Last of all, so that a failure before it never leaves a token behind without a post step
    // that knows to remove it.
    if (settings.persistCredentials) {
      await persistCredentials(
        path.join(settings.clonePath, '.git'),
        settings.originUrl,
        settings.token
      );
    }
    const full: MainReport = { ...report, seconds: (performance.now() - started) / 1000, phases };
    saveMainState({
      version: 1,
      workspace: context.workspace,
      runnerTemp: context.runnerTemp,
      originUrl: settings.originUrl,
      persistCredentials: settings.persistCredentials,
      keyPrefix: settings.cacheKeyPrefix,
      saveCache: settings.saveCache,
      refreshAfter: settings.refreshAfter,
      diagnosis,
      ...state
    });
    setOutputs(full);
    if (process.env.GITHUB_STEP_SUMMARY) await writeSummary(full);
    core.info(`Peak memory of the action process: ${peakMemoryMiB()} MiB`);
    core.info(
      `Ready: ${full.refDescription} at ${full.commit} in ${full.seconds.toFixed(2)} s (${full.worktreePath || full.clonePath}).`
    );
  } catch (error) {
    if (prepared?.createdByThisRun) {
      await removeCreatedByThisRun(prepared.createdByThisRun).catch(() => undefined);
    }
    failStep(error);
  }
}
