import { ActionError } from '../errors.js';
import type { ConfigEntry } from '../git/exec.js';
import { gitLfsVersion } from '../git/lfs.js';

/** What `git lfs install --local` writes into a clone's config: git-lfs as the filter of LFS files. */
export const LFS_FILTER_CONFIG: readonly ConfigEntry[] = [
  { key: 'filter.lfs.clean', value: 'git-lfs clean -- %f' },
  { key: 'filter.lfs.smudge', value: 'git-lfs smudge -- %f' },
  { key: 'filter.lfs.process', value: 'git-lfs filter-process' },
  { key: 'filter.lfs.required', value: 'true' }
];

/** Fails with one clear error when `git lfs` cannot run (asked only when the lfs input is true). */
export async function requireGitLfs(): Promise<string> {
  const result = await gitLfsVersion();
  if (result.exitCode !== 0 || !result.stdout.startsWith('git-lfs/')) {
    throw new ActionError(
      'git-lfs not found',
      `lfs is true, but git-lfs is not installed on the runner (\`git lfs version\` failed: ${result.stderr.trim() || `exit code ${result.exitCode}`}). Install the git-lfs package (apt-get install git-lfs, or https://git-lfs.com) before this step, or set lfs to false.`
    );
  }
  return result.stdout.trim();
}
