import { startBlobStore, type BlobStore } from './blob-store.js';

let shared: Promise<BlobStore> | undefined;

/**
 * One Azurite per test file (or per process outside jest), started when a test first needs it:
 * it takes a second or two to start, too long to pay in every test. Each cache service keeps its
 * blobs in a container of its own.
 */
export function sharedBlobStore(): Promise<BlobStore> {
  if (!shared) {
    const starting = startBlobStore();
    shared = starting;
    // A start that failed is tried again by the next test, not handed out as failed.
    starting.catch(() => {
      if (shared === starting) shared = undefined;
    });
  }
  return shared;
}

export async function stopSharedBlobStore(): Promise<void> {
  const store = shared;
  shared = undefined;
  await (await store?.catch(() => undefined))?.stop();
}

// Under jest, a test file's Azurite stops after its last test. Outside jest (npm run soak) it ends
// with the process (see blob-store.ts).
const jestAfterAll = (globalThis as { afterAll?: (fn: () => Promise<void>) => void }).afterAll;
if (typeof jestAfterAll === 'function') jestAfterAll(stopSharedBlobStore);
