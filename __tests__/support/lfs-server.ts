import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { throttle, type Bandwidth } from './throttle.js';

/**
 * A Git LFS server (batch API, basic transfer, download only) for the genuine git-lfs client.
 * It answers under a repository's endpoint, `<origin>.git/info/lfs`, behind the loopback git
 * server (see `mountLfs`), with the same auth as the git server: `basic x-access-token:<token>`.
 */
export interface LfsServer {
  /** Objects on the server, stored as `<store>/<oid>`. */
  store: string;
  /** Every object sent in a download, by oid, in order (a re-download is counted again). */
  served: string[];
  /** Requests the server saw under an LFS endpoint, and whether each carried the token. */
  requests: { path: string; authorized: boolean }[];
  /** Downloads of these oids send other bytes than the object (git-lfs must reject them). */
  corrupt: Set<string>;
  /** Puts `content` on the server; returns its oid and size. */
  put(content: Buffer): { oid: string; size: number };
  /** Handles the request when it is for an LFS endpoint; false leaves it to the git server. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

const LFS_PATH = /^\/[^/]+\/[^/]+?(?:\.git)?\/info\/lfs(\/.*)$/;
const LFS_JSON = 'application/vnd.git-lfs+json';

interface BatchRequest {
  operation?: string;
  objects?: { oid: string; size: number }[];
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': LFS_JSON });
  res.end(JSON.stringify(body));
}

/** `bandwidth` limits downloads as the git server's limits its responses (share the git server's). */
export function createLfsServer(
  store: string,
  token: string,
  bandwidth: Bandwidth = { bytesPerSecond: 0 }
): LfsServer {
  mkdirSync(store, { recursive: true });
  const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const objectPath = (oid: string) => path.join(store, oid);
  let link = Promise.resolve();
  const server: LfsServer = {
    store,
    served: [],
    requests: [],
    corrupt: new Set(),
    put(content) {
      const oid = createHash('sha256').update(content).digest('hex');
      writeFileSync(objectPath(oid), content);
      return { oid, size: content.length };
    },
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = LFS_PATH.exec(url.pathname);
      if (!match) return false;
      const authorized = (req.headers.authorization ?? '').toLowerCase() === expected.toLowerCase();
      server.requests.push({ path: url.pathname, authorized });
      if (!authorized) {
        res.writeHead(401, { 'Content-Type': LFS_JSON, 'LFS-Authenticate': 'Basic realm="lfs"' });
        res.end(JSON.stringify({ message: 'authentication required' }));
        return true;
      }
      const endpoint = url.pathname.slice(0, url.pathname.length - match[1].length);
      const host = `http://${req.headers.host}`;
      if (req.method === 'POST' && match[1] === '/objects/batch') {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () =>
          batch(res, JSON.parse(Buffer.concat(chunks).toString()), host + endpoint)
        );
        return true;
      }
      const download = /^\/objects\/([0-9a-f]{64})$/.exec(match[1]);
      if (req.method === 'GET' && download && existsSync(objectPath(download[1]))) {
        const oid = download[1];
        let content = readFileSync(objectPath(oid));
        if (server.corrupt.has(oid)) content = Buffer.from(content.map(byte => byte ^ 0xff));
        server.served.push(oid);
        // Under a bandwidth limit, one download at a time: the limit is the link's, not each
        // transfer's (git-lfs downloads 8 objects at once).
        const send = () =>
          new Promise<void>(resolve => {
            res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
            const body = throttle(bandwidth);
            body.pipe(res);
            res.on('close', resolve);
            body.end(content);
          });
        link = bandwidth.bytesPerSecond ? link.then(send) : send();
        return true;
      }
      json(res, 404, { message: 'not found' });
      return true;
    }
  };
  const batch = (res: http.ServerResponse, body: BatchRequest, endpointUrl: string) => {
    if (body.operation !== 'download') {
      json(res, 422, { message: 'this server only serves downloads' });
      return;
    }
    const objects = (body.objects ?? []).map(({ oid, size }) =>
      /^[0-9a-f]{64}$/.test(oid) && existsSync(objectPath(oid))
        ? {
            oid,
            size,
            authenticated: true,
            actions: { download: { href: `${endpointUrl}/objects/${oid}`, expires_in: 3600 } }
          }
        : { oid, size, error: { code: 404, message: 'object not found' } }
    );
    json(res, 200, { transfer: 'basic', objects });
  };
  return server;
}
