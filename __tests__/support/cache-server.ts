import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BlobRequest, BlobStore } from './blob-store.js';
import { startBlobTransfers, type BlobTransfers } from './blob-transfers.js';
import { throttle, type Bandwidth } from './throttle.js';

/**
 * Faults the server can inject, each a switch a test flips. In blob-store mode a download or
 * upload fault serves that transfer on the plain path, where the server itself can inject it.
 */
export interface CacheFaults {
  lookup?: 'error500' | 'stall';
  download?: 'error500' | 'truncate' | 'stall' | 'corrupt';
  /** deny-write: refused as the service refuses a read-only token (`cache write denied:`). */
  create?: 'error500' | 'refuse' | 'deny-write';
  upload?: 'refuse' | 'error500';
}

export interface CacheEntry {
  key: string;
  version: string;
  file: string;
  size: number;
  createdAt: number;
  finalized: boolean;
  /** The ref of the run that saved it (GitHub scopes entries by ref); unset: refs/heads/main. */
  ref?: string;
}

export interface CacheServer {
  /** Value for ACTIONS_RESULTS_URL. */
  url: string;
  token: string;
  faults: CacheFaults;
  entries: Map<string, CacheEntry>;
  calls: string[];
  /** Transfer bandwidth for downloads and uploads; 0 is unlimited. */
  bandwidth: Bandwidth;
  /** The ref new entries are scoped to: set it to the GITHUB_REF of the job about to save. */
  ref: string;
  /** blob-store: archives go through Azurite (on github.com's path unless blobHost says otherwise). */
  mode: 'blob-store' | 'plain';
  /** The requests Azurite answered for this service (blob-store mode; empty otherwise). */
  blobRequests(): BlobRequest[];
  /** When set, the signed download URL of an entry's file (another blob store serves it). */
  blobUrl?: (file: string) => string;
  close(): Promise<void>;
}

export interface CacheServerOptions {
  /** Serve archives from this Azurite (blob-store mode) instead of the server's own plain URLs. */
  blobStore?: BlobStore;
  /**
   * The host name of the blob store's URLs: production (*.blob.core.windows.net: the Azure SDK
   * path) or 127.0.0.1 (the library's plain GET against the same store, to tell the path's cost
   * from the store's).
   */
  blobHost?: 'production' | '127.0.0.1';
}

const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/';

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text)
  });
  res.end(text);
}

/**
 * A loopback cache service speaking the v2 protocol @actions/cache uses: three twirp methods,
 * Azure-style blob PUTs (single shot, block and block list, each answered 201) and a plain GET
 * of the signed download URL. Blobs live in files under `storageDir`. With a blob store, the
 * signed URLs point at Azurite instead (see blob-transfers.ts).
 */
