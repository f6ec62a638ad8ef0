import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { craftEntry, unpackEntry } from '../support/archive.js';
import { commitLfsFiles, lfsContent, oidOf } from '../support/lfs-content.js';
import { startLfsFixture, statusOf, unsmudged, type LfsFixture } from '../support/lfs-fixture.js';
import { revParse } from '../support/repos.js';

let lf: LfsFixture | undefined;
afterEach(async () => lf?.fx.close());

const LFS = { inputs: { lfs: 'true' } };

function lfsObjectsIn(gitDir: string): string[] {
  const store = path.join(gitDir, 'lfs', 'objects');
  if (!existsSync(store)) return [];
  return readdirSync(store, { recursive: true })
    .map(String)
    .filter(name => /^[0-9a-f]{64}$/.test(path.basename(name)))
    .map(name => path.basename(name))
    .sort();
}

describe('lfs: true on a hosted runner', () => {
  test('cold job downloads and saves the objects; a warm job downloads none, or only the new ones', async () => {
    lf = await startLfsFixture();
    const { fx, lfs, files } = lf;
    const cold = fx.newJob('cold');
    const main = await fx.main(cold, LFS);
    expect(main.annotations).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(unsmudged(cold.workspace, files)).toEqual([]);
    expect(statusOf(cold.workspace)).toBe('');
    expect(lfs.served.sort()).toEqual(Object.values(files).map(oidOf).sort());
    expect(main.stdout).toContain('0 from the cache, 2 downloaded');
    // As actions/checkout: git-lfs is set up in the clone for later steps.
    expect(revParse(cold.workspace, 'HEAD')).toBe(main.outputs.commit);
    const post = await fx.post(cold, LFS);
    expect(post.annotations).toEqual([]);
    const entry = [...fx.cache.entries.values()][0];
    const unpacked = path.join(fx.root, 'unpacked');
    unpackEntry(entry, unpacked);
    const entryGitDir = path.join(unpacked, '.clone-cache-staging', 'clone.git');
    expect(lfsObjectsIn(entryGitDir)).toEqual(Object.values(files).map(oidOf).sort());

    const warm = fx.newJob('warm');
    const served = lfs.served.length;
    const warmMain = await fx.main(warm, LFS);
    expect(warmMain.annotations).toEqual([]);
    expect(warmMain.outputs.seeded).toBe('true');
    expect(unsmudged(warm.workspace, files)).toEqual([]);
    expect(statusOf(warm.workspace)).toBe('');
    expect(lfs.served.length - served).toBe(0);
    expect(warmMain.stdout).toContain('2 from the cache, 0 downloaded');

    // One file changes and one is added: exactly those two are downloaded.
    const changed = {
      'assets/a.bin': lfsContent('a2', 200 * 1024),
      'c.bin': lfsContent('c', 5000)
    };
    commitLfsFiles(fx.origin, 'main', lfs, changed);
    const next = fx.newJob('next');
    const before = lfs.served.length;
    const nextMain = await fx.main(next, LFS);
    expect(nextMain.annotations).toEqual([]);
    expect(unsmudged(next.workspace, { ...files, ...changed })).toEqual([]);
    expect(lfs.served.slice(before).sort()).toEqual(Object.values(changed).map(oidOf).sort());
    // The token reached the LFS endpoint on every request, and the endpoint needed it.
    expect(lfs.requests.length).toBeGreaterThan(0);
    expect(lfs.requests.every(request => request.authorized)).toBe(true);
  });

  test('a cached object whose content does not match its name is dropped and downloaded again', async () => {
    lf = await startLfsFixture();
    const { fx, lfs, files } = lf;
    const cold = fx.newJob('cold');
    expect((await fx.main(cold, LFS)).exitCode).toBe(0);
    expect((await fx.post(cold, LFS)).exitCode).toBe(0);
    const reference = [...fx.cache.entries.values()][0];
    const poisoned = oidOf(files['assets/a.bin']);
    const key = craftEntry(
      fx.cache,
      reference,
      fx.root,
      gitDir => {
        const object = path.join(
          gitDir,
          'lfs',
          'objects',
          poisoned.slice(0, 2),
          poisoned.slice(2, 4)
        );
        writeFileSync(path.join(object, poisoned), 'planted content, not the object');
      },
      { key: `clone-cache-Linux-acme-widgets-${revParse(fx.origin, 'main')}` }
    );

    const warm = fx.newJob('warm');
    const served = lfs.served.length;
    const main = await fx.main(warm, LFS);
    expect(main.exitCode).toBe(0);
    expect(main.outputs['cache-matched-key']).toBe(key);
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Cached LFS object refused']
    ]);
    expect(main.annotations[0].message).toContain(poisoned);
    expect(unsmudged(warm.workspace, files)).toEqual([]);
    expect(lfs.served.slice(served)).toEqual([poisoned]);
  });

  test('lfs: false leaves pointers and removes the LFS objects an entry brought', async () => {
    lf = await startLfsFixture();
    const { fx, lfs, files } = lf;
    const cold = fx.newJob('cold');
    expect((await fx.main(cold, LFS)).exitCode).toBe(0);
    expect((await fx.post(cold, LFS)).exitCode).toBe(0);
    const served = lfs.served.length;
    const plain = fx.newJob('plain');
    const main = await fx.main(plain);
    expect(main.exitCode).toBe(0);
    expect(main.outputs.seeded).toBe('true');
    expect(unsmudged(plain.workspace, files).sort()).toEqual(Object.keys(files).sort());
    expect(lfsObjectsIn(path.join(plain.workspace, '.git'))).toEqual([]);
    expect(lfs.served.length).toBe(served);
  });

  test("a task worktree gets its LFS files from the main clone's store", async () => {
    lf = await startLfsFixture();
    const { fx, lfs, files } = lf;
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { lfs: 'true', branch: 'task-x' } });
    expect(main.annotations).toEqual([]);
    const worktree = main.outputs['worktree-path'];
    expect(unsmudged(job.workspace, files)).toEqual([]);
    expect(unsmudged(worktree, files)).toEqual([]);
    expect(statusOf(worktree)).toBe('');
    // The worktree shares the clone's store: each object was downloaded once.
    expect(lfs.served).toHaveLength(2);
    expect(main.stdout).toContain('2 from the cache, 0 downloaded');
    expect((await fx.post(job)).exitCode).toBe(0);
  });
});
