import { promises as fs, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { CacheEntry, CacheServer } from './cache-server.js';

/** Faults the API can answer with, each a switch a test flips. */
export interface GitHubApiFaults {
  /** forbidden: the token lacks `actions: write` (both calls answer 403, as GitHub does). */
  list?: 'forbidden' | 'error500';
  delete?: 'forbidden' | 'error500';
}

export interface GitHubApi {
  /** Value for GITHUB_API_URL. */
  url: string;
  faults: GitHubApiFaults;
  /** Every request, as `<METHOD> <path and query>`. */
  calls: string[];
  /** Keys of the entries deleted through the API, in order. */
  deleted: string[];
  /** The most entries one page holds (GitHub: 100); lower it to make the client page. */
  maxPerPage: number;
  close(): Promise<void>;
}

const DEFAULT_REF = 'refs/heads/main';
const refOf = (entry: CacheEntry) => entry.ref ?? DEFAULT_REF;
/** The cache server names each entry's file `entry-<id>.bin`; the id is the REST API's too. */
const idOf = (entry: CacheEntry) =>
  Number(path.basename(entry.file).replace(/^entry-|\.bin$/g, ''));

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text)
  });
  res.end(text);
}

const forbidden = (res: http.ServerResponse) =>
  json(res, 403, {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest/actions/cache',
    status: '403'
  });

/**
 * A loopback GitHub REST API serving the two cache calls (list, paged and filtered by key prefix
 * and ref; delete by id) from the entries the loopback cache service holds. It checks the token.
 */
export async function startGitHubApi(
  cache: CacheServer,
  options: { repository: string; token: string }
): Promise<GitHubApi> {
  const faults: GitHubApiFaults = {};
  const calls: string[] = [];
  const deleted: string[] = [];
  const base = `/repos/${options.repository}/actions/caches`;
  const api = { maxPerPage: 100 };

  function list(url: URL, res: http.ServerResponse) {
    if (faults.list === 'forbidden') return forbidden(res);
    if (faults.list === 'error500') return json(res, 500, { message: 'Server Error' });
    const key = url.searchParams.get('key') ?? '';
    const ref = url.searchParams.get('ref');
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), api.maxPerPage);
    const page = Number(url.searchParams.get('page') ?? 1);
    const descending = url.searchParams.get('direction') !== 'asc';
    const matching = [...cache.entries.values()]
      .filter(e => e.finalized && e.key.startsWith(key) && (!ref || refOf(e) === ref))
      .sort((a, b) => (descending ? b.createdAt - a.createdAt : a.createdAt - b.createdAt));
    json(res, 200, {
      total_count: matching.length,
      actions_caches: matching.slice((page - 1) * perPage, page * perPage).map(e => ({
        id: idOf(e),
        ref: refOf(e),
        key: e.key,
        version: e.version,
        last_accessed_at: new Date(e.createdAt).toISOString(),
        created_at: new Date(e.createdAt).toISOString(),
        size_in_bytes: e.size
      }))
    });
  }

  async function remove(id: number, res: http.ServerResponse) {
    if (faults.delete === 'forbidden') return forbidden(res);
    if (faults.delete === 'error500') return json(res, 500, { message: 'Server Error' });
    const found = [...cache.entries].find(([, e]) => e.finalized && idOf(e) === id);
    if (!found) return json(res, 404, { message: 'Not Found' });
    cache.entries.delete(found[0]);
    deleted.push(found[1].key);
    await fs.rm(found[1].file, { force: true });
    res.writeHead(204);
    res.end();
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    calls.push(`${req.method} ${url.pathname}${url.search}`);
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${options.token}` && auth !== `token ${options.token}`) {
      return json(res, 401, { message: 'Bad credentials' });
    }
    const one = new RegExp(`^${base}/(\\d+)$`).exec(url.pathname);
    const handle = async () => {
      if (req.method === 'GET' && url.pathname === base) return list(url, res);
      if (req.method === 'DELETE' && one) return remove(Number(one[1]), res);
      json(res, 404, { message: 'Not Found' });
    };
    handle().catch(error => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    faults,
    calls,
    deleted,
    get maxPerPage() {
      return api.maxPerPage;
    },
    set maxPerPage(value: number) {
      api.maxPerPage = value;
    },
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

let plantedCount = 0;

/**
 * Stores a finalized entry of `size` bytes straight into the cache service (an entry another
 * job saved: another prefix, another ref, an older version); returns it.
 */
export function plantEntry(
  cache: CacheServer,
  storageDir: string,
  entry: { key: string; ref?: string; version?: string; createdAt: number; size?: number }
): CacheEntry {
  const id = 5000 + ++plantedCount;
  const file = path.join(storageDir, `entry-${id}.bin`);
  writeFileSync(file, Buffer.alloc(entry.size ?? 1024));
  const planted: CacheEntry = {
    key: entry.key,
    version: entry.version ?? 'planted-version',
    file,
    size: entry.size ?? 1024,
    createdAt: entry.createdAt,
    finalized: true,
    ref: entry.ref
  };
  cache.entries.set(`${entry.key}@${planted.version}`, planted);
  return planted;
}
