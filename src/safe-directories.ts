import * as core from '@actions/core';
import { errorMessage } from './errors.js';
import { trustDirectoryForThisProcess } from './git/exec.js';
import {
  addGlobalConfigValue,
  globalConfigValues,
  removeGlobalConfigValue
} from './git/global-config.js';
import { loadSafeDirectories, saveSafeDirectories } from './state.js';

const added: string[] = [];
/** The global config's safe.directory values, read once per step. */
let present: Promise<string[]> | undefined;

/**
 * set-safe-directory: git trusts `dir` whoever owns it, in this step and in the job's later
 * steps (a container job running as another uid). This step's commands get it as command-line
 * config (git 2.39+) and, like later steps, from the runner's global config (any git), where it
 * stays until the post step. A global config that cannot be written is a warning, not a failure.
 */
export async function trustDirectory(dir: string): Promise<void> {
  trustDirectoryForThisProcess(dir);
  try {
    present ??= globalConfigValues('safe.directory');
    const values = await present;
    if (values.includes(dir) || values.includes('*')) return;
    await addGlobalConfigValue('safe.directory', dir);
    values.push(dir);
    added.push(dir);
    // Saved at once: the post step removes it even when the main step fails after this.
    saveSafeDirectories(added);
    core.info(`Added ${dir} to git's global safe.directory until the post step.`);
  } catch (error) {
    core.warning(
      `Could not add ${dir} to git's global safe.directory (${errorMessage(error)}). Later steps that run git there as another user may stop at "dubious ownership".`,
      { title: 'safe.directory not set' }
    );
  }
}

/** The post step: removes the safe.directory values the main step added; a failure warns. */
export async function untrustDirectories(): Promise<void> {
  for (const dir of loadSafeDirectories()) {
    await removeGlobalConfigValue('safe.directory', dir).catch(error =>
      core.warning(
        `Could not remove ${dir} from git's global safe.directory: ${errorMessage(error)}`
      )
    );
  }
}
