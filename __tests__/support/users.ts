import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Fixture } from './fixture.js';
import type { Job } from './runner.js';

/** The unprivileged runner user the permission tests run the action as (no passwd entry needed). */
export const RUNNER = { uid: 4242, gid: 4242 };

export const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Makes a job belong to the runner user, as the runner's own directories do. */
export function giveJobToRunner(fx: Fixture, job: Job): void {
  // The fixture's temporary root is 0700; the runner user must be able to walk into it.
  chmodSync(fx.root, 0o755);
  chmodSync(path.dirname(job.dir), 0o755);
  execFileSync('chown', ['-R', `${RUNNER.uid}:${RUNNER.gid}`, job.dir]);
}

/** A directory owned by root, as a container running as root leaves behind. */
export function rootOwnedDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  chownSync(dir, 0, 0);
  chmodSync(dir, 0o755);
  return dir;
}

export function chownTree(dir: string, owner: { uid: number; gid: number }): void {
  execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dir]);
}

/**
 * Mounts `dir` read-only (a bind mount onto itself). Returns the function that undoes it, or a
 * reason when this machine does not allow mounting.
 */
export function mountReadOnly(dir: string): { unmount: () => void } | { reason: string } {
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'pipe' });
    execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'pipe' });
    return { unmount: () => execFileSync('umount', [dir]) };
  } catch (error) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      // nothing was mounted
    }
    return { reason: (error as Error).message.split('\n')[0] };
  }
}

/** Probes once whether read-only bind mounts work here. */
export function readOnlyMountsWork(probeRoot: string): string | true {
  const probe = path.join(probeRoot, `ro-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const mounted = mountReadOnly(probe);
  if ('reason' in mounted) {
    rmSync(probe, { recursive: true, force: true });
    return mounted.reason;
  }
  mounted.unmount();
  rmSync(probe, { recursive: true, force: true });
  return true;
}

/** Mounts a small tmpfs at `dir` (a disk that fills up), or says why this machine cannot. */
export function mountSmallDisk(
  dir: string,
  size: string
): { unmount: () => void } | { reason: string } {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return { unmount: () => execFileSync('umount', [dir]) };
  } catch (error) {
    return { reason: (error as Error).message.split('\n')[0] };
  }
}

/** Probes once whether a tmpfs can be mounted here; true, or the reason it cannot. */
export function smallDisksWork(probeRoot: string): string | true {
  const probe = path.join(probeRoot, `tmpfs-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const mounted = mountSmallDisk(probe, '64k');
  const result = 'reason' in mounted ? mounted.reason : true;
  if (!('reason' in mounted)) mounted.unmount();
  rmSync(probe, { recursive: true, force: true });
  return result;
}
