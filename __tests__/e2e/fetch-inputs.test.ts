import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expectWorktreeAt } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { hostCloneIn, worktreeInputs } from '../support/host-clone.js';
import { addCommits, createTag, revParse } from '../support/repos.js';
import type { StepResult } from '../support/runner.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const PROGRESS = /Receiving objects|Counting objects/;
const tagsOf = (repo: string) => gitSync(repo, ['tag', '--list']).split('\n').filter(Boolean);
const isShallow = (repo: string) => gitSync(repo, ['rev-parse', '--is-shallow-repository']);
const commitCount = (repo: string, rev = 'HEAD') => gitSync(repo, ['rev-list', '--count', rev]);

function expectSuccess(result: StepResult): void {
  expect(result.annotations.filter(a => a.level === 'error')).toEqual([]);
  expect(result.exitCode).toBe(0);
}

describe('clean', () => {
  test('false keeps an untracked file in a clone the action made at path; true removes it', async () => {
    fx = await startFixture({ commits: 5 });
    const job = fx.newJob();
    expectSuccess(await fx.main(job));
    const file = path.join(job.workspace, 'build-output.txt');
    writeFileSync(file, 'from an earlier step');

    const kept = await fx.main(job, { inputs: { clean: 'false' } });
    expectSuccess(kept);
    expect(readFileSync(file, 'utf8')).toBe('from an earlier step');
    expect(kept.stdout).toContain(
      `clean is false: untracked and ignored files in ${job.workspace} are kept.`
    );

    expectSuccess(await fx.main(job));
    expect(existsSync(file)).toBe(false);
  });

  test('false keeps an untracked file in a reused task worktree; true removes it', async () => {
    fx = await startFixture({ commits: 5 });
    addCommits(fx.origin, 'topic', { commits: 1, seed: 't' }, 'main');
    const job = fx.newJob();
    const inputs = { branch: 'topic', 'remove-worktree': 'false' };
    const first = await fx.main(job, { inputs });
    expectSuccess(first);
    expect((await fx.post(job)).exitCode).toBe(0);
    const file = path.join(first.outputs['worktree-path'], 'node_modules.txt');
    writeFileSync(file, 'built');

    const kept = await fx.main(job, { inputs: { ...inputs, clean: 'false' } });
    expectSuccess(kept);
    expect(kept.summary).toContain('(reused)');
    expect(readFileSync(file, 'utf8')).toBe('built');
    expect((await fx.post(job)).exitCode).toBe(0);

    const cleaned = await fx.main(job, { inputs });
    expectSuccess(cleaned);
    expect(cleaned.summary).toContain('(reused)');
    expect(existsSync(file)).toBe(false);
  });
});

describe('fetch-tags', () => {
  async function originWithTags() {
    fx = await startFixture({ commits: 6 });
    const v1 = createTag(fx.origin, 'v1', 'main~3');
    createTag(fx.origin, 'v2', 'main~1', false);
    const v3 = createTag(fx.origin, 'v3', 'main');
    return { v1, v3 };
  }

  test('true (the default) fetches every tag; false none', async () => {
    await originWithTags();
    const all = fx.newJob('all', { cache: false });
    expectSuccess(await fx.main(all));
    expect(tagsOf(all.workspace)).toEqual(['v1', 'v2', 'v3']);

    const none = fx.newJob('none', { cache: false });
    expectSuccess(await fx.main(none, { inputs: { 'fetch-tags': 'false' } }));
    expect(tagsOf(none.workspace)).toEqual([]);
    expect(revParse(none.workspace, 'HEAD')).toBe(revParse(fx.origin, 'main'));
  });

  test.each([['v1'], ['refs/tags/v1']])(
    'false with ref %s: only that tag is fetched, and checked out',
    async ref => {
      const { v1 } = await originWithTags();
      const job = fx.newJob('tag', { cache: false });
      const main = await fx.main(job, { inputs: { 'fetch-tags': 'false', ref } });
      expectSuccess(main);
      expect(tagsOf(job.workspace)).toEqual(['v1']);
      expect(revParse(job.workspace, 'HEAD')).toBe(v1);
      expect(main.outputs.commit).toBe(v1);
    }
  );

  test('false with a ref that is neither a branch nor a tag: the ref is not found', async () => {
    await originWithTags();
    const job = fx.newJob('missing', { cache: false });
    const main = await fx.main(job, { inputs: { 'fetch-tags': 'false', ref: 'v9' } });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map(a => a.title)).toEqual(['Ref not found']);
  });
});

describe('show-progress', () => {
  test("true streams git's transfer progress; false keeps it out of the log", async () => {
    fx = await startFixture({ commits: 30 });
    const shown = await fx.main(fx.newJob('shown', { cache: false }));
    expectSuccess(shown);
    expect(shown.stdout).toMatch(PROGRESS);

    const quiet = await fx.main(fx.newJob('quiet', { cache: false }), {
      inputs: { 'show-progress': 'false' }
    });
    expectSuccess(quiet);
    expect(quiet.stdout).not.toMatch(PROGRESS);
    expect(quiet.stdout).toContain('--no-progress');
  });
});

