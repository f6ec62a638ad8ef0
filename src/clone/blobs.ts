import * as core from '@actions/core';
import { ActionError } from '../errors.js';
import { gitStderrOf } from '../git/exec.js';
import { missingObjectsOfCommits } from '../git/missing-objects.js';
import { fetchObjectsById, type TransferOptions } from '../git/remote.js';
import type { Repository } from '../git/repository.js';
import { withRetries } from '../git/retry.js';

/**
 * In a blobless clone, the blobs of the commits the job checks out that it does not hold yet,
 * fetched from origin in one request with the job's auth, before anything reads them: the
 * verification and the checkouts then read local objects only (git's own on-demand fetch would
 * go without the token, one object at a time in `cat-file`). Returns how many were fetched.
 */
export async function fetchBlobsToCheckOut(
  clone: Repository,
  originUrl: string,
  commits: readonly string[],
  options: TransferOptions
): Promise<number> {
  const missing = await missingObjectsOfCommits(clone, commits);
  if (missing.length === 0) return 0;
  core.info(
    `Fetching the ${missing.length} blob(s) of ${commits.join(', ')} that the clone lacks from ${originUrl}`
  );
  try {
    await withRetries(`fetch ${missing.length} blob(s) from ${originUrl}`, () =>
      fetchObjectsById(clone, missing, options)
    );
  } catch (error) {
    const detail = gitStderrOf(error)?.trim() ?? String(error);
    throw new ActionError(
      'Fetch from origin failed',
      `Could not fetch the blobs to check out from ${originUrl}: ${detail}`,
      { cause: error }
    );
  }
  const still = await missingObjectsOfCommits(clone, commits);
  if (still.length > 0) {
    throw new ActionError(
      'Fetch from origin failed',
      `${originUrl} did not send ${still.length} blob(s) the checkout needs (${still.slice(0, 3).join(', ')}).`
    );
  }
  return missing.length;
}
