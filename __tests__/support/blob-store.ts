import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential
} from '@azure/storage-blob';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './runner.js';

/** The emulator's one account and its well-known key (published in Azurite's README). */
export const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** @actions/cache takes the Azure SDK path only for hosts under this suffix. */
export const BLOB_HOST_SUFFIX = '.blob.core.windows.net';

/** One request as Azurite's access log records it. */
export interface BlobRequest {
  method: string;
  /** The path without the query string: /devstoreaccount1/<container>/<blob> */
  path: string;
  /** The query string's `comp` (block, blocklist), empty for a plain blob request. */
  comp: string;
  status: number;
}

export interface BlobStore {
  /** Azurite's blob port on 127.0.0.1. */
  port: number;
  pid: number;
  /** Where Azurite keeps its blobs and metadata (removed by stop). */
  location: string;
  /** Requests Azurite has answered, in the order it logged them. */
  requests: BlobRequest[];
  /** A client with the account key, for the test's own reads and writes. */
  client: BlobServiceClient;
  createContainer(name: string): Promise<void>;
  /**
   * A SAS URL on the production host name (resolved to loopback by blob-hosts-preload.mjs):
   * http://devstoreaccount1.blob.core.windows.net:<port>/devstoreaccount1/<container>/<blob>?<sas>
   * `port` is Azurite's unless another (a proxy in front of it) is given; `host` 127.0.0.1 makes
   * the library take its plain path against the same store.
   */
  sasUrl(
    container: string,
    blob: string,
    permissions: 'r' | 'rcw',
    options?: { port?: number; host?: 'production' | '127.0.0.1' }
  ): string;
  stop(): Promise<void>;
}

// Azurite ends when the test process that started it dies (its stdin, our pipe, closes), so a
// killed jest worker or bench leaves no emulator behind.
const EXIT_WITH_PARENT =
  "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).resume();";

// ::ffff:127.0.0.1 - - [01/Dec/2026:19:50:00 +0000] "PUT /devstoreaccount1/c/b?comp=block&... HTTP/1.1" 201 -
const ACCESS_LOG = /"([A-Z]+) (\/[^? ]*)(\?\S*)? HTTP\/[\d.]+" (\d{3})/;

function parseAccessLog(line: string): BlobRequest | undefined {
  const match = ACCESS_LOG.exec(line);
  if (!match) return undefined;
  const comp = new URLSearchParams(match[3] ?? '').get('comp') ?? '';
  return { method: match[1], path: match[2], comp, status: Number(match[4]) };
}

/** Starts Azurite's blob service on a free loopback port, storing under a temporary folder. */
export async function startBlobStore(): Promise<BlobStore> {
  const location = mkdtempSync(path.join(tmpdir(), 'clone-cache-azurite-'));
  const bin = path.join(ROOT, 'node_modules', '.bin', 'azurite-blob');
  const args = [
    ...['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location],
    '--disableProductStyleUrl',
    '--disableTelemetry',
    '--loose',
    '--skipApiVersionCheck'
  ];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', EXIT_WITH_PARENT, bin, ...args],
    {
      cwd: location,
      stdio: ['pipe', 'pipe', 'pipe']
    }
  );
  const requests: BlobRequest[] = [];
  let output = '';
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  child.stderr?.on('data', chunk => (output += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    // Azurite loads a lot of code: 12 s for two starting at once on 2 busy cores, more than 30 s
    // when two jest workers compile tests beside it.
    const timer = setTimeout(() => reject(new Error(`Azurite did not start: ${output}`)), 90_000);
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code}: ${output}`));
    });
    createInterface({ input: child.stdout! }).on('line', line => {
      const listening = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
      const request = parseAccessLog(line);
      if (request) requests.push(request);
      else output += `${line}\n`;
    });
  }).catch(error => {
    child.kill('SIGKILL');
    rmSync(location, { recursive: true, force: true });
    throw error;
  });

  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  const client = new BlobServiceClient(`http://127.0.0.1:${port}/${ACCOUNT}`, credential);
  return {
    port,
    pid: child.pid as number,
    location,
    requests,
    client,
    async createContainer(name) {
      await client.getContainerClient(name).createIfNotExists();
    },
    sasUrl(container, blob, permissions, { port: via = port, host = 'production' } = {}) {
      const sas = generateBlobSASQueryParameters(
        {
          containerName: container,
          blobName: blob,
          permissions: BlobSASPermissions.parse(permissions),
          expiresOn: new Date(Date.now() + 6 * 3600_000)
        },
        credential
      ).toString();
      const name = encodeURIComponent(blob);
      const hostName = host === 'production' ? `${ACCOUNT}${BLOB_HOST_SUFFIX}` : host;
      return `http://${hostName}:${via}/${ACCOUNT}/${container}/${name}?${sas}`;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(location, { recursive: true, force: true });
    }
  };
}
