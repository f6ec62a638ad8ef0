/**
 * The cache path, relative to the workspace. Its text is part of the entry's version (a sha256
 * of the paths): changing it makes every saved entry invisible, so it never changes.
 */
export const STAGING_ROOT = '.clone-cache-staging';
export const STAGING_RELATIVE = `${STAGING_ROOT}/clone.git`;

export type CacheSource = 'actions-cache' | 'host-dir' | 'none';

export interface RestoreResult {
  /** The key of the entry that was restored, '' on a miss or a failure. */
  matchedKey: string;
  /** Where the restored `.git` directory now is, when an entry was restored. */
  gitDir?: string;
  archiveBytes?: number;
  /** Why nothing was restored although an entry may exist (service down, corrupt archive...). */
  failure?: string;
  /** The error behind the failure, when there is one (for the permission diagnosis). */
  error?: unknown;
}

export interface SaveResult {
  saved: boolean;
  /** One line for the log and the summary: saved, skipped because another job saves, failed... */
  message: string;
  /** Not saved because another job saves (or saved) the same key: not a problem. */
  otherJob?: boolean;
}

/**
 * Where clone caches come from and go to. Restore leaves the cached `.git` in a staging
 * directory that the seeder moves into place; save archives a snapshot prepared in that same
 * staging directory.
 */
export interface CacheBackend {
  readonly source: CacheSource;
  /** Where restore puts the cached `.git` and where save expects the snapshot. */
  readonly stagingDir: string;
  /** False when the backend cannot work in this environment (e.g. no cache service). */
  available(): Promise<boolean>;
  restore(keyPrefix: string, exactCommit: string): Promise<RestoreResult>;
  save(key: string): Promise<SaveResult>;
  /** Removes the staging directory and anything a restore left in it. */
  cleanStaging(): Promise<void>;
}

export function entryKey(prefix: string, commit: string): string {
  return `${prefix}-${commit}`;
}
