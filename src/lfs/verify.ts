import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { lfsObjectPath, lfsStoreDir } from './objects.js';

export interface LfsStoreCheck {
  /** Objects whose content was hashed. */
  checked: number;
  bytes: number;
  /** Files removed: content other than their name says, or not a file where an object goes. */
  dropped: string[];
}

const OID = /^[0-9a-f]{64}$/;
/** Files hashed at once: reading one overlaps hashing another. */
const PARALLEL = 4;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** Every file under the store, relative to it (symbolic links and other non-files included). */
async function storeFiles(store: string): Promise<string[]> {
  const entries = await fs.readdir(store, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter(entry => !entry.isDirectory())
    .map(entry => path.relative(store, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/**
 * Hashes cached LFS objects before git-lfs may use them (git-lfs trusts what its store holds):
 * each must be a plain file at `<2>/<2>/<oid>` whose SHA-256 is `oid`; any other file is removed,
 * and git-lfs downloads a removed object again. `oids` limits the check to those objects (a store
 * that grows, as a host clone's does); without it every file of the store is checked.
 */
export async function verifyLfsStore(
  commonGitDir: string,
  oids?: readonly string[]
): Promise<LfsStoreCheck> {
  const store = lfsStoreDir(commonGitDir);
  const relative = oids
    ? oids.map(oid => path.relative(store, lfsObjectPath(commonGitDir, oid)))
    : await storeFiles(store);
  const result: LfsStoreCheck = { checked: 0, bytes: 0, dropped: [] };
  const checkOne = async (name: string) => {
    const file = path.join(store, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (!stat) return;
    const oid = path.basename(name);
    const wellPlaced = OID.test(oid) && name === path.join(oid.slice(0, 2), oid.slice(2, 4), oid);
    if (stat.isFile() && wellPlaced) {
      result.checked++;
      result.bytes += stat.size;
      if ((await sha256Of(file)) === oid) return;
    }
    await fs.rm(file, { recursive: true, force: true });
    result.dropped.push(name);
  };
  for (let start = 0; start < relative.length; start += PARALLEL) {
    await Promise.all(relative.slice(start, start + PARALLEL).map(checkOne));
  }
  return result;
}

/** Verifies the store and says what it found: a warning when something was dropped. */
export async function verifyLfsStoreAndReport(
  commonGitDir: string,
  oids?: readonly string[]
): Promise<LfsStoreCheck> {
  const started = performance.now();
  const check = await verifyLfsStore(commonGitDir, oids);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const mib = (check.bytes / 1024 / 1024).toFixed(1);
  core.info(`Git LFS: ${check.checked} cached object(s), ${mib} MiB, hashed in ${seconds} s.`);
  if (check.dropped.length > 0) {
    const shown = check.dropped.slice(0, 3).join(', ') + (check.dropped.length > 3 ? ', ...' : '');
    core.warning(
      `${check.dropped.length} cached Git LFS object(s) did not match their SHA-256 (or were not plain files where an object goes) and were removed; they are downloaded again: ${shown}`,
      { title: 'Cached LFS object refused' }
    );
  }
  return check;
}

/**
 * The LFS store a seeded clone brought from the cache: verified whole when the job uses LFS (an
 * entry holds one commit's objects, so the store is bounded), removed when it does not (no later
 * `git lfs` command may pick up objects nobody checked).
 */
export async function settleSeededLfsStore(gitDir: string, lfs: boolean): Promise<void> {
  if (lfs) await verifyLfsStoreAndReport(gitDir);
  else await fs.rm(path.join(gitDir, 'lfs'), { recursive: true, force: true });
}
