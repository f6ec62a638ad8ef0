import * as path from 'node:path';
import { gitOutput, runGit } from './exec.js';
import { originConfig } from './remote.js';
import type { Repository } from './repository.js';

/** The gitlinks (mode 160000) of the index: where each submodule goes and at which commit. */
export async function stagedGitlinks(
  repo: Repository
): Promise<{ path: string; commit: string }[]> {
  const staged = await gitOutput(repo.dir, ['ls-files', '--stage', '-z']);
  return staged
    .split('\0')
    .filter(line => line.startsWith('160000 '))
    .map(line => ({ path: line.slice(line.indexOf('\t') + 1), commit: line.split(' ')[1] }));
}

/** The submodule names of the checked-out .gitmodules, by path (empty without the file). */
export async function gitmodulesNames(repo: Repository): Promise<Map<string, string>> {
  const listed = await runGit(
    repo.dir,
    ['config', '-z', '--file', '.gitmodules', '--get-regexp', '^submodule\\..*\\.path$'],
    { allowFailure: true }
  );
  const names = new Map<string, string>();
  for (const item of listed.stdout.split('\0').filter(Boolean)) {
    const newline = item.indexOf('\n');
    const key = item.slice(0, newline);
    names.set(item.slice(newline + 1), key.slice('submodule.'.length, -'.path'.length));
  }
  return names;
}

/** The URL `git submodule init` resolved for a submodule (relative ones against origin), or ''. */
export async function submoduleUrl(repo: Repository, name: string): Promise<string> {
  const result = await runGit(repo.dir, ['config', `submodule.${name}.url`], {
    allowFailure: true
  });
  return result.stdout.trim();
}

/** `git submodule init` then `sync`: the superproject's config names each submodule's URL. */
export async function initAndSyncSubmodules(repo: Repository): Promise<void> {
  await runGit(repo.dir, ['submodule', 'init', '--quiet'], { config: repo.auth });
  await runGit(repo.dir, ['submodule', 'sync', '--quiet'], { config: repo.auth });
}

/**
 * Checks out each submodule at the recorded commit (`--checkout --force`, whatever `update` its
 * config says), cloning the ones that have no repository yet; the repository's auth and the
 * stall bound of a fetch from origin travel in the environment, which git passes on to the
 * submodules' own clones and fetches.
 */
export async function updateSubmodulesOnce(
  repo: Repository,
  { progress, depth }: { progress: boolean; depth: number }
): Promise<void> {
  const args = ['submodule', 'update', '--init', '--checkout', '--force'];
  args.push(progress ? '--progress' : '--quiet');
  if (depth > 0) args.push(`--depth=${depth}`);
  await runGit(repo.dir, args, { config: originConfig(repo), progress });
}

/** Points a submodule repository's origin at `url`. */
export async function setModuleOriginUrl(moduleRepo: Repository, url: string): Promise<void> {
  await runGit(moduleRepo.dir, ['config', 'remote.origin.url', url]);
}

/**
 * Makes `destination` a mirror of the local repository `source`: objects as hard links, copied
 * when they cannot be (git's own fallback, which an explicit `--local` turns into a failure).
 */
export async function mirrorLocally(source: string, destination: string): Promise<void> {
  await runGit(path.dirname(destination), [
    'clone',
    '--mirror',
    '--quiet',
    '--template=',
    '--',
    source,
    destination
  ]);
}

/** The absolute folders of every checked-out submodule, nested ones included. */
export async function checkedOutSubmodules(repo: Repository): Promise<string[]> {
  const listed = await gitOutput(repo.dir, [
    'submodule',
    'foreach',
    '--quiet',
    '--recursive',
    'pwd'
  ]);
  return listed.split('\n').filter(Boolean);
}

/** Detaches the HEAD of a submodule repository at `commit` (a copy's HEAD may name no branch). */
export async function detachModuleHead(moduleRepo: Repository, commit: string): Promise<void> {
  await runGit(moduleRepo.dir, ['update-ref', '--no-deref', 'HEAD', commit]);
}
