import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A public git host on another port: it needs no token and records any it is sent. */
export interface OtherHost {
  url: string;
  /** Every request, with the Authorization header it carried ('' when none). */
  requests: { path: string; authorization: string }[];
  close(): Promise<void>;
}

/**
 * Serves the repositories of `upstream` (the loopback git server, which demands `token`) as
 * another host would serve public ones: a request needs no Authorization header; the proxy adds
 * upstream's itself, and records what the client sent.
 */
export async function startOtherHost(upstream: string, token: string): Promise<OtherHost> {
  const auth = `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const requests: OtherHost['requests'] = [];
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization ?? '' });
    const forwarded = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, authorization: auth }
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // Another port is another origin for git's http.<url>.* matching, as another host is.
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}
