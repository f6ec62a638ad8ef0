import { afterEach, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { filesContaining, unpackEntry } from '../support/archive.js';
import { startFixture, TOKEN, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { hostCloneIn } from '../support/host-clone.js';
import { laterStepGit } from '../support/later-step.js';
import type { Job } from '../support/runner.js';
import { RUNNER, runningAsRoot } from '../support/users.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const base64Token = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
const credentialFiles = (job: Job) =>
  readdirSync(job.runnerTemp).filter(name => name.startsWith('clone-cache-credentials-'));

/** A later step commits and pushes a branch of its own; its result. */
async function pushFrom(job: Job, dir: string, branch: string) {
  const commit = await laterStepGit(job, dir, ['commit', '-q', '--allow-empty', '-m', branch]);
  expect(commit.stderr).toBe('');
  return laterStepGit(job, dir, ['push', '-q', 'origin', `HEAD:refs/heads/${branch}`]);
}

function expectNoSecretIn(dir: string): void {
  expect(filesContaining(dir, TOKEN)).toEqual([]);
  expect(filesContaining(dir, base64Token)).toEqual([]);
}

describe('persist-credentials (default true), as actions/checkout v6 keeps them', () => {
  test('later steps fetch and push from the clone and the task worktree; after post they cannot', async () => {
    fx = await startFixture({ commits: 5 });
    await fx.saveEntry();
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { branch: 'task' } });
    expect(main.exitCode).toBe(0);
    const worktree = main.outputs['worktree-path'];

    // The token lives in one RUNNER_TEMP file that only the runner user can read.
    const files = credentialFiles(job);
    expect(files).toHaveLength(1);
    const file = path.join(job.runnerTemp, files[0]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(base64Token);
    expectNoSecretIn(path.join(job.workspace, '.git'));
    const logged = `${main.stdout}${main.stderr}`.split('\n');
    expect(logged.filter(l => l.includes(base64Token) && !l.startsWith('::add-mask::'))).toEqual(
      []
    );

    expect((await laterStepGit(job, job.workspace, ['fetch', 'origin'])).code).toBe(0);
    expect((await pushFrom(job, job.workspace, 'from-clone')).code).toBe(0);
    expect((await laterStepGit(job, worktree, ['fetch', 'origin'])).code).toBe(0);
    expect((await pushFrom(job, worktree, 'from-worktree')).code).toBe(0);
    expect(gitSync(fx.origin, ['branch', '--list', 'from-*'])).toBe('from-clone\n  from-worktree');

    const post = await fx.post(job);
    expect(post.exitCode).toBe(0);
    expect(credentialFiles(job)).toEqual([]);
    expect(gitSync(job.workspace, ['config', '--local', '--list'])).not.toMatch(/includeif/i);
    const denied = await laterStepGit(job, job.workspace, ['fetch', 'origin']);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/could not read Username|Authentication failed/);
    expectNoSecretIn(path.join(job.workspace, '.git'));
  });

  test("a workflow that swaps the uses: line and keeps checkout's inputs pushes a commit unchanged", async () => {
    fx = await startFixture({ commits: 5 });
    const job = fx.newJob();
    // What a release workflow passes to actions/checkout today (origin-url is the fixture's).
    const checkoutInputs = {
      ref: 'main',
      'fetch-depth': '0',
      'fetch-tags': 'true',
      'persist-credentials': 'true',
      clean: 'true',
      'show-progress': 'false',
      'set-safe-directory': 'true',
      submodules: 'false',
      lfs: 'false',
      'sparse-checkout-cone-mode': 'true',
      path: '.'
    };
    const main = await fx.main(job, { inputs: checkoutInputs });
    expect(main.annotations).toEqual([]);
    expect(main.outputs.ref).toBe('refs/heads/main');
    await laterStepGit(job, job.workspace, ['commit', '-q', '--allow-empty', '-m', 'release']);
    const push = await laterStepGit(job, job.workspace, ['push', '-q', 'origin', 'HEAD:main']);
    expect(push).toMatchObject({ code: 0, stderr: '' });
    expect(gitSync(fx.origin, ['log', '-1', '--format=%s', 'main'])).toBe('release');
    expect((await fx.post(job)).exitCode).toBe(0);
  });

  test('the entry a job saves holds no token, though the job persisted one', async () => {
    fx = await startFixture({ commits: 4 });
    const entry = await fx.saveEntry();
    const unpacked = path.join(fx.root, 'unpacked');
    unpackEntry(entry, unpacked);
    expectNoSecretIn(unpacked);
    expect(filesContaining(unpacked, 'includeIf')).toEqual([]);
    expect(filesContaining(unpacked, 'clone-cache-credentials-')).toEqual([]);
  });

  test('false leaves nothing behind: no file, no include, and a later fetch has no token', async () => {
    fx = await startFixture({ commits: 4 });
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { 'persist-credentials': 'false' } });
    expect(main.exitCode).toBe(0);
    expect(credentialFiles(job)).toEqual([]);
    expect(gitSync(job.workspace, ['config', '--local', '--list'])).not.toMatch(/includeif/i);
    const denied = await laterStepGit(job, job.workspace, ['fetch', 'origin']);
    expect(denied.stderr).toMatch(/could not read Username|Authentication failed/);
  });
});

