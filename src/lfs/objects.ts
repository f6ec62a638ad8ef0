import * as path from 'node:path';
import { lfsFilesOf } from '../git/lfs.js';
import type { Repository } from '../git/repository.js';

/** The folder of a repository's LFS store, under its common git directory (worktrees share it). */
export function lfsStoreDir(commonGitDir: string): string {
  return path.join(commonGitDir, 'lfs', 'objects');
}

/** Where git-lfs keeps the object `oid`: `lfs/objects/<2>/<2>/<oid>`. */
export function lfsObjectPath(commonGitDir: string, oid: string): string {
  return path.join(lfsStoreDir(commonGitDir), oid.slice(0, 2), oid.slice(2, 4), oid);
}

const LISTED = /^([0-9a-f]{64}) [*-] /;

/** The oids of the LFS objects `commit` needs (its pointer files), each once. */
export async function lfsObjectsOf(repo: Repository, commit: string): Promise<string[]> {
  const listed = await lfsFilesOf(repo, commit);
  const oids = listed.split('\n').flatMap(line => LISTED.exec(line)?.[1] ?? []);
  return [...new Set(oids)];
}
