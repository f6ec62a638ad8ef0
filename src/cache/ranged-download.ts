import { HttpClient } from '@actions/http-client';
import type { IncomingMessage } from 'node:http';
import { abortError, contentRange, readExactBody, RetryableChunkError } from './range-body.js';

export interface RangedOptions {
  /** Bytes asked for in one ranged GET. */
  chunkBytes: number;
  /** Chunks in flight or downloaded but not yet consumed: memory stays below window × chunk. */
  window: number;
  /** Tries of one chunk before the download fails. */
  attempts: number;
  /** An attempt that receives nothing for this long (headers or body) is ended and retried. */
  idleMs: number;
  /** The oldest chunk, still in flight this long while a later one is done, is asked for again. */
  lagMs: number;
  retryDelayMs: number;
}

/** The server cannot serve this blob in ranges: the library's own download is used instead. */
export class RangesUnsupported extends Error {}
/** The blob is not the one the download started with. */
export class BlobChanged extends Error {}

export interface BlobHead {
  total: number;
  etag?: string;
  first: Buffer;
}

interface Attempt {
  cancel(): void;
}

interface Chunk {
  done: Promise<Buffer>;
  startedAt: number;
  isDone(): boolean;
  /** Starts a second attempt beside the running one; the first to finish wins. */
  hedge(): void;
}

/**
 * One blob read in parallel ranged GETs and handed out in order. Only `window` chunks exist at a
 * time (in flight or waiting to be consumed), so memory is bounded however slowly the consumer
 * takes them. Every request goes through one HttpClient, whose disposal on abort closes every
 * socket at once.
 */
export class RangedBlob {
  private readonly client: HttpClient;
  private readonly attempts = new Set<Attempt>();
  private total = -1;
  private etag?: string;

  constructor(
    private readonly url: string,
    private readonly options: RangedOptions,
    private readonly signal: AbortSignal
  ) {
    this.client = new HttpClient('clone-cache-action', [], {
      keepAlive: true,
      allowRetries: false,
      socketTimeout: options.idleMs
    });
  }

  /** The first chunk, which also tells the size and the version (ETag) of the blob. */
  async head(): Promise<BlobHead> {
    const first = await this.chunk(0, 0, this.options.chunkBytes - 1).done;
    return { total: this.total, etag: this.etag, first };
  }

  /** Every chunk after the first, in order. */
  async *rest(): AsyncGenerator<Buffer> {
    const { chunkBytes, window } = this.options;
    const count = Math.ceil(this.total / chunkBytes);
    const queue: Chunk[] = [];
    let next = 1;
    const refill = () => {
      while (next < count && queue.length < window) {
        const start = next * chunkBytes;
        queue.push(this.chunk(next, start, Math.min(start + chunkBytes, this.total) - 1));
        next++;
      }
    };
    refill();
    while (queue.length > 0) {
      const oldest = queue[0];
      const buffer = await this.awaitOldest(oldest, queue);
      queue.shift();
      refill();
      yield buffer;
    }
  }

  /** Closes every socket; pending and later requests fail. */
  dispose(): void {
    for (const attempt of this.attempts) attempt.cancel();
    this.client.dispose();
  }

