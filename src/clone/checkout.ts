import * as core from '@actions/core';
import { ActionError } from '../errors.js';
import type { Git } from '../git/git.js';
import type { Target } from './ref.js';

/**
 * git carries local changes to files the commits do not touch across a checkout: in a clone you
 * made they stay (the action never resets your work), but the job must not build them unseen.
 */
async function warnAboutCarriedChanges(git: Git, target: Target): Promise<void> {
  const changed = (await git.output(['diff', '--name-only', 'HEAD', '--']))
    .split('\n')
    .filter(Boolean);
  if (changed.length === 0) return;
  const shown = changed.slice(0, 10).join(', ') + (changed.length > 10 ? ', ...' : '');
  core.warning(
    `${git.cwd} is at ${target.commit}, but ${changed.length} tracked file(s) carry local changes that the checkout kept: ${shown}. This clone was not made by the action, so it is not reset; run \`git -C ${git.cwd} reset --hard\` before this step to drop them.`,
    { title: 'Local changes kept in path' }
  );
}

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
  else await warnAboutCarriedChanges(git, target);
  const head = await git.resolveCommit('HEAD');
  if (head !== target.commit) {
    throw new ActionError(
      'Checkout did not reach the commit',
      `HEAD of ${git.cwd} is ${head || 'unborn'}, expected ${target.commit} for ${target.name}.`
    );
  }
}
