import { afterEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  AZURITE_ENV,
  listeningPort,
  processAlive,
  startRunAzurite,
  stopRunAzurite
} from '../support/azurite-process.mjs';
import { connectBlobStore, type AzuriteAddress, type BlobStore } from '../support/blob-store.js';
import { sharedBlobStore, stopSharedBlobStore } from '../support/shared-blob-store.js';

// These tests start Azurites of their own in place of the run's; the run's comes back after each.
const runAzurite = process.env[AZURITE_ENV];
const RUN_AZURITE = Symbol.for('clone-cache-test.azurite');
const runAzuriteProcess = (globalThis as Record<symbol, unknown>)[RUN_AZURITE];
afterEach(async () => {
  await stopSharedBlobStore();
  await stopRunAzurite();
  (globalThis as Record<symbol, unknown>)[RUN_AZURITE] = runAzuriteProcess;
  if (runAzurite === undefined) delete process.env[AZURITE_ENV];
  else process.env[AZURITE_ENV] = runAzurite;
});

/** What jest's globalSetup hands the test files. */
function handedAddress(): AzuriteAddress {
  return JSON.parse(process.env[AZURITE_ENV] ?? 'null') as AzuriteAddress;
}

async function writeBlob(store: BlobStore, container: string) {
  await store.createContainer(container);
  await store.client.getContainerClient(container).uploadBlockBlob('b', 'bytes', 5);
}

describe("the jest run's Azurite", () => {
  test('the global setup returns before Azurite listens; a file connects, its stop leaves it up; the teardown ends it', async () => {
    startRunAzurite();
    const address = handedAddress();
    expect(listeningPort(address.log)).toBeUndefined(); // nobody waited for it to start
    const store = await connectBlobStore(address);
    expect(store.pid).toBe(address.pid);
    await writeBlob(store, 'run-wide');
    await new Promise(resolve => setTimeout(resolve, 200)); // the access log trails the response
    expect(store.requests.filter(r => r.path === '/devstoreaccount1/run-wide/b')).toEqual([
      { method: 'PUT', path: '/devstoreaccount1/run-wide/b', comp: '', status: 201 }
    ]);

    await store.stop();
    expect(processAlive(address.pid)).toBe(true);
    await stopRunAzurite();
    expect(processAlive(address.pid)).toBe(false);
    expect(existsSync(address.location)).toBe(false);
    expect(process.env[AZURITE_ENV]).toBeUndefined();
  });

  test('a test file shares the Azurite the global setup handed over', async () => {
    startRunAzurite();
    const address = handedAddress();
    const store = await sharedBlobStore();
    expect(store.pid).toBe(address.pid);
    expect(await sharedBlobStore()).toBe(store);
    await stopSharedBlobStore();
    expect(processAlive(address.pid)).toBe(true);
  });

  test('without a usable Azurite of the run, a test file starts and stops its own', async () => {
    const gone = spawnSync('true').pid as number;
    const location = mkdtempSync(path.join(tmpdir(), 'clone-cache-unit-'));
    const log = path.join(location, 'azurite.log');
    writeFileSync(log, 'Azurite Blob service is starting at http://127.0.0.1:0\n');
    process.env[AZURITE_ENV] = JSON.stringify({ pid: gone, location, log });
    try {
      const store = await sharedBlobStore();
      expect(store.pid).not.toBe(gone);
      await writeBlob(store, 'own');
      await stopSharedBlobStore();
      expect(processAlive(store.pid)).toBe(false);
    } finally {
      rmSync(location, { recursive: true, force: true });
    }
  });
});
