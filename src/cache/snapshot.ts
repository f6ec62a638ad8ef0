import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gitConfigTemplate } from '../git/config-template.js';
import { Repository } from '../git/repository.js';
import { packBloblessObjects } from './blobless-snapshot.js';
import { ENTRY_REF_PREFIXES } from '../seed/entry-refs.js';
import { isBloblessEntry, isKeptObjectFile } from '../seed/entry-shape.js';
import { lfsObjectPath } from '../lfs/objects.js';
import { snapshotModules } from './module-snapshot.js';

/** A hard link of `from` at `to`; across file systems a reflink where it can, else a copy. */
async function linkFile(from: string, to: string): Promise<void> {
  await fs.link(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
    await fs.copyFile(from, to, fsConstants.COPYFILE_FICLONE);
  });
}

/**
 * Hard-links the object files of `objects/` that an entry may hold (loose objects, packs and their
 * indexes: see entry-shape) into `destination`; copies across file systems. git's temporary
 * files, derived files (reverse indexes, bitmaps, commit graphs) and anything else stay out.
 */
async function linkObjects(
  source: string,
  destination: string,
  relative = 'objects'
): Promise<void> {
  await fs.mkdir(destination, { recursive: true });
  for (const entry of await fs.readdir(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(destination, entry.name);
    const name = `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      await linkObjects(from, to, name);
    } else if (entry.isFile() && isKeptObjectFile(name)) {
      await linkFile(from, to);
    }
  }
}

/** Links the LFS objects `oids` that the clone's store holds into the snapshot's store. */
async function linkLfsObjects(gitDir: string, snapshotDir: string, oids: readonly string[]) {
  for (const oid of oids) {
    const from = lfsObjectPath(gitDir, oid);
    if (!(await fs.lstat(from).catch(() => undefined))?.isFile()) continue;
    const to = lfsObjectPath(snapshotDir, oid);
    await fs.mkdir(path.dirname(to), { recursive: true });
    await linkFile(from, to);
  }
}

/** The main clone's extras: its LFS objects, and blob:none for a blobless entry. */
interface SnapshotOptions {
  lfsOids?: readonly string[];
  filter?: string;
}

/**
 * Builds the `.git` that goes into a cache entry: the clone's objects (hard links, no bytes
 * copied), origin's branches and tags as packed refs, HEAD detached at the synced commit, the
 * template config, and the LFS objects `lfsOids` (those of the synced commit, when the job uses
 * LFS). No credentials, hooks, index, logs or working tree: nothing but history. With a `filter`
 * (blob:none) the objects are repacked instead: commits, trees and the synced commit's blobs
 * (see blobless-snapshot). Each submodule repository under `modules/` goes in whole, at the
 * commit it has checked out.
 */
export async function buildSnapshot(
  clonePath: string,
  commit: string,
  snapshotDir: string,
  originUrl: string,
  { lfsOids = [], filter = '' }: SnapshotOptions = {}
): Promise<void> {
  const clone = new Repository(clonePath);
  const gitDir = await clone.absoluteGitDir();
  await snapshotGitDir(clone, gitDir, commit, snapshotDir, originUrl, { lfsOids, filter });
  await snapshotModules(gitDir, snapshotDir, snapshotGitDir);
}

/** One git directory's snapshot (the clone's, or a submodule repository's). */
async function snapshotGitDir(
  clone: Repository,
  gitDir: string,
  commit: string,
  snapshotDir: string,
  originUrl: string,
  { lfsOids = [], filter = '' }: SnapshotOptions = {}
): Promise<void> {
  const objects = path.join(gitDir, 'objects');
  if (await fs.lstat(path.join(objects, 'info', 'alternates')).catch(() => undefined)) {
    throw new Error('the clone borrows objects through objects/info/alternates; not saving it');
  }
  if (await fs.lstat(path.join(gitDir, 'shallow')).catch(() => undefined)) {
    throw new Error('the clone is shallow (an entry holds whole history); not saving it');
  }
  if (!(await clone.resolveCommit(commit)))
    throw new Error(`commit ${commit} is no longer in the clone`);

  await fs.rm(snapshotDir, { recursive: true, force: true });
  await fs.mkdir(path.join(snapshotDir, 'refs', 'heads'), { recursive: true });
  await fs.mkdir(path.join(snapshotDir, 'refs', 'tags'), { recursive: true });
  const tips = (await clone.refTips(...ENTRY_REF_PREFIXES))
    .filter(tip => tip.ref !== 'refs/remotes/origin/HEAD')
    .sort((a, b) => (a.ref < b.ref ? -1 : 1));
  if (filter) {
    const ids = tips.map(tip => tip.object);
    await packBloblessObjects(clone, commit, ids, path.join(snapshotDir, 'objects'));
  } else {
    if (await isBloblessEntry(gitDir)) {
      throw new Error('the clone is blobless (it lacks blobs); not saving it as a full entry');
    }
    await linkObjects(objects, path.join(snapshotDir, 'objects'));
  }
  await linkLfsObjects(gitDir, snapshotDir, lfsOids);

  const packed = tips.map(tip => `${tip.object} ${tip.ref}`);
  await fs.writeFile(path.join(snapshotDir, 'packed-refs'), packed.map(l => `${l}\n`).join(''));
  await fs.writeFile(path.join(snapshotDir, 'HEAD'), `${commit}\n`);
  await fs.writeFile(path.join(snapshotDir, 'config'), gitConfigTemplate(originUrl));
  const check = await clone.at(snapshotDir).resolveCommit('HEAD');
  if (check !== commit) throw new Error('the snapshot does not resolve HEAD; not saving it');
}
