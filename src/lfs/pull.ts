import * as core from '@actions/core';
import { lfsInstallLocal, lfsPull } from '../git/lfs.js';
import type { Repository } from '../git/repository.js';
import { exists } from '../fs-util.js';
import { LFS_FILTER_CONFIG } from './git-lfs.js';
import { lfsObjectPath, lfsObjectsOf } from './objects.js';
import { verifyLfsStoreAndReport } from './verify.js';

export interface LfsPull {
  needed: number;
  /** Objects the store already held (verified when they came from a cache). */
  cached: number;
  downloaded: number;
}

export interface LfsPullOptions {
  progress: boolean;
  /** Hash the objects HEAD needs before git-lfs uses them (a store other jobs can write). */
  verifyNeeded: boolean;
}

/**
 * Replaces the LFS pointers of the checked-out commit in `worktree` with their files. git-lfs
 * downloads only the objects its store (the common git directory's, shared by worktrees) lacks;
 * the auth of `worktree` reaches origin's LFS endpoint through the same scoped extraheader.
 */
export async function pullLfsFiles(
  worktree: Repository,
  options: LfsPullOptions
): Promise<LfsPull> {
  const commonDir = await worktree.commonDir();
  const head = await worktree.resolveCommit('HEAD');
  const needed = await lfsObjectsOf(worktree, head);
  if (options.verifyNeeded) await verifyLfsStoreAndReport(commonDir, needed);
  const present = await Promise.all(needed.map(oid => exists(lfsObjectPath(commonDir, oid))));
  const cached = present.filter(Boolean).length;
  if (needed.length > 0) {
    await lfsPull(worktree, LFS_FILTER_CONFIG, options.progress);
  }
  const result = { needed: needed.length, cached, downloaded: needed.length - cached };
  core.info(
    `Git LFS: ${result.needed} object(s) for ${head}: ${result.cached} from the cache, ${result.downloaded} downloaded.`
  );
  return result;
}

/**
 * As actions/checkout: git-lfs set up in the clone (its config and hooks; a worktree's go to the
 * repository it shares), so later steps' git commands smudge, clean and push LFS files.
 */
export async function installLfsInClone(clone: Repository): Promise<void> {
  await lfsInstallLocal(clone);
}