  /** Waits for the oldest chunk; once it lags behind a finished later one, asks for it again. */
  private async awaitOldest(oldest: Chunk, queue: Chunk[]): Promise<Buffer> {
    let timer: NodeJS.Timeout | undefined;
    const check = () => {
      const lagging = Date.now() - oldest.startedAt >= this.options.lagMs;
      if (!oldest.isDone() && lagging && queue.some(chunk => chunk !== oldest && chunk.isDone())) {
        oldest.hedge();
        return;
      }
      timer = setTimeout(check, Math.max(20, this.options.lagMs / 4));
    };
    timer = setTimeout(check, Math.max(0, oldest.startedAt + this.options.lagMs - Date.now()));
    try {
      return await oldest.done;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One chunk, tried up to `attempts` times; `hedge` starts a second attempt alongside. */
  private chunk(index: number, start: number, end: number): Chunk {
    let made = 0;
    let hedged = false;
    let settled = false;
    const live = new Set<Attempt>();
    let resolveDone!: (value: Buffer) => void;
    let rejectDone!: (error: unknown) => void;
    const done = new Promise<Buffer>((resolve, reject) => {
      resolveDone = resolve;
      rejectDone = reject;
    });
    done.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
    const finish = (error: unknown, value?: Buffer) => {
      if (settled) return;
      settled = true;
      for (const attempt of live) attempt.cancel();
      if (value) resolveDone(value);
      else rejectDone(error);
    };
    const launch = () => {
      if (settled) return;
      made++;
      const { attempt, result } = this.fetchRange(index, start, end);
      live.add(attempt);
      result.then(
        buffer => {
          live.delete(attempt);
          finish(undefined, buffer);
        },
        (error: unknown) => {
          live.delete(attempt);
          if (settled) return;
          const retryable = error instanceof RetryableChunkError && !this.signal.aborted;
          if (!retryable) return finish(error);
          if (live.size > 0) return; // a hedge is still running
          if (made >= this.options.attempts) {
            return finish(new Error(`chunk ${index} failed ${made} times: ${errorText(error)}`));
          }
          const timer = setTimeout(launch, this.options.retryDelayMs * made);
          const onAbort = () => {
            clearTimeout(timer);
            finish(abortError(this.signal));
          };
          this.signal.addEventListener('abort', onAbort, { once: true });
        }
      );
    };
    launch();
    return {
      done,
      startedAt: Date.now(),
      isDone: () => settled,
      hedge: () => {
        if (hedged || settled) return;
        hedged = true;
        launch();
      }
    };
  }

  /** One ranged GET, checked to be exactly the bytes asked for. */
  private fetchRange(index: number, start: number, end: number) {
    let message: IncomingMessage | undefined;
    let cancelled = false;
    let fail: (error: Error) => void = () => undefined;
    const attempt: Attempt = {
      cancel: () => {
        cancelled = true;
        message?.destroy();
        fail(this.signal.aborted ? abortError(this.signal) : new Error('cancelled'));
      }
    };
    this.attempts.add(attempt);
    const result = new Promise<Buffer>((resolve, reject) => {
      fail = reject;
      if (this.signal.aborted) return reject(abortError(this.signal));
      const headers: Record<string, string> = { Range: `bytes=${start}-${end}` };
      if (this.etag) headers['If-Match'] = this.etag;
      this.client.get(this.url, headers).then(
        response => {
          message = response.message;
          if (cancelled || this.signal.aborted) {
            message.destroy();
            return reject(abortError(this.signal));
          }
          try {
            const expected = this.expectedLength(index, start, end, message);
            readExactBody(message, expected, this.options.idleMs, this.signal).then(
              resolve,
              reject
            );
          } catch (error) {
            message.destroy();
            reject(error);
          }
        },
        (error: Error) =>
          reject(
            this.signal.aborted ? abortError(this.signal) : new RetryableChunkError(error.message)
          )
      );
    });
    const settle = () => this.attempts.delete(attempt);
    void result.then(settle, settle);
    return { attempt, result };
  }

  /** The body length a response must have, or the error that its status and headers make. */
  private expectedLength(index: number, start: number, end: number, message: IncomingMessage) {
    const status = message.statusCode ?? 0;
    if (status === 200 || status === 416) {
      if (index === 0) throw new RangesUnsupported(`the server answered ${status} to a range`);
      throw new RetryableChunkError(`chunk ${index}: ${status} where 206 was asked`);
    }
    if (status === 412) throw new BlobChanged('the archive changed during the download');
    if (status !== 206) {
      const text = `chunk ${index}: HTTP ${status}`;
      if (status === 408 || status === 429 || status >= 500) throw new RetryableChunkError(text);
      throw new Error(text);
    }
    const range = contentRange(message.headers['content-range']);
    const etag = message.headers.etag;
    if (index === 0 && this.total < 0 && range) {
      this.total = range.total;
      this.etag = etag;
    }
    if (this.total >= 0) end = Math.min(end, this.total - 1);
    if (range && range.total !== this.total) {
      throw new BlobChanged('the archive changed size during the download');
    }
    if (this.etag && etag && etag !== this.etag) {
      throw new BlobChanged('the archive changed during the download');
    }
    if (!range || range.start !== start || range.end !== end) {
      const got = message.headers['content-range'] ?? 'none';
      throw new RetryableChunkError(`chunk ${index}: Content-Range ${got}, not ${start}-${end}`);
    }
    return end - start + 1;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
