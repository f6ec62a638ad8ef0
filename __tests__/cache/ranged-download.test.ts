import { afterEach, describe, expect, test } from '@jest/globals';
import { RangedBlob, type RangedOptions } from '../../src/cache/ranged-download.js';
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

const CHUNK = 16 * 1024;
const options = (changes: Partial<RangedOptions> = {}): RangedOptions => ({
  chunkBytes: CHUNK,
  window: 3,
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

describe('a ranged blob', () => {
  test('asks for no more than the window while its consumer does not take chunks', async () => {
    const { content, url } = await served(10 * CHUNK);
    blob = new RangedBlob(url, options(), new AbortController().signal);
    const head = await blob.head();
    const rest = blob.rest();
    const parts = [head.first, (await rest.next()).value as Buffer];
    await sleep(300); // a consumer as slow as a stalled tar
    // The first chunk, then three in the window; taking one asked for one more.
    expect(server!.requests).toHaveLength(5);
    for await (const chunk of rest) parts.push(chunk);
    expect(Buffer.concat(parts).equals(content)).toBe(true);
    expect(server!.requests).toHaveLength(10);
  });

  test('asks again for an oldest chunk that lags behind later ones, without waiting for its timeout', async () => {
    const { content, url } = await served(6 * CHUNK);
    server!.faultAt(CHUNK, 'stall-body');
    blob = new RangedBlob(url, options({ lagMs: 300 }), new AbortController().signal);
    const started = Date.now();
    const parts = [(await blob.head()).first];
    for await (const chunk of blob.rest()) parts.push(chunk);
    expect(Buffer.concat(parts).equals(content)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000); // far below the 30 s idle bound
    expect(server!.requests.filter(r => r.start === CHUNK).map(r => r.fault)).toEqual([
      'stall-body',
      undefined
    ]);
  });

  test('a chunk failing every attempt fails the download after the attempts', async () => {
    const { url } = await served(4 * CHUNK);
    server!.faultAt(2 * CHUNK, 'error500', 10);
    blob = new RangedBlob(url, options(), new AbortController().signal);
    await blob.head();
    const drain = async () => {
      for await (const chunk of blob!.rest()) expect(chunk.length).toBe(CHUNK);
    };
    await expect(drain()).rejects.toThrow(/chunk 2 failed 3 times: chunk 2: HTTP 500/);
    expect(server!.requests.filter(r => r.start === 2 * CHUNK)).toHaveLength(3);
  });

  test('an abort ends a stalled request at once and closes its socket', async () => {
    const { url } = await served(4 * CHUNK);
    server!.faultAt(0, 'stall-body');
    const abort = new AbortController();
    blob = new RangedBlob(url, options(), abort.signal);
    const head = blob.head();
    await sleep(200);
    abort.abort(new Error('time bound'));
    blob.dispose();
    await expect(head).rejects.toThrow('time bound');
    expect(await server!.openSockets()).toBe(0);
  });
});
