import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as path from 'node:path';
import type { LaterStepResult } from './later-step.js';
import type { Job } from './runner.js';

/**
 * The file system a container step sees, built in a private mount namespace: a fresh root with
 * the machine's /usr, /etc and /dev (so git and its helpers run), the job's workspace at
 * /github/workspace and its RUNNER_TEMP at /github/runner_temp, as the runner mounts them, and
 * nothing else: the runner's own paths of the job do not exist in it. Arguments: the new root,
 * the workspace, RUNNER_TEMP, then the command.
 */
const ENTER_CONTAINER = `set -e
root="$1"; workspace="$2"; runner_temp="$3"; shift 3
mount -t tmpfs -o mode=755 none "$root"
mkdir -p "$root/usr" "$root/etc" "$root/dev" "$root/tmp" "$root/github/home" \\
  "$root/github/workspace" "$root/github/runner_temp"
for link in bin lib lib64 sbin; do
  if [ -L "/$link" ]; then ln -s "$(readlink "/$link")" "$root/$link"; fi
done
mount --rbind /usr "$root/usr"
mount --rbind /etc "$root/etc"
mount --rbind /dev "$root/dev"
mount --bind "$workspace" "$root/github/workspace"
mount --bind "$runner_temp" "$root/github/runner_temp"
exec chroot "$root" "$@"`;

/** Why container steps cannot run here ('' when they can): they need root and mount namespaces. */
export function containerStepsUnavailable(): string {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'needs root';
  const probe = spawnSync('unshare', ['-m', '--propagation', 'private', 'true']);
  return probe.status === 0 ? '' : 'unshare -m (a mount namespace) is not permitted here';
}

/**
 * Plain `git` as a later step of a container job runs it (`container:` in the workflow): in
 * `cwd`, a path as the container sees it (under /github/workspace), with the container's own
 * HOME and none of the runner's environment. Never throws.
 */
export function containerStepGit(job: Job, cwd: string, args: string[]): Promise<LaterStepResult> {
  return containerStep(job, ['git', '-C', cwd, ...args]);
}

/** Any command in the job's container file system (see containerStepGit). */
export function containerStep(job: Job, command: string[]): Promise<LaterStepResult> {
  const root = mkdtempSync(path.join(job.dir, 'container-root-'));
  const args = [
    ...['-m', '--propagation', 'private', 'sh', '-c', ENTER_CONTAINER, 'sh'],
    ...[root, job.workspace, job.runnerTemp],
    ...['env', '-i', 'PATH=/usr/bin:/bin', 'HOME=/github/home', 'GIT_TERMINAL_PROMPT=0'],
    ...command
  ];
  return new Promise(resolve => {
    execFile('unshare', args, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        stdout: stdout.trim(),
        stderr: stderr.trim()
      })
    );
  });
}
