import * as core from '@actions/core';
import { ActionError } from '../errors.js';
import { GitError, type ConfigEntry, type Git } from '../git/git.js';

export const BRANCH_REFSPEC = '+refs/heads/*:refs/remotes/origin/*';
export const TAG_REFSPEC = '+refs/tags/*:refs/tags/*';

function fetchError(originUrl: string, error: unknown): ActionError {
  const detail = error instanceof GitError ? error.result.stderr.trim() : String(error);
  const missingRef = /couldn't find remote ref (\S+)/.exec(detail);
  if (missingRef) {
    return new ActionError(
      'Ref not found',
      `${originUrl} has no ref ${missingRef[1]} (a deleted branch, or a closed pull request?). Check the ref input.`
    );
  }
  return new ActionError(
    'Fetch from origin failed',
    `Could not fetch from ${originUrl}: ${detail}\nCheck that the repository exists, that the token can read it, and that the runner can reach the server.`
  );
}

/**
 * Fetches what origin has that the clone lacks: every branch and tag (negotiation sends only the
 * delta) plus any extra refspecs, e.g. a pull request ref.
 */
export async function fetchOrigin(
  git: Git,
  originUrl: string,
  auth: readonly ConfigEntry[],
  options: { prune: boolean; extraRefspecs?: readonly string[] }
): Promise<void> {
  const args = [
    'fetch',
    '--progress',
    '--no-auto-gc',
    '--no-recurse-submodules',
    '--no-write-fetch-head'
  ];
  if (options.prune) args.push('--prune');
  args.push('origin', BRANCH_REFSPEC, TAG_REFSPEC, ...(options.extraRefspecs ?? []));
  core.info(`Fetching from ${originUrl}`);
  try {
    await git.run(args, { config: auth, showProgress: true });
  } catch (error) {
    throw fetchError(originUrl, error);
  }
}

/** Fetches one commit by its id (for a `ref` that is a sha not reachable from any branch or tag). */
export async function fetchCommit(
  git: Git,
  originUrl: string,
  auth: readonly ConfigEntry[],
  commit: string
): Promise<void> {
  try {
    await git.run(
      ['fetch', '--progress', '--no-auto-gc', '--no-write-fetch-head', 'origin', commit],
      {
        config: auth,
        showProgress: true
      }
    );
  } catch (error) {
    throw fetchError(originUrl, error);
  }
}

/** origin's default branch, asked of the server (one round trip). */
export async function remoteDefaultBranch(
  git: Git,
  originUrl: string,
  auth: readonly ConfigEntry[]
): Promise<string> {
  let result;
  try {
    result = await git.run(['ls-remote', '--symref', 'origin', 'HEAD'], { config: auth });
  } catch (error) {
    throw fetchError(originUrl, error);
  }
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(result.stdout);
  return match ? match[1] : '';
}
