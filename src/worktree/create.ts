import * as core from '@actions/core';
import * as path from 'node:path';
import { applySparseCheckout } from '../clone/sparse-checkout.js';
import { ActionError, InputError } from '../errors.js';
import { canonicalPath, exists, listDir } from '../fs-util.js';
import { detachHead, removeUntrackedFiles, resetHard } from '../git/checkout.js';
import { moveRef, trackOriginBranch } from '../git/refs.js';
import type { Repository } from '../git/repository.js';
import { gitAtLeast } from '../git/version.js';
import { addWorktree, lockWorktree, type WorktreeCheckout } from '../git/worktrees.js';
import { identityOf } from '../host/process.js';
import type { SparseCheckout } from '../inputs/sparse.js';
import { formatLease, holderOf, type Lease, type WorktreeEntry } from './list.js';
import { slotName } from './names.js';
import { reapDeadJobs } from './remove.js';

export interface WorktreeRequest {
  branch: string;
  /** Start point of a new branch: a branch name on origin. */
  base: string;
  /** First-choice folder; later slots are `<folder>+2`, `<folder>+3`... */
  folder: string;
  removeOnExit: boolean;
  /** The clean input: false keeps untracked and ignored files of a reused worktree. */
  clean: boolean;
  /** This worktree's own sparse patterns; undefined: every file. */
  sparse?: SparseCheckout;
}

export type WorktreeMode = 'reused' | 'attached' | 'created' | 'detached';

export interface WorktreeResult {
  path: string;
  mode: WorktreeMode;
  commit: string;
  /** The job's lease on it (git's lock reason), so the post step touches only its own worktree. */
  lease: string;
  /** The folder was there (empty) before the job: removing the worktree leaves it in place. */
  folderExisted: boolean;
}

const MAX_SLOTS = 64;

/** `worktree add --lock --reason` arrived in git 2.33. */
const LEASE_AT_ADD = [2, 33] as const;

/** What the log says of a worktree detached because another worktree has the branch. */
export function detachedNote(branch: string, holder: string, commit: string, atOrigin: boolean) {
  const where = atOrigin ? ` (origin/${branch})` : '';
  return `${branch} is checked out in ${holder}; this job gets a detached worktree at ${commit}${where}.`;
}

/** What the log says of the task worktree once it is made. */
export function worktreeNote(branch: string, at: string, mode: WorktreeMode, commit: string) {
  return `Task worktree for ${branch}: ${at} (${mode}, ${commit}).`;
}

/** The job's lease: its runner process (the step's parent) lives as long as the job does. */
function newLease(removeOnExit: boolean): Lease {
  return {
    cloneCache: 1,
    ...identityOf(process.ppid),
    removeOnExit,
    since: new Date().toISOString()
  };
}

interface Slot {
  path: string;
  existing?: WorktreeEntry;
  /** The (empty) folder was there before this job. */
  folderExisted?: boolean;
}

/** The first folder this job may use: empty, or this branch's unleased worktree. */
async function findSlot(entries: WorktreeEntry[], request: WorktreeRequest): Promise<Slot> {
  const ref = `refs/heads/${request.branch}`;
  for (let slot = 1; slot <= MAX_SLOTS; slot++) {
    const candidate = slotName(request.folder, slot);
    const existing = entries.find(e => e.path === candidate);
    if (existing) {
      // Kept worktrees of other branches (or detached ones, which may hold commits) stay as
      // they are; so does one in the middle of a rebase or bisect.
      const reusable = holderOf(existing).kind === 'free' && !existing.busy && existing.complete;
      if (reusable && existing.branch === ref) return { path: candidate, existing };
      continue;
    }
    if ((await listDir(candidate)).length === 0) {
      return { path: candidate, folderExisted: await exists(candidate) };
    }
  }
  throw new ActionError(
    'No free worktree folder',
    `Folders ${request.folder} to ${slotName(request.folder, MAX_SLOTS)} are all in use or hold other files.`
  );
}

/**
 * The job's own main clone (hosted mode) may have the task branch checked out; it steps aside
 * (detached at the same commit) so the worktree can have the branch.
 */
async function releaseFromMainCheckout(
  repo: Repository,
  main: WorktreeEntry | undefined,
  branch: string
) {
  if (main && !main.bare && main.branch === `refs/heads/${branch}`) {
    await detachHead(repo.at(main.path));
    main.branch = '';
    core.info(
      `The main clone now has ${branch} detached, so the task worktree can have the branch.`
    );
  }
}

