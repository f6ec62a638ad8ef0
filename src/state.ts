import * as core from '@actions/core';
import type { CacheSource } from './cache/backend.js';
import type { SavePolicy } from './inputs.js';
import type { TargetKind } from './clone/ref.js';
import type { DiagnosisSettings } from './permissions/diagnose.js';

/** The typed contract between the main step and the post step. */
export interface MainState {
  version: 1;
  workspace: string;
  runnerTemp: string;
  clonePath: string;
  originUrl: string;
  persistCredentials: boolean;
  cacheSource: CacheSource;
  keyPrefix: string;
  /** Key of the restored entry, '' when none was restored. */
  matchedKey: string;
  /** Whether the clone was seeded from the restored entry. */
  seeded: boolean;
  /** `path` already held a clone, so no cache was used (nor is one saved). */
  pathHeldClone?: boolean;
  commit: string;
  targetKind: TargetKind;
  targetName: string;
  isDefaultBranch: boolean;
  /** Commits fetched on top of the cache; null when no cache was used. */
  staleCommits: number | null;
  saveCache: SavePolicy;
  refreshAfter: number;
  /** How the post step reports permission failures. */
  diagnosis: DiagnosisSettings;
  /** The task worktree this job made, for the post step to remove or release. */
  worktree?: {
    path: string;
    /** The repository it belongs to (the main clone, or the host clone). */
    repoDir: string;
    removeOnExit: boolean;
    /** The job's lease (the worktree's lock reason): the post step touches only its own. */
    lease: string;
    /** The host clone's lock, when the worktree belongs to the host clone. */
    hostLock?: string;
  };
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
  return state.version === 1 ? state : undefined;
}
