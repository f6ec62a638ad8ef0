import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { askOriginTips } from '../git/remote.js';
import type { Repository } from '../git/repository.js';
import { hostFreshWindowMs } from '../limits.js';

/** Touched after every complete fetch of origin into the host clone (and every build of it). */
const FETCHED_STAMP = 'clone-cache-fetched';

export async function markFetched(dir: string): Promise<void> {
  await fs.writeFile(path.join(dir, FETCHED_STAMP), `${new Date().toISOString()}\n`);
}

/** True when the host clone was fetched within the window (CLONE_CACHE_HOST_FRESH_SECONDS). */
export async function fetchedRecently(dir: string): Promise<boolean> {
  const window = hostFreshWindowMs();
  if (window === 0) return false;
  const stamp = await fs.stat(path.join(dir, FETCHED_STAMP)).catch(() => undefined);
  const age = stamp ? Date.now() - stamp.mtimeMs : Infinity;
  // A stamp from the future (a clock set back, or planted) proves nothing.
  return age >= 0 && age < window;
}

/**
 * Asks origin (one round trip) for its default branch and the tips of `branches` (the job's branch
 * and its base, the default branch when no base is given), and says whether the host clone's
 * origin/* refs hold exactly those. When they do, a fetch would bring nothing the job checks
 * out: only other branches and tags could be newer.
 */
export async function originMatches(
  hostClone: Repository,
  branches: string[],
  localDefaultBranch: string
): Promise<{ matches: boolean; defaultBranch: string }> {
  const asked = [...new Set(branches.filter(Boolean))];
  const origin = await askOriginTips(hostClone, asked);
  const { defaultBranch } = origin;
  if (!defaultBranch || defaultBranch !== localDefaultBranch) {
    return { matches: false, defaultBranch };
  }
  for (const branch of asked) {
    const local = await hostClone.resolveCommit(`refs/remotes/origin/${branch}`);
    if ((origin.tips.get(branch) ?? '') !== local) return { matches: false, defaultBranch };
  }
  return { matches: true, defaultBranch };
}
