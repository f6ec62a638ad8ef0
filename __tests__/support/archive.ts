import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  readdirSync,
  readFileSync,
  lstatSync
} from 'node:fs';
import * as path from 'node:path';
import type { CacheEntry, CacheServer } from './cache-server.js';

function compressionFlag(file: string): string {
  const head = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  readSync(fd, head, 0, 4, 0);
  closeSync(fd);
  if (head.equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) return '--use-compress-program=unzstd';
  if (head[0] === 0x1f && head[1] === 0x8b) return '-z';
  return '';
}

/** Unpacks a saved cache entry into `dir` (refusing absolute and `..` members, unlike -P). */
export function unpackEntry(entry: CacheEntry, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const flag = compressionFlag(entry.file);
  execFileSync('tar', ['-xf', entry.file, ...(flag ? [flag] : []), '-C', dir]);
}

/**
 * Packs `<workspaceLike>/<relative>` the way @actions/cache does, with the same compression;
 * `extraMembers` (absolute or `..` names, kept as given with -P) make a hostile archive.
 */
export function packLike(
  reference: CacheEntry,
  workspaceLike: string,
  relative: string,
  out: string,
  extraMembers: string[] = []
): void {
  const flag = compressionFlag(reference.file);
  const compress = flag ? [flag.replace('unzstd', 'zstd')] : [];
  execFileSync('tar', [
    '--posix',
    '-P',
    '-cf',
    out,
    ...compress,
    '-C',
    workspaceLike,
    relative,
    ...extraMembers
  ]);
}

/** Stores an archive as the newest finalized entry, with the version of `reference`. */
export function putEntry(
  cache: CacheServer,
  reference: CacheEntry,
  key: string,
  archive: string
): void {
  const id = 1000 + cache.entries.size;
  const file = path.join(path.dirname(reference.file), `entry-${id}.bin`);
  copyFileSync(archive, file);
  const size = lstatSync(file).size;
  const version = reference.version;
  cache.entries.set(`${key}@${version}`, {
    key,
    version,
    file,
    size,
    createdAt: Date.now() + 1e6,
    finalized: true
  });
}

/** Every file under `dir` whose bytes contain `needle` (symlinks are not followed). */
export function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && readFileSync(full).includes(needle)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

export interface CraftOptions {
  /** The key's commit part, so the entry is `<prefix>-<sha>`; defaults to 40 'c'. */
  key?: string;
  /** Archive members beside the staging folder (absolute or `..` names make a hostile one). */
  extraMembers?: string[];
}

/**
 * A hostile entry made from a genuine one: unpacks `reference`, lets `change` edit its `.git`
 * (`root` is the folder the archive paths are relative to), packs it the way @actions/cache does
 * and stores it as the newest entry.
 */
export function craftEntry(
  cache: CacheServer,
  reference: CacheEntry,
  workDir: string,
  change: (gitDir: string, root: string) => void,
  options: CraftOptions = {}
): string {
  const root = path.join(workDir, 'crafted', 'ws');
  unpackEntry(reference, root);
  const gitDir = path.join(root, '.clone-cache-staging', 'clone.git');
  change(gitDir, root);
  const archive = path.join(workDir, 'crafted.tar');
  packLike(reference, root, '.clone-cache-staging', archive, options.extraMembers);
  const key = options.key ?? `clone-cache-Linux-acme-widgets-${'c'.repeat(40)}`;
  putEntry(cache, reference, key, archive);
  return key;
}
