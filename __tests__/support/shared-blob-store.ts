import { AZURITE_ENV } from './azurite-process.mjs';
import {
  connectBlobStore,
  startBlobStore,
  type AzuriteAddress,
  type BlobStore
} from './blob-store.js';

let shared: Promise<BlobStore> | undefined;

/**
 * The Azurite of the whole jest run, started by jest's globalSetup (jest-global-setup.mjs) and
 * handed over in CLONE_CACHE_TEST_AZURITE; without it (npm run soak, another jest config) or
 * when it failed, one Azurite of this test file or process, started when a test first needs it.
 * Each cache service keeps its blobs in a container of its own and deletes it when it closes.
 */
export function sharedBlobStore(): Promise<BlobStore> {
  if (!shared) {
    const starting = runWideBlobStore().then(store => store ?? startBlobStore());
    shared = starting;
    // A start that failed is tried again by the next test, not handed out as failed.
    starting.catch(() => {
      if (shared === starting) shared = undefined;
    });
  }
  return shared;
}

async function runWideBlobStore(): Promise<BlobStore | undefined> {
  const handed = process.env[AZURITE_ENV];
  if (!handed) return undefined;
  try {
    return await connectBlobStore(JSON.parse(handed) as AzuriteAddress);
  } catch (error) {
    console.warn(`The jest run's Azurite cannot be used; starting one for this file. ${error}`);
    return undefined;
  }
}

export async function stopSharedBlobStore(): Promise<void> {
  const store = shared;
  shared = undefined;
  await (await store?.catch(() => undefined))?.stop();
}

// Under jest, a test file's own Azurite stops after its last test (the run's stays up). Outside
// jest (npm run soak) it ends with the process (see azurite-process.mjs).
const jestAfterAll = (globalThis as { afterAll?: (fn: () => Promise<void>) => void }).afterAll;
if (typeof jestAfterAll === 'function') jestAfterAll(stopSharedBlobStore);
