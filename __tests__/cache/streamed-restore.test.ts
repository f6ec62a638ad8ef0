import { describe, expect, test } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { packLike, unpackEntry } from '../support/archive.js';
import { expectNothingLeft, useStreamFixture } from '../support/stream-test.js';
import { padArchive, treeOf } from '../support/streamed-entry.js';

const { start, log } = useStreamFixture();

const CHUNK = 64 * 1024;
const LIBRARY_ONLY = { CLONE_CACHE_STREAMED_RESTORE: 'false' };
const streamed = (window = 4) => ({
  CLONE_CACHE_STREAMED_RESTORE: 'true',
  CLONE_CACHE_STREAM_CHUNK_BYTES: String(CHUNK),
  CLONE_CACHE_STREAM_WINDOW: String(window)
});

const sizes: [string, number, number][] = [
  ['below one chunk', CHUNK - 1000, 4],
  ['an exact multiple of the chunk', 3 * CHUNK, 4],
  ['one byte over a multiple', 3 * CHUNK + 1, 4],
  ['larger than the in-flight window', 9 * CHUNK + 123, 2]
];

describe.each(['zstd', 'gzip'] as const)('a streamed restore of a %s entry', compression => {
  test.each(sizes)('%s extracts the tree restoreCache extracts', async (_label, size, window) => {
    const fx = await start(compression);
    const { file } = await fx.save(20_000);
    padArchive(file, size);
    expect(statSync(file).size).toBe(size);

    const byLibrary = await fx.restore(LIBRARY_ONLY);
    expect(byLibrary.failure).toBeUndefined();
    const libraryTree = treeOf(byLibrary.gitDir!);
    expect(Object.keys(libraryTree)).toContain('HEAD');
    expect(fx.blobs.requests.every(r => r.start === undefined)).toBe(true); // one plain GET

    log.clear();
    fx.blobs.requests.length = 0;
    const byStream = await fx.restore(streamed(window));
    expect(byStream.failure).toBeUndefined();
    expect(byStream.archiveBytes).toBe(size);
    expect(treeOf(byStream.gitDir!)).toEqual(libraryTree);
    expect(log.lines().join('')).toMatch(/Streamed and extracted/);
    const ranges = fx.blobs.requests.map(r => r.start).sort((a, b) => a! - b!);
    expect(ranges).toEqual(Array.from({ length: Math.ceil(size / CHUNK) }, (_, i) => i * CHUNK));
    expect(fx.blobs.requests.every(r => r.status === 206)).toBe(true);
  });
});

describe('what the streamed path leaves behind', () => {
  test('no extraction folder but the restored one, and no socket open', async () => {
    const fx = await start('zstd');
    const { file } = await fx.save(200_000);
    const restored = await fx.restore(streamed());
    expect(restored.gitDir).toBeDefined();
    expect(statSync(file).size).toBeGreaterThan(3 * CHUNK);
    expectNothingLeft(fx, restored.gitDir);
    expect(await fx.blobs.openSockets()).toBe(0);
  });

  test('a server without range support: the library restores it, with one info line', async () => {
    const fx = await start('zstd');
    await fx.save(20_000);
    fx.blobs.noRanges = true;
    const restored = await fx.restore(streamed());
    expect(restored.failure).toBeUndefined();
    expect(treeOf(restored.gitDir!)).toHaveProperty('HEAD');
    const text = log.lines().join('');
    expect(text).toMatch(/Streaming the cache entry failed \(the server answered 200 to a range\)/);
    expect(text).toContain('Cache restored successfully'); // the library's own restore
  });

  test('a hostile archive: nothing lands outside the extraction folder', async () => {
    const fx = await start('zstd');
    const { file } = await fx.save(20_000);
    const reference = [...fx.cache.entries.values()][0];
    const ws = path.join(fx.root, 'hostile', 'ws');
    unpackEntry(reference, ws);
    const absolute = path.join(fx.root, 'outside', 'absolute');
    const dotdot = path.join(fx.root, 'hostile', 'dotdot');
    mkdirSync(path.dirname(absolute));
    writeFileSync(absolute, 'planted');
    writeFileSync(dotdot, 'planted');
    const hostile = path.join(fx.root, 'hostile.tar');
    packLike(reference, ws, '.clone-cache-staging', hostile, [absolute, '../dotdot']);
    rmSync(absolute);
    rmSync(dotdot);
    copyFileSync(hostile, file);

    const restored = await fx.restore(streamed());
    expect(restored.gitDir).toBeUndefined();
    expect(restored.failure?.reason).toBeDefined();
    expect(log.lines().join('')).toMatch(/Streaming the cache entry failed \(tar exited with 2/);
    expect(existsSync(absolute)).toBe(false);
    expect(existsSync(dotdot)).toBe(false);
    expect(existsSync(path.join(fx.runnerTemp, 'dotdot'))).toBe(false);
  });
});
