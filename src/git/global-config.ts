import { setTimeout as sleep } from 'node:timers/promises';
import { runGit, type GitResult } from './exec.js';

// The runner's global config (~/.gitconfig) is what later steps read. On a self-hosted host several
// runners may share one HOME: a concurrent writer holds the lock for milliseconds, so a write that
// finds it taken is tried again, briefly, instead of failing the step.
const LOCK_ATTEMPTS = 40;

async function editGlobalConfig(args: string[]): Promise<GitResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await runGit(process.cwd(), ['config', '--global', ...args], {
      allowFailure: true
    });
    // Only a lock another writer holds clears by waiting; "Permission denied" does not.
    const lockHeld = /could not lock config file .*: File exists/.test(result.stderr);
    if (!lockHeld || attempt === LOCK_ATTEMPTS) {
      return result;
    }
    await sleep(25 + Math.random() * 75);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes every `key` line whose value matches the regular expression. */
export async function removeGlobalConfigMatching(key: string, valuePattern: string): Promise<void> {
  const result = await editGlobalConfig(['--unset-all', key, valuePattern]);
  if (result.exitCode !== 0 && result.exitCode !== 5) {
    throw new Error(`git config --global --unset-all ${key} failed: ${result.stderr.trim()}`);
  }
}

/** Every value of `key` in the global config. */
export async function globalConfigValues(key: string): Promise<string[]> {
  const read = await runGit(process.cwd(), ['config', '--global', '--get-all', key], {
    allowFailure: true
  });
  return read.stdout.split('\n').filter(Boolean);
}

/** Adds `key = value` to the global config; throws git's error when it cannot. */
export async function addGlobalConfigValue(key: string, value: string): Promise<void> {
  const result = await editGlobalConfig(['--add', key, value]);
  if (result.exitCode !== 0) {
    throw new Error(`git config --global --add ${key} failed: ${result.stderr.trim()}`);
  }
}

/**
 * Removes one `key = value` line from the global config; absent is not an error. Two equal lines
 * (two jobs that added the same value at once) become one, which the other job's removal takes.
 */
export async function removeGlobalConfigValue(key: string, value: string): Promise<void> {
  const pattern = `^${escapeRegExp(value)}$`;
  let result = await editGlobalConfig(['--unset', key, pattern]);
  // Exit 5: nothing matched, or more than one line did.
  if (result.exitCode === 5 && /multiple values/.test(result.stderr)) {
    result = await editGlobalConfig(['--replace-all', key, value, pattern]);
  }
  if (result.exitCode !== 0 && result.exitCode !== 5) {
    throw new Error(`git config --global ${key} ${value} not removed: ${result.stderr.trim()}`);
  }
}
