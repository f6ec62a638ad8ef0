import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import * as http from 'node:http';
import { processAlive } from '../support/azurite-process.mjs';
import { startBlobStore, type BlobStore } from '../support/blob-store.js';

let store: BlobStore | undefined;
afterEach(async () => {
  await store?.stop();
  store = undefined;
});

/** A request to Azurite on loopback, with the production host name in the Host header. */
function request(url: string, method: string, body?: string) {
  const parsed = new URL(url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: parsed.port,
        path: parsed.pathname + parsed.search,
        method,
        headers: {
          Host: parsed.host,
          ...(body === undefined ? {} : { 'x-ms-blob-type': 'BlockBlob' })
        }
      },
      res => {
        let text = '';
        res.on('data', chunk => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('blob store (Azurite)', () => {
  test('SAS URLs on the production host name: write with rcw, read with r, nothing without', async () => {
    store = await startBlobStore();
    await store.createContainer('entries');
    const write = store.sasUrl('entries', 'entry-1.bin', 'rcw');
    expect(write).toMatch(
      new RegExp(
        `^http://devstoreaccount1\\.blob\\.core\\.windows\\.net:${store.port}/devstoreaccount1/entries/entry-1\\.bin\\?.*sig=`
      )
    );
    expect((await request(write, 'PUT', 'archive bytes')).status).toBe(201);
    const read = store.sasUrl('entries', 'entry-1.bin', 'r');
    expect(await request(read, 'GET')).toEqual({ status: 200, body: 'archive bytes' });
    expect((await request(read, 'PUT', 'overwritten')).status).toBe(403);
    const loopback = store.sasUrl('entries', 'entry-1.bin', 'r', { host: '127.0.0.1' });
    expect(new URL(loopback).host).toBe(`127.0.0.1:${store.port}`);
    expect(await request(loopback, 'GET')).toEqual({ status: 200, body: 'archive bytes' });
    const unsigned = read.slice(0, read.indexOf('?'));
    expect((await request(unsigned, 'GET')).status).toBe(403);
    await new Promise(resolve => setTimeout(resolve, 200)); // the access log trails the response
    const blobRequests = store.requests.filter(
      r => r.path === '/devstoreaccount1/entries/entry-1.bin'
    );
    expect(blobRequests.map(r => [r.method, r.status])).toEqual([
      ['PUT', 201],
      ['GET', 200],
      ['PUT', 403],
      ['GET', 200],
      ['GET', 403]
    ]);
  });

  test('stop leaves no Azurite process and no storage folder', async () => {
    store = await startBlobStore();
    const { pid, location } = store;
    expect(processAlive(pid)).toBe(true);
    expect(existsSync(location)).toBe(true);
    await store.stop();
    store = undefined;
    expect(processAlive(pid)).toBe(false);
    expect(existsSync(location)).toBe(false);
  });
});
