import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { LFS_FILTER_CONFIG } from './git-lfs.js';

/**
 * What `git lfs install --local` (and any `git lfs pull`) leaves in a repository's config, as
 * `git config --list` names it: an lfs job sets it up again after each rebuild of the host clone.
 */
export const LFS_LOCAL_CONFIG: readonly [string, string][] = [
  ...LFS_FILTER_CONFIG.map(({ key, value }): [string, string] => [key, value]),
  ['lfs.repositoryformatversion', '0']
];

const GIT_LFS_HOOK =
  /^#!\/bin\/sh\ncommand -v git-lfs >\/dev\/null 2>&1 \|\| \{ echo >&2 "[^"\n]*"; exit 2; \}\ngit lfs (pre-push|post-checkout|post-commit|post-merge) "\$@"\n?$/;

/**
 * The hooks in `hooksDir` (relative names, `hooks/<name>`) that are exactly git-lfs's own: a job
 * with lfs set them up, so removing them is routine, not a finding.
 */
export async function gitLfsHooks(hooksDir: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const name of await fs.readdir(hooksDir).catch(() => [] as string[])) {
    const file = path.join(hooksDir, name);
    if (!(await fs.lstat(file)).isFile()) continue;
    const match = GIT_LFS_HOOK.exec(await fs.readFile(file, 'utf8'));
    if (match?.[1] === name) found.add(`hooks/${name}`);
  }
  return found;
}
