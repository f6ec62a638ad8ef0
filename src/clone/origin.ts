import { ActionError, errorMessage } from '../errors.js';
import type { Git } from '../git/git.js';

/**
 * Points origin at the real repository: fetch and push in a clone the action made, fetch only in
 * a clone you made (your push URL stays). A failure here fails the step: a clone that still
 * points at a cache's path must never be reported as ready.
 */
export async function setOrigin(git: Git, originUrl: string, ownClone: boolean): Promise<void> {
  try {
    const remotes = (await git.output(['remote'])).split('\n');
    if (!remotes.includes('origin')) {
      await git.run([
        'config',
        '--local',
        'remote.origin.fetch',
        '+refs/heads/*:refs/remotes/origin/*'
      ]);
    }
    await git.run(['config', '--local', 'remote.origin.url', originUrl]);
    if (ownClone) {
      // Exit 5 means there was no push URL to unset.
      await git.run(['config', '--local', '--unset-all', 'remote.origin.pushurl'], {
        allowFailure: true
      });
    }
    const fetchUrl = await git.output(['remote', 'get-url', 'origin']);
    const pushUrl = ownClone
      ? await git.output(['remote', 'get-url', '--push', 'origin'])
      : originUrl;
    if (fetchUrl !== originUrl || pushUrl !== originUrl) {
      throw new Error(`origin reads back as fetch=${fetchUrl} push=${pushUrl}`);
    }
  } catch (error) {
    throw new ActionError(
      'Origin rewrite failed',
      `Could not point origin of ${git.cwd} at ${originUrl}: ${errorMessage(error)}`
    );
  }
}
