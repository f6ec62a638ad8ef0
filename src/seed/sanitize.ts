import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { dangerousConfigKeys } from '../git/dangerous-config.js';
import { configFileValue } from '../git/config.js';
import { gitConfigTemplate, type RepositoryFormat } from '../git/config-template.js';
import { removeRefs } from '../git/ref-files.js';

/** Parts of a `.git` that a restored cache may not bring: each can run code or point elsewhere. */
const REMOVED_ENTRIES = [
  'hooks',
  'worktrees',
  'modules',
  'commondir',
  'index',
  'FETCH_HEAD',
  'ORIG_HEAD',
  'objects/info/alternates',
  'objects/info/http-alternates',
  'info/attributes',
  'info/grafts'
];

/** Branches and tags are only names; other refs (refs/replace/* above all) change what git reads. */
const keptRef = (ref: string) =>
  ['refs/heads/', 'refs/remotes/origin/', 'refs/tags/'].some(prefix => ref.startsWith(prefix));

async function readFormat(configPath: string): Promise<RepositoryFormat> {
  const stat = await fs.lstat(configPath).catch(() => undefined);
  if (!stat?.isFile()) return { formatVersion: 0, objectFormat: 'sha1' };
  // One file only, include.* directives not followed: nothing in it can run.
  const read = async (key: string) => (await configFileValue(configPath, key)).toLowerCase();
  const objectFormat = (await read('extensions.objectformat')) === 'sha256' ? 'sha256' : 'sha1';
  const formatVersion =
    objectFormat === 'sha256' || (await read('core.repositoryformatversion')) === '1' ? 1 : 0;
  return { formatVersion, objectFormat };
}

async function requireRealDirectory(target: string, what: string): Promise<void> {
  const stat = await fs.lstat(target).catch(() => undefined);
  if (!stat) throw new Error(`the cached clone has no ${what}`);
  if (!stat.isDirectory()) throw new Error(`the cached clone's ${what} is not a plain directory`);
}

/** Refuses a tree that holds a symlink or a special file anywhere: git would follow it. */
async function requirePlainTree(dir: string, relative = ''): Promise<void> {
  for (const entry of await fs.readdir(path.join(dir, relative), { withFileTypes: true })) {
    const name = path.join(relative, entry.name);
    if (entry.isDirectory()) await requirePlainTree(dir, name);
    else if (!entry.isFile())
      throw new Error(`the cached clone holds ${name}, which is not a plain file`);
  }
}

/**
 * Makes a restored `.git` trustworthy before any git command runs in it: its config is rebuilt
 * from the template and nothing that could run code (hooks) or point outside it remains.
 * Returns what was removed (entries, and the dangerous config keys the rebuilt config drops), for
 * the log.
 */
export async function sanitizeGitDir(gitDir: string, originUrl: string): Promise<string[]> {
  await requireRealDirectory(gitDir, '.git directory');
  await requireRealDirectory(path.join(gitDir, 'objects'), 'objects directory');
  await requireRealDirectory(path.join(gitDir, 'refs'), 'refs directory');
  const head = await fs.lstat(path.join(gitDir, 'HEAD')).catch(() => undefined);
  if (!head?.isFile()) throw new Error('the cached clone has no HEAD file');

  await requirePlainTree(gitDir);
  if (await fs.lstat(path.join(gitDir, 'shallow')).catch(() => undefined)) {
    throw new Error('the cached clone is shallow, which this action never saves');
  }
  const removed: string[] = await removeRefs(gitDir, keptRef);
  for (const entry of REMOVED_ENTRIES) {
    const target = path.join(gitDir, entry);
    const stat = await fs.lstat(target).catch(() => undefined);
    if (!stat) continue;
    const nonEmpty = !stat.isDirectory() || (await fs.readdir(target)).length > 0;
    await fs.rm(target, { recursive: true, force: true });
    if (nonEmpty && entry !== 'index' && entry !== 'FETCH_HEAD' && entry !== 'ORIG_HEAD') {
      removed.push(entry);
    }
  }
  await fs.mkdir(path.join(gitDir, 'hooks'));

  const configPath = path.join(gitDir, 'config');
  const format = await readFormat(configPath);
  const configIsFile = (await fs.lstat(configPath).catch(() => undefined))?.isFile();
  if (configIsFile) removed.push(...(await dangerousConfigKeys(configPath)));
  await fs.rm(configPath, { force: true });
  await fs.writeFile(configPath, gitConfigTemplate(originUrl, format), { mode: 0o644 });
  return removed;
}
