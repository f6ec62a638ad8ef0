import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startGitServer, type GitServer } from '../support/git-server.js';
import type { LfsServer } from '../support/lfs-server.js';
import { addLfsAssets, type LfsLink } from '../../bench/lfs-workload.js';
import { bareName, generateRepository, PRESETS } from '../../bench/workload.js';

// The bench's LFS server is a link of its own: its latency and rate are not the git server's,
// and the git server's latency is not the LFS server's.
const TOKEN = 'link-token';
const AUTH = `basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
const root = mkdtempSync(path.join(tmpdir(), 'bench-lfs-link-'));
const link: LfsLink = { bandwidth: { bytesPerSecond: 0 }, requestMs: 0 };
let git: GitServer;
let lfs: LfsServer;
let oid: string;

beforeAll(async () => {
  const bare = bareName(path.join(root, 'origin'));
  await generateRepository(bare, PRESETS.smoke);
  git = await startGitServer(path.join(root, 'origin'), TOKEN);
  lfs = addLfsAssets(bare, git, TOKEN, 0.5, path.join(root, 'lfs-store'), link);
  [oid] = readdirSync(lfs.store);
}, 60_000);

afterAll(async () => {
  await git.close();
  rmSync(root, { recursive: true, force: true });
});

/** Milliseconds one authorized request to `route` under origin takes, its body read whole. */
async function timed(route: string, init: RequestInit = {}): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${git.url}/acme/widgets.git${route}`, {
    ...init,
    headers: { authorization: AUTH, ...init.headers }
  });
  await response.arrayBuffer();
  expect(response.status).toBe(200);
  return performance.now() - started;
}

const batch = () =>
  timed('/info/lfs/objects/batch', {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.git-lfs+json' },
    body: JSON.stringify({ operation: 'download', objects: [{ oid, size: 500_000 }] })
  });
const refs = () => timed('/info/refs?service=git-upload-pack');

test('--lfs-request-ms holds every LFS request, and no git request', async () => {
  Object.assign(link, { requestMs: 2500 });
  git.delayMs = 0;
  expect(await batch()).toBeGreaterThanOrEqual(2500);
  expect(await timed(`/info/lfs/objects/${oid}`)).toBeGreaterThanOrEqual(2500);
  expect(await refs()).toBeLessThan(2500);
  link.requestMs = 0;
});

test('--git-request-ms holds every git request, and no LFS request', async () => {
  git.delayMs = 2500;
  expect(await refs()).toBeGreaterThanOrEqual(2500);
  expect(await batch()).toBeLessThan(2500);
  git.delayMs = 0;
});

test('--lfs-mbytes-per-sec paces LFS downloads whatever the git link allows', async () => {
  link.bandwidth.bytesPerSecond = 250_000;
  git.bandwidth.bytesPerSecond = 0;
  // 500 kB at 250 kB/s: two seconds at least.
  expect(await timed(`/info/lfs/objects/${oid}`)).toBeGreaterThanOrEqual(1900);
  expect(readFileSync(path.join(lfs.store, oid)).length).toBe(500_000);
  link.bandwidth.bytesPerSecond = 0;
});
