import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
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
import { submoduleIncludes } from '../submodules/later-steps.js';
import { sshToHttpsRewrites } from '../submodules/ssh-rewrite.js';
import type { Job, ModeResult } from './job.js';

async function persistCredentials(
  job: Job,
  done: ModeResult,
  entries: readonly ConfigEntry[],
  worktreeGitDir: Promise<string> | undefined
): Promise<PersistedCredentials> {
  const file = await writeCredentialsFile(job.context.runnerTemp, entries);
  const hostWorktree = done.mode === 'host-worktree' ? done.worktree : undefined;
  const includes = worktreeGitDir
    ? worktreeIncludes(await worktreeGitDir, file)
    : cloneIncludes(done.clonePath, job.context.workspace, file);
  if (job.settings.submodules !== 'none') {
    // A host worktree's submodule repositories are its own (under its git directory), so their
    // config takes the include; the host clone itself is bare and has no submodules.
    const superprojects = hostWorktree
      ? [hostWorktree.path]
      : [done.clonePath, ...(done.worktree ? [done.worktree.path] : [])];
    const rewrites = sshToHttpsRewrites(job.settings.originUrl, job.settings.ssh !== undefined);
    const forSubmodules = await submoduleIncludes(superprojects, file, {
      workspace: job.context.workspace,
      rewrites
    }).catch(async error => {
      await fs.rm(file, { force: true });
      throw error;
    });
    includes.push(...forSubmodules);
  }
  const persisted = { file, includes };
  // A failure half-way takes back what was added: no post step knows of it yet.
  await addIncludes(includes).catch(async error => {
    await removePersistedCredentials(persisted).catch(() => undefined);
    throw error;
  });
  const by = worktreeGitDir ? 'the task worktree (global config)' : 'the clone';
  core.info(`Credentials for later steps' git commands are in ${file}, included by ${by}.`);
  return persisted;
}

/**
 * What actions/checkout leaves for later steps: the task worktree in safe.directory (the clone at
 * path was added before the step's first git command in it, run.ts), and with persist-credentials
 * the credentials file and its includes, which the post step removes.
 */
export async function setUpLaterSteps(
  job: Job,
  done: ModeResult,
  persistedConfig: readonly ConfigEntry[]
): Promise<PersistedCredentials | undefined> {
  const { settings } = job;
  const persist = settings.persistCredentials && persistedConfig.length > 0;
  const hostWorktree = done.mode === 'host-worktree' ? done.worktree : undefined;
  // Read while safe.directory is edited (the global config's edits stay one after another).
  const worktreeGitDir =
    persist && hostWorktree ? new Repository(hostWorktree.path).absoluteGitDir() : undefined;
  worktreeGitDir?.catch(() => undefined); // awaited below
  if (settings.setSafeDirectory && done.worktree) await trustDirectory(done.worktree.path);
  if (!persist) return undefined;
  return persistCredentials(job, done, persistedConfig, worktreeGitDir);
}
