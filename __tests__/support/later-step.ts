import { execFile } from 'node:child_process';
import type { Job } from './runner.js';

export interface LaterStepResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Plain `git` as a later `run:` step of the job runs it: the runner's environment (its HOME and
 * global config) and nothing of the test harness (no token, no safe.directory, no config
 * overrides). Never throws: a later step's failure is what some tests expect.
 */
export function laterStepGit(
  job: Job,
  cwd: string,
  args: string[],
  as: { uid?: number; gid?: number; home?: string } = {}
): Promise<LaterStepResult> {
  const env: NodeJS.ProcessEnv = {
    ...job.env,
    HOME: as.home ?? job.env.HOME,
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Later Step',
    GIT_AUTHOR_EMAIL: 'later@example.com',
    GIT_COMMITTER_NAME: 'Later Step',
    GIT_COMMITTER_EMAIL: 'later@example.com'
  };
  return new Promise(resolve => {
    execFile('git', args, { cwd, env, uid: as.uid, gid: as.gid }, (error, stdout, stderr) =>
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        stdout: stdout.trim(),
        stderr: stderr.trim()
      })
    );
  });
}
