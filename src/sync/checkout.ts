import { ActionError } from '../errors.js';
import type { Git } from '../git/git.js';
import type { Target } from './ref.js';

/**
 * Checks out the target: a branch becomes a local branch tracking origin, anything else is a
 * detached HEAD. `ownClone` (a clone the action made) allows a forced checkout and a clean; in a
 * clone the user made, local changes stop the checkout with git's own message.
 */
export async function checkoutTarget(git: Git, target: Target, ownClone: boolean): Promise<void> {
  const force = ownClone ? ['--force'] : [];
  if (target.kind === 'branch') {
    await git.run(['checkout', '--progress', ...force, '-B', target.name, target.commit, '--'], {
      showProgress: true
    });
    if (await git.resolveCommit(`refs/remotes/origin/${target.name}`)) {
      await git.run([
        'branch',
        `--set-upstream-to=refs/remotes/origin/${target.name}`,
        '--',
        target.name
      ]);
    }
  } else {
    await git.run(['checkout', '--progress', ...force, '--detach', target.commit, '--'], {
      showProgress: true
    });
  }
  if (ownClone) await git.run(['clean', '-ffdx']);
  const head = await git.resolveCommit('HEAD');
  if (head !== target.commit) {
    throw new ActionError(
      'Checkout did not reach the commit',
      `HEAD of ${git.cwd} is ${head || 'unborn'}, expected ${target.commit} for ${target.name}.`
    );
  }
}
