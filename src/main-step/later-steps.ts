import * as core from '@actions/core';
import {
  addIncludes,
  cloneIncludes,
  removePersistedCredentials,
  worktreeIncludes,
  writeCredentialsFile,
  type PersistedCredentials
} from '../clone/credentials.js';
import type { ConfigEntry } from '../git/exec.js';
import { Repository } from '../git/repository.js';
import { trustDirectory } from '../safe-directories.js';
import type { Job, ModeResult } from './job.js';

/** What the main step set up for the job's later steps; the post step takes it away again. */
export interface LaterSteps {
  credentials?: PersistedCredentials;
}

async function persistCredentials(
  job: Job,
  done: ModeResult,
  entries: readonly ConfigEntry[],
  laterSteps: LaterSteps
): Promise<void> {
  const file = await writeCredentialsFile(job.context.runnerTemp, entries);
  let includes;
  if (done.mode === 'host-worktree' && done.worktree) {
    const gitDir = await new Repository(done.worktree.path).absoluteGitDir();
    includes = worktreeIncludes(gitDir, file);
  } else {
    includes = cloneIncludes(done.clonePath, job.context.workspace, file);
  }
  laterSteps.credentials = { file, includes };
  await addIncludes(includes);
  const by = done.mode === 'host-worktree' ? 'the task worktree (global config)' : 'the clone';
  core.info(`Credentials for later steps' git commands are in ${file}, included by ${by}.`);
}

/** Takes away what setUpLaterSteps added; every part is tried, the first failure is thrown. */
export async function tearDownLaterSteps(laterSteps: LaterSteps): Promise<void> {
  if (laterSteps.credentials) await removePersistedCredentials(laterSteps.credentials);
}

/**
 * persist-credentials and set-safe-directory, as actions/checkout leaves them for later steps.
 * Last of the main step: a failure here takes back what was added, so nothing is left behind
 * without a post step that knows it.
 */
export async function setUpLaterSteps(
  job: Job,
  done: ModeResult,
  persistedConfig: readonly ConfigEntry[]
): Promise<LaterSteps> {
  const { settings } = job;
  const laterSteps: LaterSteps = {};
  // The clone at path was trusted before the step's first git command in it (run.ts).
  if (settings.setSafeDirectory && done.worktree) await trustDirectory(done.worktree.path);
  try {
    if (settings.persistCredentials && persistedConfig.length > 0) {
      await persistCredentials(job, done, persistedConfig, laterSteps);
    }
  } catch (error) {
    await tearDownLaterSteps(laterSteps).catch(() => undefined);
    throw error;
  }
  return laterSteps;
}
