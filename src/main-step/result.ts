import type { CacheSource } from '../cache/backend.js';
import type { Target } from '../clone/ref.js';
import type { Fallback } from '../errors.js';
import type { Phase } from '../timing.js';
import type { WorktreeMode } from '../worktree/create.js';
import type { PersistedCredentials } from '../clone/credentials.js';
import type { ModeKind } from './mode.js';

/** What the cache did for this job. */
export interface CacheUse {
  source: CacheSource;
  /** The restored entry's key (`host-dir:<scope>` for the host clone); '' when none was used. */
  matchedKey: string;
  archiveBytes?: number;
  /** The clone was seeded from the cache (not cloned, and not a clone that `path` already held). */
  seeded: boolean;
  /** Why the cache was not used; undefined when the clone was seeded. */
  fallback?: Fallback;
  /** `path` already held a clone: it was synced in place, no cache was used (nor is one saved). */
  pathHeldClone: boolean;
}

export interface TaskWorktree {
  /** The task branch (the `branch` input). */
  branch: string;
  path: string;
  mode: WorktreeMode;
  commit: string;
  /** The job's lease (the worktree's lock reason): the post step touches only its own. */
  lease: string;
  /** The repository it belongs to: the main clone, or the host clone. */
  repoDir: string;
  removeOnExit: boolean;
  /** The host clone's lock, when the worktree belongs to the host clone. */
  hostLock?: string;
  /** The folder was there (empty) before the job: the post step leaves it in place. */
  folderExisted: boolean;
}

/** The one result of the main step: outputs, job summary and state are views of it. */
export interface MainResult {
  mode: ModeKind;
  cache: CacheUse;
  /** The repository the job's checkout comes from: the main clone at `path`, or the host clone. */
  clonePath: string;
  /** What the repository was synced to (with a task worktree from the host clone: the branch). */
  target: Target;
  /** The target is the default branch, in a run on the workflow repository's default branch. */
  isDefaultBranch: boolean;
  /** Commits fetched on top of the cache; null when no cache was used. */
  staleCommits: number | null;
  /** The clone's history is cut off (fetch-depth on a miss). */
  shallow: boolean;
  worktree?: TaskWorktree;
  /** The credentials file and includes left for later steps (persist-credentials). */
  credentials?: PersistedCredentials;
  /** Wall time of the whole step and of each phase, in seconds. */
  seconds: number;
  phaseSeconds: Partial<Record<Phase, number>>;
}
