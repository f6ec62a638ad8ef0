import { HttpClient } from '@actions/http-client';
import { abortError, RetryableChunkError } from './range-body.js';
import { HeldBytes, RangeChunk, type Attempt } from './range-chunk.js';
import { requestRange, type BlobVersion, type RangeSource } from './range-request.js';

export interface RangedOptions {
  /** Bytes asked for in one ranged GET. */
  chunkBytes: number;
  /** Chunks in flight or not yet wholly consumed. */
  window: number;
  /**
   * Bytes received ahead of the consumer (default: two chunks). Past it, the bodies of later
   * chunks are paused (the socket's flow control holds the server back) until the consumer takes
   * bytes, so memory stays bounded however slowly it does.
   */
  aheadBytes?: number;
  /** Attempts of one chunk in a row that receive nothing before the download fails. */
  attempts: number;
  /** An attempt that receives nothing for this long while it may flow is ended and retried. */
  idleMs: number;
  /** The oldest chunk, still in flight this long while a later one is done, is asked for again. */
  lagMs: number;
  retryDelayMs: number;
}

export interface BlobHead {
  total: number;
  etag?: string;
  first: Buffer;
}

/** The oldest chunk's bytes waiting for the consumer before its body is paused too. */
export const OLDEST_PENDING_BYTES = 1024 * 1024;

/**
 * One blob read in parallel ranged GETs and handed out in order, piece by piece as the sockets
 * deliver them (no chunk is gathered into one buffer). What is held in memory is bounded by
 * `aheadBytes` plus one socket read per request, whatever the consumer's speed; `held` tells it.
 * Every request goes through one HttpClient, whose disposal on abort closes every socket at once.
 */
export class RangedBlob {
  /** Bytes received and not yet taken by the consumer, now and at most. */
  readonly held = new HeldBytes();
  private readonly client: HttpClient;
  private readonly source: RangeSource;
  private readonly version: BlobVersion = { total: -1 };
  private readonly attempts = new Set<Attempt>();
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly queue: RangeChunk[] = [];
  private readonly aheadBytes: number;
  private disposed = false;

