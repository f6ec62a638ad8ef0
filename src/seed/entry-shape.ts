import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { filesUnder } from '../fs-util.js';

/**
 * What a cache entry's git directory may hold: exactly the shapes the action's own snapshot
 * writes (`HEAD`, `config`, `packed-refs`, refs, loose objects, packs with their indexes and, in a
 * blobless entry, the empty `.promisor` mark beside a pack, LFS objects, and `modules/`, whose
 * submodule git directories are held to the same rules one by one), so a planted file is dropped
 * whatever its name. The snapshot builds entries with the same rules. (LFS objects are hashed
 * before use: see lfs/verify.)
 */
const KEPT_FILE =
  /^(HEAD|config|packed-refs|refs\/.+|objects\/[0-9a-f]{2}\/[0-9a-f]{38}(?:[0-9a-f]{24})?|objects\/pack\/pack-[0-9a-f]{40}(?:[0-9a-f]{24})?\.(?:pack|idx|promisor)|lfs\/objects\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64})$/;
const KEPT_DIR =
  /^(refs(\/.+)?|objects|objects\/[0-9a-f]{2}|objects\/pack|objects\/info|objects\/info\/commit-graphs|lfs|lfs\/objects|lfs\/objects\/[0-9a-f]{2}|lfs\/objects\/[0-9a-f]{2}\/[0-9a-f]{2})$/;
/** Files git derives from the packs and makes again when it wants them: dropped without a word. */
const DERIVED_FILE =
  /^objects\/(pack\/pack-[0-9a-f]+\.(rev|bitmap|mtimes|keep)|pack\/multi-pack-index.*|info\/(packs|commit-graph|commit-graphs\/[^/]+))$/;

export function isKeptObjectFile(relative: string): boolean {
  return relative.startsWith('objects/') && KEPT_FILE.test(relative);
}

/** The largest size a small file can have, by kind. */
const SIZE_LIMITS: [RegExp, number][] = [
  [/^HEAD$/, 1024],
  [/^config$/, 64 * 1024],
  [/^refs\//, 1024],
  // git reads only that the mark exists; the snapshot writes it empty.
  [/\.promisor$/, 0]
];

/** An archive unpacks to at most this many times its size (git's data is compressed already). */
export const MAX_EXPANSION = 4;
const EXPANSION_SLACK = 16 * 1024 * 1024;

/** The most bytes an entry's git directory (its submodules' included) unpacks to. */
export function entryByteBound(archiveBytes: number): number {
  return archiveBytes * MAX_EXPANSION + EXPANSION_SLACK;
}

interface Found {
  files: { name: string; size: number }[];
  dropped: string[];
  /** Removed without a word: derived files. */
  derived: string[];
  /** Folders removed as a whole. */
  removals: string[];
}

async function walk(gitDir: string, relative: string, found: Found): Promise<void> {
  for (const entry of await fs.readdir(path.join(gitDir, relative), { withFileTypes: true })) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      // Submodule git directories: each is sanitized as a git directory of its own.
      if (name === 'modules') continue;
      if (KEPT_DIR.test(name)) await walk(gitDir, name, found);
      else {
        // Named file by file (an empty folder says nothing), removed as a whole.
        found.dropped.push(...(await filesUnder(gitDir, name)));
        found.removals.push(name);
      }
    } else if (DERIVED_FILE.test(name) && entry.isFile()) {
      found.derived.push(name);
    } else if (!entry.isFile()) {
      throw new Error(`the cached clone holds ${name}, which is not a plain file`);
    } else if (name === 'shallow') {
      throw new Error('the cached clone is shallow, which this action never saves');
    } else if (KEPT_FILE.test(name)) {
      found.files.push({ name, size: (await fs.lstat(path.join(gitDir, name))).size });
    } else {
      found.dropped.push(name);
    }
  }
}

function checkSizes(files: Found['files'], archiveBytes: number | undefined): void {
  for (const { name, size } of files) {
    const limit = SIZE_LIMITS.find(([pattern]) => pattern.test(name))?.[1];
    if (limit !== undefined && size > limit) {
      throw new Error(`the cached clone's ${name} is ${size} bytes, more than such a file holds`);
    }
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (archiveBytes !== undefined && total > entryByteBound(archiveBytes)) {
    throw new Error(
      `the cached clone unpacks to ${total} bytes from a ${archiveBytes}-byte archive, more than a clone can`
    );
  }
}

/** A pack is usable only with its index, an index only with its pack; a promisor mark needs both. */
function unpairedPackFiles(files: Found['files']): string[] {
  const names = new Set(files.map(file => file.name));
  const partners = (name: string): string[] => {
    const base = name.replace(/\.(pack|idx|promisor)$/, '');
    if (name.endsWith('.pack')) return [`${base}.idx`];
    return [`${base}.pack`, ...(name.endsWith('.promisor') ? [`${base}.idx`] : [])];
  };
  return [...names].filter(
    name => /^objects\/pack\//.test(name) && partners(name).some(partner => !names.has(partner))
  );
}

/** True when the git directory is blobless: one of its packs carries the promisor mark. */
export async function isBloblessEntry(gitDir: string): Promise<boolean> {
  const packs = await fs.readdir(path.join(gitDir, 'objects', 'pack')).catch(() => []);
  return packs.some(name => name.endsWith('.promisor'));
}

/**
 * Brings a restored git directory to the snapshot's shape: removes everything the action never
 * saves and returns its names; throws when the entry cannot be a snapshot at all (a symlink or a
 * special file, a shallow clone, a file larger than its kind, more bytes than the archive can hold).
 */
export async function enforceEntryShape(
  gitDir: string,
  archiveBytes: number | undefined
): Promise<string[]> {
  for (const [required, directory] of [
    ['objects', true],
    ['refs', true],
    ['HEAD', false]
  ] as const) {
    const stat = await fs.lstat(path.join(gitDir, required)).catch(() => undefined);
    if (!stat || stat.isDirectory() !== directory || stat.isSymbolicLink()) {
      throw new Error(`the cached clone has no ${required} ${directory ? 'directory' : 'file'}`);
    }
  }
  const found: Found = { files: [], dropped: [], derived: [], removals: [] };
  await walk(gitDir, '', found);
  checkSizes(found.files, archiveBytes);
  const dropped = [...found.dropped, ...unpairedPackFiles(found.files)];
  for (const name of [...dropped, ...found.derived, ...found.removals]) {
    await fs.rm(path.join(gitDir, name), { recursive: true, force: true });
  }
  return dropped;
}
