import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { authHeaderKey } from '../git/auth.js';
import { quoteConfigValue } from '../git/config-template.js';
import {
  addLocalConfigValue,
  localConfigMatching,
  unsetLocalConfig,
  unsetLocalConfigValue
} from '../git/config.js';
import type { ConfigEntry } from '../git/exec.js';
import {
  addGlobalConfigValue,
  escapeRegExp,
  removeGlobalConfigMatching
} from '../git/global-config.js';
import { Repository } from '../git/repository.js';

/** The file names of persisted credentials under RUNNER_TEMP (and how stale includes are known). */
export const CREDENTIALS_FILE_PREFIX = 'clone-cache-credentials-';

/** One include line: in a clone's own config, or in the runner's global config. */
export interface IncludeLine {
  scope: 'local' | 'global';
  /** The clone whose config holds the line (scope local). */
  repoDir?: string;
  key: string;
  value: string;
}

/** What persist-credentials left for later steps, and the post step removes. */
export interface PersistedCredentials {
  /** The config file under RUNNER_TEMP that holds the auth (mode 0600). */
  file: string;
  includes: IncludeLine[];
}

/** `section.sub.section.name` → the file's `[section "sub.section"]` and `name`. */
function splitKey(key: string): { section: string; name: string } {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  const name = key.slice(last + 1);
  if (first === last) return { section: `[${key.slice(0, first)}]`, name };
  const sub = key.slice(first + 1, last);
  return { section: `[${key.slice(0, first)} ${quoteConfigValue(sub)}]`, name };
}

/** A config file that sets the entries in order (a repeated key adds a value, '' resets it). */
export function configFileText(entries: readonly ConfigEntry[]): string {
  return entries
    .map(entry => {
      const { section, name } = splitKey(entry.key);
      return `${section}\n\t${name} = ${quoteConfigValue(entry.value)}\n`;
    })
    .join('');
}

/** Writes the entries to a new file under RUNNER_TEMP that only the runner user can read. */
export async function writeCredentialsFile(
  runnerTemp: string,
  entries: readonly ConfigEntry[]
): Promise<string> {
  await fs.mkdir(runnerTemp, { recursive: true });
  const file = path.join(runnerTemp, `${CREDENTIALS_FILE_PREFIX}${randomUUID()}.config`);
  await fs.writeFile(file, configFileText(entries), { mode: 0o600, flag: 'wx' });
  return file;
}

/** `gitdir:` patterns are globs: a `*`, `?` or `[` in a folder name must match only itself. */
export function globEscape(dir: string): string {
  return dir.replace(/[\\*?[]/g, char => `\\${char}`);
}

/**
 * The clone and every worktree of it include the file, as actions/checkout v6 does; so do the
 * same paths as a container step sees them (the workspace and RUNNER_TEMP are mounted there).
 */
export function cloneIncludes(clonePath: string, workspace: string, file: string): IncludeLine[] {
  const gitDir = globEscape(path.join(clonePath, '.git'));
  const local = (dir: string, value: string) =>
    [`${dir}`, `${dir}/worktrees/*`].map(pattern => ({
      scope: 'local' as const,
      repoDir: clonePath,
      key: `includeIf.gitdir:${pattern}.path`,
      value
    }));
  const inContainer = globEscape(
    path.posix.join(
      '/github/workspace',
      path.relative(workspace, clonePath).split(path.sep).join('/'),
      '.git'
    )
  );
  return [
    ...local(gitDir, file),
    ...local(inContainer, path.posix.join('/github/runner_temp', path.basename(file)))
  ];
}

/**
 * A task worktree of the shared host clone: the include names that worktree's own git directory
 * and lives in the runner's global config, so neither the host clone nor another job's worktree
 * ever reads this job's token.
 */
export function worktreeIncludes(worktreeGitDir: string, file: string): IncludeLine[] {
  return [
    { scope: 'global', key: `includeIf.gitdir:${globEscape(worktreeGitDir)}.path`, value: file }
  ];
}

/** A value that names one of this action's credentials files, as a config value pattern. */
const OUR_FILE = `/${CREDENTIALS_FILE_PREFIX}[^/]*\\.config$`;

/**
 * A clone's include lines are appended to its `.git/config` in one write (a git command each
 * costs ~10 ms on every warm job), keeping what is there as `git config --add` does. A `.git`
 * that is a file (a clone you made with a separate git directory) gets them through git.
 */
export async function addIncludes(includes: readonly IncludeLine[]): Promise<void> {
  const byClone = new Map<string, ConfigEntry[]>();
  for (const line of includes) {
    if (line.scope === 'local') {
      const dir = line.repoDir ?? '';
      byClone.set(dir, [...(byClone.get(dir) ?? []), { key: line.key, value: line.value }]);
    } else {
      // git reuses a removed worktree's id: an include a killed job left for it goes first.
      await removeGlobalConfigMatching(line.key, OUR_FILE);
      await addGlobalConfigValue(line.key, line.value);
    }
  }
  for (const [dir, entries] of byClone) {
    const gitDir = path.join(dir, '.git');
    if ((await fs.stat(gitDir)).isDirectory()) {
      await fs.appendFile(path.join(gitDir, 'config'), configFileText(entries));
      continue;
    }
    for (const { key, value } of entries) {
      await addLocalConfigValue(new Repository(dir), key, value);
    }
  }
}

/** Removes the include lines and the file; every part is tried, the first failure is thrown. */
export async function removePersistedCredentials(persisted: PersistedCredentials): Promise<void> {
  const failures: unknown[] = [];
  for (const line of persisted.includes) {
    // By key and value: another include on the same gitdir (yours, checkout's) stays.
    const value = `^${escapeRegExp(line.value)}$`;
    await (
      line.scope === 'local'
        ? unsetLocalConfigValue(new Repository(line.repoDir ?? ''), line.key, value)
        : removeGlobalConfigMatching(line.key, value)
    ).catch(error => failures.push(error));
  }
  await fs.rm(persisted.file, { force: true }).catch(error => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

/**
 * In a clone the action made: drops what an earlier run persisted and never removed (its post
 * step did not run): include lines to this action's credentials files, and the header that
 * older versions wrote into .git/config.
 */
export async function removeStaleCredentials(repo: Repository, originUrl: string): Promise<void> {
  for (const [key, value] of await localConfigMatching(repo, '^includeif\\.')) {
    if (path.basename(value).startsWith(CREDENTIALS_FILE_PREFIX)) {
      await unsetLocalConfig(repo, key);
    }
  }
  const header = authHeaderKey(originUrl);
  if (header) await unsetLocalConfig(repo, header);
}
