import { runGit } from './exec.js';
import type { Repository } from './repository.js';

/** `force` discards local changes in the way (only in a folder the action owns). */
export interface CheckoutOptions {
  force: boolean;
}

/** Checks out `commit` as the local `branch` (created or reset there), showing git's progress. */
export async function checkoutBranchAt(
  repo: Repository,
  branch: string,
  commit: string,
  { force }: CheckoutOptions
): Promise<void> {
  await runGit(
    repo.dir,
    ['checkout', '--progress', ...(force ? ['--force'] : []), '-B', branch, commit, '--'],
    { progress: true }
  );
}

/** Checks out `commit` with a detached HEAD, showing git's progress. */
export async function checkoutDetached(
  repo: Repository,
  commit: string,
  { force }: CheckoutOptions
): Promise<void> {
  await runGit(
    repo.dir,
    ['checkout', '--progress', ...(force ? ['--force'] : []), '--detach', commit, '--'],
    { progress: true }
  );
}

/** Detaches HEAD where it is, so that the branch it had can be checked out elsewhere. */
export async function detachHead(repo: Repository): Promise<void> {
  await runGit(repo.dir, ['checkout', '--quiet', '--detach']);
}

/** Moves the current branch (or HEAD) to `commit` and makes index and files match it. */
export async function resetHard(repo: Repository, commit: string): Promise<void> {
  await runGit(repo.dir, ['reset', '--hard', '--quiet', commit, '--']);
}

/** Deletes every untracked and ignored file, nested repositories included. */
export async function removeUntrackedFiles(repo: Repository): Promise<void> {
  await runGit(repo.dir, ['clean', '-ffdx', '--quiet']);
}
