import { afterEach, beforeEach, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { fetchCommit, fetchOrigin, remoteDefaultBranch } from '../../src/clone/fetch.js';
import { initClone } from '../../src/clone/init-clone.js';
import { ActionError } from '../../src/errors.js';
import { authConfig } from '../../src/git/auth.js';
import { Repository } from '../../src/git/repository.js';
import { useCapturedLog } from '../support/captured-log.js';
import { startGitServer, type GitServer } from '../support/git-server.js';
import { createOrigin, revParse } from '../support/repos.js';
import { useTempDir } from '../support/tmp.js';

const TOKEN = 'fetch-test-token';
const tempDir = useTempDir();
const log = useCapturedLog();

let server: GitServer;
let origin: string;
let originUrl: string;
let clone: Repository;

beforeEach(async () => {
  process.env.CLONE_CACHE_RETRY_BACKOFF_SECONDS = '0.1';
  const root = tempDir();
  // Files that do not compress: the pack is far longer than the 1000 bytes a stall lets through.
  origin = createOrigin(path.join(root, 'origin'), 'acme/widgets', {
    commits: 4,
    blobBytes: 10_000
  });
  server = await startGitServer(path.join(root, 'origin'), TOKEN);
  originUrl = `${server.url}/acme/widgets`;
  const clonePath = path.join(root, 'clone');
  await initClone(clonePath, originUrl);
  clone = new Repository(clonePath, authConfig(originUrl, TOKEN));
});

afterEach(async () => {
  delete process.env.CLONE_CACHE_RETRY_BACKOFF_SECONDS;
  delete process.env.CLONE_CACHE_FETCH_STALL_SECONDS;
  await server.close();
});

const retryLines = () => log.lines().filter(line => line.startsWith('Attempt '));
const mainTip = () => revParse(origin, 'refs/heads/main');

test('a fetch answered 500 twice is retried and fetches; each retry names its cause', async () => {
  server.failNext(2, 500, 'upload-pack');
  await fetchOrigin(clone, originUrl, { prune: true });
  expect(revParse(clone.dir, 'refs/remotes/origin/main')).toBe(mainTip());
  const lines = retryLines();
  expect(lines).toHaveLength(2);
  lines.forEach((line, index) =>
    expect(line).toBe(
      `Attempt ${index + 1} of 3 to fetch from ${originUrl} failed: error: RPC failed; HTTP 500 curl 22 The requested URL returned error: 500. Trying again in ${/in (0\.[12]) s/.exec(line)?.[1]} s.\n`
    )
  );
});

test("asking for origin's default branch is retried too", async () => {
  server.failNext(2, 503);
  expect(await remoteDefaultBranch(clone, originUrl)).toBe('main');
  expect(retryLines().map(line => /returned error: (\d+)/.exec(line)?.[1])).toEqual(['503', '503']);
});

test('a commit fetched by its id is retried too', async () => {
  server.failNext(1, 502, 'upload-pack');
  await fetchCommit(clone, originUrl, mainTip());
  expect(await clone.resolveCommit(mainTip())).toBe(mainTip());
  expect(retryLines()).toHaveLength(1);
  expect(retryLines()[0]).toContain(`to fetch ${mainTip()} from ${originUrl} failed`);
});

test('a transient failure on every attempt fails after 3, saying so, with git’s last words', async () => {
  server.failNext(3, 500);
  const error = await fetchOrigin(clone, originUrl, { prune: true }).catch(
    (thrown: unknown) => thrown
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).title).toBe('Fetch from origin failed');
  expect((error as ActionError).message).toBe(
    `Could not fetch from ${originUrl} after 3 attempts: remote: injected failure 500\nfatal: unable to access '${originUrl}/': The requested URL returned error: 500\nCheck that the repository exists, that the token can read it, and that the runner can reach the server.`
  );
  expect(retryLines()).toHaveLength(2);
  expect(server.requests).toHaveLength(3);
});

test('a wrong token fails at once, with the message it has always had', async () => {
  const wrong = new Repository(clone.dir, authConfig(originUrl, 'wrong-token'));
  const error = await fetchOrigin(wrong, originUrl, { prune: true }).catch(
    (thrown: unknown) => thrown
  );
  const host = new URL(originUrl).host;
  expect((error as ActionError).message).toBe(
    `Could not fetch from ${originUrl}: fatal: could not read Username for 'http://${host}': terminal prompts disabled\nCheck that the repository exists, that the token can read it, and that the runner can reach the server.`
  );
  expect(server.requests).toEqual([
    expect.objectContaining({ path: '/acme/widgets/info/refs', authorized: false })
  ]);
  expect(retryLines()).toEqual([]);
});

test('a missing ref and a commit origin lacks fail at once', async () => {
  const missingRef = await fetchOrigin(clone, originUrl, {
    prune: false,
    extraRefspecs: ['refs/heads/gone:refs/remotes/origin/gone']
  }).catch((thrown: unknown) => thrown);
  expect((missingRef as ActionError).title).toBe('Ref not found');
  const unknownCommit = await fetchCommit(clone, originUrl, 'ab'.repeat(20)).catch(
    (thrown: unknown) => thrown
  );
  expect((unknownCommit as ActionError).message).toContain(
    `Could not fetch from ${originUrl}: fatal: remote error: upload-pack: not our ref ${'ab'.repeat(20)}`
  );
  expect(retryLines()).toEqual([]);
});

test('a fetch whose pack stalls is ended at the stall bound and retried', async () => {
  process.env.CLONE_CACHE_FETCH_STALL_SECONDS = '2';
  server.stallNext();
  const started = Date.now();
  await fetchOrigin(clone, originUrl, { prune: true });
  const elapsed = Date.now() - started;
  expect(revParse(clone.dir, 'refs/remotes/origin/main')).toBe(mainTip());
  const lines = retryLines();
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(
    'failed: error: RPC failed; curl 28 Operation too slow. Less than 1 bytes/sec transferred the last 2 seconds.'
  );
  // curl judges the speed over a few seconds' window: the stall ends 2 to 5 s after it began.
  expect(elapsed).toBeGreaterThanOrEqual(2_000);
  expect(elapsed).toBeLessThan(10_000);
});
