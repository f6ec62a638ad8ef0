import type { LockOptions } from './host/lock.js';

/**
 * Time bounds of the main step. The defaults suit large repositories on GitHub's cache; the
 * environment variables exist so tests and unusual runners can shorten or lengthen them.
 */
export interface Limits {
  restoreTimeoutMs: number;
  seedTimeoutMs: number;
  /** The post step gives up saving after this long (a stalled upload must not hang the job). */
  saveTimeoutMs: number;
  /** How long a job waits for a lock on shared host state held by a live job. */
  lockTimeoutMs: number;
  /** A lock whose holder's heartbeat is older than this is presumed dead (holder on another host). */
  lockStaleMs: number;
  /** A fetch that failed transiently waits between this and twice this before trying again. */
  fetchRetryBackoffMs: number;
  /** A fetch or ls-remote that receives nothing for this long is ended (then retried). */
  fetchStallMs: number;
}

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : NaN;
  return (Number.isFinite(value) && value > 0 ? value : fallback) * 1000;
}

export function limits(): Limits {
  return {
    restoreTimeoutMs: seconds('CLONE_CACHE_RESTORE_TIMEOUT_SECONDS', 600),
    seedTimeoutMs: seconds('CLONE_CACHE_SEED_TIMEOUT_SECONDS', 300),
    saveTimeoutMs: seconds('CLONE_CACHE_SAVE_TIMEOUT_SECONDS', 900),
    lockTimeoutMs: seconds('CLONE_CACHE_LOCK_TIMEOUT_SECONDS', 600),
    lockStaleMs: seconds('CLONE_CACHE_LOCK_STALE_SECONDS', 120),
    // actions/checkout waits 10 to 20 s between its attempts.
    fetchRetryBackoffMs: seconds('CLONE_CACHE_RETRY_BACKOFF_SECONDS', 10),
    fetchStallMs: seconds('CLONE_CACHE_FETCH_STALL_SECONDS', 60)
  };
}

/** A worktree lease whose job cannot be checked (another host, a container) ends after this long. */
export function leaseMaxAgeMs(): number {
  const hours = Number(process.env.CLONE_CACHE_LEASE_MAX_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? hours : 24) * 3600_000;
}

/** The bounds of the host clone's lock. */
export function hostLockOptions(): LockOptions {
  const { lockTimeoutMs, lockStaleMs } = limits();
  return { timeoutMs: lockTimeoutMs, staleMs: lockStaleMs };
}

/**
 * A host clone fetched less than this long ago is not fetched again by a task worktree job when
 * origin's tips of the job's branches are the ones it holds (asked in one round trip); 0 turns
 * the window off. Other branches and tags are then at most this much older than origin's.
 */
export function hostFreshWindowMs(): number {
  const raw = process.env.CLONE_CACHE_HOST_FRESH_SECONDS;
  const value = raw ? Number(raw) : NaN;
  return (Number.isFinite(value) && value >= 0 ? value : 30) * 1000;
}
