import { Transform, type TransformCallback } from 'node:stream';

/** Mutable bandwidth shared by a server's responses; 0 means unlimited. */
export interface Bandwidth {
  bytesPerSecond: number;
}

/** Passes bytes on no faster than `bandwidth` allows (a model of a real network link). */
export function throttle(bandwidth: Bandwidth): Transform {
  const started = Date.now();
  let sent = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const rate = bandwidth.bytesPerSecond;
      sent += chunk.length;
      if (!rate) return callback(null, chunk);
      const due = started + (sent / rate) * 1000;
      const wait = due - Date.now();
      if (wait <= 0) return callback(null, chunk);
      setTimeout(() => callback(null, chunk), wait);
    }
  });
}
