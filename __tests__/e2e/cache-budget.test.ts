import { afterEach, describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { startFixture, TOKEN, type Fixture } from '../support/fixture.js';
import { plantEntry, startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { addCommits } from '../support/repos.js';
import type { StepResult } from '../support/runner.js';

const PREFIX = 'clone-cache-Linux-acme-widgets';
const MAIN = 'refs/heads/main';
const PERMISSION = '`permissions: actions: write`';

let fx: Fixture;
let api: GitHubApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  await fx?.close();
});

async function start() {
  fx = await startFixture({ commits: 20 });
  api = await startGitHubApi(fx.cache, { repository: 'acme/widgets', token: TOKEN });
  return api;
}

/** One job on `ref` that saves an entry for origin's tip (save-cache: always); its post step. */
async function saveJob(ref = MAIN, inputs: Record<string, string> = {}): Promise<StepResult> {
  fx.cache.ref = ref;
  const job = fx.newJob(undefined, {
    extraEnv: { GITHUB_API_URL: api?.url ?? 'http://127.0.0.1:9', GITHUB_REF: ref }
  });
  const main = await fx.main(job, { inputs: { 'save-cache': 'always', ...inputs } });
  expect(main.exitCode).toBe(0);
  return fx.post(job, { inputs: { 'save-cache': 'always', ...inputs } });
}

/** A new commit on origin's branch, so the next job saves a new entry. */
const push = (n: number, branch = 'main') =>
  addCommits(fx.origin, branch, { commits: 1, seed: `push-${n}` }, 'refs/heads/main');
const keysOf = (ref = MAIN) =>
  [...fx.cache.entries.values()]
    .filter(e => (e.ref ?? MAIN) === ref)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map(e => e.key);

describe('entries that respect the cache budget', () => {
  test('three saves leave the newest two entries of the prefix; other prefixes and refs stay', async () => {
    const api = await start();
    const storage = path.join(fx.root, 'cache-storage');
    const longAgo = Date.now() - 3600_000;
    const others = [
      plantEntry(fx.cache, storage, {
        key: `${PREFIX}-${'a'.repeat(40)}`,
        ref: 'refs/heads/feature',
        createdAt: longAgo
      }),
      plantEntry(fx.cache, storage, {
        key: `${PREFIX}-docs-${'b'.repeat(40)}`,
        createdAt: longAgo
      }),
      plantEntry(fx.cache, storage, {
        key: `clone-cache-Linux-acme-gadgets-${'c'.repeat(40)}`,
        createdAt: longAgo
      }),
      plantEntry(fx.cache, storage, { key: `${PREFIX}-manual`, createdAt: longAgo })
    ].map(e => e.key);

    const saved: string[] = [];
    for (let n = 1; n <= 3; n++) {
      if (n > 1) push(n);
      const post = await saveJob();
      expect(post.exitCode).toBe(0);
      expect(post.annotations).toEqual([]);
      const key = /Clone cache saved (\S+)/.exec(post.stdout)?.[1] ?? '';
      expect(key).toMatch(new RegExp(`^${PREFIX}-[0-9a-f]{40}$`));
      saved.push(key);
      const kept = Math.min(n, 2);
      expect(post.summary).toMatch(
        new RegExp(`${kept} entr(y|ies) of ${PREFIX} on ${MAIN}, \\d+\\.\\d [KMG]iB in all`)
      );
    }
    // The third post step deleted the first entry, and only that one.
    expect(api.deleted).toEqual([saved[0]]);
    expect(keysOf(MAIN).filter(k => !others.includes(k))).toEqual([saved[1], saved[2]]);
    expect([...fx.cache.entries.values()].map(e => e.key)).toEqual(expect.arrayContaining(others));
    expect(api.calls.filter(c => c.startsWith('DELETE'))).toHaveLength(1);
  });

  test('a job on another ref deletes only within its ref', async () => {
    const api = await start();
    // Older than every entry of the feature branch: a list that ignored the ref would delete it.
    await saveJob(MAIN);
    const onMain = keysOf(MAIN);
    expect(onMain).toHaveLength(1);
    const feature = 'refs/heads/feature';
    for (let n = 3; n <= 5; n++) {
      push(n, 'feature');
      const post = await saveJob(feature);
      expect(post.exitCode).toBe(0);
      expect(post.summary).toContain(`of ${PREFIX} on ${feature}`);
    }
    expect(keysOf(MAIN)).toEqual(onMain);
    expect(keysOf(feature)).toHaveLength(2);
    expect(api.deleted).toHaveLength(1);
    const lists = api.calls.filter(c => c.startsWith('GET'));
    expect(lists.slice(-3).every(c => c.includes(`ref=${encodeURIComponent(feature)}&`))).toBe(
      true
    );
  });

  test('without actions: write (403) every entry stays, with one info line naming the permission', async () => {
    const api = await start();
    api.faults.list = 'forbidden';
    for (let n = 1; n <= 3; n++) {
      if (n > 1) push(n);
      const post = await saveJob();
      expect(post.exitCode).toBe(0);
      expect(post.annotations).toEqual([]);
      const lines = post.stdout.split('\n').filter(line => line.includes(PERMISSION));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^Clone cache superseded entries of \S+ were not deleted: .*HTTP 403/
      );
      expect(post.summary).toContain(PERMISSION);
    }
    expect(keysOf(MAIN)).toHaveLength(3);
    expect(api.deleted).toEqual([]);
  });
});

describe('the post step never fails over the budget', () => {
  test('a delete refused, a failing API and no API at all: exit 0, no warning, entries kept', async () => {
    const api = await start();
    for (let n = 1; n <= 2; n++) {
      if (n > 1) push(n);
      expect((await saveJob()).exitCode).toBe(0);
    }
    // The list answers (actions: read) but the delete is refused.
    api.faults.delete = 'forbidden';
    push(3);
    const refused = await saveJob();
    expect(refused.exitCode).toBe(0);
    expect(refused.annotations).toEqual([]);
    expect(refused.stdout.split('\n').filter(l => l.includes(PERMISSION))).toHaveLength(1);
    expect(refused.summary).toMatch(new RegExp(`3 entries of ${PREFIX} on ${MAIN}`));

    api.faults.delete = 'error500';
    push(4);
    const failing = await saveJob();
    expect(failing.exitCode).toBe(0);
    expect(failing.annotations).toEqual([]);
    expect(failing.stdout).toMatch(/HTTP 500/);

    await api.close();
    push(5);
    const unreachable = await saveJob();
    expect(unreachable.exitCode).toBe(0);
    expect(unreachable.annotations).toEqual([]);
    expect(unreachable.stdout).toMatch(/got no answer/);
    expect(keysOf(MAIN)).toHaveLength(5);
  });
});