async function alignToOrigin(
  repo: Repository,
  worktreePath: string,
  { branch, clean }: WorktreeRequest,
  originCommit: string
) {
  const worktree = repo.at(worktreePath);
  const before = await worktree.resolveCommit('HEAD');
  // Reset even at the same commit: the files of a kept worktree may have been changed since.
  await resetHard(worktree, originCommit);
  if (before !== originCommit) {
    core.info(
      `Aligned ${branch} to origin/${branch}: ${before} -> ${originCommit} (the old tip stays in the reflog).`
    );
  }
  if (clean) await removeUntrackedFiles(worktree);
  else core.info(`clean is false: untracked and ignored files in ${worktreePath} are kept.`);
}

/**
 * Creates (or reuses) the task worktree for a branch, under the caller's locks:
 * an unleased worktree of the branch is reused and aligned to origin when origin has the branch
 * (a local-only branch is never reset); else an existing branch is attached (moved to origin's
 * tip when origin has it); else a new branch starts at origin/<base>. When the branch is checked
 * out in another worktree (a live job's, one kept by an earlier job, or a person's), this job gets
 * its own worktree detached at origin's tip of the branch (the local tip for a local-only branch).
 */
export async function createWorktree(
  repo: Repository,
  given: WorktreeRequest
): Promise<WorktreeResult> {
  const request = { ...given, folder: canonicalPath(given.folder) };
  const ref = `refs/heads/${request.branch}`;
  // Read alongside the registry: no step before the add moves these refs.
  const tips = Promise.all([
    repo.resolveCommit(`refs/remotes/origin/${request.branch}`),
    repo.resolveCommit(ref)
  ]);
  tips.catch(() => undefined); // awaited below
  const entries = await reapDeadJobs(repo);
  await releaseFromMainCheckout(repo, entries[0], request.branch);
  const slot = await findSlot(entries, request);
  const [originCommit, localCommit] = await tips;
  // A live job's worktree, or one kept by an earlier job or made by a person: never touched.
  const holder = entries.find(e => e.branch === ref && e.path !== slot.path);
  const lease = formatLease(newLease(request.removeOnExit));
  // With git 2.33+ the lease is on the worktree from its first file, so a job killed mid-add
  // leaves a worktree the next job can tell is dead; older git gets the lease just after.
  const leasedAtAdd = !slot.existing && (await gitAtLeast(LEASE_AT_ADD));
  const worktree = repo.at(slot.path);
  // A sparse worktree is added without files, then checked out through its patterns.
  const add = async (checkout: WorktreeCheckout) => {
    const sparse = request.sparse;
    await addWorktree(repo, slot.path, checkout, leasedAtAdd ? lease : undefined, !!sparse);
    if (!sparse) return;
    await applySparseCheckout(worktree, sparse, { mainWorktree: false });
    await resetHard(worktree, 'HEAD');
  };
  let mode: WorktreeMode;

  if (slot.existing) {
    mode = 'reused';
    await lockWorktree(repo, slot.path, lease);
    await applySparseCheckout(worktree, request.sparse, { mainWorktree: false });
    if (originCommit) await alignToOrigin(repo, slot.path, request, originCommit);
  } else if (holder) {
    mode = 'detached';
    // origin's tip, not the local branch: the holder may be a worktree kept days ago.
    const commit = originCommit || localCommit;
    await add({ detachedAt: commit });
    core.info(detachedNote(request.branch, holder.path, commit, originCommit !== ''));
  } else if (localCommit) {
    mode = 'attached';
    if (originCommit && originCommit !== localCommit) {
      await moveRef(repo, ref, localCommit, originCommit, 'clone-cache: align to origin');
      core.info(
        `Moved ${request.branch} to origin/${request.branch}: ${localCommit} -> ${originCommit}.`
      );
    }
    await add({ branch: request.branch });
  } else if (originCommit) {
    mode = 'attached';
    await add({ newBranch: request.branch, startAt: originCommit });
    await trackOriginBranch(repo, request.branch);
  } else {
    const start = await repo.resolveCommit(`refs/remotes/origin/${request.base}`);
    if (!start) {
      throw new InputError(
        'base',
        `origin has no branch '${request.base}' to start the new branch '${request.branch}' from.`
      );
    }
    mode = 'created';
    await add({ newBranch: request.branch, startAt: start });
  }
  if (!slot.existing && !leasedAtAdd) await lockWorktree(repo, slot.path, lease);
  const commit = await worktree.resolveCommit('HEAD');
  core.info(worktreeNote(request.branch, slot.path, mode, commit));
  const folderExisted = slot.folderExisted ?? false;
  return { path: path.resolve(slot.path), mode, commit, lease, folderExisted };
}
