import { ActionError, errorMessage } from '../errors.js';
import type { Git } from '../git/git.js';

/**
 * Points origin (fetch and push) at the real repository. A failure here fails the step: a clone
 * that still points at a cache's path must never be reported as ready.
 */
export async function setOrigin(git: Git, originUrl: string): Promise<void> {
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
    // Exit 5 means there was no push URL to unset.
    await git.run(['config', '--local', '--unset-all', 'remote.origin.pushurl'], {
      allowFailure: true
    });
    const fetchUrl = await git.output(['remote', 'get-url', 'origin']);
    const pushUrl = await git.output(['remote', 'get-url', '--push', 'origin']);
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
