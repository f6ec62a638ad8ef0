import { afterEach, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { addCommits, revParse } from '../support/repos.js';
import type { StepResult } from '../support/runner.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const retryLines = (result: StepResult) =>
  result.stdout.split('\n').filter(line => line.startsWith('Attempt '));

test('origin answering 500 and then stalling a pack: the job retries and checks out the tip', async () => {
  // Files that do not compress: the pack is far longer than the 1000 bytes a stall lets through.
  fx = await startFixture({ commits: 6, blobBytes: 10_000 });
  const tip = revParse(fx.origin, 'refs/heads/main');
  fx.git.failNext(2, 500);
  fx.git.stallNext();
  const job = fx.newJob();
  const main = await fx.main(job, {
    env: { CLONE_CACHE_FETCH_STALL_SECONDS: '2' },
    killAfterMs: 60_000
  });
  expect(main.exitCode).toBe(0);
  expect(main.annotations).toEqual([]);
  expect(main.outputs.commit).toBe(tip);
  expect(revParse(job.workspace, 'HEAD')).toBe(tip);
  expect(gitSync(job.workspace, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  const host = fx.originUrl;
  expect(retryLines(main).map(line => line.replace(/in 0\.[12] s\.$/, 'in 0.x s.'))).toEqual([
    `Attempt 1 of 3 to ask ${host} for its default branch failed: fatal: unable to access '${host}/': The requested URL returned error: 500. Trying again in 0.x s.`,
    `Attempt 2 of 3 to ask ${host} for its default branch failed: fatal: unable to access '${host}/': The requested URL returned error: 500. Trying again in 0.x s.`,
    `Attempt 1 of 3 to fetch from ${host} failed: error: RPC failed; curl 28 Operation too slow. Less than 1 bytes/sec transferred the last 2 seconds. Trying again in 0.x s.`
  ]);
});

test('a seeded job whose delta fetch is answered 503 twice still ends at the new tip', async () => {
  fx = await startFixture({ commits: 6 });
  await fx.saveEntry();
  const tip = addCommits(fx.origin, 'main', { commits: 2, seed: 'later' });
  const job = fx.newJob();
  // The event names the default branch: the fetch is the first command that reaches origin.
  const event = path.join(job.dir, 'event.json');
  writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
  fx.git.failNext(2, 503, 'upload-pack');
  const main = await fx.main(job, { env: { GITHUB_EVENT_PATH: event } });
  expect(main.exitCode).toBe(0);
  expect(main.outputs).toMatchObject({ seeded: 'true', commit: tip, 'stale-commits': '2' });
  expect(revParse(job.workspace, 'HEAD')).toBe(tip);
  const retries = retryLines(main);
  expect(retries).toHaveLength(2);
  for (const line of retries) {
    expect(line).toContain(
      `to fetch from ${fx.originUrl} failed: error: RPC failed; HTTP 503 curl 22 The requested URL returned error: 503.`
    );
  }
});

test('a wrong token is not retried: one request, the error it has always been', async () => {
  fx = await startFixture({ commits: 3 });
  const job = fx.newJob();
  const main = await fx.main(job, { token: 'wrong' });
  expect(main.exitCode).toBe(1);
  expect(main.annotations.map(a => a.title)).toEqual(['Fetch from origin failed']);
  expect(main.annotations[0].message).toMatch(
    new RegExp(`^Could not fetch from ${fx.originUrl}: fatal: could not read Username for`)
  );
  expect(retryLines(main)).toEqual([]);
  expect(fx.git.requests).toEqual([
    expect.objectContaining({ path: '/acme/widgets/info/refs', authorized: false })
  ]);
});

test('origin failing every attempt: the error says the fetch was tried 3 times', async () => {
  fx = await startFixture({ commits: 3 });
  fx.git.failNext(100, 500);
  const job = fx.newJob();
  const main = await fx.main(job);
  expect(main.exitCode).toBe(1);
  expect(main.annotations.map(a => a.title)).toEqual(['Fetch from origin failed']);
  expect(main.annotations[0].message).toContain(
    `Could not fetch from ${fx.originUrl} after 3 attempts: remote: injected failure 500`
  );
  expect(retryLines(main)).toHaveLength(2);
  expect(fx.git.requests).toHaveLength(3);
});
