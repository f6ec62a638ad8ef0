import * as core from '@actions/core';
import { ActionError } from '../errors.js';
import { checkoutBranchAt, checkoutDetached, removeUntrackedFiles } from '../git/checkout.js';
import { trackOriginBranch } from '../git/refs.js';
import type { Repository } from '../git/repository.js';
import type { Target } from './ref.js';

/**
 * git carries local changes to files the commits do not touch across a checkout: in a clone you
 * made they stay (the action never resets your work), but the job must not build them unseen.
 */
async function warnAboutCarriedChanges(repo: Repository, target: Target): Promise<void> {
  const changed = await repo.changedTrackedFiles();
  if (changed.length === 0) return;
  const shown = changed.slice(0, 10).join(', ') + (changed.length > 10 ? ', ...' : '');
  core.warning(
    `${repo.dir} is at ${target.commit}, but ${changed.length} tracked file(s) carry local changes that the checkout kept: ${shown}. This clone was not made by the action, so it is not reset; run \`git -C ${repo.dir} reset --hard\` before this step to drop them.`,
    { title: 'Local changes kept in path' }
  );
}

export interface CheckoutPolicy {
  /** A clone the action made: a forced checkout, and a clean when `clean` says so. */
  ownClone: boolean;
  /** The clean input: false keeps untracked and ignored files even in a clone the action made. */
  clean: boolean;
}

/**
 * Checks out the target: a branch becomes a local branch tracking origin, anything else is a
 * detached HEAD. In a clone the action made, the checkout is forced (as actions/checkout's is,
 * whatever clean says) and followed by a clean unless `clean` is false; in a clone the user made,
 * local changes stop the
 * checkout with git's own message.
 */
export async function checkoutTarget(
  repo: Repository,
  target: Target,
  { ownClone, clean }: CheckoutPolicy
): Promise<void> {
  const options = { force: ownClone };
  if (target.kind === 'branch') {
    await checkoutBranchAt(repo, target.name, target.commit, options);
    if (await repo.resolveCommit(`refs/remotes/origin/${target.name}`)) {
      await trackOriginBranch(repo, target.name);
    }
  } else {
    await checkoutDetached(repo, target.commit, options);
  }
  if (ownClone && clean) await removeUntrackedFiles(repo);
  else if (ownClone)
    core.info(`clean is false: untracked and ignored files in ${repo.dir} are kept.`);
  else await warnAboutCarriedChanges(repo, target);
  const head = await repo.resolveCommit('HEAD');
  if (head !== target.commit) {
    throw new ActionError(
      'Checkout did not reach the commit',
      `HEAD of ${repo.dir} is ${head || 'unborn'}, expected ${target.commit} for ${target.name}.`
    );
  }
}
