import * as core from '@actions/core';
import { InputError } from '../errors.js';
import { resetHard } from '../git/checkout.js';
import { deleteRef, trackOriginBranch } from '../git/refs.js';
import type { Repository } from '../git/repository.js';
import { listedWorktrees, removeWorktree } from '../git/worktrees.js';
import { detachedNote, worktreeNote, type WorktreeRequest, type WorktreeResult } from './create.js';

/**
 * Moves a worktree made from the host clone's refs before its refresh fetch ended to where
 * `createWorktree` would have put it after the fetch: origin's tip of the branch when origin has
 * it (a new branch made meanwhile from `base` then attaches to origin's branch, as it would have),
 * else origin's new tip of `base` for a branch this job created; a local-only branch stays. Call
 * under the same lock that made the worktree.
 */
export async function retargetWorktree<T extends WorktreeResult>(
  repo: Repository,
  made: T,
  request: WorktreeRequest
): Promise<T> {
  const originCommit = await repo.resolveCommit(`refs/remotes/origin/${request.branch}`);
  let target = originCommit || made.commit;
  let mode = made.mode;
  if (made.mode === 'created') {
    if (originCommit) {
      mode = 'attached';
    } else {
      target = await repo.resolveCommit(`refs/remotes/origin/${request.base}`);
      if (!target) {
        throw new InputError(
          'base',
          `origin has no branch '${request.base}' to start the new branch '${request.branch}' from.`
        );
      }
    }
  }
  if (target !== made.commit) {
    // This job's worktree, just made or reset: its tracked files hold no one's work.
    await resetHard(repo.at(made.path), target);
    core.info(
      `origin moved while the worktree was made: ${request.branch} ${made.commit} -> ${target}.`
    );
    if (mode === 'detached') {
      const ref = `refs/heads/${request.branch}`;
      const holder = (await listedWorktrees(repo)).find(e => e.branch === ref);
      if (holder) core.info(detachedNote(request.branch, holder.path, target, originCommit !== ''));
    }
    core.info(worktreeNote(request.branch, made.path, mode, target));
  }
  if (mode !== made.mode) await trackOriginBranch(repo, request.branch);
  return { ...made, mode, commit: target };
}

/**
 * Takes back what an attempt at the worktree made before a refresh that failed or rebuilt the
 * clone, or that failed itself: the worktree when it was made, and the branch when this job made
 * it (a failed `worktree add -b` keeps it), so that neither a rebuilt clone nor the next attempt
 * finds the branch at an old commit.
 */
export async function discardWorktree(
  repo: Repository,
  made: WorktreeResult | undefined,
  request: WorktreeRequest,
  branchExisted: boolean
): Promise<void> {
  if (made) await removeWorktree(repo, made.path);
  const ref = `refs/heads/${request.branch}`;
  const tip = await repo.resolveCommit(ref);
  if (!branchExisted && tip) await deleteRef(repo, ref, tip);
}
