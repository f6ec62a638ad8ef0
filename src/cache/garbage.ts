import v8 from 'node:v8';
import vm from 'node:vm';

let exposedGc: (() => void) | null | undefined;

/**
 * V8's full collection, or undefined where it cannot be had. A streamed download goes through a
 * new 64 KiB buffer for every socket read, and V8 frees dead buffers only once some 64 MiB more of
 * them exist than at its last collection: without being asked, that garbage is most of what the
 * process holds while it streams.
 */
export function fullCollection(): (() => void) | undefined {
  if (exposedGc === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (!exposed) v8.setFlagsFromString('--expose-gc');
      exposedGc = exposed ?? (vm.runInNewContext('gc') as () => void);
    } catch {
      exposedGc = null;
    }
  }
  return exposedGc ?? undefined;
}

/** Asks for a full collection each time `everyBytes` more bytes went through; counts them. */
export class Collector {
  count = 0;
  ms = 0;
  private readonly collect = fullCollection();
  private next: number;

  constructor(private readonly everyBytes: number) {
    this.next = everyBytes;
  }

  after(bytes: number): void {
    if (!this.collect || bytes < this.next) return;
    this.next = bytes + this.everyBytes;
    const start = performance.now();
    this.collect();
    this.ms += performance.now() - start;
    this.count++;
  }
}
