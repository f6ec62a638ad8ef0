import * as fsSync from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';

export async function exists(target: string): Promise<boolean> {
  try {
    await fs.lstat(target);
    return true;
  } catch {
    return false;
  }
}

/** Entries of a directory, or [] when it does not exist. */
export async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The path with every symlink in its existing part resolved (what git records for a worktree),
 * so paths compare equal however they were spelled.
 */
export function canonicalPath(target: string): string {
  const resolved = path.resolve(target);
  let existing = resolved;
  const rest: string[] = [];
  while (!fsSync.existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  try {
    return path.join(fsSync.realpathSync(existing), ...rest);
  } catch {
    return resolved;
  }
}

/** True when `child` is `parent` or inside it (lexically). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Copies a tree preserving modes, times and symlinks (never followed); reflinks where possible. */
export function copyTree(source: string, destination: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('cp', ['-a', '--reflink=auto', '--', source, destination], {
      stdio: ['ignore', 'ignore', 'pipe'],
      signal
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', code =>
      code === 0 ? resolve() : reject(new Error(`cp failed (${code}): ${stderr.trim()}`))
    );
  });
}

/** Rejects with a timeout error when `work` takes longer than `ms`; `onTimeout` runs first. */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => void
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The files (and links) anywhere under `root/relative`, named relative to `root`; none followed. */
export async function filesUnder(root: string, relative: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, relative), {
    recursive: true,
    withFileTypes: true
  });
  return entries
    .filter(entry => !entry.isDirectory())
    .map(entry => path.relative(root, path.join(entry.parentPath, entry.name)));
}
