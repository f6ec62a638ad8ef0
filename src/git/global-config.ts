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
    if (!/could not lock config file/.test(result.stderr) || attempt === LOCK_ATTEMPTS) {
      return result;
    }
    await sleep(25 + Math.random() * 75);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

/** Removes `key = value` (that value only) from the global config; absent is not an error. */
export async function removeGlobalConfigValue(key: string, value: string): Promise<void> {
  const result = await editGlobalConfig(['--unset-all', key, `^${escapeRegExp(value)}$`]);
  // Exit 5: nothing matched (already gone).
  if (result.exitCode !== 0 && result.exitCode !== 5) {
    throw new Error(`git config --global --unset-all ${key} failed: ${result.stderr.trim()}`);
  }
}
