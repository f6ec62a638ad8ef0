import * as core from '@actions/core';
import { ActionError } from '../errors.js';
import { gitStderrOf } from '../git/exec.js';
import {
  askDefaultBranch,
  fetchBranchesAndTags,
  fetchOneCommit,
  fetchOneTag,
  type OriginFetch,
  type TransferOptions
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
  const credential = /^https?:\/\//i.test(originUrl) ? 'the token' : 'the ssh key';
  const hint = /Host key verification failed/.test(detail)
    ? "The server's host key is in no known_hosts file: add its line with ssh-known-hosts (ssh-keyscan <host> prints it)."
    : `Check that the repository exists, that ${credential} can read it, and that the runner can reach the server.`;
  return new ActionError(
    'Fetch from origin failed',
    `Could not fetch from ${originUrl}${tries}: ${detail}\n${hint}`,
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
  commit: string,
  options: TransferOptions = {}
): Promise<void> {
  try {
    await withRetries(`fetch ${commit} from ${originUrl}`, () =>
      fetchOneCommit(repo, commit, options)
    );
  } catch (error) {
    throw fetchError(originUrl, error);
  }
}

/** Fetches one tag by its name; false when origin has no such tag. */
export async function fetchTag(
  repo: Repository,
  originUrl: string,
  name: string,
  options: TransferOptions = {}
): Promise<boolean> {
  try {
    await withRetries(`fetch tag ${name} from ${originUrl}`, () =>
      fetchOneTag(repo, name, options)
    );
    return true;
  } catch (error) {
    if (/couldn't find remote ref/.test(gitStderrOf(error) ?? '')) return false;
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
