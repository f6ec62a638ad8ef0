import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';
import type { Bandwidth } from './throttle.js';

/**
 * Paces the bytes of every stream it makes so that together they go no faster than `bandwidth`:
 * parallel requests share one link, as they do on a real network (throttle.ts paces each stream
 * on its own, which is right only for one stream at a time).
 */
function sharedPacer(bandwidth: Bandwidth): () => Transform {
  let linkFreeAt = 0;
  return () =>
    new Transform({
      transform(chunk: Buffer, _encoding, callback: TransformCallback) {
        const rate = bandwidth.bytesPerSecond;
        if (!rate) return callback(null, chunk);
        const now = Date.now();
        linkFreeAt = Math.max(now, linkFreeAt) + (chunk.length / rate) * 1000;
        setTimeout(() => callback(null, chunk), linkFreeAt - now);
      }
    });
}

export interface PacedProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * Forwards TCP connections from a loopback port to `targetPort` on loopback, the responses of all
 * connections sharing `bandwidth` and the requests sharing another link of the same bandwidth.
 */
export async function startPacedProxy(
  targetPort: number,
  bandwidth: Bandwidth
): Promise<PacedProxy> {
  const down = sharedPacer(bandwidth);
  const up = sharedPacer(bandwidth);
  const sockets = new Set<net.Socket>();
  const server = net.createServer(client => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(up()).pipe(upstream);
    upstream.pipe(down()).pipe(client);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      })
  };
}
