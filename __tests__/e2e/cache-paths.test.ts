import { afterEach, describe, expect, test } from '@jest/globals';
import { statSync } from 'node:fs';
import { putEntry } from '../support/archive.js';
import type { BlobRequest } from '../support/blob-store.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { addCommits, revParse } from '../support/repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

/** Azurite logs a request just after answering it: waits (briefly) until `wanted` are there. */
async function blobRequestsOnceLogged(wanted: (r: BlobRequest) => boolean): Promise<BlobRequest[]> {
  for (let tries = 0; tries < 50 && !fx.cache.blobRequests().some(wanted); tries++) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return fx.cache.blobRequests().filter(wanted);
}

// What @actions/cache logs (as ::debug:: lines) only when it downloads through the Azure SDK.
const SDK_SEGMENT = /::debug::Downloading segment at offset 0 with length \d+/;

describe('the download and upload path the library takes', () => {
  test('github.com: the archive goes to Azure Blob Storage through the Azure SDK and comes back streamed, or through the SDK', async () => {
    fx = await startFixture({ commits: 12 }, { cachePath: 'blob-store' });
    expect(fx.cache.mode).toBe('blob-store');
    const cold = fx.newJob('cold');
    expect((await fx.main(cold)).exitCode).toBe(0);
    const post = await fx.post(cold);
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('::debug::Use Azure SDK: true');
    const entry = [...fx.cache.entries.values()][0];
    expect(entry.finalized).toBe(true);
    const puts = await blobRequestsOnceLogged(r => r.method === 'PUT');
    expect(puts.map(r => [r.comp, r.status])).toEqual([['', 201]]); // one shot: under 128 MiB
    expect(entry.size).toBe(statSync(entry.file).size); // the service's copy is Azurite's blob
    expect(fx.cache.calls.filter(c => c.startsWith('PUT') || c === 'GET download')).toEqual([]);

    // The action's own restore: the library's lookup, then ranged GETs straight into tar.
    const tip = addCommits(fx.origin, 'main', { commits: 2, seed: 'later' });
    const warm = fx.newJob('warm');
    const main = await fx.main(warm);
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({ 'cache-hit': 'true', seeded: 'true', commit: tip });
    expect(main.stdout).toMatch(/Streamed and extracted [\d.]+ MiB/);
    // The lookup the streamed restore makes does not say that the download is skipped.
    expect(main.stdout).toContain('::debug::Lookup only - skipping download');
    expect(main.stdout).not.toMatch(/^Lookup only/m);
    expect(main.stdout).not.toMatch(SDK_SEGMENT);
    const ranged = await blobRequestsOnceLogged(r => r.method === 'GET' && r.status === 206);
    expect(ranged.length).toBeGreaterThanOrEqual(1);
    expect(fx.cache.calls).not.toContain('GET download');
    expect(revParse(warm.workspace, 'HEAD')).toBe(tip);

    // The library's own download (the fallback): the Azure SDK, in segments of ranged GETs.
    const library = fx.newJob('library');
    const viaLibrary = await fx.main(library, { env: { CLONE_CACHE_STREAMED_RESTORE: 'false' } });
    expect(viaLibrary.exitCode).toBe(0);
    expect(viaLibrary.outputs).toMatchObject({ seeded: 'true', commit: tip });
    expect(viaLibrary.stdout).toContain('::debug::Use Azure SDK: true');
    expect(viaLibrary.stdout).toMatch(SDK_SEGMENT);
    expect(viaLibrary.stdout).not.toMatch(/Streamed and extracted/);
  });

  test("GHES and other servers: a plain URL that ignores ranges, then the library's one GET", async () => {
    fx = await startFixture({ commits: 12 }, { cachePath: 'plain' });
    expect(fx.cache.mode).toBe('plain');
    await fx.saveEntry();
    expect(fx.cache.calls).toContain('PUT blob');
    const warm = fx.newJob('warm');
    const main = await fx.main(warm);
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({ 'cache-hit': 'true', seeded: 'true' });
    // This server ignores Range: the streamed attempt stops at the 200's headers, and the
    // library's one plain GET brings the archive.
    expect(main.stdout).toMatch(
      /Streaming the cache entry failed \(the server answered 200 to a range\)/
    );
    expect(fx.cache.calls.filter(c => c === 'GET download')).toHaveLength(2);
    expect(main.stdout).not.toMatch(SDK_SEGMENT);
    expect(fx.cache.blobRequests()).toEqual([]);
  });

  test('an entry stored by the test itself is uploaded to Azurite before it is served', async () => {
    fx = await startFixture({ commits: 6 }, { cachePath: 'blob-store' });
    const entry = await fx.saveEntry();
    // As tests that craft entries do: a new local file under a new key.
    const key = `clone-cache-Linux-acme-widgets-${revParse(fx.origin, 'main')}`;
    fx.cache.entries.clear();
    putEntry(fx.cache, entry, key, entry.file);
    const main = await fx.main(fx.newJob('warm'));
    expect(main.outputs['cache-matched-key']).toBe(key);
    expect(main.outputs.seeded).toBe('true');
    expect(main.stdout).toMatch(/Streamed and extracted/);
  });
});
