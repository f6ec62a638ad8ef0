import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ActionError, errorMessage } from '../errors.js';
import { exists } from '../fs-util.js';
import {
  initAndSyncSubmodules,
  setModuleOriginUrl,
  submoduleUrl,
  updateSubmodulesOnce
} from '../git/submodules.js';
import { untrustedObjectsOf } from '../git/object-check.js';
import { FETCH_ATTEMPTS, transientCause, withRetries } from '../git/retry.js';
import type { Repository } from '../git/repository.js';
import { fetchCommit, fetchOrigin } from '../clone/fetch.js';
import { copyFromHostClone, type HostSubmoduleSource } from './host-source.js';
import { copyModuleDir } from './module-copy.js';
import { recordedSubmodules, type RecordedSubmodule } from './recorded.js';

/** git refuses deeper nesting long before; this bounds a repository that contains itself. */
const MAX_DEPTH = 16;

export interface SubmoduleUpdate {
  recursive: boolean;
  /** Module git directories that already exist came from a cache entry: verify before use. */
  verifyCached: boolean;
  /** A shallow superproject gets submodules of this depth (0: whole history). */
  depth: number;
  progress: boolean;
  /**
   * The git directory whose `modules/` holds this level's submodule repositories already (the
   * main clone's, for a task worktree): they are copied locally instead of cloned.
   */
  localSource?: string;
  /**
   * With cache-dir: each submodule repository comes from its host clone (see host-source.ts),
   * whatever `localSource` says.
   */
  hostSource?: HostSubmoduleSource;
}

/** A name git would accept as a folder under `modules/`: nothing can lead outside it. */
function isSafeName(name: string): boolean {
  return (
    name !== '' &&
    !path.isAbsolute(name) &&
    !name.split(/[/\\]/).some(part => part === '' || part === '.' || part === '..')
  );
}

/**
 * A submodule repository that was there before this run (from the cache entry): pointed at the
 * URL the superproject now gives, fetched only when it lacks the recorded commit, and the objects
 * of that commit re-hashed. One that cannot be trusted is removed: `git submodule update` then
 * clones it.
 */
async function prepareExisting(
  superproject: Repository,
  submodule: RecordedSubmodule,
  moduleRepo: Repository,
  options: SubmoduleUpdate
): Promise<void> {
  const url = await submoduleUrl(superproject, submodule.name);
  if (!url) return;
  const problem = options.verifyCached ? await danglingRef(moduleRepo) : undefined;
  if (!problem) {
    await setModuleOriginUrl(moduleRepo, url);
    if (!(await moduleRepo.resolveCommit(submodule.commit))) {
      const transfer = { prune: true, progress: options.progress };
      await fetchOrigin(moduleRepo, url, transfer);
      if (!(await moduleRepo.resolveCommit(submodule.commit))) {
        await fetchCommit(moduleRepo, url, submodule.commit, transfer);
      }
    }
    if (!options.verifyCached) return;
  }
  const reason = problem ?? (await untrustedObjectsOf(moduleRepo, submodule.commit))?.reason;
  if (!reason) return;
  core.warning(
    `The cached repository of submodule ${submodule.path} is not used: ${reason}. Cloning it instead.`,
    { title: 'Clone cache not used' }
  );
  await fs.rm(moduleRepo.dir, { recursive: true, force: true });
}

/** A ref of a cached submodule repository that names an object it does not hold. */
async function danglingRef(moduleRepo: Repository): Promise<string | undefined> {
  const tips = await moduleRepo.refTips();
  const [missing] = await moduleRepo.missingObjects(tips.map(tip => tip.object));
  return missing && `a ref names the missing object ${missing}`;
}

/**
 * Checks out the submodules of `superproject` (a clone or a worktree) at the commits it records,
 * as actions/checkout does (`git submodule init`, `sync`, `update --force`), then theirs when
 * recursive. Repositories already under `modules/` are reused and fetch only what is new. The
 * superproject's auth reaches a submodule only on origin's own host: the header is scoped to it.
 */
export async function updateSubmodules(
  superproject: Repository,
  options: SubmoduleUpdate,
  depth = 0
): Promise<void> {
  if (depth >= MAX_DEPTH) {
    throw new ActionError(
      'Submodules nested too deep',
      `${superproject.dir} is ${MAX_DEPTH} submodule levels deep; a repository that contains itself?`
    );
  }
  const recorded = await recordedSubmodules(superproject);
  if (recorded.length === 0) return;
  await initAndSyncSubmodules(superproject);
  const gitDir = await superproject.absoluteGitDir();
  for (const submodule of recorded.filter(s => isSafeName(s.name))) {
    const moduleRepo = superproject.at(path.join(gitDir, 'modules', submodule.name));
    if (
      options.hostSource &&
      (await copyFromHostClone(superproject, submodule, moduleRepo.dir, options.hostSource))
    ) {
      // Its commit was verified in the host clone, under the lock, just before the copy.
      await prepareExisting(superproject, submodule, moduleRepo, {
        ...options,
        verifyCached: false
      });
      continue;
    }
    const source = options.localSource && path.join(options.localSource, 'modules', submodule.name);
    if (!(await exists(moduleRepo.dir)) && source && (await exists(source))) {
      await copyModuleDir(source, moduleRepo.dir);
    }
    if (await exists(moduleRepo.dir)) {
      await prepareExisting(superproject, submodule, moduleRepo, options);
    }
  }
  try {
    // git retries a failed clone once itself; a transient failure of both is worth a new run.
    await withRetries(`update the submodules of ${superproject.dir}`, () =>
      updateSubmodulesOnce(superproject, options)
    );
  } catch (error) {
    // withRetries gives up on a transient failure only after its last attempt.
    const tries = transientCause(error) === undefined ? '' : ` after ${FETCH_ATTEMPTS} attempts`;
    throw new ActionError(
      'Submodule update failed',
      `Could not check out the submodules of ${superproject.dir}${tries}: ${errorMessage(error)}\nCheck that each submodule URL is reachable and that the token can read the repositories on origin's host (other hosts get no token).`,
      { cause: error }
    );
  }
  if (!options.recursive) return;
  for (const submodule of recorded) {
    const nestedSource =
      options.localSource && isSafeName(submodule.name)
        ? path.join(options.localSource, 'modules', submodule.name)
        : undefined;
    await updateSubmodules(
      superproject.at(path.join(superproject.dir, submodule.path)),
      { ...options, localSource: nestedSource },
      depth + 1
    );
  }
}
