import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gitConfigTemplate } from '../git/config-template.js';
import { mirrorLocally } from '../git/submodules.js';

/**
 * Makes `destination` a copy of the submodule repository `source` (the main clone's, for a task
 * worktree): a local mirror clone, so objects are hard links and no history crosses the network;
 * self-contained (no alternates). Its config is the template; `git submodule update` then
 * connects it to the worktree, after its URL is set.
 */
export async function copyModuleDir(source: string, destination: string): Promise<void> {
  await fs.mkdir(path.dirname(destination), { recursive: true });
  await mirrorLocally(source, destination);
  await fs.writeFile(path.join(destination, 'config'), gitConfigTemplate(''), { mode: 0o644 });
}
