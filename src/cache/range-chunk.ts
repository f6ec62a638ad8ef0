/** Bytes a download holds in memory: received and not yet taken by its consumer. */
export class HeldBytes {
  now = 0;
  peak = 0;

  add(bytes: number): void {
    this.now += bytes;
    if (this.now > this.peak) this.peak = this.now;
  }

  remove(bytes: number): void {
    this.now -= bytes;
  }
}

/** The running request of a chunk: its body can be paused without counting as idle. */
export interface Attempt {
  cancel(): void;
  pause(): void;
  resume(): void;
}

/**
 * One range of the blob. Its bytes are kept as the pieces the socket delivered (never copied into
 * one buffer) until the consumer takes them; a retry asks only for the bytes not yet received.
 */
export class RangeChunk {
  readonly startedAt = Date.now();
  /** Bytes received so far, taken or not: the next attempt starts at `start + received`. */
  received = 0;
  /** Bytes received and not yet taken. */
  pending = 0;
  failure?: unknown;
  attempt?: Attempt;
  /** Its body is paused because memory is at its bound. */
  paused = false;
  /** Attempts made since the last one that received bytes. */
  fruitless = 0;
  hedged = false;
  /** A retry waits for its delay. */
  retryPending = false;
  private readonly pieces: Buffer[] = [];
  private wake?: () => void;

  constructor(
    readonly index: number,
    readonly start: number,
    public length: number,
    private readonly held: HeldBytes
  ) {}

  get complete(): boolean {
    return this.received === this.length;
  }

  get settled(): boolean {
    return this.complete || this.failure !== undefined;
  }

  push(piece: Buffer): void {
    this.pieces.push(piece);
    this.pending += piece.length;
    this.received += piece.length;
    this.held.add(piece.length);
    this.notify();
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.failure = error;
    this.notify();
  }

  /** Wakes the consumer waiting in `take`, which then looks at the chunk again. */
  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The next piece in order, or undefined once every byte was taken; waits for one to arrive. */
  async take(): Promise<Buffer | undefined> {
    for (;;) {
      const piece = this.pieces.shift();
      if (piece) {
        this.pending -= piece.length;
        this.held.remove(piece.length);
        return piece;
      }
      if (this.complete) return undefined;
      if (this.failure !== undefined) throw this.failure;
      await new Promise<void>(resolve => (this.wake = resolve));
    }
  }

  /** Drops what was not taken: the download stopped. */
  discard(): void {
    this.held.remove(this.pending);
    this.pieces.length = 0;
    this.pending = 0;
  }
}
