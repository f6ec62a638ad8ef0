/**
 * The cache path, relative to the workspace. Its text is part of the entry's version (a sha256
 * of the paths): changing it makes every saved entry invisible, so it never changes.
 */
export const STAGING_ROOT = '.clone-cache-staging';
export const STAGING_RELATIVE = `${STAGING_ROOT}/clone.git`;

import type { Fallback } from '../errors.js';

export type CacheSource = 'actions-cache' | 'host-dir' | 'none';

export interface RestoreResult {
  /** The key of the entry that was restored, '' on a miss or a failure. */
  matchedKey: string;
  /** Where the restored `.git` directory now is, when an entry was restored. */
  gitDir?: string;
  archiveBytes?: number;
  /** Why nothing was restored although an entry may exist (service down, corrupt archive...). */
  failure?: Fallback;
}

/**
 * Where a clone cache comes from: restore leaves a cached `.git` in a staging directory that the
 * seeder moves into place. (Only the hosted backend saves; the host clone is refreshed in place.)
 */
export interface CacheBackend {
  readonly source: CacheSource;
  /** False when the backend cannot work in this environment (e.g. no cache service). */
  available(): Promise<boolean>;
  restore(keyPrefix: string, exactCommit: string): Promise<RestoreResult>;
  /** Removes the staging directory and anything a restore left in it. */
  cleanStaging(): Promise<void>;
}

export function entryKey(prefix: string, commit: string): string {
  return `${prefix}-${commit}`;
}
