import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ACCOUNT, type BlobRequest, type BlobStore } from './blob-store.js';
import { startPacedProxy } from './paced-proxy.js';
import type { Bandwidth } from './throttle.js';

/**
 * The cache service's blob-store mode: archives travel between the action and Azurite through SAS
 * URLs on the production host name, as they travel between a github.com job and Azure Blob
 * Storage. The service keeps a local copy of each finalized entry (tests unpack and craft entries
 * from it), and a local file it is asked to serve that Azurite does not hold yet (an entry a test
 * stored itself) is uploaded first.
 */
export interface BlobTransfers {
  /** A SAS URL the action uploads `file`'s archive to. */
  uploadUrl(file: string): string;
  /** Copies the blob uploaded for `file` into `file`; its size, or undefined if there is none. */
  receive(file: string): Promise<number | undefined>;
  /** A SAS URL the action downloads `file`'s archive from. */
  downloadUrl(file: string): Promise<string>;
  /** The requests Azurite has logged for this service's container so far. */
  requests(): BlobRequest[];
  close(): Promise<void>;
}

export async function startBlobTransfers(
  store: BlobStore,
  bandwidth: Bandwidth,
  host: 'production' | '127.0.0.1' = 'production'
): Promise<BlobTransfers> {
  const container = `cache-${randomUUID()}`;
  await store.createContainer(container);
  const containerClient = store.client.getContainerClient(container);
  // Under a bandwidth limit the action reaches Azurite through a proxy that applies it; the limit
  // in force when a URL is handed out decides.
  const proxy = await startPacedProxy(store.port, bandwidth);
  const via = () => ({ port: bandwidth.bytesPerSecond ? proxy.port : store.port, host });
  /** What each blob holds: the size and mtime of the local file it was made from or copied to. */
  const held = new Map<string, string>();
  const blobName = (file: string) => path.basename(file);
  const stamp = async (file: string) => {
    const stat = await fs.stat(file);
    return `${stat.size}:${stat.mtimeMs}`;
  };

  return {
    uploadUrl: file => store.sasUrl(container, blobName(file), 'rcw', via()),
    async receive(file) {
      const blob = containerClient.getBlockBlobClient(blobName(file));
      if (!(await blob.exists())) return undefined;
      await blob.downloadToFile(file);
      held.set(blobName(file), await stamp(file));
      return (await fs.stat(file)).size;
    },
    async downloadUrl(file) {
      const current = await stamp(file);
      if (held.get(blobName(file)) !== current) {
        await containerClient.getBlockBlobClient(blobName(file)).uploadFile(file);
        held.set(blobName(file), current);
      }
      return store.sasUrl(container, blobName(file), 'r', via());
    },
    requests: () => store.requests.filter(r => r.path.startsWith(`/${ACCOUNT}/${container}/`)),
    async close() {
      await proxy.close();
      await containerClient.deleteIfExists().catch(() => undefined);
    }
  };
}
