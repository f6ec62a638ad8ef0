/**
 * The cache mode the runner gives this job's token (ACTIONS_CACHE_MODE): since 2026 untrusted
 * triggers get a read-only one. Read as @actions/cache reads it; an unset or unknown mode allows
 * writes, as the library does.
 */
const MODES_WITHOUT_WRITES = ['read', 'none'];

export function cacheTokenAllowsWrites(env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = (env.ACTIONS_CACHE_MODE || '').trim().toLowerCase();
  return !MODES_WITHOUT_WRITES.includes(mode);
}

/** The post step's one line when the token cannot write: said, not warned. */
export const READ_ONLY_TOKEN =
  "not saved: this run's cache token is read-only (GitHub gives one to untrusted triggers), so nothing was uploaded";