export async function startCacheServer(
  storageDir: string,
  token = 'runtime-token',
  options: CacheServerOptions = {}
): Promise<CacheServer> {
  await fs.mkdir(storageDir, { recursive: true });
  const entries = new Map<string, CacheEntry>();
  const faults: CacheFaults = {};
  const calls: string[] = [];
  const bandwidth: Bandwidth = { bytesPerSecond: 0 };
  const scope = { ref: 'refs/heads/main' };
  const blobs: BlobTransfers | undefined =
    options.blobStore && (await startBlobTransfers(options.blobStore, bandwidth, options.blobHost));
  let nextId = 1;
  let base = '';
  const entryFile = (id: string) => path.join(storageDir, `entry-${id}.bin`);
  const idOf = (entry: CacheEntry) => path.basename(entry.file).replace(/^entry-|\.bin$/g, '');

  function lookup(key: string, restoreKeys: string[], version: string): CacheEntry | undefined {
    const candidates = [...entries.values()].filter(e => e.finalized && e.version === version);
    const exact = candidates.find(e => e.key === key);
    if (exact) return exact;
    for (const prefix of restoreKeys) {
      const matches = candidates.filter(e => e.key.startsWith(prefix));
      if (matches.length > 0) return matches.sort((a, b) => b.createdAt - a.createdAt)[0];
    }
    return undefined;
  }

  async function twirp(method: string, req: http.IncomingMessage, res: http.ServerResponse) {
    calls.push(method);
    if (req.headers.authorization !== `Bearer ${token}`)
      return json(res, 401, { msg: 'bad token' });
    const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<
      string,
      unknown
    >;
    const version = String(body.version ?? '');
    if (method === 'GetCacheEntryDownloadURL') {
      if (faults.lookup === 'stall') return; // never answers
      if (faults.lookup === 'error500') return json(res, 500, { msg: 'injected fault' });
      const entry = lookup(String(body.key), (body.restore_keys as string[]) ?? [], version);
      if (!entry) return json(res, 200, { ok: false, signed_download_url: '', matched_key: '' });
      const url =
        service.blobUrl?.(entry.file) ??
        (blobs && !faults.download
          ? await blobs.downloadUrl(entry.file)
          : `${base}/download/${idOf(entry)}?sig=signed`);
      return json(res, 200, { ok: true, signed_download_url: url, matched_key: entry.key });
    }
    if (method === 'CreateCacheEntry') {
      if (faults.create === 'error500') return json(res, 500, { msg: 'injected fault' });
      if (faults.create === 'deny-write') {
        const message = 'cache write denied: the cache token of this run is read-only';
        return json(res, 200, { ok: false, signed_upload_url: '', message });
      }
      const key = String(body.key);
      if (
        faults.create === 'refuse' ||
        [...entries.values()].some(e => e.key === key && e.version === version)
      ) {
        return json(res, 200, { ok: false, signed_upload_url: '' });
      }
      const id = String(nextId++);
      entries.set(`${key}@${version}`, {
        key,
        version,
        file: entryFile(id),
        size: 0,
        createdAt: Date.now() + nextId,
        finalized: false,
        ref: scope.ref
      });
      const url =
        blobs && !faults.upload
          ? blobs.uploadUrl(entryFile(id))
          : `${base}/upload/${id}?sig=signed`;
      return json(res, 200, { ok: true, signed_upload_url: url });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = entries.get(`${String(body.key)}@${version}`);
      if (!entry) return json(res, 404, { msg: 'no such entry' });
      // The archive came either to Azurite (blob-store mode) or to this server's plain PUTs.
      const received = blobs && (await blobs.receive(entry.file));
      const size = received ?? (await fs.stat(entry.file).catch(() => undefined))?.size;
      if (size === undefined || String(size) !== String(body.size_bytes)) {
        return json(res, 200, { ok: false, entry_id: '0', message: 'size mismatch' });
      }
      entry.size = size;
      entry.finalized = true;
      return json(res, 200, { ok: true, entry_id: idOf(entry) });
    }
    return json(res, 404, { msg: `unknown method ${method}` });
  }

  async function upload(id: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
    calls.push(`PUT ${url.searchParams.get('comp') ?? 'blob'}`);
    if (faults.upload === 'error500') {
      await readBody(req);
      res.writeHead(500, { 'x-ms-error-code': 'InternalError' });
      return res.end();
    }
    if (faults.upload === 'refuse') {
      await readBody(req);
      res.writeHead(403, { 'x-ms-error-code': 'AuthorizationFailure' });
      return res.end();
    }
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blockId = Buffer.from(url.searchParams.get('blockid') ?? '', 'base64').toString('hex');
      await pipeline(
        req,
        throttle(bandwidth),
        createWriteStream(`${entryFile(id)}.block-${blockId}`)
      );
    } else if (comp === 'blocklist') {
      const xml = (await readBody(req)).toString('utf8');
      const ids = [...xml.matchAll(/<Latest>([^<]*)<\/Latest>/g)].map(m =>
        Buffer.from(m[1], 'base64').toString('hex')
      );
      const out = await fs.open(entryFile(id), 'w');
      for (const blockId of ids) {
        await out.write(await fs.readFile(`${entryFile(id)}.block-${blockId}`));
        await fs.rm(`${entryFile(id)}.block-${blockId}`);
      }
      await out.close();
    } else {
      await pipeline(req, throttle(bandwidth), createWriteStream(entryFile(id)));
    }
    res.writeHead(201, {
      ETag: `"0x${id}"`,
      'Last-Modified': new Date().toUTCString(),
      'x-ms-request-id': `req-${id}`,
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true',
      'Content-Length': '0'
    });
    res.end();
  }

  async function download(id: string, res: http.ServerResponse) {
    calls.push('GET download');
    if (faults.download === 'stall') return; // never answers
    if (faults.download === 'error500') {
      res.writeHead(500);
      return res.end('injected fault');
    }
    const file = entryFile(id);
    const stat = await fs.stat(file);
    if (faults.download === 'corrupt') {
      const garbage = Buffer.alloc(Math.min(stat.size, 4096), 0x5a);
      res.writeHead(200, { 'Content-Length': garbage.length });
      return res.end(garbage);
    }
    if (faults.download === 'truncate') {
      // Promises the whole archive, sends half, then drops the connection.
      res.writeHead(200, { 'Content-Length': stat.size });
      const half = (await fs.readFile(file)).subarray(0, Math.floor(stat.size / 2));
      res.write(half, () => res.destroy());
      return;
    }
    res.writeHead(200, { 'Content-Length': stat.size });
    await pipeline(createReadStream(file), throttle(bandwidth), res);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
        return twirp(url.pathname.slice(TWIRP.length), req, res);
      }
      const upMatch = /^\/upload\/(\d+)$/.exec(url.pathname);
      if (req.method === 'PUT' && upMatch) return upload(upMatch[1], url, req, res);
      const downMatch = /^\/download\/(\d+)$/.exec(url.pathname);
      if (req.method === 'GET' && downMatch) return download(downMatch[1], res);
      res.writeHead(404);
      res.end();
    };
    handle().catch(error => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const service: CacheServer = {
    url: `${base}/`,
    token,
    faults,
    entries,
    calls,
    bandwidth,
    get ref() {
      return scope.ref;
    },
    set ref(ref: string) {
      scope.ref = ref;
    },
    mode: blobs ? 'blob-store' : 'plain',
    blobRequests: () => blobs?.requests() ?? [],
    close: async () => {
      await new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await blobs?.close();
    }
  };
  return service;
}
