import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Submodule names are folder paths under `modules/`; git itself refuses far shallower ones. */
const MAX_NAME_DEPTH = 16;

/** The submodule git directories under a git directory's `modules/`, and what else is there. */
export interface ModuleDirs {
  /** Each one's path relative to `<gitDir>/modules` (a submodule's name). */
  dirs: string[];
  /** Files on the way to them, which no git directory holds: relative to the git directory. */
  strays: string[];
}

async function search(root: string, relative: string, depth: number, found: ModuleDirs) {
  if (depth > MAX_NAME_DEPTH) {
    throw new Error(`the cached clone's modules/${relative} is nested too deep`);
  }
  const entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
  // A folder with a HEAD file is a submodule's git directory; others are parts of a name.
  if (relative && entries.some(entry => entry.name === 'HEAD')) {
    found.dirs.push(relative);
    return;
  }
  for (const entry of entries) {
    const name = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await search(root, name, depth + 1, found);
    else if (entry.isFile()) found.strays.push(`modules/${name}`);
    else throw new Error(`the cached clone holds modules/${name}, which is not a plain file`);
  }
}

/**
 * Finds the submodule git directories of `gitDir` (`modules/<name>`, names may hold slashes),
 * without following a symbolic link: one anywhere on the way refuses the entry, as in the main
 * git directory. A git directory's own `modules/` is its business (searched when it is sanitized).
 */
export async function findModuleDirs(gitDir: string): Promise<ModuleDirs> {
  const found: ModuleDirs = { dirs: [], strays: [] };
  const root = path.join(gitDir, 'modules');
  const stat = await fs.lstat(root).catch(() => undefined);
  if (!stat) return found;
  if (!stat.isDirectory()) {
    throw new Error('the cached clone holds modules, which is not a plain directory');
  }
  await search(root, '', 0, found);
  return found;
}

/** The bytes of every file under `dir` (no symbolic link is left there once sanitized). */
export async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(full);
    else total += (await fs.lstat(full)).size;
  }
  return total;
}
