import * as core from '@actions/core';
import { ActionsCacheBackend } from './cache/actions-cache.js';
import { entryKey } from './cache/backend.js';
import { buildSnapshot } from './cache/snapshot.js';
import { warnPost } from './errors.js';
import { Git } from './git/git.js';
import { limits } from './limits.js';
import { writeSaveSummary } from './report.js';
import { decideSave } from './save-policy.js';
import { loadMainState, type MainState } from './state.js';
import { removeCredentials } from './sync/credentials.js';
import { withLock } from './host/lock.js';
import { lockOptions } from './main/task-worktree.js';
import { releaseWorktree, removeWorktree } from './worktree/remove.js';

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
    const result = await backend.save(key);
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
  const git = new Git(worktree.repoDir);
  const work = async () => {
    if (worktree.removeOnExit) {
      await removeWorktree(git, worktree.path);
      core.info(`Removed the task worktree ${worktree.path}.`);
    } else {
      await releaseWorktree(git, worktree.path);
      core.info(`Kept the task worktree ${worktree.path} (remove-worktree: false).`);
    }
  };
  if (worktree.hostLock)
    await withLock(worktree.hostLock, `the host clone ${worktree.repoDir}`, lockOptions(), work);
  else await work();
}

export async function runPost(): Promise<void> {
  try {
    const state = loadMainState();
    if (!state) {
      core.info('The main step did not finish; nothing to save or clean up.');
      return;
    }
    if (state.persistCredentials) {
      await removeCredentials(new Git(state.clonePath), state.originUrl).catch(error =>
        warnPost('Removing the persisted credentials failed', error)
      );
    }
    if (state.worktree) {
      await cleanUpWorktree(state.worktree).catch(error =>
        warnPost(`Cleaning up the task worktree ${state.worktree?.path} failed`, error)
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
    warnPost('Saving the clone cache failed', error);
  }
}
