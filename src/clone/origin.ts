import { ActionError, errorMessage } from '../errors.js';
import { setLocalConfig, unsetLocalConfig } from '../git/config.js';
import { readOriginUrl, remoteNames } from '../git/remote.js';
import type { Repository } from '../git/repository.js';

/**
 * Points origin at the real repository: fetch and push in a clone the action made, fetch only in
 * a clone you made (your push URL stays). A failure here fails the step: a clone that still
 * points at a cache's path must never be reported as ready.
 */
export async function setOrigin(
  repo: Repository,
  originUrl: string,
  ownClone: boolean
): Promise<void> {
  try {
    if (!(await remoteNames(repo)).includes('origin')) {
      await setLocalConfig(repo, 'remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*');
    }
    await setLocalConfig(repo, 'remote.origin.url', originUrl);
    if (ownClone) await unsetLocalConfig(repo, 'remote.origin.pushurl');
    const fetchUrl = await readOriginUrl(repo, 'fetch');
    const pushUrl = ownClone ? await readOriginUrl(repo, 'push') : originUrl;
    if (fetchUrl !== originUrl || pushUrl !== originUrl) {
      throw new Error(`origin reads back as fetch=${fetchUrl} push=${pushUrl}`);
    }
  } catch (error) {
    throw new ActionError(
      'Origin rewrite failed',
      `Could not point origin of ${repo.dir} at ${originUrl}: ${errorMessage(error)}`
    );
  }
}
