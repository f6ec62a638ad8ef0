import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential
} from '@azure/storage-blob';
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import {
  spawnAzurite,
  stopAzurite,
  waitForAzurite,
  type AzuriteProcess
} from './azurite-process.mjs';

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
  /**
   * Requests Azurite has answered, in the order it logged them (the log trails each response).
   * One Azurite serves a whole jest run: filter by container.
   */
  readonly requests: BlobRequest[];
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

// ::ffff:127.0.0.1 - - [01/Dec/2026:19:50:00 +0000] "PUT /devstoreaccount1/c/b?comp=block&... HTTP/1.1" 201 -
const ACCESS_LOG = /"([A-Z]+) (\/[^? ]*)(\?\S*)? HTTP\/[\d.]+" (\d{3})/;

function parseAccessLog(line: string): BlobRequest | undefined {
  const match = ACCESS_LOG.exec(line);
  if (!match) return undefined;
  const comp = new URLSearchParams(match[3] ?? '').get('comp') ?? '';
  return { method: match[1], path: match[2], comp, status: Number(match[4]) };
}

/** The requests logged in `file` so far; each call reads only what was added since the last. */
function accessLogReader(file: string): () => BlobRequest[] {
  const requests: BlobRequest[] = [];
  const decoder = new StringDecoder('utf8');
  let offset = 0;
  let partial = '';
  return () => {
    if (!existsSync(file)) return requests; // the store has stopped
    const fd = openSync(file, 'r');
    let added = Buffer.alloc(Math.max(0, fstatSync(fd).size - offset));
    try {
      added = added.subarray(0, readSync(fd, added, 0, added.length, offset));
    } finally {
      closeSync(fd);
    }
    offset += added.length;
    const lines = (partial + decoder.write(added)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const request = parseAccessLog(line);
      if (request) requests.push(request);
    }
    return requests;
  };
}

/** Starts Azurite's blob service of this process on a free loopback port (stop ends it). */
export async function startBlobStore(): Promise<BlobStore> {
  const azurite = spawnAzurite();
  const port = await waitForAzurite(azurite).catch(async error => {
    azurite.child.kill('SIGKILL');
    await stopAzurite(azurite);
    throw error;
  });
  return blobStoreAt(azurite, port, () => stopAzurite(azurite));
}

/** Where a running Azurite is, as jest's globalSetup hands it to the test files. */
export type AzuriteAddress = Pick<AzuriteProcess, 'pid' | 'location' | 'log'>;

/**
 * The blob store of an Azurite another process started (jest's globalSetup), once it listens; its
 * stop leaves that Azurite running for the other test files.
 */
export async function connectBlobStore(address: AzuriteAddress): Promise<BlobStore> {
  const port = await waitForAzurite(address);
  return blobStoreAt(address, port, async () => undefined);
}

function blobStoreAt(
  { pid, location, log }: AzuriteAddress,
  port: number,
  stop: () => Promise<void>
): BlobStore {
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  const client = new BlobServiceClient(`http://127.0.0.1:${port}/${ACCOUNT}`, credential);
  const requests = accessLogReader(log);
  return {
    port,
    pid,
    location,
    get requests() {
      return requests();
    },
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
    stop
  };
}