describe('fetch-depth', () => {
  test('1 on a miss: a shallow clone at the event commit, a task worktree, and no entry saved', async () => {
    fx = await startFixture({ commits: 12 });
    const event = revParse(fx.origin, 'main~2'); // behind the tip: fetched by its id
    addCommits(fx.origin, 'topic', { commits: 2, seed: 't' }, 'main');
    const job = fx.newJob('shallow', {
      extraEnv: { GITHUB_SHA: event, GITHUB_REF: 'refs/heads/main' }
    });
    const inputs = { 'fetch-depth': '1', branch: 'topic', 'save-cache': 'always' };
    const main = await fx.main(job, { inputs });
    expectSuccess(main);
    expect(isShallow(job.workspace)).toBe('true');
    expect(revParse(job.workspace, 'HEAD')).toBe(event);
    expect(commitCount(job.workspace)).toBe('1');
    expect(main.stdout).toContain(
      'fetch-depth is 1 and no cache entry was restored: the clone is shallow (depth 1), and this run saves no cache entry from it.'
    );
    expectWorktreeAt(main, revParse(fx.origin, 'topic'), 'topic');

    const post = await fx.post(job, { inputs });
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(post.stdout).toContain(
      'Clone cache not saved: the clone is shallow (fetch-depth: 1), and an entry holds the whole history'
    );
    expect(fx.cache.calls).not.toContain('CreateCacheEntry');
    expect(fx.cache.entries.size).toBe(0);
  });

  test('a shallow clone path already holds gets its whole history back with fetch-depth 0', async () => {
    fx = await startFixture({ commits: 8 });
    const job = fx.newJob('kept-workspace', { cache: false });
    expectSuccess(await fx.main(job, { inputs: { 'fetch-depth': '2' } }));
    expect(commitCount(job.workspace)).toBe('2');
    const tip = addCommits(fx.origin, 'main', { commits: 1, seed: 'next' });
    const again = await fx.main(job);
    expectSuccess(again);
    expect(isShallow(job.workspace)).toBe('false');
    expect(revParse(job.workspace, 'HEAD')).toBe(tip);
    expect(commitCount(job.workspace)).toBe('9');
    expect(again.stdout).toContain(
      `The clone at ${job.workspace} is shallow: fetching its whole history (fetch-depth is 0).`
    );
  });

  test('a shallow clone made whole in the same run can still fetch a tag', async () => {
    fx = await startFixture({ commits: 8 });
    const job = fx.newJob('kept-shallow', { cache: false });
    expectSuccess(await fx.main(job, { inputs: { 'fetch-depth': '1' } }));
    const v1 = createTag(fx.origin, 'v1', 'main~3');
    // The tag is fetched after the --unshallow fetch, which must not be asked for again.
    const tagged = await fx.main(job, { inputs: { ref: 'v1', 'fetch-tags': 'false' } });
    expectSuccess(tagged);
    expect(isShallow(job.workspace)).toBe('false');
    expect(revParse(job.workspace, 'HEAD')).toBe(v1);
  });

  test('1 on a hit: the cached full history is used, said in one line', async () => {
    fx = await startFixture({ commits: 12 });
    await fx.saveEntry();
    const tip = addCommits(fx.origin, 'main', { commits: 3, seed: 'later' });
    const job = fx.newJob('warm');
    const main = await fx.main(job, { inputs: { 'fetch-depth': '1' } });
    expectSuccess(main);
    expect(main.outputs['cache-hit']).toBe('true');
    expect(isShallow(job.workspace)).toBe('false');
    expect(revParse(job.workspace, 'HEAD')).toBe(tip);
    expect(commitCount(job.workspace)).toBe(commitCount(fx.origin, 'main'));
    expect(commitCount(job.workspace)).toBe('15');
    expect(main.stdout).toContain(
      'fetch-depth is 1, but the restored cache entry holds the full history: this job uses all of it (a superset of what was asked).'
    );
  });
});

describe('the host clone in cache-dir stays whole, with every tag, whatever the job asks', () => {
  test('fetch-depth 1, fetch-tags false, show-progress false on a task worktree from it', async () => {
    fx = await startFixture({ commits: 12 });
    createTag(fx.origin, 'v1', 'main~4');
    const narrow = { 'fetch-depth': '1', 'fetch-tags': 'false', 'show-progress': 'false' };
    const main = await fx.main(fx.newJob(), worktreeInputs(fx, 'topic', narrow));
    const worktree = expectWorktreeAt(main, revParse(fx.origin, 'main'), 'topic');
    const hostClone = hostCloneIn(fx.hostDir);
    expect(isShallow(hostClone)).toBe('false');
    expect(commitCount(worktree)).toBe('12');
    expect(tagsOf(hostClone)).toEqual(['v1']);
    expect(main.stdout).not.toMatch(PROGRESS);
    expect(main.stdout).toContain(
      'fetch-depth is 1, but the host clone in cache-dir always holds the full history (it is shared by every job on this host): this job uses all of it (a superset of what was asked).'
    );
    expect(main.stdout).toContain(
      'fetch-tags is false, but the host clone in cache-dir keeps every tag of origin (it is shared by every job on this host): the task worktree sees them all.'
    );
  });
});
