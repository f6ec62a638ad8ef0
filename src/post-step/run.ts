import * as core from '@actions/core';
import { ActionsCacheBackend } from '../cache/actions-cache.js';
import { entryKey } from '../cache/backend.js';
import { buildSnapshot } from '../cache/snapshot.js';
import { warnPost } from '../errors.js';
import { Repository } from '../git/repository.js';
import { limits } from '../limits.js';
import { withTimeout } from '../fs-util.js';
import { writeSaveSummary } from '../report.js';
import { decideSave } from './save-policy.js';
import { loadMainState, type MainState } from '../state.js';
import { removeCredentials } from '../clone/credentials.js';
import { withHostCloneLock } from '../host/host-clone.js';
import { endLease, type LeaseEnd } from '../worktree/remove.js';
import { Diagnoser } from '../permissions/diagnose.js';

async function saveEntry(state: MainState): Promise<string> {
  const key = entryKey(state.keyPrefix, state.commit);
  const decision = decideSave(state, key);
  if (!decision.save) return `not saved: ${decision.reason}`;
  core.info(`Saving ${key}: ${decision.reason}.`);
  const backend = new ActionsCacheBackend(
    state.workspace,
    state.runnerTemp,
    limits().restoreTimeoutMs
  );
  try {
    await buildSnapshot(state.clonePath, state.commit, backend.stagingDir, state.originUrl);
    const result = await withTimeout(backend.save(key), limits().saveTimeoutMs, 'Saving the cache');
    if (!result.saved && !result.otherJob) {
      core.warning(`Clone cache not saved: ${result.message}`, { title: 'Clone cache post step' });
    }
    return result.saved ? result.message : `not saved: ${result.message}`;
  } finally {
    await backend.cleanStaging();
  }
}

/** Removes (or, with remove-worktree: false, releases) this job's task worktree. */
async function cleanUpWorktree(worktree: NonNullable<MainState['worktree']>): Promise<void> {
  const repo = new Repository(worktree.repoDir);
  const work = async () => {
    const end = await endLease(repo, worktree.path, worktree.lease, worktree.removeOnExit);
    const said: Record<LeaseEnd, string> = {
      removed: `Removed the task worktree ${worktree.path}.`,
      released: `Kept the task worktree ${worktree.path} (remove-worktree: false).`,
      gone: `The task worktree ${worktree.path} was already gone.`,
      'not ours': `The task worktree ${worktree.path} no longer carries this job's lease (it was taken for dead, and another job has had the worktree since); left as it is.`
    };
    core.info(said[end]);
  };
  if (worktree.hostLock) await withHostCloneLock(worktree.hostLock, worktree.repoDir, work);
  else await work();
}

/** A post-step problem: a warning, with the permission help when it is permission-class. */
async function warnWithHelp(diagnoser: Diagnoser, what: string, error: unknown, cwd?: string) {
  const report = await diagnoser.describe(what, error, { cwd }).catch(() => undefined);
  if (report) core.warning(report.message, { title: report.title });
  else warnPost(`${what} failed`, error);
}

export async function runPost(): Promise<void> {
  let diagnoser = new Diagnoser({ enabled: false, fixOwnership: false, roots: [] });
  try {
    const state = loadMainState();
    if (!state) {
      core.info('The main step did not finish; nothing to save or clean up.');
      return;
    }
    diagnoser = new Diagnoser({ ...state.diagnosis, fixOwnership: false });
    if (state.persistCredentials) {
      await removeCredentials(new Repository(state.clonePath), state.originUrl).catch(error =>
        warnWithHelp(diagnoser, 'Removing the persisted credentials', error, state.clonePath)
      );
    }
    if (state.worktree) {
      const worktree = state.worktree;
      await cleanUpWorktree(worktree).catch(error =>
        warnWithHelp(
          diagnoser,
          `Cleaning up the task worktree ${worktree.path}`,
          error,
          worktree.repoDir
        )
      );
    }
    core.startGroup('Saving the clone cache');
    let line: string;
    try {
      line = await saveEntry(state);
    } finally {
      core.endGroup();
    }
    core.info(`Clone cache ${line}`);
    if (process.env.GITHUB_STEP_SUMMARY) await writeSaveSummary(line);
  } catch (error) {
    await warnWithHelp(diagnoser, 'Saving the clone cache', error);
  }
}
