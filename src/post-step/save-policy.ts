import type { MainState } from '../state.js';

export interface SaveDecision {
  save: boolean;
  reason: string;
}

export type SaveFacts = Pick<
  MainState,
  | 'mode'
  | 'saveCache'
  | 'cacheSource'
  | 'seeded'
  | 'pathHeldClone'
  | 'staleCommits'
  | 'shallowDepth'
  | 'refreshAfter'
  | 'isDefaultBranch'
  | 'matchedKey'
  | 'forkPrCheckout'
>;

/** Whether the post step saves a new cache entry (save-cache: auto | always | never). */
export function decideSave(state: SaveFacts, key: string): SaveDecision {
  if (state.forkPrCheckout) {
    return {
      save: false,
      reason: `this ${state.forkPrCheckout} run checked out a fork's pull request code (allow-unsafe-pr-checkout), and an entry it saved would land in the default branch's cache scope, which every branch restores`
    };
  }
  if (state.mode !== 'hosted-cache') {
    return { save: false, reason: 'the host clone in cache-dir is refreshed by every job' };
  }
  if (state.pathHeldClone) {
    return {
      save: false,
      reason: 'path already held a clone, which the action synced in place without the cache'
    };
  }
  if (state.shallowDepth > 0) {
    return {
      save: false,
      reason: `the clone is shallow (fetch-depth: ${state.shallowDepth}), and an entry holds the whole history`
    };
  }
  if (state.cacheSource === 'none') {
    return { save: false, reason: 'no cache service is available to this job' };
  }
  if (state.matchedKey === key) {
    return { save: false, reason: `the entry ${key} already exists` };
  }
  switch (state.saveCache) {
    case 'never':
      return { save: false, reason: 'save-cache is never' };
    case 'always':
      return { save: true, reason: 'save-cache is always' };
    case 'auto':
      if (!state.isDefaultBranch) {
        return {
          save: false,
          reason: 'save-cache is auto and this job is not on the default branch'
        };
      }
      if (!state.seeded) {
        return { save: true, reason: 'there was no usable cache entry' };
      }
      if ((state.staleCommits ?? 0) > state.refreshAfter) {
        return {
          save: true,
          reason: `the entry was ${state.staleCommits} commits behind (refresh-after: ${state.refreshAfter})`
        };
      }
      return {
        save: false,
        reason: `the entry is ${state.staleCommits ?? 0} commits behind, within refresh-after (${state.refreshAfter})`
      };
  }
}
