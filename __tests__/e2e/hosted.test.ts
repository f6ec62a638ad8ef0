import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { filesContaining, unpackEntry } from '../support/archive.js';
import { AUTH_HEADER, startFixture, TOKEN, type Fixture } from '../support/fixture.js';
import { gitAsync, gitSync } from '../support/git.js';
import { addCommits, createTag, revParse } from '../support/repos.js';
import type { Job, StepResult } from '../support/runner.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const base64Token = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

function expectCleanCheckout(result: StepResult, job: Job, commit: string) {
  expect(result.annotations.filter(a => a.level === 'error')).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.outputs.commit).toBe(commit);
  expect(revParse(job.workspace, 'HEAD')).toBe(commit);
  expect(gitSync(job.workspace, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  expect(gitSync(job.workspace, ['remote', 'get-url', 'origin'])).toBe(fx.originUrl);
  expect(gitSync(job.workspace, ['remote', 'get-url', '--push', 'origin'])).toBe(fx.originUrl);
}

describe('hosted runner, one branch', () => {
  test('cold run: miss, full clone, post saves an entry named after the commit', async () => {
    fx = await startFixture({ commits: 30 });
    const tip = revParse(fx.origin, 'refs/heads/main');
    const job = fx.newJob();
    const main = await fx.main(job);
    expectCleanCheckout(main, job, tip);
    expect(main.outputs).toMatchObject({
      'cache-hit': 'false',
      'cache-matched-key': '',
      'cache-source': 'actions-cache',
      seeded: 'false',
      'fallback-reason': 'no cache entry',
      'clone-path': job.workspace,
      'stale-commits': '',
      ref: 'refs/heads/main'
    });
    expect(Number(main.outputs.seconds)).toBeGreaterThan(0);
    expect(gitSync(job.workspace, ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe('main');
    expect(gitSync(job.workspace, ['rev-parse', '--abbrev-ref', 'main@{upstream}'])).toBe(
      'origin/main'
    );
    expect(main.summary).toContain('<td>Cache source</td><td>actions-cache</td>');
    expect(main.summary).toContain('<td>Fallback reason</td><td>no cache entry</td>');

    const post = await fx.post(job);
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    const key = `clone-cache-Linux-acme-widgets-${tip}`;
    expect([...fx.cache.entries.values()].map(e => [e.key, e.finalized])).toEqual([[key, true]]);
    expect(post.stdout).toContain(`Clone cache saved ${key}`);
    expect(post.summary).toContain(`saved ${key}`);
  });

  test('warm run after new commits: hit, seed, delta fetch, stale-commits counts them', async () => {
    fx = await startFixture({ commits: 30 });
    await fx.saveEntry();
    const cachedKey = [...fx.cache.entries.values()][0].key;
    const tip = addCommits(fx.origin, 'main', { commits: 7, seed: 'later' });

    const job = fx.newJob('warm');
    const main = await fx.main(job);
    expectCleanCheckout(main, job, tip);
    expect(main.outputs).toMatchObject({
      'cache-hit': 'true',
      'cache-matched-key': cachedKey,
      'cache-source': 'actions-cache',
      seeded: 'true',
      'fallback-reason': '',
      'stale-commits': '7'
    });
    expect(main.annotations).toEqual([]);
    // The fixture's default is github.com's path: the action's own ranged download from Azurite
    // (the plain loopback server ignores ranges, and the library restores instead).
    expect(/Streamed and extracted/.test(main.stdout)).toBe(fx.cache.mode === 'blob-store');
    expect(main.summary).toMatch(/<td>Archive size<\/td><td>\d+\.\d MiB<\/td>/);
    expect(main.stdout).toContain(
      `Seeded ${path.join(job.workspace, '.git')}: the restored .git was renamed into place.`
    );
    // The staging directory is gone and the clone carries no hook.
    expect(readFileSync(path.join(job.workspace, '.git', 'config'), 'utf8')).not.toMatch(
      /hooksPath|fsmonitor/
    );
    expect(() =>
      gitSync(job.workspace, ['ls-files', '--error-unmatch', '.clone-cache-staging'])
    ).toThrow();
    // 7 commits behind is within refresh-after (50): auto does not save.
    const post = await fx.post(job);
    expect(post.stdout).toContain(
      'not saved: the entry is 7 commits behind, within refresh-after (50)'
    );
    expect(fx.cache.entries.size).toBe(1);
  });

  test('an entry staler than refresh-after makes auto save a fresh one, which the next job uses', async () => {
    fx = await startFixture({ commits: 10 });
    await fx.saveEntry();
    const tip = addCommits(fx.origin, 'main', { commits: 4, seed: 'more' });
    const job = fx.newJob('stale');
    const main = await fx.main(job, { inputs: { 'refresh-after': '3' } });
    expect(main.outputs['stale-commits']).toBe('4');
    const post = await fx.post(job);
    expect(post.stdout).toContain('the entry was 4 commits behind (refresh-after: 3)');
    expect(fx.cache.entries.size).toBe(2);

    const next = await fx.main(fx.newJob('next'));
    expect(next.outputs['cache-matched-key']).toBe(`clone-cache-Linux-acme-widgets-${tip}`);
    expect(next.outputs['stale-commits']).toBe('0');
  });

  test('the entry for the event commit wins over a newer entry for another commit', async () => {
    fx = await startFixture({ commits: 6 });
    const first = revParse(fx.origin, 'main');
    const firstEntry = await fx.saveEntry();
    const tip = addCommits(fx.origin, 'main', { commits: 3, seed: 'later' });
    const saver = fx.newJob('saver');
    expect((await fx.main(saver, { inputs: { 'save-cache': 'always' } })).exitCode).toBe(0);
    expect((await fx.post(saver)).exitCode).toBe(0);
    expect(fx.cache.entries.size).toBe(2);
    firstEntry.createdAt = Date.now() + 60_000; // the first commit's entry is now the newest
    const prefix = 'clone-cache-Linux-acme-widgets';

    const anyCommit = await fx.main(fx.newJob('no-event-commit'));
    expect(anyCommit.outputs['cache-matched-key']).toBe(`${prefix}-${first}`);
    const job = fx.newJob('event', { extraEnv: { GITHUB_SHA: tip } });
    const main = await fx.main(job);
    expectCleanCheckout(main, job, tip);
    expect(main.outputs['cache-matched-key']).toBe(`${prefix}-${tip}`);
    expect(main.outputs['stale-commits']).toBe('0');
  });

  test('path that already holds .git is synced, not seeded', async () => {
    fx = await startFixture({ commits: 10 });
    const job = fx.newJob();
    expect((await fx.main(job)).exitCode).toBe(0);
    const tip = addCommits(fx.origin, 'main', { commits: 2, seed: 'again' });
    const again = await fx.main(job);
    expectCleanCheckout(again, job, tip);
    expect(again.outputs).toMatchObject({
      seeded: 'false',
      'cache-source': 'none',
      'fallback-reason': 'path already holds a git repository'
    });
    expect(fx.cache.calls.filter(c => c === 'GetCacheEntryDownloadURL')).toHaveLength(1);
    expect((await fx.post(job)).stdout).toContain(
      'not saved: path already held a clone, which the action synced in place without the cache'
    );
  });

  test("in a clone you made, local changes stop the checkout with git's message and stay as they are", async () => {
    fx = await startFixture({ commits: 20 }); // enough that the next commits change files that exist
    const job = fx.newJob();
    gitSync(job.workspace, ['clone', '--quiet', fx.origin, '.']);
    const old = revParse(job.workspace, 'HEAD');
    const tip = addCommits(fx.origin, 'main', { commits: 2, seed: 'ahead' });
    const changed = gitSync(fx.origin, ['diff', '--name-only', '--diff-filter=M', old, tip]).split(
      '\n'
    )[0];
    writeFileSync(path.join(job.workspace, changed), 'my edit, not committed');
    const main = await fx.main(job);
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map(a => a.level)).toEqual(['error']);
    expect(main.annotations[0].message).toContain(
      'Your local changes to the following files would be overwritten by checkout'
    );
    expect(readFileSync(path.join(job.workspace, changed), 'utf8')).toBe('my edit, not committed');
    expect(revParse(job.workspace, 'HEAD')).toBe(old);
  });

  test("in a clone you made, its persisted header and push URL stay, and the action's token is the one sent", async () => {
    fx = await startFixture({ commits: 6 });
    const job = fx.newJob();
    gitSync(job.workspace, ['clone', '--quiet', fx.origin, '.']);
    const scope = new URL(fx.originUrl);
    const key = `http.${scope.protocol}//${scope.host}/.extraheader`;
    const stale = `AUTHORIZATION: basic ${Buffer.from('x-access-token:expired').toString('base64')}`;
    gitSync(job.workspace, ['config', key, stale]);
    gitSync(job.workspace, ['config', 'remote.origin.pushurl', 'git@example.com:me/fork.git']);
    const tip = addCommits(fx.origin, 'main', { commits: 2, seed: 'more' });
    const main = await fx.main(job);
    expect(main.annotations.filter(a => a.level === 'error')).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(revParse(job.workspace, 'HEAD')).toBe(tip);
    expect(gitSync(job.workspace, ['remote', 'get-url', 'origin'])).toBe(fx.originUrl);
    // Its own config keeps its header; persist-credentials adds the action's through an include
    // (the empty value first clears the stale one), which the post step takes away again.
    const ownConfig = ['config', '--local', '--no-includes', '--get-all', key];
    expect(gitSync(job.workspace, ownConfig)).toBe(stale);
    expect(gitSync(job.workspace, ['config', '--get-all', key]).split('\n').slice(-1)).toEqual([
      AUTH_HEADER
    ]);
    expect(gitSync(job.workspace, ['remote', 'get-url', '--push', 'origin'])).toBe(
      'git@example.com:me/fork.git'
    );
    expect(
      fx.git.requests.filter(r => !r.authorized && r.path.endsWith('git-upload-pack'))
    ).toEqual([]);
    expect((await fx.post(job)).exitCode).toBe(0);
    expect(gitSync(job.workspace, ['config', '--get-all', key])).toBe(stale);
    expect(gitSync(job.workspace, ['config', '--local', '--list'])).not.toMatch(/includeif/i);
  });

  test('in a clone you made, a changed file the new commits do not touch is kept, with a warning', async () => {
    fx = await startFixture({ commits: 20 });
    const job = fx.newJob();
    gitSync(job.workspace, ['clone', '--quiet', fx.origin, '.']);
    const old = revParse(job.workspace, 'HEAD');
    const tip = addCommits(fx.origin, 'main', { commits: 1, seed: 'one' });
    const touched = gitSync(fx.origin, ['diff', '--name-only', old, tip]).split('\n');
    const untouched = gitSync(job.workspace, ['ls-files'])
      .split('\n')
      .find(f => !touched.includes(f)) as string;
    writeFileSync(path.join(job.workspace, untouched), 'my edit');
    const main = await fx.main(job);
    expect(main.exitCode).toBe(0);
    expect(revParse(job.workspace, 'HEAD')).toBe(tip);
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Local changes kept in path']
    ]);
    expect(main.annotations[0].message).toContain(`1 tracked file(s) carry local changes`);
    expect(main.annotations[0].message).toContain(untouched);
    expect(readFileSync(path.join(job.workspace, untouched), 'utf8')).toBe('my edit');
  });

  test('a non-empty path without .git is refused, and nothing in it is touched', async () => {
    fx = await startFixture({ commits: 3 });
    const job = fx.newJob();
    writeFileSync(path.join(job.workspace, 'notes.txt'), 'mine');
    const main = await fx.main(job);
    expect(main.exitCode).toBe(1);
    expect(main.annotations).toHaveLength(1);
    expect(main.annotations[0]).toMatchObject({ level: 'error', title: "Invalid input 'path'" });
    expect(main.annotations[0].message).toContain('is not empty and holds no git repository');
    expect(readFileSync(path.join(job.workspace, 'notes.txt'), 'utf8')).toBe('mine');
  });

  test('path in a subfolder of the workspace', async () => {
    fx = await startFixture({ commits: 5 });
    await fx.saveEntry();
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { path: 'nested/clone' } });
    expect(main.exitCode).toBe(0);
    expect(main.outputs['clone-path']).toBe(path.join(job.workspace, 'nested', 'clone'));
    expect(main.outputs.seeded).toBe('true');
    expect(revParse(main.outputs['clone-path'], 'HEAD')).toBe(revParse(fx.origin, 'main'));
  });
});

