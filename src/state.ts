import * as core from '@actions/core';
import type { CacheSource } from './cache/backend.js';
import type { CloneFilter } from './inputs/filter.js';
import type { SavePolicy } from './inputs/settings.js';
import type { PersistedCredentials } from './clone/credentials.js';
import type { ModeKind } from './main-step/mode.js';
import type { TaskWorktree } from './main-step/result.js';
import type { DiagnosisSettings } from './permissions/diagnose.js';

/** The typed contract between the main step and the post step. */
export interface MainState {
  version: 3;
  /** How the main step got its clone; the post step acts on it and derives nothing again. */
  mode: ModeKind;
  workspace: string;
  runnerTemp: string;
  /** The repository the job's checkout comes from (the main clone, or the host clone). */
  clonePath: string;
  originUrl: string;
  /** The credentials file and includes left for later steps: the post step removes them. */
  credentials?: PersistedCredentials;
  cacheSource: CacheSource;
  keyPrefix: string;
  /** Key of the restored entry, '' when none was restored. */
  matchedKey: string;
  /** Whether the clone was seeded from the restored entry. */
  seeded: boolean;
  /** `path` already held a clone, so no cache was used (nor is one saved). */
  pathHeldClone: boolean;
  /** The commit the clone was synced to: a saved entry is `<keyPrefix>-<commit>`. */
  commit: string;
  /** The commit is origin's default branch, in a run on the workflow repository's default branch. */
  isDefaultBranch: boolean;
  /** Commits fetched on top of the cache; null when no cache was used. */
  staleCommits: number | null;
  /** The fetch-depth the clone is shallow at; 0 when it holds the whole history. */
  shallowDepth: number;
  /** 'blob:none': the clone is blobless and so is the entry saved from it; '' (or absent): full. */
  filter?: CloneFilter;
  saveCache: SavePolicy;
  /**
   * The event of a run that checked out a fork's pull request head (allowed by
   * allow-unsafe-pr-checkout); '' otherwise. Such a run never saves, whatever save-cache says.
   */
  forkPrCheckout: string;
  refreshAfter: number;
  /** How the post step reports permission failures. */
  diagnosis: DiagnosisSettings;
  /** The lfs input: a saved entry holds the LFS objects of `commit`. */
  lfs?: boolean;
  /** The task worktree this job made, for the post step to remove or release. */
  worktree?: TaskWorktree;
}

const STATE_NAME = 'clone-cache';

export function saveMainState(state: MainState): void {
  core.saveState(STATE_NAME, JSON.stringify(state));
}

/** The state the main step left, or undefined when it did not finish. */
export function loadMainState(): MainState | undefined {
  const raw = core.getState(STATE_NAME);
  if (!raw) return undefined;
  const state = JSON.parse(raw) as MainState;
  return state.version === 3 ? state : undefined;
}

const SSH_FILES_NAME = 'clone-cache-ssh-files';

/**
 * The ssh key files, saved as soon as they are written (apart from the main state, which a
 * cancelled step never saves), so the post step removes them in any case.
 */
export function saveSshFiles(files: readonly string[]): void {
  core.saveState(SSH_FILES_NAME, JSON.stringify(files));
}

export function loadSshFiles(): string[] {
  return stringListState(SSH_FILES_NAME);
}

function stringListState(name: string): string[] {
  const raw = core.getState(name);
  if (!raw) return [];
  const list = JSON.parse(raw) as unknown;
  return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
}

const SAFE_DIRECTORIES_NAME = 'clone-cache-safe-directories';

/**
 * The safe.directory values this job added to the runner's global config, saved as each is added,
 * so the post step removes them even when the main step failed after adding one.
 */
export function saveSafeDirectories(dirs: readonly string[]): void {
  core.saveState(SAFE_DIRECTORIES_NAME, JSON.stringify(dirs));
}

export function loadSafeDirectories(): string[] {
  return stringListState(SAFE_DIRECTORIES_NAME);
}
