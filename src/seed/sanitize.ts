import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { dangerousConfigKeys } from '../git/dangerous-config.js';
import { configFileValue } from '../git/config.js';
import { gitConfigTemplate, type RepositoryFormat } from '../git/config-template.js';
import { checkEntryRefs, type EntryRefs } from './entry-refs.js';
import { enforceEntryShape, entryByteBound, isBloblessEntry } from './entry-shape.js';
import { bytesUnder, findModuleDirs } from './module-dirs.js';

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

/**
 * Makes a restored `.git` trustworthy before any git command runs in it: only the shapes the
 * action's snapshot saves remain (no hooks, worktree config, info/ files, local branches or
 * replace refs), every ref is well formed, and the config is rebuilt from the template. Returns
 * what was removed (files, refs, and the dangerous config keys the rebuilt config drops) for the
 * log, and the refs' tips, whose objects the seed checks once the clone is in place.
 *
 * With a `filter` (blob:none) the rebuilt config makes origin the one promisor remote; a full
 * entry is used as it is (it holds more than a blobless job needs). Without one, a blobless entry
 * is refused: a job that wants the full history does not lazily fetch it.
 */
export async function sanitizeGitDir(
  gitDir: string,
  originUrl: string,
  archiveBytes?: number,
  filter = ''
): Promise<{ removed: string[]; tips: EntryRefs['tips'] }> {
  const sanitized = await sanitizeOne(gitDir, originUrl, archiveBytes, filter);
  const modules = path.join(gitDir, 'modules');
  if (archiveBytes !== undefined && (await fs.lstat(modules).catch(() => undefined))) {
    const total = await bytesUnder(gitDir);
    if (total > entryByteBound(archiveBytes)) {
      throw new Error(
        `the cached clone and its submodules unpack to ${total} bytes from a ${archiveBytes}-byte archive, more than a clone can`
      );
    }
  }
  return sanitized;
}

/**
 * Each submodule git directory under `modules/` gets exactly the sanitizing of the main one (its
 * URL is set from the superproject's .gitmodules before use); files on the way are dropped.
 */
async function sanitizeModules(gitDir: string, archiveBytes?: number): Promise<string[]> {
  const { dirs, strays } = await findModuleDirs(gitDir);
  const removed = [...strays];
  for (const name of strays) await fs.rm(path.join(gitDir, name), { force: true });
  for (const name of dirs) {
    const moduleDir = path.join(gitDir, 'modules', name);
    const sanitized = await sanitizeOne(moduleDir, '', archiveBytes);
    // A nested submodule's items already start with its own `modules/<name>`.
    const named = (item: string) =>
      item.startsWith('modules/') ? `modules/${name}/${item}` : `modules/${name}: ${item}`;
    removed.push(...sanitized.removed.map(named));
  }
  return removed;
}

async function sanitizeOne(
  gitDir: string,
  originUrl: string,
  archiveBytes?: number,
  filter = ''
): Promise<{ removed: string[]; tips: EntryRefs['tips'] }> {
  const stat = await fs.lstat(gitDir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error('the cached clone has no .git directory');
  const removed = await enforceEntryShape(gitDir, archiveBytes);
  if (!filter && (await isBloblessEntry(gitDir))) {
    throw new Error(
      'the entry is blobless (saved by a job with filter: blob:none) and this job keeps the full history'
    );
  }
  const refs = await checkEntryRefs(gitDir);
  removed.push(...refs.dropped);
  await fs.mkdir(path.join(gitDir, 'hooks'));

  const configPath = path.join(gitDir, 'config');
  const format = await readFormat(configPath);
  const configIsFile = (await fs.lstat(configPath).catch(() => undefined))?.isFile();
  if (configIsFile) removed.push(...(await dangerousConfigKeys(configPath)));
  await fs.rm(configPath, { force: true });
  await fs.writeFile(configPath, gitConfigTemplate(originUrl, format, false, filter), {
    mode: 0o644
  });
  removed.push(...(await sanitizeModules(gitDir, archiveBytes)));
  return { removed, tips: refs.tips };
}