describe('ref', () => {
  test.each([
    ['a branch name', 'feature/x', 'branch', 'refs/heads/feature/x'],
    ['a full branch ref', 'refs/heads/feature/x', 'branch', 'refs/heads/feature/x'],
    ['an annotated tag', 'v1.0', 'tag', 'refs/tags/v1.0'],
    ['a full tag ref', 'refs/tags/v1.0', 'tag', 'refs/tags/v1.0'],
    ['a sha', 'SHA', 'sha', '']
  ])('%s', async (_label, ref, kind, fullRef) => {
    fx = await startFixture({ commits: 12 });
    await fx.saveEntry();
    const feature = addCommits(fx.origin, 'feature/x', { commits: 3, seed: 'feature' }, 'main');
    const old = revParse(fx.origin, 'main~5');
    const tagged = createTag(fx.origin, 'v1.0', 'main~2');
    addCommits(fx.origin, 'main', { commits: 1, seed: 'after-tag' });
    const expected = kind === 'branch' ? feature : kind === 'tag' ? tagged : old;
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { ref: ref === 'SHA' ? old : ref } });
    expectCleanCheckout(main, job, expected);
    expect(main.outputs.seeded).toBe('true');
    expect(main.outputs.ref).toBe(fullRef);
    const head = gitSync(job.workspace, ['rev-parse', '--abbrev-ref', 'HEAD']);
    expect(head).toBe(kind === 'branch' ? 'feature/x' : 'HEAD');
    // Only the default branch saves under auto.
    const post = await fx.post(job);
    expect(post.stdout).toContain('not on the default branch');
  });

  test('the event commit of a pull request ref', async () => {
    fx = await startFixture({ commits: 6 });
    const head = addCommits(fx.origin, 'topic', { commits: 2, seed: 'pr' }, 'main');
    gitSync(fx.origin, ['update-ref', 'refs/pull/7/merge', head]);
    const job = fx.newJob('pr', {
      extraEnv: { GITHUB_REF: 'refs/pull/7/merge', GITHUB_SHA: head }
    });
    const main = await fx.main(job);
    expectCleanCheckout(main, job, head);
    expect(main.outputs.ref).toBe('refs/pull/7/merge');
  });

  test('a pull request run that checks out the default branch does not save into its own cache scope', async () => {
    fx = await startFixture({ commits: 6 });
    const head = addCommits(fx.origin, 'topic', { commits: 1, seed: 'pr' }, 'main');
    gitSync(fx.origin, ['update-ref', 'refs/pull/7/merge', head]);
    const job = fx.newJob('pr', {
      extraEnv: { GITHUB_REF: 'refs/pull/7/merge', GITHUB_SHA: head }
    });
    const main = await fx.main(job, { inputs: { ref: 'main' } });
    expectCleanCheckout(main, job, revParse(fx.origin, 'refs/heads/main'));
    const post = await fx.post(job);
    expect(post.stdout).toContain(
      'not saved: save-cache is auto and this job is not on the default branch'
    );
    expect(fx.cache.entries.size).toBe(0);

    const push = fx.newJob('push', { extraEnv: { GITHUB_REF: 'refs/heads/main' } });
    expect((await fx.main(push)).exitCode).toBe(0);
    expect((await fx.post(push)).stdout).toContain('Saving clone-cache-Linux-acme-widgets-');
    expect(fx.cache.entries.size).toBe(1);
  });

  test('an empty repository: one error that says so, not one about the ref input', async () => {
    fx = await startFixture({ commits: 1 });
    gitSync(fx.root, [
      'init',
      '--quiet',
      '--bare',
      path.join(fx.root, 'origin', 'acme', 'empty.git')
    ]);
    const job = fx.newJob();
    const main = await fx.main(job, {
      inputs: { repository: 'acme/empty', 'origin-url': `${fx.git.url}/acme/empty` }
    });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([
      ['error', 'Nothing to check out']
    ]);
    expect(main.annotations[0].message).toContain('the repository is empty');
    expect(readdirSync(job.workspace)).toEqual([]);
  });

  test('an unknown ref fails with an annotation naming it', async () => {
    fx = await startFixture({ commits: 3 });
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { ref: 'no-such-branch' } });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([['error', 'Ref not found']]);
    expect(main.annotations[0].message).toContain("'no-such-branch'");
  });
});

