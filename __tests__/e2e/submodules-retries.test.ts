import { afterEach, expect, test } from '@jest/globals';
import type * as http from 'node:http';
import * as path from 'node:path';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { revParse } from '../support/repos.js';
import type { StepResult } from '../support/runner.js';
import { addSubmodules } from '../support/submodule-repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const retryLines = (result: StepResult) =>
  result.stdout.split('\n').filter(line => line.startsWith('Attempt '));

/**
 * The next `count` requests for the repository `/acme/<name>` are answered by `answer` (an error
 * status, or a response that never comes) before the git server sees them; returns how many
 * requests for it arrived in all.
 */
function interceptRepository(
  name: string,
  count: number,
  answer: (res: http.ServerResponse) => void
): () => number {
  let seen = 0;
  fx.git.routes.push((req, res) => {
    if (!(req.url ?? '').startsWith(`/acme/${name}/`)) return false;
    seen++;
    if (seen > count) return false;
    answer(res);
    return true;
  });
  return () => seen;
}

const status = (code: number) => (res: http.ServerResponse) => {
  res.writeHead(code, { 'Content-Type': 'text/plain' });
  res.end(`injected failure ${code}\n`);
};

test("a submodule's clone answered 503 more often than git's own retry covers: the update is tried again", async () => {
  fx = await startFixture({ commits: 4 });
  const repos = addSubmodules(fx);
  // git clones a submodule, and after a failure once more; both fail, the third clone succeeds.
  const requests = interceptRepository('lib-abs', 2, status(503));
  const job = fx.newJob();
  const main = await fx.main(job, { inputs: { submodules: 'true' } });
  expect(main.annotations.filter(a => a.level === 'error')).toEqual([]);
  expect(main.exitCode).toBe(0);
  expect(gitSync(path.join(job.workspace, 'libs/abs'), ['rev-parse', 'HEAD'])).toBe(
    revParse(repos.abs, 'main')
  );
  expect(gitSync(job.workspace, ['status', '--porcelain'])).toBe('');
  const retries = retryLines(main);
  expect(retries).toHaveLength(1);
  expect(retries[0]).toMatch(
    new RegExp(
      `^Attempt 1 of 3 to update the submodules of ${job.workspace} failed: .*returned error: 503\\. Trying again in 0\\.[12] s\\.$`
    )
  );
  expect(requests()).toBeGreaterThan(2);
});

test('a stalled submodule clone is cut off after the stall bound and tried again', async () => {
  fx = await startFixture({ commits: 4 });
  const repos = addSubmodules(fx);
  // No answer at all: curl gives up after CLONE_CACHE_FETCH_STALL_SECONDS without a byte.
  const held: http.ServerResponse[] = [];
  interceptRepository('lib-rel', 2, res => held.push(res));
  const job = fx.newJob();
  const main = await fx.main(job, {
    inputs: { submodules: 'true' },
    env: { CLONE_CACHE_FETCH_STALL_SECONDS: '2' },
    killAfterMs: 90_000
  });
  for (const res of held) res.destroy();
  expect(main.exitCode).toBe(0);
  expect(gitSync(path.join(job.workspace, 'libs/rel'), ['rev-parse', 'HEAD'])).toBe(
    revParse(repos.rel, 'main')
  );
  const retries = retryLines(main);
  expect(retries).toHaveLength(1);
  expect(retries[0]).toContain('Operation too slow');
});

test.each([
  ['a repository that does not exist (404)', 'missing', undefined],
  ['a token the server refuses (403)', 'lib-abs', 403]
])('%s fails after one update, with the submodule error', async (_what, name, refuse) => {
  fx = await startFixture({ commits: 4 });
  // The missing repository's gitlink names a commit no server has; the clone fails before that.
  const missing = {
    name,
    path: 'libs/missing',
    url: '../missing',
    commit: revParse(fx.origin, 'main')
  };
  addSubmodules(fx, name === 'missing' ? [missing] : []);
  const requests = interceptRepository(name, refuse ? 100 : 0, status(refuse ?? 500));
  const main = await fx.main(fx.newJob(), { inputs: { submodules: 'true' } });
  expect(main.exitCode).toBe(1);
  expect(main.annotations.map(a => a.title)).toEqual(['Submodule update failed']);
  expect(main.annotations[0].message).not.toContain('attempts');
  expect(main.annotations[0].message).toMatch(refuse ? /returned error: 403/ : /not found/);
  expect(retryLines(main)).toEqual([]);
  // One `git submodule update`: its clone and git's own single retry of it.
  expect(requests()).toBe(2);
});
