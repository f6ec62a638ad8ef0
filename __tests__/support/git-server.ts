import { spawn } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { throttle, type Bandwidth } from './throttle.js';

export interface GitServer {
  /** Base URL; a repository at <root>/<owner>/<name>.git is served as <url>/<owner>/<name>. */
  url: string;
  /** Authorization headers seen, for asserting what the client sent; `bytes` of each response body. */
  requests: { path: string; authorized: boolean; bytes: number }[];
  /** Milliseconds to hold every git request before serving it (a slow network); not `routes`'. */
  delayMs: number;
  /** Response bandwidth; 0 is unlimited. */
  bandwidth: Bandwidth;
  /**
   * Answers the next `count` requests with HTTP `status` and no git data, as a failing server or
   * proxy would: every request, or with `which: 'upload-pack'` only the POSTs that carry a fetch's
   * negotiation and pack (so the ref listing before them succeeds).
   */
  failNext(count: number, status?: number, which?: 'any' | 'upload-pack'): void;
  /**
   * The next `count` upload-pack responses longer than `afterBytes` send that many bytes of their
   * body and then nothing more while the connection stays open: a transfer that stalls. The
   * default lets the ref listing through and stops the pack mid-way.
   */
  stallNext(count?: number, afterBytes?: number): void;
  /**
   * Handlers asked first, before `delayMs` (an LFS endpoint, say, with its own link); one that
   * returns true has answered.
   */
  routes: ((req: http.IncomingMessage, res: http.ServerResponse) => boolean)[];
  close(): Promise<void>;
}

/**
 * A loopback smart-HTTP git server: `git http-backend` behind a Node HTTP server that demands
 * `Authorization: basic base64(x-access-token:<token>)`, like GitHub does for private repos.
 */
export async function startGitServer(projectRoot: string, token: string): Promise<GitServer> {
  const expected = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const requests: GitServer['requests'] = [];
  const state = { delayMs: 0 };
  const faults = {
    fail: 0,
    failStatus: 500,
    failWhich: 'any' as 'any' | 'upload-pack',
    stall: 0,
    stallAfterBytes: 0
  };
  const bandwidth: Bandwidth = { bytesPerSecond: 0 };
  const routes: GitServer['routes'] = [];
  const server = http.createServer((req, res) => {
    if (routes.some(route => route(req, res))) return;
    if (state.delayMs > 0) {
      setTimeout(() => serve(req, res), state.delayMs);
      return;
    }
    serve(req, res);
  });
  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const authorized = (req.headers.authorization ?? '').toLowerCase() === expected.toLowerCase();
    const record = { path: url.pathname, authorized, bytes: 0 };
    requests.push(record);
    const isUploadPackPost = req.method === 'POST' && url.pathname.endsWith('/git-upload-pack');
    if (faults.fail > 0 && (faults.failWhich === 'any' || isUploadPackPost)) {
      faults.fail--;
      res.writeHead(faults.failStatus, { 'Content-Type': 'text/plain' });
      res.end(`injected failure ${faults.failStatus}\n`);
      return;
    }
    if (!authorized) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
      res.end('authentication required\n');
      return;
    }
    // /owner/name/info/refs -> /owner/name.git/info/refs
    const pathInfo = url.pathname.replace(
      /^\/([^/]+)\/([^/]+?)(?:\.git)?(\/(info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.*))$/,
      '/$1/$2.git$3'
    );
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: pathInfo,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        GIT_PROTOCOL: (req.headers['git-protocol'] as string | undefined) ?? '',
        HTTP_CONTENT_ENCODING: (req.headers['content-encoding'] as string | undefined) ?? '',
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1'
      },
      stdio: ['pipe', 'pipe', 'ignore']
    });
    // A job killed mid-request (the soak does this) must not crash the server: the client's
    // socket, the CGI's pipes and the CGI itself may each fail on their own.
    const body = throttle(bandwidth);
    const ignore = () => undefined;
    for (const stream of [req, res, cgi, cgi.stdin, cgi.stdout, body]) stream.on('error', ignore);
    res.on('close', () => {
      if (!res.writableFinished) cgi.kill('SIGKILL');
    });
    req.pipe(cgi.stdin);
    let headerDone = false;
    let buffered = Buffer.alloc(0);
    body.pipe(res);
    let bodyBytes = 0;
    let stalled = false;
    const send = (chunk: Buffer) => {
      if (stalled) return;
      if (
        isUploadPackPost &&
        faults.stall > 0 &&
        bodyBytes + chunk.length > faults.stallAfterBytes
      ) {
        faults.stall--;
        stalled = true;
        chunk = chunk.subarray(0, faults.stallAfterBytes - bodyBytes);
      }
      bodyBytes += chunk.length;
      record.bytes += chunk.length;
      body.write(chunk);
    };
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headerDone) {
        send(chunk);
        return;
      }
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      headerDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of buffered.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      send(buffered.subarray(end + 4));
    });
    cgi.on('close', () => {
      if (!stalled) body.end();
    });
  };
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    bandwidth,
    routes,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    failNext(count, status = 500, which = 'any') {
      Object.assign(faults, { fail: count, failStatus: status, failWhich: which });
    },
    stallNext(count = 1, afterBytes = 1000) {
      Object.assign(faults, { stall: count, stallAfterBytes: afterBytes });
    },
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
