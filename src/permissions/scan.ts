import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Owner } from './ownership.js';

export interface ScanLimits {
  maxEntries: number;
  maxMs: number;
}

export interface ForeignEntry {
  path: string;
  owner: Owner;
}

/** Not the runner's and not writable by it (a shared, group- or world-writable folder is fine). */
async function blocks(target: string, uid: number, runner: Owner): Promise<boolean> {
  if (uid === runner.uid) return false;
  return fs.access(target, constants.W_OK).then(
    () => false,
    () => true
  );
}

/**
 * Pre-flight: the first entry under the roots that the runner user does not own and cannot write, breadth first,
 * stopping at the first one or at the limits. Symlinks are looked at, never followed.
 */
export async function findForeignEntry(
  roots: readonly string[],
  runner: Owner,
  limits: ScanLimits = { maxEntries: 20_000, maxMs: 2_000 }
): Promise<ForeignEntry | undefined> {
  const started = Date.now();
  let seen = 0;
  const queue: string[] = [];
  for (const root of roots) {
    const stat = await fs.lstat(root).catch(() => undefined);
    if (!stat) continue;
    if (await blocks(root, stat.uid, runner))
      return { path: root, owner: { uid: stat.uid, gid: stat.gid } };
    if (stat.isDirectory()) queue.push(root);
  }
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (++seen > limits.maxEntries || Date.now() - started > limits.maxMs) return undefined;
      const full = path.join(dir, entry.name);
      const stat = await fs.lstat(full).catch(() => undefined);
      if (!stat) continue;
      if (!stat.isSymbolicLink() && (await blocks(full, stat.uid, runner))) {
        return { path: full, owner: { uid: stat.uid, gid: stat.gid } };
      }
      if (entry.isDirectory()) queue.push(full);
    }
  }
  return undefined;
}
