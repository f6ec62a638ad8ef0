import { afterEach, describe, expect, test } from '@jest/globals';
import {
  OLDEST_PENDING_BYTES,
  RangedBlob,
  type RangedOptions
} from '../../src/cache/ranged-download.js';
import {
  randomBlob,
  startRangedBlobServer,
  type RangedBlobServer
} from '../support/ranged-blob-server.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();
let server: RangedBlobServer | undefined;
let blob: RangedBlob | undefined;
afterEach(async () => {
  blob?.dispose();
  await server?.close();
  server = blob = undefined;
});

const CHUNK = 512 * 1024;
const AHEAD = 1024 * 1024;
const WINDOW = 16;
/** One socket read (64 KiB at most) per request can arrive after its body was paused. */
const BOUND = AHEAD + OLDEST_PENDING_BYTES + WINDOW * 64 * 1024;
const options = (changes: Partial<RangedOptions> = {}): RangedOptions => ({
  chunkBytes: CHUNK,
  window: WINDOW,
  aheadBytes: AHEAD,
  attempts: 3,
  idleMs: 30_000,
  lagMs: 30_000,
  retryDelayMs: 50,
  ...changes
});

async function served(bytes: number) {
  server = await startRangedBlobServer();
  return randomBlob(server, tempDir(), bytes);
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function until(condition: () => boolean) {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 20_000) throw new Error('the condition never held');
    await sleep(20);
  }
}

describe('the memory a ranged download holds', () => {
  test('stays at its bound while the consumer takes nothing, far below the window of chunks', async () => {
    // 64 chunks; unbounded, the 16 in the window (8 MiB) would be held while the consumer stalls.
    const { content, url } = await served(64 * CHUNK);
    blob = new RangedBlob(url, options(), new AbortController().signal);
    const parts = [(await blob.head()).first];
    const rest = blob.rest();
    parts.push((await rest.next()).value as Buffer);
    // A stalled tar: the download runs into its bound and stays there.
    await until(() => blob!.held.now >= AHEAD);
    await sleep(500);
    expect(blob.held.now).toBeLessThanOrEqual(BOUND);
    expect(WINDOW * CHUNK).toBeGreaterThan(2 * BOUND);
    for await (const piece of rest) parts.push(piece);
    expect(Buffer.concat(parts).equals(content)).toBe(true);
    expect(blob.held.peak).toBeLessThanOrEqual(BOUND);
    expect(blob.held.now).toBe(0);
  });

  test('a consumer that takes a piece at a time, slowly, never makes it hold more', async () => {
    const { content, url } = await served(40 * CHUNK + 123);
    blob = new RangedBlob(url, options(), new AbortController().signal);
    const parts = [(await blob.head()).first];
    let taken = 0;
    for await (const piece of blob.rest()) {
      parts.push(piece);
      expect(blob.held.now).toBeLessThanOrEqual(BOUND);
      if (++taken % 8 === 0) await sleep(10);
    }
    expect(Buffer.concat(parts).equals(content)).toBe(true);
    expect(blob.held.peak).toBeLessThanOrEqual(BOUND);
  });

  test('a body paused longer than the idle bound is not taken for a stalled server', async () => {
    const { content, url } = await served(24 * CHUNK);
    blob = new RangedBlob(url, options({ idleMs: 300 }), new AbortController().signal);
    const parts = [(await blob.head()).first];
    const rest = blob.rest();
    parts.push((await rest.next()).value as Buffer);
    await until(() => blob!.held.now >= AHEAD);
    await sleep(1_000); // more than three idle bounds with paused bodies
    for await (const piece of rest) parts.push(piece);
    expect(Buffer.concat(parts).equals(content)).toBe(true);
    // Each chunk asked for once: no paused body was ended as idle and asked again.
    expect(server!.requests).toHaveLength(24);
  });
});
