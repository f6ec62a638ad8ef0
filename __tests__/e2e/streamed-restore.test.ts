import { afterEach, describe, expect, test } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { expectFilesOf } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { startRangedBlobServer, type RangedBlobServer } from '../support/ranged-blob-server.js';
import { revParse } from '../support/repos.js';
import type { Job, StepResult } from '../support/runner.js';

let fx: Fixture | undefined;
let blobs: RangedBlobServer | undefined;
afterEach(async () => {
  await blobs?.close();
  await fx?.close();
  fx = blobs = undefined;
});

const SMALL_RANGES = { CLONE_CACHE_STREAM_CHUNK_BYTES: '65536', CLONE_CACHE_STREAM_WINDOW: '3' };

function expectSeededAtTip(fx: Fixture, main: StepResult, job: Job) {
  const tip = revParse(fx.origin, 'refs/heads/main');
  expect(main.exitCode).toBe(0);
  expect(main.annotations).toEqual([]);
  expect(main.outputs).toMatchObject({ seeded: 'true', commit: tip });
  expect(revParse(job.workspace, 'HEAD')).toBe(tip);
  expect(gitSync(job.workspace, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  expectFilesOf(job.workspace, fx.origin, tip);
}

/** A fixture whose cache entries a ranged blob store serves, with one entry saved. */
async function withRangedEntry() {
  fx = await startFixture({ commits: 40, blobBytes: 20_000 });
  blobs = await startRangedBlobServer();
  const served = blobs;
  fx.cache.blobUrl = file => served.urlFor(file);
  const entry = await fx.saveEntry();
  expect(entry.size).toBeGreaterThan(3 * 65536);
  return { fx, blobs: served };
}

describe('the bundled action restores an entry streamed in ranges', () => {
  test('a warm job seeds from the streamed entry', async () => {
    const { fx, blobs } = await withRangedEntry();
    const job = fx.newJob();
    const main = await fx.main(job, { env: SMALL_RANGES });
    expectSeededAtTip(fx, main, job);
    expect(main.stdout).toMatch(/Streamed and extracted/);
    expect(main.stdout).not.toContain('Cache restored successfully'); // not the library's restore
    expect(blobs.requests.filter(r => r.status === 206).length).toBeGreaterThan(3);
    expect(readdirSync(job.runnerTemp).filter(n => n.startsWith('clone-cache-extract-'))).toEqual(
      []
    );
  });

  test('a corrupt range: the library restores the entry in the same job', async () => {
    const { fx, blobs } = await withRangedEntry();
    blobs.faultAt(65536, 'corrupt');
    const job = fx.newJob();
    const main = await fx.main(job, { env: SMALL_RANGES });
    expectSeededAtTip(fx, main, job);
    expect(main.stdout).toMatch(/Streaming the cache entry failed \(zstd exited with 1/);
    expect(main.stdout).toContain('Cache restored successfully');
  });
});
