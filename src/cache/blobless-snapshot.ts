import { createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { blobsOfCommit, indexPack, packObjectsToStream } from '../git/pack.js';
import type { Repository } from '../git/repository.js';

/**
 * Writes one pack of `input` (object ids, or with `--revs` revisions) into `packDir`, marked as
 * promised. git 2.39 filters only to stdout: the pack streams into a file that index-pack names.
 */
async function writePromisorPack(
  clone: Repository,
  packDir: string,
  args: readonly string[],
  input: string
): Promise<void> {
  const temporary = path.join(packDir, `tmp-${process.pid}-${Date.now()}.pack`);
  const file = createWriteStream(temporary);
  const closed = new Promise<void>((resolve, reject) => {
    file.on('close', resolve);
    file.on('error', reject);
  });
  try {
    await packObjectsToStream(clone, args, input, chunk => file.write(chunk));
  } finally {
    file.end();
    await closed;
  }
  const hash = await indexPack(packDir, temporary);
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(hash)) {
    throw new Error(`git index-pack named no pack (${hash.slice(0, 80)})`);
  }
  const named = path.join(packDir, `pack-${hash}`);
  await fs.rename(temporary, `${named}.pack`);
  await fs.rename(temporary.replace(/\.pack$/, '.idx'), `${named}.idx`);
  // Every object came from origin: the mark lets git ask origin for what these packs lack.
  await fs.writeFile(`${named}.promisor`, '');
}

/**
 * The objects of a blobless entry, whatever the clone holds (a seeded full entry, blobs that later
 * steps fetched): one pack of every commit, tree and tag reachable from the tips, and one of the
 * blobs of `commit`, the synced commit, each with its empty `.promisor` mark.
 */
export async function packBloblessObjects(
  clone: Repository,
  commit: string,
  tips: readonly string[],
  objectsDir: string
): Promise<void> {
  const packDir = path.join(objectsDir, 'pack');
  await fs.mkdir(packDir, { recursive: true });
  const revisions = [...new Set([commit, ...tips])].join('\n') + '\n';
  await writePromisorPack(clone, packDir, ['--revs', '--filter=blob:none'], revisions);
  const blobs = await blobsOfCommit(clone, commit);
  if (blobs.size > 0) await writePromisorPack(clone, packDir, [], [...blobs].join('\n') + '\n');
}
