import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { deleteSupersededEntries } from '../../src/post-step/cache-budget.js';
import { useCapturedLog } from '../support/captured-log.js';
import { startCacheServer, type CacheServer } from '../support/cache-server.js';
import { plantEntry, startGitHubApi, type GitHubApi } from '../support/github-api.js';
import { useTempDir } from '../support/tmp.js';

const REPOSITORY = 'acme/widgets';
const TOKEN = 'ghs_budgetToken0123456789';
const PREFIX = 'clone-cache-Linux-acme-widgets';
const sha = (n: number) => n.toString(16).padStart(40, '0');
const tempDir = useTempDir();
const log = useCapturedLog();

let cache: CacheServer;
let api: GitHubApi;
let storage: string;
const saved = process.env;
beforeEach(async () => {
  storage = path.join(tempDir(), 'storage');
  cache = await startCacheServer(storage);
  api = await startGitHubApi(cache, { repository: REPOSITORY, token: TOKEN });
  process.env = {
    ...saved,
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REF: 'refs/heads/main',
    INPUT_TOKEN: TOKEN
  };
});
afterEach(async () => {
  process.env = saved;
  await api.close();
  await cache.close();
});

/** `count` entries of the prefix on main, one a minute, the last (n = count) the newest. */
function plantHistory(count: number) {
  for (let n = 1; n <= count; n++) {
    plantEntry(cache, storage, {
      key: `${PREFIX}-${sha(n)}`,
      createdAt: Date.now() - (count - n) * 60_000,
      size: 2048
    });
  }
}

describe('deleteSupersededEntries', () => {
  test('deletes at most 50 superseded entries in one post step, oldest first, and says so', async () => {
    plantHistory(60);
    const line = await deleteSupersededEntries(PREFIX, `${PREFIX}-${sha(60)}`);
    expect(api.deleted).toHaveLength(50);
    expect(api.deleted).not.toContain(`${PREFIX}-${sha(59)}`);
    expect(api.deleted).toContain(`${PREFIX}-${sha(1)}`);
    expect(cache.entries.size).toBe(10);
    expect(line).toBe(
      `10 entries of ${PREFIX} on refs/heads/main, 20.0 KiB in all (deleted 50 superseded, 100.0 KiB)`
    );
    expect(log.lines().join('')).toContain('8 more superseded entries stay until the next save.');
    // The next save deletes the rest.
    plantEntry(cache, storage, {
      key: `${PREFIX}-${sha(61)}`,
      createdAt: Date.now() + 1,
      size: 2048
    });
    await deleteSupersededEntries(PREFIX, `${PREFIX}-${sha(61)}`);
    expect([...cache.entries.values()].map(e => e.key).sort()).toEqual(
      [`${PREFIX}-${sha(60)}`, `${PREFIX}-${sha(61)}`].sort()
    );
  });

  test('deletes nothing while the entry just saved is not listed', async () => {
    plantHistory(4);
    const line = await deleteSupersededEntries(PREFIX, `${PREFIX}-${sha(99)}`);
    expect(api.deleted).toEqual([]);
    expect(line).toMatch(/^4 entries of /);
    expect(log.lines().join('')).toContain('not listed yet');
  });

  test('masks the token and sends it only in the Authorization header', async () => {
    plantHistory(3);
    await deleteSupersededEntries(PREFIX, `${PREFIX}-${sha(3)}`);
    expect(log.lines().join('')).toContain(`::add-mask::${TOKEN}`);
    expect(api.calls.join('\n')).not.toContain(TOKEN);
    expect(api.deleted).toEqual([`${PREFIX}-${sha(1)}`]);
  });

  test('without GITHUB_API_URL (not a runner) nothing is asked, in one line', async () => {
    delete process.env.GITHUB_API_URL;
    plantHistory(3);
    const line = await deleteSupersededEntries(PREFIX, `${PREFIX}-${sha(3)}`);
    expect(line).toMatch(/not looked for/);
    expect(api.calls).toEqual([]);
  });
});