describe('credentials', () => {
  test('the token appears nowhere: config, archive, outputs, summary, logs', async () => {
    fx = await startFixture({ commits: 8 });
    const job = fx.newJob();
    const main = await fx.main(job);
    const post = await fx.post(job);
    expect(fx.git.requests.every(r => r.authorized)).toBe(true);
    for (const secret of [TOKEN, base64Token]) {
      // The whole job: workspace, HOME, RUNNER_TEMP and the runner's files.
      expect(filesContaining(job.dir, secret)).toEqual([]);
      expect(JSON.stringify(main.outputs)).not.toContain(secret);
      expect(readFileSync(job.files.summary, 'utf8')).not.toContain(secret);
      for (const log of [main.stdout, main.stderr, post.stdout, post.stderr]) {
        const unmasked = log
          .split('\n')
          .filter(l => l.includes(secret) && !l.startsWith('::add-mask::'));
        expect(unmasked).toEqual([]);
      }
    }
    // Every git command is echoed to the log; the auth travels in the environment, not argv.
    const commands = `${main.stdout}\n${post.stdout}`
      .split('\n')
      .filter(line => line.startsWith('[command]'));
    expect(commands.filter(line => /^\[command\]\S*git fetch /.test(line))).not.toEqual([]);
    for (const secret of [TOKEN, base64Token, 'AUTHORIZATION']) {
      expect(commands.filter(line => line.includes(secret))).toEqual([]);
    }
    const unpacked = path.join(fx.root, 'unpacked');
    unpackEntry([...fx.cache.entries.values()][0], unpacked);
    expect(filesContaining(unpacked, TOKEN)).toEqual([]);
    expect(filesContaining(unpacked, base64Token)).toEqual([]);
    expect(filesContaining(unpacked, 'extraheader')).toEqual([]);
  });

  test('persist-credentials keeps the header for later steps; post removes it', async () => {
    fx = await startFixture({ commits: 4 });
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { 'persist-credentials': 'true' } });
    expect(main.exitCode).toBe(0);
    // A later step can fetch without passing the token.
    addCommits(fx.origin, 'main', { commits: 1, seed: 'later' });
    await expect(gitAsync(job.workspace, ['fetch', 'origin'])).resolves.toBeDefined();
    const post = await fx.post(job);
    expect(post.exitCode).toBe(0);
    expect(filesContaining(path.join(job.workspace, '.git'), base64Token)).toEqual([]);
    const unpacked = path.join(fx.root, 'unpacked');
    unpackEntry([...fx.cache.entries.values()][0], unpacked);
    expect(filesContaining(unpacked, base64Token)).toEqual([]);
  });

  test('a wrong token fails the fetch with an annotation naming origin', async () => {
    fx = await startFixture({ commits: 3 });
    const job = fx.newJob();
    const main = await fx.main(job, { token: 'wrong' });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map(a => a.title)).toEqual(['Fetch from origin failed']);
    expect(main.annotations[0].message).toContain(fx.originUrl);
    // The half-made clone is removed: the next run starts clean.
    expect(existsSync(path.join(job.workspace, '.git'))).toBe(false);
  });
});
