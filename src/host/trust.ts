import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { dangerousConfigKeys } from '../git/dangerous-config.js';
import { unsetConfigFileKey } from '../git/config.js';
import { removeRefs } from '../git/ref-files.js';

/**
 * The host clone lives in a shared directory that any job (or person) on the host can change:
 * before a job uses it, nothing in it may run code. Removes hooks and dangerous config keys, and
 * returns what was removed.
 */
export async function makeHostCloneTrustworthy(dir: string): Promise<string[]> {
  const removed: string[] = [];
  const hooks = path.join(dir, 'hooks');
  for (const name of await fs.readdir(hooks).catch(() => [] as string[])) {
    await fs.rm(path.join(hooks, name), { recursive: true, force: true });
    removed.push(`hooks/${name}`);
  }
  const configFile = path.join(dir, 'config');
  // The host clone's config is shared (jobs add branch.* entries), so it is not rewritten: the
  // dangerous keys are removed from it instead.
  const keys = await dangerousConfigKeys(configFile);
  for (const key of keys) {
    await unsetConfigFileKey(configFile, key);
    removed.push(key);
  }
  // Replace refs and grafts would make a worktree show other files than its commit holds.
  removed.push(...(await removeRefs(dir, ref => !ref.startsWith('refs/replace/'))));
  for (const file of ['info/attributes', 'info/grafts']) {
    if (await fs.lstat(path.join(dir, file)).catch(() => undefined)) {
      await fs.rm(path.join(dir, file), { force: true });
      removed.push(file);
    }
  }
  if (removed.length > 0) {
    core.warning(`The host clone ${dir} carried ${removed.join(', ')}; removed before use.`, {
      title: 'Host clone sanitized'
    });
  }
  return removed;
}
