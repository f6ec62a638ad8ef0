import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { filesUnder } from '../fs-util.js';
import { configFileEntries } from '../git/config.js';
import { gitConfigTemplate, quoteConfigValue, templateEntries } from '../git/config-template.js';
import { removeRefs } from '../git/ref-files.js';
import { isWellFormedRefName } from '../git/ref-format.js';
import {
  isOwnMainWorktreeConfig,
  MAIN_WORKTREE_CONFIG,
  sanitizeWorktreeConfig,
  withWorktreeConfig,
  WORKTREE_CONFIG_KEY
} from './worktree-config.js';
import { gitLfsHooks, LFS_LOCAL_CONFIG } from '../lfs/host-setup.js';
import { normalizedRepositoryUrl } from './repository-url.js';

/** What a job keeps in the host clone's config besides the template: its branches' upstreams. */
function upstreamOf(key: string, value: string): string | undefined {
  const match = /^branch\.(.+)\.(remote|merge)$/.exec(key);
  if (!match || !isWellFormedRefName(`refs/heads/${match[1]}`)) return undefined;
  const valid = match[2] === 'remote' ? value === 'origin' : value === `refs/heads/${match[1]}`;
  return valid ? match[1] : undefined;
}

/**
 * What jobs write into the shared config and the rebuild drops without naming it: origin's URL
 * as another superproject spells the same submodule repository, and what `git submodule init`
 * records in a task worktree (the config is common to the worktrees; each job's init writes it
 * again from its own .gitmodules).
 */
function isJobsOwn(key: string, value: string, originUrl: string): boolean {
  if (key === 'remote.origin.url') {
    return normalizedRepositoryUrl(value) === normalizedRepositoryUrl(originUrl);
  }
  return /^submodule\..+\.(url|active)$/.test(key);
}

interface WorktreeConfigUse {
  /** A task worktree keeps sparse settings: `extensions.worktreeConfig` stays on. */
  keep: boolean;
  /** The extension was on in the layout the action (or git) makes: dropping it says nothing. */
  ownLayout: boolean;
}

/**
 * The host clone's config, rebuilt: the template plus the upstream of each task branch, and
 * nothing else (no include, url.*.insteadOf, core.* program); `extensions.worktreeConfig` only
 * while a task worktree has sparse settings (see worktree-config.ts). Returns what was dropped.
 * Written as git writes it (through config.lock), so a concurrent git write fails rather than
 * being lost.
 */
async function rebuildConfig(
  dir: string,
  originUrl: string,
  worktreeConfig: WorktreeConfigUse
): Promise<string[]> {
  const file = path.join(dir, 'config');
  const bareTemplate = gitConfigTemplate(originUrl, undefined, true);
  const template = worktreeConfig.keep ? withWorktreeConfig(bareTemplate) : bareTemplate;
  // git-lfs's own setup (an lfs job's) goes without being named: the next lfs job sets it up again.
  const expected = new Set(
    [...templateEntries(originUrl, undefined, true), ...LFS_LOCAL_CONFIG].map(
      ([key, value]) => `${key}=${value}`
    )
  );
  if (worktreeConfig.keep || worktreeConfig.ownLayout) expected.add(`${WORKTREE_CONFIG_KEY}=true`);
  // Held from the read to the write, as git holds it: a job's concurrent `git config` fails
  // (and says so) rather than being lost.
  const lock = await takeConfigLock(file);
  let released = false;
  try {
    const branches = new Set<string>();
    const dropped = new Set<string>();
    for (const [key, value] of await configFileEntries(file)) {
      const branch = upstreamOf(key, value);
      if (branch) branches.add(branch);
      else if (!expected.has(`${key}=${value}`) && !isJobsOwn(key, value, originUrl)) {
        dropped.add(key);
      }
    }
    const text =
      template +
      [...branches]
        .map(b => `[branch ${quoteConfigValue(b)}]\n\tremote = origin\n\tmerge = refs/heads/${b}\n`)
        .join('');
    if ((await fs.readFile(file, 'utf8').catch(() => '')) !== text) {
      await fs.writeFile(lock, text);
      await fs.rename(lock, file);
      released = true;
    }
    return [...dropped];
  } finally {
    // Once renamed, the lock path may already be another git's.
    if (!released) await fs.rm(lock, { force: true });
  }
}

/** Takes `<file>.lock` as git does; a git writing at that moment is waited for briefly. */
async function takeConfigLock(file: string): Promise<string> {
  const lock = `${file}.lock`;
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.writeFile(lock, '', { flag: 'wx', mode: 0o644 });
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === 20) throw error;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
}

/** Removes `relative` (a file or a folder) when it is there; returns the names of its files. */
async function removeIfThere(dir: string, relative: string): Promise<string[]> {
  const target = path.join(dir, relative);
  const stat = await fs.lstat(target).catch(() => undefined);
  if (!stat) return [];
  const names = stat.isDirectory() ? await filesUnder(dir, relative) : [relative];
  await fs.rm(target, { recursive: true, force: true });
  return names;
}

