import { afterEach, expect, test } from '@jest/globals';
import { utimesSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, type Fixture } from '../support/fixture.js';
import { expectWorktreeAt } from '../support/expectations.js';
import { hostCloneIn, worktreeInputs } from '../support/host-clone.js';
import { addCommits, createTag, revParse } from '../support/repos.js';

// Within CLONE_CACHE_HOST_FRESH_SECONDS of another job's fetch, a job asks origin only for the
// tips of its branch and base, and skips the fetch when the host clone already holds them.

let fx: Fixture;
afterEach(async () => fx?.close());

const SKIPPED = /fetched moments ago and holds origin's tips of feature and main: no fetch needed/;

/** A job on `feature` whose worktree is at `tip`, from main step to post step. */
async function runJob(name: string, tip: string, env: NodeJS.ProcessEnv = {}) {
  const job = fx.newJob(name, { extraEnv: env });
  const main = await fx.main(job, worktreeInputs(fx, 'feature'));
  expectWorktreeAt(main, tip, 'feature');
  expect((await fx.post(job)).exitCode).toBe(0);
  return main;
}

/** Whether the job fetched into the host clone: fetchOrigin says so before it runs git. */
function fetched(stdout: string): boolean {
  return stdout.includes(`Fetching from ${fx.originUrl}`);
}

/** Makes the host clone's last fetch look `seconds` old. */
function ageLastFetch(seconds: number): void {
  const stamp = path.join(hostCloneIn(fx.hostDir), 'clone-cache-fetched');
  const then = new Date(Date.now() - seconds * 1000);
  utimesSync(stamp, then, then);
}

test('fresh and unchanged: no fetch; stale, or the window off: the fetch runs', async () => {
  fx = await startFixture({ commits: 10 });
  const tip = addCommits(fx.origin, 'feature', { commits: 2, seed: 'f' }, 'main');
  const first = await runJob('first', tip);
  expect(fetched(first.stdout)).toBe(true); // the clone was made: a fetch by another name

  const fresh = await runJob('fresh', tip);
  expect(fresh.stdout).toMatch(SKIPPED);
  expect(fetched(fresh.stdout)).toBe(false);

  // The window counts from the last real fetch: a skip does not extend it.
  ageLastFetch(60);
  const stale = await runJob('stale', tip);
  expect(stale.stdout).not.toMatch(SKIPPED);
  expect(fetched(stale.stdout)).toBe(true);

  const off = await runJob('off', tip, { CLONE_CACHE_HOST_FRESH_SECONDS: '0' });
  expect(fetched(off.stdout)).toBe(true);

  // A longer window makes a minute-old fetch fresh again.
  ageLastFetch(60);
  const longer = await runJob('longer', tip, { CLONE_CACHE_HOST_FRESH_SECONDS: '120' });
  expect(longer.stdout).toMatch(SKIPPED);
  expect(fetched(longer.stdout)).toBe(false);
});

test('fresh, but origin moved the branch or its base: the fetch runs and the job gets the tip', async () => {
  fx = await startFixture({ commits: 10 });
  const tip = addCommits(fx.origin, 'feature', { commits: 2, seed: 'f' }, 'main');
  await runJob('first', tip);

  const moved = addCommits(fx.origin, 'feature', { commits: 1, seed: 'g' });
  const branchMoved = await runJob('branch-moved', moved);
  expect(fetched(branchMoved.stdout)).toBe(true);

  // Only the base moved: the branch's tip is the same, but the job's start points are asked for.
  const mainTip = addCommits(fx.origin, 'main', { commits: 1, seed: 'm' });
  const baseMoved = await runJob('base-moved', moved);
  expect(fetched(baseMoved.stdout)).toBe(true);
  expect(revParse(hostCloneIn(fx.hostDir), 'refs/remotes/origin/main')).toBe(mainTip);
});

test('a skipped fetch leaves other branches and tags as the last fetch left them', async () => {
  fx = await startFixture({ commits: 10 });
  const tip = addCommits(fx.origin, 'feature', { commits: 2, seed: 'f' }, 'main');
  await runJob('first', tip);
  const other = addCommits(fx.origin, 'other', { commits: 1, seed: 'o' }, 'main');
  createTag(fx.origin, 'v9', other);

  const fresh = await runJob('fresh', tip);
  expect(fresh.stdout).toMatch(SKIPPED);
  const clone = hostCloneIn(fx.hostDir);
  expect(() => revParse(clone, 'refs/remotes/origin/other')).toThrow();

  ageLastFetch(60);
  await runJob('stale', tip);
  expect(revParse(clone, 'refs/remotes/origin/other')).toBe(other);
  expect(revParse(clone, 'refs/tags/v9^{commit}')).toBe(other);
});
