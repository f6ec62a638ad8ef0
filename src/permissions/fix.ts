import * as core from '@actions/core';
import { spawnSync } from 'node:child_process';
import { containingRoot, runnerIdentity } from './ownership.js';

/**
 * fix-ownership: gives `dir` (inside one of the action's roots, never elsewhere) to the runner
 * user, when this process is root or has passwordless sudo. Returns whether it did.
 */
export function fixOwnership(dir: string, roots: readonly string[]): boolean {
  const runner = runnerIdentity();
  if (!runner || !dir || !containingRoot(roots, dir)) {
    core.info(
      `fix-ownership: ${dir || 'the path'} is not inside the action's directories; not touching it.`
    );
    return false;
  }
  const owner = `${runner.uid}:${runner.gid}`;
  const asRoot = runner.uid === 0;
  const sudo = !asRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!asRoot && !sudo) {
    core.info(
      `fix-ownership: cannot change the owner of ${dir}: this job runs as ${owner} without passwordless sudo. Nothing was changed; run: sudo chown -R ${owner} ${dir}`
    );
    return false;
  }
  const command = asRoot ? 'chown' : 'sudo';
  const args = [...(asRoot ? [] : ['-n', 'chown']), '-R', '--no-dereference', owner, '--', dir];
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    core.warning(`fix-ownership: chown -R ${owner} ${dir} failed: ${(result.stderr || '').trim()}`);
    return false;
  }
  core.info(`fix-ownership: gave ${dir} to ${owner}.`);
  return true;
}
