import { afterEach, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { unpackEntry } from '../support/archive.js';
import type { CacheEntry } from '../support/cache-server.js';
import { expectFilesOf } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { laterStepGit } from '../support/later-step.js';
import { addCommits, revParse } from '../support/repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const BLOBLESS = { filter: 'blob:none' };
// Blobs that do not compress, so that they dominate a full entry's size.
const HISTORY = { commits: 40, blobBytes: 4000 };

/** A cold job (main, then post) with these inputs; returns the entry it saved. */
async function saveWith(inputs: Record<string, string>, name: string): Promise<CacheEntry> {
  const before = new Set(fx.cache.entries.keys());
  const job = fx.newJob(name);
  expect((await fx.main(job, { inputs })).exitCode).toBe(0);
  const post = await fx.post(job, { inputs });
  const saved = [...fx.cache.entries.entries()].filter(([id]) => !before.has(id));
  if (post.exitCode !== 0 || saved.length !== 1) throw new Error(`not saved: ${post.stdout}`);
  return saved[0][1];
}

/** The objects of `commit`'s tree that the clone at `dir` lacks (read without fetching them). */
const missingOf = (dir: string, commit: string) =>
  gitSync(dir, ['rev-list', '--objects', '--no-walk', '--missing=print', commit])
    .split('\n')
    .filter(line => line.startsWith('?'));

describe('filter: blob:none', () => {
  test("a warm blobless job lands at origin's tip; a later step reads old history from origin", async () => {
    fx = await startFixture(HISTORY);
    const full = await saveWith({}, 'full');
    const entry = await saveWith(BLOBLESS, 'cold');
    expect(entry.key).toBe(
      `clone-cache-blobless-Linux-acme-widgets-${revParse(fx.origin, 'refs/heads/main')}`
    );
    expect(entry.size).toBeLessThan(full.size / 2);
    // The entry: packs marked as promised, the blobs of its commit and of no older one.
    const unpacked = path.join(fx.root, 'unpacked');
    unpackEntry(entry, unpacked);
    const gitDir = path.join(unpacked, '.clone-cache-staging', 'clone.git');
    const packs = readdirSync(path.join(gitDir, 'objects', 'pack'));
    expect(packs.filter(name => name.endsWith('.promisor')).length).toBeGreaterThan(0);
    expect(missingOf(gitDir, 'HEAD')).toEqual([]);
    expect(missingOf(gitDir, 'HEAD~30').length).toBeGreaterThan(0);

    addCommits(fx.origin, 'main', { commits: 3, seed: 'newer', blobBytes: 4000 });
    const tip = revParse(fx.origin, 'refs/heads/main');
    const job = fx.newJob('warm');
    const main = await fx.main(job, { inputs: BLOBLESS });
    expect(main.exitCode).toBe(0);
    expect(main.annotations).toEqual([]);
    expect(main.outputs).toMatchObject({ seeded: 'true', commit: tip, 'stale-commits': '3' });
    expect(gitSync(job.workspace, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expectFilesOf(job.workspace, fx.origin, tip);
    expect(gitSync(job.workspace, ['config', 'remote.origin.promisor'])).toBe('true');
    expect(missingOf(job.workspace, 'HEAD~30').length).toBeGreaterThan(0);

    // A later step: the old commit's blobs come from origin, with the persisted credentials.
    const requestsBefore = fx.git.requests.length;
    const old = await laterStepGit(job, job.workspace, ['log', '-p', '-1', 'HEAD~30']);
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/^diff --git a\/src\//m);
    expect(old.stdout).toBe(gitSync(fx.origin, ['log', '-p', '-1', `${tip}~30`]));
    const fetched = fx.git.requests.slice(requestsBefore);
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.every(request => request.authorized)).toBe(true);
    expect((await fx.post(job, { inputs: BLOBLESS })).exitCode).toBe(0);
  });

  test('a cold blobless job with a task branch gets a clean worktree from a partial clone', async () => {
    fx = await startFixture(HISTORY);
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { ...BLOBLESS, branch: 'task' } });
    expect(main.exitCode).toBe(0);
    const worktree = main.outputs['worktree-path'];
    const tip = revParse(fx.origin, 'refs/heads/main');
    expect(revParse(worktree, 'HEAD')).toBe(tip);
    expect(gitSync(worktree, ['status', '--porcelain'])).toBe('');
    expectFilesOf(worktree, fx.origin, tip);
    expect(missingOf(job.workspace, 'HEAD~30').length).toBeGreaterThan(0);
    expect((await fx.post(job, { inputs: BLOBLESS })).exitCode).toBe(0);
  });
});

describe('full and blobless entries under one cache-key', () => {
  test('a blobless job uses a full entry; a full job refuses a blobless one and clones', async () => {
    fx = await startFixture({ commits: 12 });
    const shared = { 'cache-key': 'shared', 'save-cache': 'always' };
    await saveWith(shared, 'full');
    addCommits(fx.origin, 'main', { commits: 2, seed: 'second' });
    const entry = await saveWith({ ...shared, ...BLOBLESS }, 'blobless');
    expect(fx.cache.entries.size).toBe(2);
    const tip = revParse(fx.origin, 'refs/heads/main');
    expect(entry.key).toBe(`shared-${tip}`);

    const job = fx.newJob('full-again');
    const main = await fx.main(job, { inputs: { 'cache-key': 'shared' } });
    expect(main.exitCode).toBe(0);
    expect(main.outputs.seeded).toBe('false');
    expect(main.outputs['fallback-reason']).toMatch(
      /^seed failed: the entry is blobless \(saved by a job with filter: blob:none\)/
    );
    expect(main.annotations.map(a => a.title)).toEqual(['Clone cache not used']);
    expect(revParse(job.workspace, 'HEAD')).toBe(tip);
    const missing = gitSync(job.workspace, ['rev-list', '--objects', '--all', '--missing=print']);
    expect(missing.split('\n').filter(line => line.startsWith('?'))).toEqual([]);
    expect(readFileSync(path.join(job.workspace, '.git', 'config'), 'utf8')).not.toMatch(
      /promisor/
    );
  });

  test('the blobless entry a job saves from a seeded full entry is blobless too', async () => {
    fx = await startFixture(HISTORY);
    const shared = { 'cache-key': 'shared', 'save-cache': 'always' };
    const full = await saveWith(shared, 'full');
    addCommits(fx.origin, 'main', { commits: 1, seed: 'second', blobBytes: 4000 });
    const job = fx.newJob('blobless');
    const main = await fx.main(job, { inputs: { ...shared, ...BLOBLESS } });
    expect(main.outputs).toMatchObject({ seeded: 'true', 'stale-commits': '1' });
    expect((await fx.post(job, { inputs: shared })).exitCode).toBe(0);
    const saved = [...fx.cache.entries.values()].find(e => e.key !== full.key);
    expect(saved!.size).toBeLessThan(full.size / 2);
    expect(statSync(saved!.file).size).toBe(saved!.size);
  });
});
