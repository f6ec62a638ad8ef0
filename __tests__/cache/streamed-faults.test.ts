import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { ChunkFault } from '../support/ranged-blob-server.js';
import { expectNothingLeft, useStreamFixture } from '../support/stream-test.js';
import { treeOf, type StreamFixture } from '../support/streamed-entry.js';

const { start, log } = useStreamFixture();

const CHUNK = 32 * 1024;
const STREAMED = {
  CLONE_CACHE_STREAMED_RESTORE: 'true',
  CLONE_CACHE_STREAM_CHUNK_BYTES: String(CHUNK),
  CLONE_CACHE_STREAM_WINDOW: '3',
  CLONE_CACHE_STREAM_IDLE_SECONDS: '2',
  CLONE_CACHE_STREAM_LAG_SECONDS: '0.5'
};

/** An entry of about six chunks, and the tree the library's own restore makes of it. */
async function entryWithTree() {
  const fx = await start('zstd');
  const { file } = await fx.save(180_000);
  const restored = await fx.restore({ CLONE_CACHE_STREAMED_RESTORE: 'false' });
  const tree = treeOf(restored.gitDir!);
  forgetRestores(fx);
  fx.blobs.requests.length = 0;
  log.clear();
  return { fx, file, tree };
}

/** Removes what earlier restores extracted (a job would have seeded it). */
function forgetRestores(fixture: StreamFixture) {
  for (const name of readdirSync(fixture.runnerTemp)) {
    if (name.startsWith('clone-cache-'))
      rmSync(path.join(fixture.runnerTemp, name), { recursive: true });
  }
}

describe('a chunk that fails once is asked for again, and the stream goes on', () => {
  test.each([
    ['answers 500', 'error500'],
    ['stalls after its headers', 'stall-body'],
    ['sends a short body', 'short-body'],
    ['has a wrong Content-Range', 'wrong-range'],
    ['answers 200 where 206 was asked', 'ignore-range'],
    ['has its connection reset', 'reset']
  ] as [string, ChunkFault][])('a chunk that %s', async (_label, fault) => {
    const { fx, tree } = await entryWithTree();
    fx.blobs.faultAt(2 * CHUNK, fault);
    const restored = await fx.restore(STREAMED);
    expect(restored.failure).toBeUndefined();
    expect(treeOf(restored.gitDir!)).toEqual(tree);
    const text = log.lines().join('');
    expect(text).toContain('Streamed and extracted');
    expect(text).not.toContain('Streaming the cache entry failed');
    const third = fx.blobs.requests.filter(r => r.start === 2 * CHUNK);
    expect(third.length).toBeGreaterThanOrEqual(2);
    expect(third[0].fault).toBe(fault);
    expect(third.some(r => r.status === 206 && !r.fault)).toBe(true);
    expect(await fx.blobs.openSockets()).toBe(0);
    expectNothingLeft(fx, restored.gitDir);
  });
});

describe('faults the stream cannot repair fall back to the library, in the same job', () => {
  test('a corrupt byte: the pipeline fails, its folder is never used', async () => {
    const { fx, tree } = await entryWithTree();
    fx.blobs.faultAt(2 * CHUNK, 'corrupt');
    const restored = await fx.restore(STREAMED);
    expect(restored.failure).toBeUndefined();
    expect(treeOf(restored.gitDir!)).toEqual(tree);
    const text = log.lines().join('');
    expect(text).toMatch(/Streaming the cache entry failed \(zstd exited with 1/);
    expect(text).toContain('Cache restored successfully');
    expect(await fx.blobs.openSockets()).toBe(0);
    expectNothingLeft(fx, restored.gitDir);
  });

  test('the blob changes mid-download: nothing of the old one is mixed with the new', async () => {
    const { fx, file } = await entryWithTree();
    const other = await fx.save(150_000);
    const replacement = readFileSync(other.file);
    const expected = treeOf((await fx.restore({ CLONE_CACHE_STREAMED_RESTORE: 'false' })).gitDir!);
    forgetRestores(fx);
    fx.cache.entries.delete([...fx.cache.entries.keys()].find(k => k.includes(other.key))!);
    fx.blobs.replacement = replacement;
    fx.blobs.faultAt(3 * CHUNK, 'change');
    log.clear();
    const restored = await fx.restore(STREAMED);
    expect(restored.failure).toBeUndefined();
    expect(readFileSync(file).equals(replacement)).toBe(true);
    expect(treeOf(restored.gitDir!)).toEqual(expected);
    expect(log.lines().join('')).toMatch(/Streaming the cache entry failed \(the archive changed/);
    expect(await fx.blobs.openSockets()).toBe(0);
    expectNothingLeft(fx, restored.gitDir);
  });

  test('the first chunk answered with 200: no range support, the library restores it', async () => {
    const { fx, tree } = await entryWithTree();
    fx.blobs.faultAt(0, 'ignore-range');
    const restored = await fx.restore(STREAMED);
    expect(treeOf(restored.gitDir!)).toEqual(tree);
    expect(log.lines().join('')).toMatch(/the server answered 200 to a range/);
    expectNothingLeft(fx, restored.gitDir);
  });
});

describe('the time bound', () => {
  test('closes the sockets, kills the pipeline and removes the folder', async () => {
    const { fx } = await entryWithTree();
    fx.blobs.bandwidth.bytesPerSecond = 40_000; // about 5 s for the entry
    const started = Date.now();
    const restored = await fx.restore({ ...STREAMED, CLONE_CACHE_STREAM_IDLE_SECONDS: '30' }, 1500);
    expect(restored.failure?.reason).toMatch(/^Cache restore did not finish within 2 s/);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(fx.blobs.requests.length).toBeGreaterThan(0);
    expect(await fx.blobs.openSockets()).toBe(0);
    expectNothingLeft(fx);
  });
});
