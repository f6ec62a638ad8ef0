import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { gitSync } from './git.js';

/** The host clones in a cache-dir: the superprojects' and the submodule repositories'. */
export function hostClonesIn(cacheDir: string): { main: string[]; submodules: string[] } {
  const clones = readdirSync(cacheDir)
    .filter(name => !name.startsWith('.') && !name.includes('.lock'))
    .sort();
  return {
    main: clones.filter(name => !name.startsWith('submodule-')),
    submodules: clones.filter(name => name.startsWith('submodule-'))
  };
}

/** The host clone of the submodule repository whose URL ends in `name` (its folder's middle). */
export function submoduleCloneOf(cacheDir: string, name: string): string {
  const found = hostClonesIn(cacheDir).submodules.filter(s =>
    new RegExp(`^submodule-${name}-[0-9a-f]{16}$`).test(s)
  );
  if (found.length !== 1) throw new Error(`expected one host clone of ${name}: ${found.join()}`);
  return path.join(cacheDir, found[0]);
}

/**
 * What ended jobs left in a cache-dir with several host clones, one line each ([] when clean):
 * worktrees still registered, locks, drafts and temporary folders, and fsck's complaints.
 */
export function allHostLeftovers(cacheDir: string): string[] {
  const { main, submodules } = hostClonesIn(cacheDir);
  const clones = [...main, ...submodules];
  const found = readdirSync(cacheDir).filter(name => !clones.includes(name));
  for (const name of clones) {
    const clone = path.join(cacheDir, name);
    found.push(
      ...gitSync(clone, ['worktree', 'list', '--porcelain'])
        .split('\n')
        .filter(l => l.startsWith('worktree ') && l !== `worktree ${clone}`)
    );
    try {
      const fsck = gitSync(clone, ['fsck', '--no-progress', '--no-dangling']);
      if (fsck) found.push(`fsck ${name}: ${fsck}`);
    } catch (error) {
      found.push(`fsck ${name}: ${String(error)}`);
    }
  }
  return found;
}
