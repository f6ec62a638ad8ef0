// Where the demo's jobs run: origin behind the loopback git server, the loopback cache service,
// and runner-like jobs; every step and every plain clone timed from its start to its exit.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { startCacheServer, type CacheServer } from '../__tests__/support/cache-server.js';
import { startGitServer, type GitServer } from '../__tests__/support/git-server.js';
import { createJob, runStep, type Job, type StepResult } from '../__tests__/support/runner.js';

export const REPOSITORY = 'acme/widgets';
const TOKEN = 'ghs_demoToken0123456789abcdefXYZ';

export type TimedStep = StepResult & { wallSeconds: number };

export interface Loopback {
  originUrl: string;
  newJob(name: string): Job;
  step(which: 'main' | 'post', job: Job): Promise<TimedStep>;
  /** Seconds that `git clone <extra> <origin>` takes, as a user would run it. */
  gitClone(extraArgs: string[], dir: string): Promise<number>;
  close(): Promise<void>;
}

/** Serves `<root>/origin/acme/widgets.git` and a cache stored under `root`. */
export async function startLoopback(root: string): Promise<Loopback> {
  const git: GitServer = await startGitServer(path.join(root, 'origin'), TOKEN);
  const cache: CacheServer = await startCacheServer(path.join(root, 'cache-storage'));
  const originUrl = `${git.url}/${REPOSITORY}`;
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
  return {
    originUrl,
    newJob: name =>
      createJob(path.join(root, 'jobs', name), {
        repository: REPOSITORY,
        cacheUrl: cache.url,
        cacheToken: cache.token
      }),
    async step(which, job) {
      const started = performance.now();
      const result = await runStep(which, job, {
        token: TOKEN,
        inputs: { 'origin-url': originUrl }
      });
      return { ...result, wallSeconds: (performance.now() - started) / 1000 };
    },
    gitClone: (extraArgs, dir) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn('git', ['clone', '--quiet', ...extraArgs, originUrl, dir], {
          stdio: ['ignore', 'ignore', 'inherit'],
          // The token as the action sends it, in the environment rather than on the command line.
          env: {
            ...process.env,
            GIT_TERMINAL_PROMPT: '0',
            GIT_CONFIG_COUNT: '1',
            GIT_CONFIG_KEY_0: 'http.extraheader',
            GIT_CONFIG_VALUE_0: header
          }
        });
        child.on('error', reject);
        child.on('close', code =>
          code === 0
            ? resolve((performance.now() - started) / 1000)
            : reject(new Error(`git clone ${extraArgs.join(' ')} exited ${code}`))
        );
      }),
    async close() {
      await git.close();
      await cache.close();
    }
  };
}
