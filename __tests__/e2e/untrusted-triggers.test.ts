import { afterEach, describe, expect, test } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { READ_ONLY_TOKEN } from '../../src/cache/cache-mode.js';
import { eventEnv, pullRequestTargetPayload, workflowRunPayload } from '../support/events.js';
import { REPOSITORY, startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { addCommits, revParse } from '../support/repos.js';
import type { Job, StepResult } from '../support/runner.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const FORK = 'mallory/widgets';
const uploads = (calls: string[]) =>
  calls.filter(call => call === 'CreateCacheEntry' || call.startsWith('PUT'));

/** origin with a pull request from a fork: its head commit and refs/pull/7/{head,merge}. */
async function withForkPullRequest(): Promise<string> {
  fx = await startFixture({ commits: 6 });
  const head = addCommits(fx.origin, 'fork-topic', { commits: 2, seed: 'fork' }, 'main');
  gitSync(fx.origin, ['update-ref', 'refs/pull/7/head', head]);
  gitSync(fx.origin, ['update-ref', 'refs/pull/7/merge', head]);
  gitSync(fx.origin, ['update-ref', '-d', 'refs/heads/fork-topic']);
  return head;
}

function expectRefusedBeforeAnything(main: StepResult, job: Job, event: string) {
  expect(main.exitCode).toBe(1);
  expect(main.annotations.map(a => [a.level, a.title])).toEqual([
    ['error', 'Fork pull request checkout refused']
  ]);
  expect(main.annotations[0].message).toContain(`in a '${event}' run`);
  expect(main.annotations[0].message).toContain("'allow-unsafe-pr-checkout: true'");
  expect(fx.git.requests).toEqual([]);
  expect(fx.cache.calls).toEqual([]);
  expect(readdirSync(job.workspace)).toEqual([]);
}

/** A pull_request_target run for a pull request from `from` (a fork unless told) at `head`. */
function pullRequestTargetEnv(job: Job, head: string, from = FORK): NodeJS.ProcessEnv {
  return eventEnv(
    job.dir,
    'pull_request_target',
    pullRequestTargetPayload({ base: REPOSITORY, head: from, headSha: head })
  );
}

describe('a fork pull request in a pull_request_target or workflow_run run', () => {
  test('pull_request_target, ref refs/pull/N/merge: refused before any fetch or restore', async () => {
    const head = await withForkPullRequest();
    const job = fx.newJob();
    const env = pullRequestTargetEnv(job, head);
    const main = await fx.main(job, { env, inputs: { ref: 'refs/pull/7/merge' } });
    expectRefusedBeforeAnything(main, job, 'pull_request_target');
    const post = await fx.post(job, { env });
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('The main step did not finish');
  });

  test("workflow_run after a fork's pull_request, ref the head sha: refused", async () => {
    const head = await withForkPullRequest();
    const job = fx.newJob();
    const env = eventEnv(
      job.dir,
      'workflow_run',
      workflowRunPayload({
        base: REPOSITORY,
        head: FORK,
        headSha: head,
        triggeredBy: 'pull_request'
      })
    );
    const main = await fx.main(job, { env, inputs: { ref: head } });
    expectRefusedBeforeAnything(main, job, 'workflow_run');
  });

  test('with allow-unsafe-pr-checkout it runs, and the post step never saves', async () => {
    const head = await withForkPullRequest();
    const job = fx.newJob();
    const env = pullRequestTargetEnv(job, head);
    const main = await fx.main(job, {
      env,
      inputs: {
        ref: 'refs/pull/7/merge',
        'allow-unsafe-pr-checkout': 'true',
        'save-cache': 'always'
      }
    });
    expect(main.annotations).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(revParse(job.workspace, 'HEAD')).toBe(head);
    expect(main.outputs.ref).toBe('refs/pull/7/merge');
    const post = await fx.post(job);
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(post.stdout).toContain(
      "Clone cache not saved: this pull_request_target run checked out a fork's pull request code (allow-unsafe-pr-checkout)"
    );
    expect(uploads(fx.cache.calls)).toEqual([]);
    expect(fx.cache.entries.size).toBe(0);
  });

  test('the default self-checkout (the base branch) is not refused, and saves as usual', async () => {
    const head = await withForkPullRequest();
    const job = fx.newJob();
    const env = {
      ...pullRequestTargetEnv(job, head),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: revParse(fx.origin, 'refs/heads/main')
    };
    const main = await fx.main(job, { env });
    expect(main.exitCode).toBe(0);
    expect(revParse(job.workspace, 'HEAD')).toBe(revParse(fx.origin, 'refs/heads/main'));
    expect((await fx.post(job, { env })).stdout).toContain('Clone cache saved');
    expect(fx.cache.entries.size).toBe(1);
  });

  test('a pull request from the same repository is not refused', async () => {
    fx = await startFixture({ commits: 6 });
    const head = addCommits(fx.origin, 'topic', { commits: 2, seed: 'pr' }, 'main');
    gitSync(fx.origin, ['update-ref', 'refs/pull/7/merge', head]);
    const job = fx.newJob();
    const env = pullRequestTargetEnv(job, head, REPOSITORY);
    const main = await fx.main(job, { env, inputs: { ref: 'refs/pull/7/merge' } });
    expect(main.annotations).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(revParse(job.workspace, 'HEAD')).toBe(head);
  });
});

describe('a read-only cache token', () => {
  test('ACTIONS_CACHE_MODE=read: restores, then one info line and no upload attempted', async () => {
    fx = await startFixture({ commits: 6 });
    await fx.saveEntry();
    addCommits(fx.origin, 'main', { commits: 2, seed: 'later' });
    fx.cache.calls.length = 0;
    const job = fx.newJob('read-only', { extraEnv: { ACTIONS_CACHE_MODE: 'read' } });
    const main = await fx.main(job, { inputs: { 'save-cache': 'always' } });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.seeded).toBe('true');
    const post = await fx.post(job);
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(post.stdout).toContain(`Clone cache ${READ_ONLY_TOKEN}`);
    expect(fx.cache.calls).toContain('GetCacheEntryDownloadURL');
    expect(uploads(fx.cache.calls)).toEqual([]);
    expect(fx.cache.entries.size).toBe(1);
  });

  test('a write the service denies anyway: the same info line, not a warning', async () => {
    fx = await startFixture({ commits: 6 });
    fx.cache.faults.create = 'deny-write';
    const job = fx.newJob();
    expect((await fx.main(job)).exitCode).toBe(0);
    const post = await fx.post(job);
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(post.stdout).toContain(`Clone cache ${READ_ONLY_TOKEN}`);
    expect(fx.cache.calls).toContain('CreateCacheEntry');
    expect(fx.cache.calls.filter(call => call.startsWith('PUT'))).toEqual([]);
    expect(fx.cache.entries.size).toBe(0);
  });
});

describe('runners other than Linux', () => {
  test.each(['Windows', 'macOS'])(
    '%s: one error naming actions/checkout, nothing made',
    async os => {
      fx = await startFixture({ commits: 3 });
      const job = fx.newJob(os, { extraEnv: { RUNNER_OS: os } });
      const main = await fx.main(job);
      expect(main.exitCode).toBe(1);
      expect(main.annotations.map(a => [a.level, a.title])).toEqual([
        ['error', 'Linux runners only']
      ]);
      expect(main.annotations[0].message).toContain('supports Linux runners only for now');
      expect(main.annotations[0].message).toContain('actions/checkout');
      expect(readdirSync(job.workspace)).toEqual([]);
      expect(fx.git.requests).toEqual([]);
      expect(fx.cache.calls).toEqual([]);
      const post = await fx.post(job);
      expect(post.exitCode).toBe(0);
      expect(post.annotations).toEqual([]);
      expect(post.stdout).toContain('The main step did not finish; nothing to save or clean up.');
    }
  );
});
