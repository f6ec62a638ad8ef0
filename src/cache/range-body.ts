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

export interface BodyStream {
  /** Settles once every byte arrived, or with the failure. */
  done: Promise<void>;
  pause(): void;
  resume(): void;
}

/**
 * Streams exactly `length` bytes of a response into `onPiece` as they arrive, less the first
 * `skip` (delivered by an earlier attempt). Nothing for `idleMs`
 * while it flows, more, or fewer is a retryable failure. While paused it is not idle: nothing is
 * read, so the socket's flow control holds the server back and no byte piles up here.
 */
export function streamBody(
  message: IncomingMessage,
  length: number,
  skip: number,
  idleMs: number,
  signal: AbortSignal,
  onPiece: (piece: Buffer) => void
): BodyStream {
  let filled = 0;
  let idle: NodeJS.Timeout | undefined;
  let paused = false;
  let fail: (error: Error) => void = () => undefined;
  const arm = () => {
    clearTimeout(idle);
    if (paused) return;
    idle = setTimeout(() => fail(new RetryableChunkError(`no data for ${idleMs} ms`)), idleMs);
  };
  const done = new Promise<void>((resolve, reject) => {
    fail = (error: Error) => {
      clearTimeout(idle);
      message.destroy();
      reject(error);
    };
    arm();
    message.on('data', (data: Buffer) => {
      if (filled + data.length > length) {
        return fail(new RetryableChunkError(`more than the ${length} bytes asked for`));
      }
      const at = filled;
      filled += data.length;
      arm();
      if (filled > skip) onPiece(at >= skip ? data : data.subarray(skip - at));
    });
    message.on('end', () => {
      clearTimeout(idle);
      if (filled === length) resolve();
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
  return {
    done,
    pause() {
      if (paused) return;
      paused = true;
      clearTimeout(idle);
      message.pause();
    },
    resume() {
      if (!paused) return;
      paused = false;
      message.resume();
      arm();
    }
  };
}
