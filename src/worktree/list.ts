import type { Git } from '../git/git.js';
import { canonicalPath } from '../fs-util.js';
import { isAlive, type ProcessIdentity } from '../host/process.js';

/** The lease a job puts on its worktree (as git's own worktree lock reason) for its lifetime. */
export interface Lease extends ProcessIdentity {
  cloneCache: 1;
  removeOnExit: boolean;
  /** When the lease was taken (ISO time). */
  since: string;
}

/** A lease whose job cannot be checked (another host, a container) ends after this long. */
function leaseMaxAgeMs(): number {
  const hours = Number(process.env.CLONE_CACHE_LEASE_MAX_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? hours : 24) * 3600_000;
}

/** True when the lease's job may still run. */
function leaseIsLive(lease: Lease): boolean {
  const age = Date.now() - Date.parse(lease.since);
  if (Number.isFinite(age) && age > leaseMaxAgeMs()) return false;
  return isAlive(lease);
}

export interface WorktreeEntry {
  path: string;
  head: string;
  /** refs/heads/<name>, or '' when detached (or bare). */
  branch: string;
  bare: boolean;
  /** Git's lock reason, '' when unlocked, undefined when not locked at all. */
  lockReason?: string;
}

const LEASE_PREFIX = 'clone-cache-lease:';

/** A lease as git's lock reason; base64url, so git never quotes or escapes it. */
export function formatLease(lease: Lease): string {
  return LEASE_PREFIX + Buffer.from(JSON.stringify(lease), 'utf8').toString('base64url');
}

export function parseLease(reason: string | undefined): Lease | undefined {
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

export async function listWorktrees(git: Git): Promise<WorktreeEntry[]> {
  const out = await git.output(['worktree', 'list', '--porcelain']);
  const entries: WorktreeEntry[] = [];
  let current: WorktreeEntry | undefined;
  for (const line of out.split('\n')) {
    if (line.startsWith('worktree ')) {
      current = {
        path: canonicalPath(line.slice('worktree '.length)),
        head: '',
        branch: '',
        bare: false
      };
      entries.push(current);
    } else if (!current) {
      continue;
    } else if (line.startsWith('HEAD ')) {
      current.head = line.slice(5);
    } else if (line.startsWith('branch ')) {
      current.branch = line.slice(7);
    } else if (line === 'bare') {
      current.bare = true;
    } else if (line === 'locked') {
      current.lockReason = '';
    } else if (line.startsWith('locked ')) {
      current.lockReason = line.slice(7);
    }
  }
  return entries;
}
