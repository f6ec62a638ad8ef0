import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { gitSync } from './git.js';

/** The files in a working tree (`.git` left out), relative and sorted. */
export function workingFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => !entry.isDirectory())
    .map(entry => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter(file => file !== '.git' && !file.startsWith(`.git${path.sep}`))
    .sort();
}

/** The files of `commit` in `repo` that `keep` selects, sorted. */
export function filesOfCommit(
  repo: string,
  commit: string,
  keep: (file: string) => boolean = () => true
): string[] {
  return gitSync(repo, ['ls-tree', '-r', '--name-only', commit])
    .split('\n')
    .filter(file => file && keep(file))
    .sort();
}
