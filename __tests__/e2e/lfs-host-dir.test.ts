import { afterEach, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expectWorktreeAt } from '../support/expectations.js';
import { hostCloneIn, hostLeftovers, worktreeInputs } from '../support/host-clone.js';
import { commitLfsFiles, lfsContent, oidOf } from '../support/lfs-content.js';
import { startLfsFixture, statusOf, unsmudged, type LfsFixture } from '../support/lfs-fixture.js';
import { revParse } from '../support/repos.js';

let lf: LfsFixture | undefined;
afterEach(async () => lf?.fx.close());

describe('lfs: true with cache-dir', () => {
  test('two jobs share the host clone LFS store: the second downloads nothing', async () => {
    lf = await startLfsFixture();
    const { fx, lfs, files } = lf;
    const tip = revParse(fx.origin, 'main');
    const first = fx.newJob('first');
    const main1 = await fx.main(first, worktreeInputs(fx, 'task-a', { lfs: 'true' }));
    expect(main1.annotations).toEqual([]);
    const wt1 = expectWorktreeAt(main1, tip, 'task-a');
    expect(unsmudged(wt1, files)).toEqual([]);
    expect(statusOf(wt1)).toBe('');
    expect(lfs.served.sort()).toEqual(Object.values(files).map(oidOf).sort());

    const second = fx.newJob('second');
    const main2 = await fx.main(second, worktreeInputs(fx, 'task-b', { lfs: 'true' }));
    expect(main2.annotations).toEqual([]);
    const wt2 = expectWorktreeAt(main2, tip, 'task-b');
    expect(unsmudged(wt2, files)).toEqual([]);
    expect(lfs.served).toHaveLength(2);
    expect(main2.stdout).toContain('2 from the cache, 0 downloaded');

    for (const job of [first, second]) expect((await fx.post(job)).exitCode).toBe(0);
    expect(hostLeftovers(fx.hostDir)).toEqual([]);
  });

  test('an object another job planted in the shared store is hashed, dropped and downloaded again', async () => {
    lf = await startLfsFixture();
    const { fx, lfs, files } = lf;
    const first = fx.newJob('first');
    expect((await fx.main(first, worktreeInputs(fx, 'task-a', { lfs: 'true' }))).exitCode).toBe(0);
    expect((await fx.post(first)).exitCode).toBe(0);
    const planted = oidOf(files['assets/b.bin']);
    const store = path.join(hostCloneIn(fx.hostDir), 'lfs', 'objects');
    writeFileSync(path.join(store, planted.slice(0, 2), planted.slice(2, 4), planted), 'planted');

    const second = fx.newJob('second');
    const served = lfs.served.length;
    const main = await fx.main(second, worktreeInputs(fx, 'task-b', { lfs: 'true' }));
    expect(main.exitCode).toBe(0);
    expect(main.annotations.map(a => a.title)).toEqual(['Cached LFS object refused']);
    const wt = expectWorktreeAt(main, revParse(fx.origin, 'main'), 'task-b');
    expect(unsmudged(wt, files)).toEqual([]);
    expect(lfs.served.slice(served)).toEqual([planted]);
    expect((await fx.post(second)).exitCode).toBe(0);
  });

  test("LFS files pushed just before the job are in the worktree moved to origin's tip", async () => {
    lf = await startLfsFixture();
    const { fx, lfs, files } = lf;
    const first = fx.newJob('first');
    expect((await fx.main(first, worktreeInputs(fx, 'task-a', { lfs: 'true' }))).exitCode).toBe(0);
    expect((await fx.post(first)).exitCode).toBe(0);
    // The next job makes its worktree from the host clone's refs while the fetch brings this.
    const changed = { 'assets/b.bin': lfsContent('b2', 50 * 1024) };
    const tip = commitLfsFiles(fx.origin, 'main', lfs, changed);
    const second = fx.newJob('second');
    const main = await fx.main(second, worktreeInputs(fx, 'task-b', { lfs: 'true' }));
    expect(main.annotations).toEqual([]);
    const wt = expectWorktreeAt(main, tip, 'task-b');
    expect(unsmudged(wt, { ...files, ...changed })).toEqual([]);
    expect(statusOf(wt)).toBe('');
    expect((await fx.post(second)).exitCode).toBe(0);
  });
});