  constructor(
    url: string,
    private readonly options: RangedOptions,
    private readonly signal: AbortSignal
  ) {
    this.aheadBytes = options.aheadBytes ?? 2 * options.chunkBytes;
    // The socket timeout also ends a paused body; the reader's own idle timer judges it instead.
    this.client = new HttpClient('clone-cache-action', [], {
      keepAlive: true,
      allowRetries: false
    });
    this.source = {
      client: this.client,
      url,
      signal,
      idleMs: options.idleMs,
      version: this.version
    };
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  private readonly onAbort = () => this.dispose();

  /** The first chunk, which also tells the size and the version (ETag) of the blob. */
  async head(): Promise<BlobHead> {
    const chunk = new RangeChunk(0, 0, this.options.chunkBytes, this.held);
    this.queue.push(chunk);
    this.launch(chunk);
    const parts: Buffer[] = [];
    for (let piece = await chunk.take(); piece; piece = await chunk.take()) parts.push(piece);
    this.queue.shift();
    return { ...this.version, first: Buffer.concat(parts) };
  }

  /** Every byte after the first chunk, in order, in the pieces the sockets delivered. */
  async *rest(): AsyncGenerator<Buffer> {
    const { chunkBytes, window } = this.options;
    const total = this.version.total;
    const count = Math.ceil(total / chunkBytes);
    let next = 1;
    const refill = () => {
      while (next < count && this.queue.length < window) {
        const start = next * chunkBytes;
        const chunk = new RangeChunk(next, start, Math.min(chunkBytes, total - start), this.held);
        this.queue.push(chunk);
        this.launch(chunk);
        next++;
      }
    };
    refill();
    while (this.queue.length > 0) {
      const oldest = this.queue[0];
      this.flow();
      const piece = await this.takeOldest(oldest);
      // Its last byte taken, the chunk makes room for the next one before the consumer goes on.
      if (oldest.complete && oldest.pending === 0) {
        this.queue.shift();
        refill();
        this.flow();
      }
      if (piece) yield piece;
    }
  }

  /** Closes every socket; pending and later requests fail. */
  dispose(): void {
    this.disposed = true;
    this.signal.removeEventListener('abort', this.onAbort);
    for (const attempt of this.attempts) attempt.cancel();
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    this.client.dispose();
    const reason = this.signal.aborted ? abortError(this.signal) : new Error('disposed');
    for (const chunk of this.queue) {
      chunk.fail(reason);
      chunk.discard();
    }
  }

  /**
   * Pauses the bodies that would take memory past its bound, and lets flow again (or asks again
   * for) those that may: the oldest chunk only waits for the consumer, later ones for the bound.
   */
  private flow(): void {
    this.queue.forEach((chunk, position) => {
      const hold =
        position === 0 ? chunk.pending >= OLDEST_PENDING_BYTES : this.held.now >= this.aheadBytes;
      if (hold && !chunk.paused && !chunk.settled) {
        chunk.paused = true;
        chunk.attempt?.pause();
      } else if (!hold && chunk.paused) {
        chunk.paused = false;
        if (chunk.attempt) chunk.attempt.resume();
        else if (chunk.retryPending === false) this.launch(chunk);
      }
    });
  }

  /** The oldest chunk's next piece; once it lags behind a finished later chunk, asks again. */
  private async takeOldest(oldest: RangeChunk): Promise<Buffer | undefined> {
    if (oldest.settled) return oldest.take();
    let timer: NodeJS.Timeout | undefined;
    const check = () => {
      const lagging = Date.now() - oldest.startedAt >= this.options.lagMs;
      if (!oldest.settled && lagging && this.queue.some(c => c !== oldest && c.complete)) {
        return this.hedge(oldest);
      }
      timer = setTimeout(check, Math.max(20, this.options.lagMs / 4));
    };
    timer = setTimeout(check, Math.max(0, oldest.startedAt + this.options.lagMs - Date.now()));
    try {
      return await oldest.take();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Once per chunk: ends its running attempt and asks for the bytes it still lacks. */
  private hedge(chunk: RangeChunk): void {
    if (chunk.hedged || chunk.settled) return;
    chunk.hedged = true;
    const running = chunk.attempt;
    chunk.attempt = undefined;
    running?.cancel();
    chunk.fruitless = 0;
    this.launch(chunk);
  }

  /** One attempt at the bytes of `chunk` not yet received; retried while attempts bring bytes. */
  private launch(chunk: RangeChunk): void {
    chunk.retryPending = false;
    if (this.disposed || chunk.settled || chunk.attempt) return;
    chunk.fruitless++;
    const before = chunk.received;
    const { attempt, result } = requestRange(this.source, chunk, () => this.flow());
    this.attempts.add(attempt);
    const settle = () => this.attempts.delete(attempt);
    void result.then(settle, settle);
    chunk.attempt = attempt;
    result.then(
      () => {
        if (chunk.attempt === attempt) chunk.attempt = undefined;
      },
      (error: unknown) => {
        if (chunk.attempt !== attempt) return; // replaced by a hedge
        chunk.attempt = undefined;
        if (chunk.settled) return;
        if (chunk.received > before) chunk.fruitless = 0;
        const retryable = error instanceof RetryableChunkError && !this.signal.aborted;
        if (!retryable) return chunk.fail(error);
        if (chunk.paused) {
          // Ended while held back by the bound (an idle socket closed): asked again once it may flow.
          chunk.fruitless = Math.max(0, chunk.fruitless - 1);
          return;
        }
        if (chunk.fruitless >= this.options.attempts) {
          const text = error instanceof Error ? error.message : String(error);
          return chunk.fail(
            new Error(`chunk ${chunk.index} failed ${chunk.fruitless} times: ${text}`)
          );
        }
        chunk.retryPending = true;
        const timer = setTimeout(() => {
          this.retries.delete(timer);
          this.launch(chunk);
        }, this.options.retryDelayMs * chunk.fruitless);
        this.retries.add(timer);
      }
    );
  }
}
