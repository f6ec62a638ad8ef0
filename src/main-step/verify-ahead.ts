import type { Fallback } from '../errors.js';
import { untrustedObjectsOf } from '../git/object-check.js';
import type { Repository } from '../git/repository.js';

/** The commit `createWorktree` puts a worktree at, as the clone's refs are now. */
async function likelyCommit(repo: Repository, branch: string, base: string): Promise<string> {
  return (
    (await repo.resolveCommit(`refs/remotes/origin/${branch}`)) ||
    (await repo.resolveCommit(`refs/heads/${branch}`)) ||
    (await repo.resolveCommit(`refs/remotes/origin/${base}`))
  );
}

/**
 * The objects of the commit a task worktree will most likely be made at, re-hashed while
 * `git worktree add` writes it: both only read the object store, so the check no longer waits
 * for the checkout. The worktree is used only once the commit it got has been checked: `of`
 * gives the early check when it is that commit, else checks that commit then.
 */
export class VerifiedAhead {
  private constructor(
    private readonly repo: Repository,
    private readonly early: Promise<{ commit: string; problem: Fallback | undefined }>
  ) {}

  static start(repo: Repository, branch: string, base: string): VerifiedAhead {
    const early = likelyCommit(repo, branch, base).then(async commit => ({
      commit,
      problem: commit ? await untrustedObjectsOf(repo, commit) : undefined
    }));
    // The commit is then simply checked after the worktree is made.
    const settled = early.catch(() => ({ commit: '', problem: undefined }));
    return new VerifiedAhead(repo, settled);
  }

  /** Why the objects of `commit` cannot be trusted, or undefined when each hashes to its id. */
  async of(commit: string): Promise<Fallback | undefined> {
    const early = await this.early;
    return early.commit === commit ? early.problem : untrustedObjectsOf(this.repo, commit);
  }

  /** Resolves once the early check's git processes have ended. */
  async settled(): Promise<void> {
    await this.early;
  }
}