/** Names where git reads files of the repository; a link there leads git (and us) elsewhere. */
const READ_BY_GIT = [
  'HEAD',
  'config',
  'packed-refs',
  'refs',
  'objects',
  'hooks',
  'info',
  'worktrees'
];

/**
 * Why the host clone must be rebuilt rather than cleaned, or '': a symbolic link where git (and
 * the cleaning itself) would follow it out of cache-dir, or a `commondir`/`gitdir` that points
 * git at another repository. Read with lstat only; nothing is followed.
 */
export async function unsafeStructure(dir: string): Promise<string> {
  if (!(await fs.lstat(dir)).isDirectory()) return 'it is a symbolic link, not a folder';
  for (const name of [...READ_BY_GIT, 'commondir', 'gitdir']) {
    const stat = await fs.lstat(path.join(dir, name)).catch(() => undefined);
    if (stat?.isSymbolicLink()) return `its ${name} is a symbolic link`;
    if (stat && (name === 'commondir' || name === 'gitdir')) {
      return `it holds ${name}, which points git at another repository`;
    }
  }
  return '';
}

/**
 * Worktree records that are links, or that point git at another common directory, go; each
 * record's config.worktree keeps its sparse settings and nothing else.
 */
async function foreignWorktreeRecords(
  dir: string
): Promise<{ removed: string[]; keepsSparse: boolean }> {
  const removed: string[] = [];
  let keepsSparse = false;
  for (const id of await fs.readdir(path.join(dir, 'worktrees')).catch(() => [] as string[])) {
    const record = path.join(dir, 'worktrees', id);
    const stat = await fs.lstat(record);
    const commondir = stat.isDirectory()
      ? await fs.readFile(path.join(record, 'commondir'), 'utf8').catch(() => '')
      : '';
    if (stat.isDirectory() && commondir.trim() === '../..') {
      const sanitized = await sanitizeWorktreeConfig(dir, id);
      removed.push(...sanitized.dropped);
      keepsSparse ||= sanitized.keepsSparse;
    } else {
      await fs.rm(record, { recursive: true, force: true });
      removed.push(`worktrees/${id}`);
    }
  }
  return { removed, keepsSparse };
}

/**
 * The main worktree's config.worktree: `core.bare` alone while the extension stays on (written
 * before the shared config drops `bare`), gone otherwise (after the shared config has it back).
 */
async function mainWorktreeConfig(
  dir: string,
  { keep, ownLayout }: WorktreeConfigUse,
  rebuild: () => Promise<string[]>
): Promise<string[]> {
  if (!keep) {
    const dropped = await rebuild();
    const gone = await removeIfThere(dir, 'config.worktree');
    return [...(ownLayout ? [] : gone), ...dropped];
  }
  if (ownLayout) return rebuild();
  const planted = await removeIfThere(dir, 'config.worktree');
  await fs.writeFile(path.join(dir, 'config.worktree'), MAIN_WORKTREE_CONFIG);
  return [...planted, ...(await rebuild())];
}

/**
 * The host clone lives in a shared directory that any job (or person) on the host can change:
 * before a job uses it, nothing in it may run code or change what git reads. Its config is
 * rebuilt; hooks, info/, worktree config, alternates and every ref other than a branch, origin's
 * branches and tags go. Returns what was removed, and says so in one warning.
 */
export async function makeHostCloneTrustworthy(dir: string, originUrl: string): Promise<string[]> {
  const removed: string[] = [];
  const ownLayout = await isOwnMainWorktreeConfig(dir);
  const lfsHooks = await gitLfsHooks(path.join(dir, 'hooks'));
  for (const relative of ['hooks', 'info', 'shallow', 'objects/info/alternates']) {
    removed.push(...(await removeIfThere(dir, relative)).filter(name => !lfsHooks.has(name)));
  }
  await fs.mkdir(path.join(dir, 'hooks'), { recursive: true });
  const records = await foreignWorktreeRecords(dir);
  removed.push(...records.removed);
  const worktreeConfig = { keep: records.keepsSparse, ownLayout };
  removed.push(
    ...(await mainWorktreeConfig(dir, worktreeConfig, () =>
      rebuildConfig(dir, originUrl, worktreeConfig)
    ))
  );
  // Replace refs would make git read other files for a commit: only branches, origin's
  // branches, tags, notes and the stash (which change nothing that is checked out) stay.
  removed.push(
    ...(await removeRefs(dir, ref =>
      ['refs/heads/', 'refs/remotes/origin/', 'refs/tags/', 'refs/notes/', 'refs/stash'].some(
        prefix => ref.startsWith(prefix)
      )
    ))
  );
  if (removed.length > 0) {
    core.warning(`The host clone ${dir} carried ${removed.join(', ')}; removed before use.`, {
      title: 'Host clone sanitized'
    });
  }
  return removed;
}
