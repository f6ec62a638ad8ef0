import * as path from 'node:path';
import { runGit } from './exec.js';
import type { Repository } from './repository.js';

// A config file is read with --file and --no-includes: one file, include.* not followed, so
// nothing a planted file says can run or point elsewhere. git runs in the file's folder.

/** The value `key` has in the config file, '' when it has none (or the file cannot be read). */
export async function configFileValue(configFile: string, key: string): Promise<string> {
  const read = await runGit(
    path.dirname(configFile),
    ['config', '--file', configFile, '--no-includes', '--get', key],
    { allowFailure: true }
  );
  return read.stdout.trim();
}

/** The names of the keys the config file sets (none when it cannot be read). */
export async function configFileKeys(configFile: string): Promise<string[]> {
  const listed = await runGit(
    path.dirname(configFile),
    ['config', '--file', configFile, '--no-includes', '--name-only', '--list'],
    { allowFailure: true }
  );
  return listed.stdout.split('\n').filter(Boolean);
}

/** Sets `key` in the repository's own config (.git/config). */
export async function setLocalConfig(repo: Repository, key: string, value: string): Promise<void> {
  await runGit(repo.dir, ['config', '--local', key, value]);
}

/** The keys and values of the repository's own config whose names match `pattern` (a regex). */
export async function localConfigMatching(
  repo: Repository,
  pattern: string
): Promise<[string, string][]> {
  const listed = await runGit(repo.dir, ['config', '--local', '-z', '--get-regexp', pattern], {
    allowFailure: true
  });
  return splitNulEntries(listed.stdout);
}

/** Adds a value of `key` to the repository's own config, next to any it has. */
export async function addLocalConfigValue(
  repo: Repository,
  key: string,
  value: string
): Promise<void> {
  await runGit(repo.dir, ['config', '--local', '--add', key, value]);
}

/** Removes the values of `key` that match `valuePattern` from the repository's own config. */
export async function unsetLocalConfigValue(
  repo: Repository,
  key: string,
  valuePattern: string
): Promise<void> {
  await runGit(repo.dir, ['config', '--local', '--unset-all', key, valuePattern], {
    allowFailure: true
  });
}

/** Removes every value of `key` from the repository's own config; git's refusal is ignored. */
export async function unsetLocalConfig(repo: Repository, key: string): Promise<void> {
  await runGit(repo.dir, ['config', '--local', '--unset-all', key], { allowFailure: true });
}

/** Every key and value the config file sets, in order (none when it cannot be read). */
export async function configFileEntries(configFile: string): Promise<[string, string][]> {
  const listed = await runGit(
    path.dirname(configFile),
    ['config', '--file', configFile, '--no-includes', '--list', '-z'],
    { allowFailure: true }
  );
  return splitNulEntries(listed.stdout);
}

/** `git config -z` output: each entry is `key\nvalue\0` (no newline when there is no value). */
function splitNulEntries(output: string): [string, string][] {
  return output
    .split('\0')
    .filter(Boolean)
    .map(entry => {
      const newline = entry.indexOf('\n');
      return newline < 0 ? [entry, ''] : [entry.slice(0, newline), entry.slice(newline + 1)];
    });
}
