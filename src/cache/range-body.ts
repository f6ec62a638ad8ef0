import type { IncomingMessage } from 'node:http';

/** A failure of one ranged GET that another attempt may not have. */
export class RetryableChunkError extends Error {}

/** `bytes start-end/total` as numbers, or undefined. */
export function contentRange(value: string | undefined) {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value ?? '');
  return match ? { start: +match[1], end: +match[2], total: +match[3] } : undefined;
}

export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

/** Reads exactly `length` bytes; nothing for `idleMs`, more, or fewer is a retryable failure. */
export function readExactBody(
  message: IncomingMessage,
  length: number,
  idleMs: number,
  signal: AbortSignal
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    let idle: NodeJS.Timeout;
    const fail = (error: Error) => {
      clearTimeout(idle);
      message.destroy();
      reject(error);
    };
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => fail(new RetryableChunkError(`no data for ${idleMs} ms`)), idleMs);
    };
    arm();
    message.on('data', (data: Buffer) => {
      if (filled + data.length > length) {
        return fail(new RetryableChunkError(`more than the ${length} bytes asked for`));
      }
      data.copy(buffer, filled);
      filled += data.length;
      arm();
    });
    message.on('end', () => {
      clearTimeout(idle);
      if (filled === length) resolve(buffer);
      else reject(new RetryableChunkError(`short body: ${filled} of ${length} bytes`));
    });
    message.on('error', error => fail(new RetryableChunkError(error.message)));
    message.on('close', () => {
      clearTimeout(idle);
      if (filled !== length) {
        reject(
          signal.aborted
            ? abortError(signal)
            : new RetryableChunkError(`connection closed after ${filled} of ${length} bytes`)
        );
      }
    });
  });
}
