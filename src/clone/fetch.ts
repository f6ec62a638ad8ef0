import * as core from '@actions/core';
import { ActionError } from '../errors.js';
import { gitStderrOf } from '../git/exec.js';
import {
  askDefaultBranch,
  fetchBranchesAndTags,
  fetchOneCommit,
  type OriginFetch
} from '../git/remote.js';
import type { Repository } from '../git/repository.js';
import { FETCH_ATTEMPTS, transientCause, withRetries } from '../git/retry.js';

/** What the user reads when origin could not be fetched; the git failure stays its cause. */
function fetchError(originUrl: string, error: unknown): ActionError {
  const detail = gitStderrOf(error)?.trim() ?? String(error);
  const missingRef = /couldn't find remote ref (\S+)/.exec(detail);
  if (missingRef) {
    return new ActionError(
      'Ref not found',
      `${originUrl} has no ref ${missingRef[1]} (a deleted branch, or a closed pull request?). Check the ref input.`,
      { cause: error }
    );
  }
  // withRetries gives up on a transient failure only after its last attempt.
  const tries = transientCause(error) === undefined ? '' : ` after ${FETCH_ATTEMPTS} attempts`;
  return new ActionError(
    'Fetch from origin failed',
    `Could not fetch from ${originUrl}${tries}: ${detail}\nCheck that the repository exists, that the token can read it, and that the runner can reach the server.`,
    { cause: error }
  );
}

/**
 * Fetches what origin has that the clone lacks: every branch and tag (negotiation sends only the
 * delta) plus any extra refspecs, e.g. a pull request ref.
 */
export async function fetchOrigin(
  repo: Repository,
  originUrl: string,
  options: OriginFetch
): Promise<void> {
  core.info(`Fetching from ${originUrl}`);
  try {
    await withRetries(`fetch from ${originUrl}`, () => fetchBranchesAndTags(repo, options));
  } catch (error) {
    throw fetchError(originUrl, error);
  }
}

/** Fetches one commit by its id (for a `ref` that is a sha not reachable from any branch or tag). */
export async function fetchCommit(
  repo: Repository,
  originUrl: string,
  commit: string
): Promise<void> {
  try {
    await withRetries(`fetch ${commit} from ${originUrl}`, () => fetchOneCommit(repo, commit));
  } catch (error) {
    throw fetchError(originUrl, error);
  }
}

/** origin's default branch, asked of the server (one round trip). */
export async function remoteDefaultBranch(repo: Repository, originUrl: string): Promise<string> {
  try {
    return await withRetries(`ask ${originUrl} for its default branch`, () =>
      askDefaultBranch(repo)
    );
  } catch (error) {
    throw fetchError(originUrl, error);
  }
}
