import { gitOutput, runGit } from './exec.js';
import type { Repository } from './repository.js';

/** What a new worktree checks out. */
export type WorktreeCheckout =
  { detachedAt: string } | { branch: string } | { newBranch: string; startAt: string };

function checkoutArgs(worktreePath: string, checkout: WorktreeCheckout): string[] {
  if ('detachedAt' in checkout) return ['--detach', '--', worktreePath, checkout.detachedAt];
  if ('branch' in checkout) return ['--', worktreePath, checkout.branch];
  return ['-b', checkout.newBranch, '--', worktreePath, checkout.startAt];
}

/**
 * Adds a worktree at `worktreePath`. With `lockReason`, it is locked from its first file (git
 * 2.33+): an add cut short leaves a worktree whose lock says whose it was. With `noCheckout`, HEAD
 * is set and no file (nor index) is written.
 */
export async function addWorktree(
  repo: Repository,
  worktreePath: string,
  checkout: WorktreeCheckout,
  lockReason?: string,
  noCheckout = false
): Promise<void> {
  const lock = lockReason === undefined ? [] : ['--lock', '--reason', lockReason];
  await runGit(repo.dir, [
    'worktree',
    'add',
    '--quiet',
    ...(noCheckout ? ['--no-checkout'] : []),
    ...lock,
    ...checkoutArgs(worktreePath, checkout)
  ]);
}

export async function lockWorktree(
  repo: Repository,
  worktreePath: string,
  reason: string
): Promise<void> {
  await runGit(repo.dir, ['worktree', 'lock', '--reason', reason, '--', worktreePath]);
}

export async function unlockWorktree(repo: Repository, worktreePath: string): Promise<void> {
  await runGit(repo.dir, ['worktree', 'unlock', '--', worktreePath]);
}

/** Removes a worktree and its files; twice forced, so a locked one goes too, in one step. */
export async function removeWorktree(repo: Repository, worktreePath: string): Promise<void> {
  await runGit(repo.dir, ['worktree', 'remove', '--force', '--force', '--', worktreePath]);
}

/** Forgets worktrees whose folders are gone. */
export async function pruneWorktrees(repo: Repository): Promise<void> {
  await runGit(repo.dir, ['worktree', 'prune']);
}

/** One entry of `git worktree list --porcelain`; the main worktree comes first. */
export interface ListedWorktree {
  path: string;
  head: string;
  /** refs/heads/<name>, or '' when detached (or bare). */
  branch: string;
  bare: boolean;
}

/** The worktrees git has registered, as `git worktree list --porcelain` shows them. */
export async function listedWorktrees(repo: Repository): Promise<ListedWorktree[]> {
  const out = await gitOutput(repo.dir, ['worktree', 'list', '--porcelain']);
  const entries: ListedWorktree[] = [];
  let current: ListedWorktree | undefined;
  for (const line of out.split('\n')) {
    if (line.startsWith('worktree ')) {
      current = { path: line.slice('worktree '.length), head: '', branch: '', bare: false };
      entries.push(current);
    } else if (!current) {
      continue;
    } else if (line.startsWith('HEAD ')) {
      current.head = line.slice(5);
    } else if (line.startsWith('branch ')) {
      current.branch = line.slice(7);
    } else if (line === 'bare') {
      current.bare = true;
    }
  }
  return entries;
}