describe('persist-credentials with cache-dir and branch: one job, one worktree, one token', () => {
  test("a job's token is read in its own worktree only, never in the host clone or another job's worktree", async () => {
    fx = await startFixture({ commits: 5 });
    // Two runners on one host, one user: they share HOME and so the global config.
    const home = path.join(fx.root, 'shared-home');
    mkdirSync(home, { recursive: true });
    const [a, b] = ['a', 'b'].map(name => fx.newJob(name, { extraEnv: { HOME: home } }));
    const mainA = await fx.main(a, { inputs: { 'cache-dir': fx.hostDir, branch: 'task-a' } });
    expect(mainA.exitCode).toBe(0);
    const mainB = await fx.main(b, {
      inputs: { 'cache-dir': fx.hostDir, branch: 'task-b', 'persist-credentials': 'false' }
    });
    expect(mainB.exitCode).toBe(0);
    const [wtA, wtB] = [mainA, mainB].map(m => m.outputs['worktree-path']);
    const headers = (job: Job, dir: string) =>
      laterStepGit(job, dir, ['config', '--get-regexp', 'extraheader']).then(r => r.stdout);

    expect(await headers(a, wtA)).toContain(base64Token);
    expect(await headers(b, wtB)).toBe('');
    expect(await headers(a, hostCloneIn(fx.hostDir))).toBe('');
    expect((await pushFrom(a, wtA, 'from-a')).code).toBe(0);
    expect((await laterStepGit(b, wtB, ['fetch', 'origin'])).code).not.toBe(0);
    expectNoSecretIn(hostCloneIn(fx.hostDir));

    expect((await fx.post(a)).exitCode).toBe(0);
    expect(readFileSync(path.join(home, '.gitconfig'), 'utf8')).not.toMatch(/includeIf/i);
    expect(credentialFiles(a)).toEqual([]);
    expect((await fx.post(b)).exitCode).toBe(0);
  });
});

describe('set-safe-directory (default true)', () => {
  const skip = runningAsRoot ? '' : 'needs root to run a later step as another uid';
  if (skip) console.warn(`set-safe-directory tests not run: ${skip}`);
  const run = skip ? test.skip : test;

  run.each([
    ['true', 0],
    ['false', 128]
  ])(
    'set-safe-directory %s: a later step as another uid (a container job) runs git status: exit %d',
    async (value, exitCode) => {
      fx = await startFixture({ commits: 3 });
      const job = fx.newJob();
      // The credentials file is the runner user's alone (0600): git run as another uid on the same
      // file system stops at the include it cannot read, so this job persists none (README).
      const inputs = { 'set-safe-directory': value, 'persist-credentials': 'false' };
      const main = await fx.main(job, { inputs });
      expect(main.exitCode).toBe(0);
      // The other uid can walk to the clone and read the runner's global config, as a container
      // job that mounts both can.
      for (const dir of [fx.root, path.dirname(job.dir)]) chmodSync(dir, 0o755);
      const status = await laterStepGit(job, job.workspace, ['status', '--short'], RUNNER);
      expect(status.code).toBe(exitCode);
      if (exitCode !== 0) expect(status.stderr).toContain('detected dubious ownership');
      const post = await fx.post(job);
      expect(post.exitCode).toBe(0);
      const global = path.join(job.env.HOME ?? '', '.gitconfig');
      expect(existsSync(global) ? readFileSync(global, 'utf8') : '').not.toContain(job.workspace);
    }
  );
});
