/**
 * Time bounds of the main step. The defaults suit large repositories on GitHub's cache; the
 * environment variables exist so tests and unusual runners can shorten or lengthen them.
 */
export interface Limits {
  restoreTimeoutMs: number;
  seedTimeoutMs: number;
}

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : NaN;
  return (Number.isFinite(value) && value > 0 ? value : fallback) * 1000;
}

export function limits(): Limits {
  return {
    restoreTimeoutMs: seconds('CLONE_CACHE_RESTORE_TIMEOUT_SECONDS', 600),
    seedTimeoutMs: seconds('CLONE_CACHE_SEED_TIMEOUT_SECONDS', 300)
  };
}
