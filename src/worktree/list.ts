import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Repository } from '../git/repository.js';
import { listedWorktrees, type ListedWorktree } from '../git/worktrees.js';
import { canonicalPath, exists, listDir } from '../fs-util.js';
import { isAlive, livenessIsKnown, type ProcessIdentity } from '../host/process.js';
import { leaseMaxAgeMs } from '../limits.js';

/** The lease a job puts on its worktree (as git's own worktree lock reason) for its lifetime. */
export interface Lease extends ProcessIdentity {
  cloneCache: 1;
  removeOnExit: boolean;
  /** When the lease was taken (ISO time). */
  since: string;
}

/** True when the lease's job may still run. */
function leaseIsLive(lease: Lease): boolean {
  // A job on this host is checked, however long it runs; only one elsewhere expires by age.
  if (livenessIsKnown(lease)) return isAlive(lease);
  const age = Date.now() - Date.parse(lease.since);
  return !(Number.isFinite(age) && age > leaseMaxAgeMs());
}

export interface WorktreeEntry extends ListedWorktree {
  /** Git's lock reason, '' when locked without one, undefined when not locked at all. */
  lockReason?: string;
  /** A rebase or bisect is in progress there (`branch` is the branch it will return to). */
  busy?: boolean;
  /** False when `git worktree add` never finished (no index): a job was killed during it. */
  complete: boolean;
}

const LEASE_PREFIX = 'clone-cache-lease:';

/** A lease as git's lock reason; base64url, so git never quotes or escapes it. */
export function formatLease(lease: Lease): string {
  return LEASE_PREFIX + Buffer.from(JSON.stringify(lease), 'utf8').toString('base64url');
}

function parseLease(reason: string | undefined): Lease | undefined {
  if (!reason?.startsWith(LEASE_PREFIX)) return undefined;
  try {
    const lease = JSON.parse(
      Buffer.from(reason.slice(LEASE_PREFIX.length), 'base64url').toString('utf8')
    ) as Lease;
    return lease.cloneCache === 1 ? lease : undefined;
  } catch {
    return undefined;
  }
}

/** Who has a worktree, judged from its lock. */
export type Holder =
  /** Not locked: kept by an earlier job for reuse, or made by hand. */
  | { kind: 'free' }
  | { kind: 'job'; lease: Lease; live: boolean }
  /** git's own lock while it adds a worktree: under the host lock, only a killed add leaves it. */
  | { kind: 'initializing' }
  /** Locked by anyone else: never touched. */
  | { kind: 'person' };

export function holderOf(entry: WorktreeEntry): Holder {
  if (entry.lockReason === undefined) return { kind: 'free' };
  if (entry.lockReason === 'initializing') return { kind: 'initializing' };
  const lease = parseLease(entry.lockReason);
  return lease ? { kind: 'job', lease, live: leaseIsLive(lease) } : { kind: 'person' };
}

/** What git keeps about a linked worktree in `<common dir>/worktrees/<id>/`. */
interface AdminRecord {
  /** The `locked` file's text (git adds a newline), undefined when the worktree is not locked. */
  lockReason?: string;
  /** The branch a rebase or bisect in progress will return to (the worktree shows detached). */
  busyBranch?: string;
  /** A finished `worktree add` always leaves an index. */
  complete: boolean;
}

async function readIfThere(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').then(
    text => text.replace(/\n$/, ''),
    () => undefined
  );
}

/**
 * Reads the worktree records from disk: `worktree list --porcelain` shows locks only from git
 * 2.31 on, and shows a worktree in the middle of a rebase as detached.
 */
async function readAdminRecords(repo: Repository): Promise<Map<string, AdminRecord>> {
  const root = path.join(await repo.commonDir(), 'worktrees');
  const records = new Map<string, AdminRecord>();
  for (const id of await listDir(root)) {
    const dir = path.join(root, id);
    const gitdir = await readIfThere(path.join(dir, 'gitdir'));
    if (!gitdir) continue;
    const headName =
      (await readIfThere(path.join(dir, 'rebase-merge', 'head-name'))) ??
      (await readIfThere(path.join(dir, 'rebase-apply', 'head-name')));
    const bisected = await readIfThere(path.join(dir, 'BISECT_START'));
    records.set(canonicalPath(path.dirname(path.resolve(dir, gitdir.trim()))), {
      lockReason: await readIfThere(path.join(dir, 'locked')),
      busyBranch: headName?.startsWith('refs/heads/')
        ? headName
        : bisected
          ? `refs/heads/${bisected.trim()}`
          : undefined,
      complete: await exists(path.join(dir, 'index'))
    });
  }
  return records;
}

/** git's worktree list, with what its records on disk say (locks, unfinished adds, rebases). */
export async function listWorktrees(repo: Repository): Promise<WorktreeEntry[]> {
  const [listed, records] = await Promise.all([listedWorktrees(repo), readAdminRecords(repo)]);
  const entries: WorktreeEntry[] = listed.map(worktree => ({
    ...worktree,
    path: canonicalPath(worktree.path),
    complete: true
  }));
  for (const entry of entries.slice(1)) {
    const record = records.get(entry.path);
    if (!record) continue;
    entry.lockReason = record.lockReason;
    entry.complete = record.complete;
    if (!entry.branch && record.busyBranch) {
      entry.branch = record.busyBranch;
      entry.busy = true;
    }
  }
  return entries;
}
