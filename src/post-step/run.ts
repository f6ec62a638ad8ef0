import * as core from '@actions/core';
import { warnPost } from '../errors.js';
import { Diagnoser } from '../permissions/diagnose.js';
import { removePersistedCredentials } from '../clone/credentials.js';
import { removeSshFiles } from '../clone/ssh-key.js';
import { untrustDirectories } from '../safe-directories.js';
import { loadMainState, loadSshFiles } from '../state.js';
import { entryKey } from '../cache/backend.js';
import { deleteSupersededEntries } from './cache-budget.js';
import { saveEntry } from './save-entry.js';
import { cleanUpWorktree } from './worktree-cleanup.js';

/** A post-step problem: a warning, with the permission help when it is permission-class. */
async function warnWithHelp(diagnoser: Diagnoser, what: string, error: unknown, cwd?: string) {
  const report = await diagnoser.describe(what, error, { cwd }).catch(() => undefined);
  if (report) core.warning(report.message, { title: report.title });
  else warnPost(`${what} failed`, error);
}

/**
 * The post step, by the state the main step left: remove persisted credentials, end the task
 * worktree's lease, save a new entry when the policy says so and then delete the entries it
 * supersedes. It never fails the job.
 */
export async function runPostStep(): Promise<void> {
  let diagnoser = new Diagnoser({ enabled: false, fixOwnership: false, roots: [] });
  try {
    // Before anything else, and whether or not the main step finished.
    await removeSshFiles(loadSshFiles()).catch(error => warnPost('Removing the ssh key', error));
    const state = loadMainState();
    if (!state) {
      core.info('The main step did not finish; nothing to save or clean up.');
      return;
    }
    diagnoser = new Diagnoser({ ...state.diagnosis, fixOwnership: false });
    const credentials = state.credentials;
    if (credentials) {
      await removePersistedCredentials(credentials).catch(error =>
        warnWithHelp(diagnoser, 'Removing the persisted credentials', error)
      );
    }
    const worktree = state.worktree;
    if (worktree) {
      await cleanUpWorktree(worktree).catch(error =>
        warnWithHelp(
          diagnoser,
          `Cleaning up the task worktree ${worktree.path}`,
          error,
          worktree.repoDir
        )
      );
    }
    const { line, saved } = await saveEntry(state);
    core.info(`Clone cache ${line}`);
    const lines = [`Clone cache post step: ${line}`];
    if (saved) {
      const budget = await deleteSupersededEntries(
        state.keyPrefix,
        entryKey(state.keyPrefix, state.commit)
      );
      lines.push(`Clone cache entries: ${budget}`);
    }
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(lines.join('\n\n'), true).write();
    }
  } catch (error) {
    await warnWithHelp(diagnoser, 'Saving the clone cache', error);
  } finally {
    // Last, and whether or not the main step finished: until now this step's git trusts them too.
    await untrustDirectories().catch(error => warnPost('Removing safe.directory values', error));
  }
}
