import { runGit, type ConfigEntry, type GitResult } from './exec.js';
import type { Repository } from './repository.js';

/** `git lfs version`, its failure returned rather than thrown (git-lfs may be missing). */
export function gitLfsVersion(): Promise<GitResult> {
  return runGit(process.cwd(), ['lfs', 'version'], { allowFailure: true });
}

/** `git lfs ls-files --long <commit>`: one line per LFS file, its oid first. */
export async function lfsFilesOf(repo: Repository, commit: string): Promise<string> {
  return (await runGit(repo.dir, ['lfs', 'ls-files', '--long', commit])).stdout;
}

/** `git lfs pull` in `worktree`, with its auth and git-lfs's filter given as config. */
export async function lfsPull(
  worktree: Repository,
  filterConfig: readonly ConfigEntry[],
  progress: boolean
): Promise<void> {
  await runGit(worktree.dir, ['lfs', 'pull'], {
    config: [...worktree.auth, ...filterConfig],
    progress
  });
}

/** `git lfs install --local`: git-lfs's config and hooks in the repository. */
export async function lfsInstallLocal(repo: Repository): Promise<void> {
  await runGit(repo.dir, ['lfs', 'install', '--local']);
}
