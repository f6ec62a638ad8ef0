import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { lookupDownloadUrl } from '../../src/cache/download-url.js';
import { CacheServiceClientJSON } from '../../node_modules/@actions/cache/lib/generated/results/api/v1/cache.twirp-client.js';
import { useCapturedLog } from '../support/captured-log.js';
import { PREFIX, startStreamFixture, type StreamFixture } from '../support/streamed-entry.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();
useCapturedLog();
let fx: StreamFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const PATHS = ['.clone-cache-staging/clone.git'];

/**
 * download-url.ts reaches past @actions/cache's exports map to its generated v2 client. These
 * tests fail when the library changes the shape that relies on: then re-read the library and
 * update download-url.ts (the streamed path falls back to restoreCache meanwhile).
 */
describe('the shape of @actions/cache that the streamed restore relies on', () => {
  test('the installed version is the one the deep import was checked against', () => {
    const manifest = JSON.parse(
      readFileSync('node_modules/@actions/cache/package.json', 'utf8')
    ) as { version: string; exports: Record<string, unknown> };
    expect(manifest.version).toBe('6.3.0');
    expect(Object.keys(manifest.exports)).toEqual(['.']); // why the relative import is needed
  });

  test('restoreCache with lookupOnly asks the v2 client, whose answer carries the signed URL', async () => {
    expect(typeof CacheServiceClientJSON.prototype.GetCacheEntryDownloadURL).toBe('function');
    fx = await startStreamFixture(tempDir(), 'zstd');
    const { key, file } = await fx.save(1000);
    const found = await lookupDownloadUrl(PATHS, `${PREFIX}-`, [`${PREFIX}-`]);
    expect(found).toEqual({ matchedKey: key, url: fx.blobs.urlFor(file) });
    expect(fx.cache.calls.filter(c => c === 'GetCacheEntryDownloadURL')).toHaveLength(1);
    expect(fx.blobs.requests).toEqual([]); // looked up, nothing downloaded
  });

  test('a miss gives neither key nor URL, and the client is left as it was', async () => {
    fx = await startStreamFixture(tempDir(), 'zstd');
    const original = CacheServiceClientJSON.prototype.GetCacheEntryDownloadURL;
    expect(await lookupDownloadUrl(PATHS, `${PREFIX}-`, [`${PREFIX}-`])).toEqual({
      matchedKey: undefined,
      url: undefined
    });
    expect(CacheServiceClientJSON.prototype.GetCacheEntryDownloadURL).toBe(original);
  });

  test("the library's key rules still apply: an invalid key throws as restoreCache throws", async () => {
    fx = await startStreamFixture(tempDir(), 'zstd');
    await expect(lookupDownloadUrl(PATHS, 'a,b', [])).rejects.toThrow(/cannot contain commas/);
  });

  test('a read-only cache mode of none skips the lookup as the library does', async () => {
    fx = await startStreamFixture(tempDir(), 'zstd');
    await fx.save(1000);
    fx.cache.calls.length = 0;
    process.env.ACTIONS_CACHE_MODE = 'none';
    expect(await lookupDownloadUrl(PATHS, `${PREFIX}-`, [`${PREFIX}-`])).toEqual({
      matchedKey: undefined,
      url: undefined
    });
    expect(fx.cache.calls).toEqual([]);
  });
});
