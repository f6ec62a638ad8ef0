import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { ActionError } from '../errors.js';
import { fetchCommit } from '../clone/fetch.js';
import { untrustedObjectsOf } from '../git/object-check.js';
import type { TransferOptions } from '../git/remote.js';
import type { Repository } from '../git/repository.js';
import { normalizedRepositoryUrl } from './repository-url.js';
import {
  fetchIntoHostClone,
  finishRefresh,
  markForRebuild,
  prepareHostClone,
  withHostCloneLock,
  type HostClonePaths
} from './host-clone.js';

/** The last part of the URL's path, in characters any file system takes. */
function readableName(normalized: string): string {
  const last = normalized.split(/[/:]/).filter(Boolean).pop() ?? '';
  return (
    last
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^\.+/, '')
      .slice(0, 40) || 'repository'
  );
}

/**
 * Where the host clone of the submodule repository at `url` lives: `submodule-<name>-<hash>`
 * beside the main host clones, the hash being of the normalized URL.
 */
export function submoduleClonePaths(cacheDir: string, url: string): HostClonePaths {
  const normalized = normalizedRepositoryUrl(url);
  const hash = createHash('sha256').update(normalized).digest('hex').slice(0, 16);
  const scope = `submodule-${readableName(normalized)}-${hash}`;
  return {
    cacheDir,
    scope,
    dir: path.join(cacheDir, scope),
    lock: path.join(cacheDir, `${scope}.lock`)
  };
}

/** Makes the prepared clone hold `commit`, fetching only when it lacks it. */
async function fetchIfMissing(
  paths: HostClonePaths,
  url: string,
  hostClone: Repository,
  commit: string,
  transfer: TransferOptions,
  justMade: boolean
): Promise<void> {
  if (await hostClone.resolveCommit(commit)) return;
  if (!justMade) await fetchIntoHostClone(paths, url, hostClone, transfer);
  // A commit on no branch or tag: asked for by its id.
  if (!(await hostClone.resolveCommit(commit))) {
    await fetchCommit(hostClone, url, commit, transfer);
  }
}

/**
 * Under the lock of the host clone of a submodule repository (`hostClone`, at `paths.dir`, with
 * the superproject's auth): made or rebuilt as the main host clone is (leftovers removed, made
 * trustworthy, a broken one rebuilt), fetched only when it lacks `commit`, and the objects of
 * `commit` re-hashed (a mismatch rebuilds it once). `use` then runs, still under the lock, so no
 * rebuild by another job swaps the clone while it is read.
 */
export async function withSubmoduleCommit<T>(
  paths: HostClonePaths,
  url: string,
  hostClone: Repository,
  commit: string,
  transfer: TransferOptions,
  use: (dir: string) => Promise<T>
): Promise<T> {
  return withHostCloneLock(paths.lock, paths.dir, async () => {
    for (let attempt = 1; ; attempt++) {
      const prepared = await prepareHostClone(paths, url, hostClone, transfer);
      await fetchIfMissing(paths, url, hostClone, commit, transfer, prepared.created);
      const problem = await untrustedObjectsOf(hostClone, commit);
      if (!problem) break;
      if (attempt === 2) {
        throw new ActionError(
          'Submodule commit not trusted',
          `The host clone ${paths.dir} was rebuilt from ${url}, and the objects of ${commit} still do not match their ids: ${problem.reason}.`
        );
      }
      // The next prepareHostClone rebuilds it and says why in its warning.
      await markForRebuild(paths, problem);
    }
    await finishRefresh(hostClone, '');
    return use(paths.dir);
  });
}
