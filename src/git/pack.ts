import { gitOutput, streamGit } from './exec.js';
import type { Repository } from './repository.js';

/** `git pack-objects --stdout` of `input` (ids, or revisions with `--revs`), streamed out. */
export async function packObjectsToStream(
  repo: Repository,
  args: readonly string[],
  input: string,
  onChunk: (chunk: Buffer) => void
): Promise<void> {
  await streamGit(
    repo.dir,
    ['pack-objects', '--stdout', '--quiet', '--delta-base-offset', ...args],
    input,
    onChunk
  );
}

/** `git index-pack` of a pack file: writes its index beside it and returns the pack's hash. */
export async function indexPack(packDir: string, packFile: string): Promise<string> {
  return gitOutput(packDir, ['index-pack', packFile]);
}

/** The blob ids of `commit`'s whole tree, each once. */
export async function blobsOfCommit(repo: Repository, commit: string): Promise<Set<string>> {
  const listed = await gitOutput(repo.dir, ['ls-tree', '-r', '--full-tree', commit]);
  const blobs = new Set<string>();
  for (const line of listed.split('\n')) {
    const [, type, id] = line.slice(0, line.indexOf('\t')).split(' ');
    if (type === 'blob' && id) blobs.add(id);
  }
  return blobs;
}
