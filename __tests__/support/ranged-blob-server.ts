import { randomBytes } from 'node:crypto';
import { promises as fs, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as path from 'node:path';
import type { Bandwidth } from './throttle.js';

/**
 * What one ranged GET can go through: a 500; headers and then nothing; half the body and a
 * closed connection; a Content-Range of other bytes; the whole blob with 200; one byte flipped;
 * the connection reset before any answer; the blob replaced (new content, new ETag) first.
 */
export type ChunkFault =
  | 'error500'
  | 'stall-body'
  | 'short-body'
  | 'wrong-range'
  | 'ignore-range'
  | 'corrupt'
  | 'reset'
  | 'change';

export interface RangedRequest {
  start?: number;
  end?: number;
  status: number;
  fault?: ChunkFault;
}

export interface RangedBlobServer {
  /** The URL that serves `file` (read at each request, so a test may replace it). */
  urlFor(file: string): string;
  /** Injects `fault` into the next `times` requests whose range starts at `start`. */
  faultAt(start: number, fault: ChunkFault, times?: number): void;
  /** Answers every GET with 200 and the whole blob, as a server without range support does. */
  noRanges: boolean;
  /** The content a 'change' fault puts in place of the blob. */
  replacement?: Buffer;
  requests: RangedRequest[];
  /** One link's bandwidth, shared by all responses at once; 0 is unlimited. */
  bandwidth: Bandwidth;
  /** Connections still open once every closing one has closed (waits up to a second). */
  openSockets(): Promise<number>;
  close(): Promise<void>;
}

const parseRange = (header: string | undefined) => {
  const match = /^bytes=(\d+)-(\d+)$/.exec(header ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]) } : undefined;
};

async function readRange(file: string, start: number, length: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const body = Buffer.alloc(length);
    await handle.read(body, 0, length, start);
    return body;
  } finally {
    await handle.close();
  }
}

/** A loopback blob store answering ranged GETs as Azure blob storage does (206, ETag, If-Match). */
export async function startRangedBlobServer(): Promise<RangedBlobServer> {
  const files: string[] = [];
  const versions = new Map<string, number>();
  const faults = new Map<number, { fault: ChunkFault; times: number }>();
  const sockets = new Set<Socket>();
  const requests: RangedRequest[] = [];
  const state = {
    noRanges: false,
    replacement: undefined as Buffer | undefined,
    bandwidth: { bytesPerSecond: 0 } as Bandwidth
  };

  function takeFault(start: number | undefined): ChunkFault | undefined {
    const planned = start === undefined ? undefined : faults.get(start);
    if (!planned) return undefined;
    if (--planned.times <= 0) faults.delete(start!);
    return planned.fault;
  }

  async function serve(file: string, req: http.IncomingMessage, res: http.ServerResponse) {
    const range = parseRange(req.headers.range);
    const fault = takeFault(range?.start);
    if (fault === 'change' && state.replacement) {
      await fs.writeFile(file, state.replacement);
      versions.set(file, (versions.get(file) ?? 0) + 1);
    }
    const etag = `"v${versions.get(file) ?? 0}"`;
    const size = (await fs.stat(file)).size;
    const log = (status: number) => requests.push({ ...range, status, fault });
    if (fault === 'reset') {
      log(0);
      return req.socket.destroy();
    }
    if (fault === 'error500') {
      log(500);
      res.writeHead(500);
      return res.end('injected fault');
    }
    if (req.headers['if-match'] && req.headers['if-match'] !== etag) {
      log(412);
      res.writeHead(412, { ETag: etag });
      return res.end();
    }
    if (!range || state.noRanges || fault === 'ignore-range') {
      log(200);
      res.writeHead(200, { 'Content-Length': size, ETag: etag });
      return send(res, await fs.readFile(file));
    }
    if (range.start >= size) {
      log(416);
      res.writeHead(416, { 'Content-Range': `bytes */${size}` });
      return res.end();
    }
    const end = Math.min(range.end, size - 1);
    let body = await readRange(file, range.start, end + 1 - range.start);
    let shown = `bytes ${range.start}-${end}/${size}`;
    if (fault === 'wrong-range') {
      const shifted = range.start + 1;
      shown = `bytes ${shifted}-${shifted + body.length - 1}/${size}`;
    }
    if (fault === 'corrupt') body[Math.floor(body.length / 2)] ^= 0xff;
    log(206);
    res.writeHead(206, { 'Content-Length': body.length, 'Content-Range': shown, ETag: etag });
    if (fault === 'stall-body') return res.flushHeaders(); // and nothing more
    if (fault === 'short-body') {
      body = body.subarray(0, Math.floor(body.length / 2));
      return res.write(body, () => res.destroy());
    }
    return send(res, body);
  }

  // One link shared by every response: parallel ranges split the bandwidth, as on a real network.
  let linkFreeAt = 0;
  async function send(res: http.ServerResponse, body: Buffer) {
    const piece = 64 * 1024;
    for (let at = 0; at < body.length && !res.destroyed; at += piece) {
      const part = body.subarray(at, at + piece);
      const rate = state.bandwidth.bytesPerSecond;
      if (rate) {
        linkFreeAt = Math.max(linkFreeAt, Date.now()) + (part.length / rate) * 1000;
        const wait = linkFreeAt - Date.now();
        if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
      }
      if (!res.write(part)) {
        await new Promise<void>(resolve => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    res.end();
  }

  const server = http.createServer((req, res) => {
    const match = /^\/blob\/(\d+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const file = match ? files[Number(match[1])] : undefined;
    if (req.method !== 'GET' || !file) {
      res.writeHead(404);
      return res.end();
    }
    serve(file, req, res).catch(error => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urlFor(file) {
      if (!files.includes(file)) files.push(file);
      return `${base}/blob/${files.indexOf(file)}?sig=signed`;
    },
    faultAt(start, fault, times = 1) {
      faults.set(start, { fault, times });
    },
    get noRanges() {
      return state.noRanges;
    },
    set noRanges(value) {
      state.noRanges = value;
    },
    get replacement() {
      return state.replacement;
    },
    set replacement(value) {
      state.replacement = value;
    },
    requests,
    bandwidth: state.bandwidth,
    async openSockets() {
      for (let i = 0; i < 50 && sockets.size > 0; i++) {
        await new Promise(resolve => setTimeout(resolve, 20));
      }
      return sockets.size;
    },
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

/** `bytes` random bytes in a file in `dir`, and the URL `server` serves them at. */
export function randomBlob(server: RangedBlobServer, dir: string, bytes: number) {
  const content = randomBytes(bytes);
  const file = path.join(dir, 'archive');
  writeFileSync(file, content);
  return { content, url: server.urlFor(file) };
}
