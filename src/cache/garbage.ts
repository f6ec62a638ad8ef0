import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * V8's full collection, or undefined where it cannot be had. A streamed download goes through a
 * new 64 KiB buffer for every socket read, and V8 frees dead buffers only once some 64 MiB more of
 * them exist than at its last collection: without being asked, that garbage is most of what the
 * process holds while it streams.
 */
export function fullCollection(): (() => void) | undefined {
  if (collect === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (!exposed) v8.setFlagsFromString('--expose-gc');
      collect = exposed ?? (vm.runInNewContext('gc') as () => void);
    } catch {
      collect = null;
    }
  }
  return collect ?? undefined;
}

/** Asks for a full collection each time `everyBytes` more bytes went through. */
export function collectorEvery(everyBytes: number): (bytes: number) => void {
  const collect = fullCollection();
  let next = everyBytes;
  return bytes => {
    if (!collect || bytes < next) return;
    next = bytes + everyBytes;
    collect();
  };
}
