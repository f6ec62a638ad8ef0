import { afterEach, describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { CachesApi, CachesApiError } from '../../src/cache/caches-api.js';
import { startCacheServer, type CacheServer } from '../support/cache-server.js';
import { plantEntry, startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { useTempDir } from '../support/tmp.js';

const REPOSITORY = 'acme/widgets';
const TOKEN = 'ghs_apiToken0123456789';
const PREFIX = 'clone-cache-Linux-acme-widgets';
const sha = (n: number) => n.toString(16).padStart(40, '0');
const tempDir = useTempDir();

let cache: CacheServer | undefined;
let api: GitHubApi | undefined;
afterEach(async () => {
  await api?.close();
  await cache?.close();
  api = cache = undefined;
});

async function start() {
  const storage = path.join(tempDir(), 'storage');
  cache = await startCacheServer(storage);
  api = await startGitHubApi(cache, { repository: REPOSITORY, token: TOKEN });
  const plant = (key: string, minutesAgo: number, ref?: string) =>
    plantEntry(cache as CacheServer, storage, {
      key,
      ref,
      createdAt: Date.now() - minutesAgo * 60_000
    });
  return { cache, api, plant };
}

const client = (url: string, token = TOKEN) =>
  new CachesApi({ apiUrl: url, repository: REPOSITORY, token, socketTimeoutMs: 5000 });

describe('CachesApi against the loopback GitHub API', () => {
  test('lists the entries of a key prefix on one ref, newest first, page after page', async () => {
    const { api, plant } = await start();
    for (let n = 1; n <= 5; n++) plant(`${PREFIX}-${sha(n)}`, 10 * n);
    plant(`${PREFIX}-${sha(6)}`, 1, 'refs/heads/feature');
    plant(`node-modules-${sha(7)}`, 1);
    api.maxPerPage = 2;

    const listed = await client(api.url).list(`${PREFIX}-`, 'refs/heads/main');
    expect(listed.map(e => e.key)).toEqual([1, 2, 3, 4, 5].map(n => `${PREFIX}-${sha(n)}`));
    expect(listed.every(e => e.ref === 'refs/heads/main' && e.sizeBytes === 1024)).toBe(true);
    expect(listed[0].createdAt).toBeGreaterThan(listed[1].createdAt);
    const gets = api.calls.filter(call => call.startsWith('GET'));
    expect(gets).toHaveLength(3);
    expect(gets[0]).toContain(`key=${PREFIX}-&ref=refs%2Fheads%2Fmain`);
    expect(gets[2]).toContain('page=3');
  });

  test('deletes an entry by id; a second delete finds it gone', async () => {
    const { cache, api, plant } = await start();
    plant(`${PREFIX}-${sha(1)}`, 10);
    const [listed] = await client(api.url).list(`${PREFIX}-`, 'refs/heads/main');
    expect(await client(api.url).remove(listed.id)).toBe('deleted');
    expect(await client(api.url).remove(listed.id)).toBe('gone');
    expect(api.deleted).toEqual([`${PREFIX}-${sha(1)}`]);
    expect(cache.entries.size).toBe(0);
  });

  test("a 403 (no actions: write) is an error that carries the status and GitHub's message", async () => {
    const { api, plant } = await start();
    plant(`${PREFIX}-${sha(1)}`, 10);
    api.faults.list = 'forbidden';
    const error = await client(api.url)
      .list(`${PREFIX}-`, 'refs/heads/main')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CachesApiError);
    expect((error as CachesApiError).status).toBe(403);
    expect((error as Error).message).toContain('Resource not accessible by integration');
  });

  test('a wrong token is refused by the API, and the token is not in the message', async () => {
    const { api } = await start();
    const error = await client(api.url, 'ghs_wrong')
      .list(`${PREFIX}-`, 'refs/heads/main')
      .catch((e: unknown) => e);
    expect((error as CachesApiError).status).toBe(401);
    expect((error as Error).message).not.toContain('ghs_wrong');
  });

  test('no answer at all is an error without a status', async () => {
    const { api } = await start();
    const url = api.url;
    await api.close();
    const error = await client(url)
      .list(`${PREFIX}-`, 'refs/heads/main')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CachesApiError);
    expect((error as CachesApiError).status).toBeUndefined();
    expect((error as Error).message).toMatch(/got no answer/);
  });
});
