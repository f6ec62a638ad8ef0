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
import {
  addGlobalConfigValue,
  globalConfigValues,
  removeGlobalConfigValue
} from '../git/global-config.js';
import { Repository } from '../git/repository.js';
import type { Job, ModeResult } from './job.js';

/** What the main step set up for the job's later steps; the post step takes it away again. */
export interface LaterSteps {
  credentials?: PersistedCredentials;
  /** safe.directory values this job added to the runner's global config. */
  safeDirectories: string[];
}

/** The folders later steps run git in: the clone at `path` and the task worktree (never the host clone). */
function checkoutFolders(done: ModeResult): string[] {
  const folders = done.mode === 'host-worktree' ? [] : [done.clonePath];
  if (done.worktree) folders.push(done.worktree.path);
  return folders;
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
  core.info(`Credentials for later steps' git commands are in ${file}, included by the clone.`);
}

async function addSafeDirectories(done: ModeResult, laterSteps: LaterSteps): Promise<void> {
  const present = await globalConfigValues('safe.directory');
  for (const folder of checkoutFolders(done)) {
    if (present.includes(folder) || present.includes('*')) continue;
    await addGlobalConfigValue('safe.directory', folder);
    laterSteps.safeDirectories.push(folder);
  }
  if (laterSteps.safeDirectories.length > 0) {
    core.info(`Added to git's global safe.directory: ${laterSteps.safeDirectories.join(', ')}`);
  }
}

/** Takes away what setUpLaterSteps added; every part is tried, the first failure is thrown. */
export async function tearDownLaterSteps(laterSteps: LaterSteps): Promise<void> {
  const failures: unknown[] = [];
  if (laterSteps.credentials) {
    await removePersistedCredentials(laterSteps.credentials).catch(error => failures.push(error));
  }
  for (const folder of laterSteps.safeDirectories) {
    await removeGlobalConfigValue('safe.directory', folder).catch(error => failures.push(error));
  }
  if (failures.length > 0) throw failures[0];
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
  const laterSteps: LaterSteps = { safeDirectories: [] };
  try {
    if (settings.persistCredentials && persistedConfig.length > 0) {
      await persistCredentials(job, done, persistedConfig, laterSteps);
    }
    if (settings.setSafeDirectory) await addSafeDirectories(done, laterSteps);
  } catch (error) {
    await tearDownLaterSteps(laterSteps).catch(() => undefined);
    throw error;
  }
  return laterSteps;
}
