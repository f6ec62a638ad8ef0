import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isInside } from '../fs-util.js';

export interface Owner {
  uid: number;
  gid: number;
}

export function runnerIdentity(): Owner | undefined {
  return typeof process.getuid === 'function' && typeof process.getgid === 'function'
    ? { uid: process.getuid(), gid: process.getgid() }
    : undefined;
}

/** `root (0:0)`, `runner (1001:118)`, or `uid 4242 (4242:4242)` when /etc/passwd does not know it. */
export function describeOwner(owner: Owner): string {
  return `${userName(owner.uid) || `uid ${owner.uid}`} (${owner.uid}:${owner.gid})`;
}

function userName(uid: number): string {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find(entry => entry.split(':')[2] === String(uid));
    return line?.split(':')[0] ?? '';
  } catch {
    return uid === 0 ? 'root' : '';
  }
}

/** The path itself, or its nearest existing parent, with its owner. */
export async function nearestExisting(target: string): Promise<{ path: string; owner: Owner }> {
  for (let current = path.resolve(target); ; current = path.dirname(current)) {
    const stat = await fs.lstat(current).catch(() => undefined);
    if (stat) return { path: current, owner: { uid: stat.uid, gid: stat.gid } };
    if (path.dirname(current) === current) return { path: current, owner: { uid: 0, gid: 0 } };
  }
}

/** The root (of `roots`) that contains `target`, if any. */
export function containingRoot(roots: readonly string[], target: string): string | undefined {
  return roots.filter(root => isInside(root, target)).sort((a, b) => b.length - a.length)[0];
}

/**
 * The smallest directory whose `chown -R` covers the problem: from the offending path's nearest
 * existing directory, up through parents that the runner does not own, staying inside the root.
 */
export async function chownTarget(
  target: string,
  runner: Owner,
  roots: readonly string[]
): Promise<string> {
  const start = await nearestExisting(target);
  const stat = await fs.lstat(start.path);
  let dir = stat.isDirectory() ? start.path : path.dirname(start.path);
  const root = containingRoot(roots, dir);
  if (!root) return dir;
  for (;;) {
    const parent = path.dirname(dir);
    if (dir === root || !containingRoot([root], parent)) break;
    const parentStat = await fs.lstat(parent).catch(() => undefined);
    if (!parentStat || parentStat.uid === runner.uid) break;
    dir = parent;
  }
  return dir;
}
