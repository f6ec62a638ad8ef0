import { OBJECT_ID } from '../git/ref-format.js';

/** One entry of the repository's Actions cache, as the REST API lists it. */
export interface ListedEntry {
  id: number;
  key: string;
  ref: string;
  version: string;
  sizeBytes: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/** Only `<prefix>-<40 or 64 hex>` is an entry of the prefix (not `<prefix>-docs-<sha>`). */
export function isEntryOfPrefix(prefix: string, key: string): boolean {
  return key.startsWith(`${prefix}-`) && OBJECT_ID.test(key.slice(prefix.length + 1));
}

export interface DeletionPlan {
  /** This clone's entries on the ref, newest first: what the job summary counts. */
  entries: ListedEntry[];
  remove: ListedEntry[];
  /** Why nothing is deleted although there may be superseded entries. */
  note?: string;
}

const newestFirst = (a: ListedEntry, b: ListedEntry) => b.createdAt - a.createdAt || b.id - a.id;

/** This clone's entries: the prefix's, on the ref, newest first. */
export function entriesOf(
  listed: readonly ListedEntry[],
  scope: { prefix: string; ref: string }
): ListedEntry[] {
  return listed
    .filter(entry => entry.ref === scope.ref && isEntryOfPrefix(scope.prefix, entry.key))
    .sort(newestFirst);
}

/**
 * The superseded entries that go: of the prefix's entries on the ref with the saved entry's
 * version, all that are older than the one saved before it. The entry just saved, any newer one
 * (another job's), and the one before it (a job may be restoring it now) stay. Entries of another
 * version (gzip where this runner has zstd, another platform) serve other runners and stay.
 */
export function planDeletions(
  listed: readonly ListedEntry[],
  scope: { prefix: string; ref: string; savedKey: string }
): DeletionPlan {
  const entries = entriesOf(listed, scope);
  const saved = entries.find(entry => entry.key === scope.savedKey);
  if (!saved) {
    return {
      entries,
      remove: [],
      note: `the entry just saved (${scope.savedKey}) is not listed yet; the next save deletes what it supersedes`
    };
  }
  const sameVersion = entries.filter(entry => entry.version === saved.version);
  const savedAt = sameVersion.indexOf(saved);
  return { entries, remove: sameVersion.slice(savedAt + 2) };
}
