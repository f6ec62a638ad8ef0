import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gitConfigTemplate } from '../git/config-template.js';
import { initRepository, Repository } from '../git/repository.js';
import { markAsActionClone } from '../seed/marker.js';

/**
 * Starts a full clone: an empty repository with the template config, no hooks, marked as the
 * action's. The fetch that follows is the same as for a seeded clone, so both end identically.
 * With a `filter`, origin is the promisor remote of a partial clone.
 */
export async function initClone(
  clonePath: string,
  originUrl: string,
  filter = ''
): Promise<string> {
  await fs.mkdir(clonePath, { recursive: true });
  await initRepository(new Repository(clonePath));
  const gitDir = path.join(clonePath, '.git');
  await fs.writeFile(
    path.join(gitDir, 'config'),
    gitConfigTemplate(originUrl, undefined, false, filter)
  );
  await markAsActionClone(gitDir);
  return gitDir;
}
