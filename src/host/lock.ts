import * as core from '@actions/core';
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ActionError, errorMessage } from '../errors.js';
import {
  describeHolder,
  identityOf,
  isAlive,
  livenessIsKnown,
  type ProcessIdentity
} from './process.js';

export interface LockOptions {
  /** How long to wait for a live holder before failing. */
  timeoutMs: number;
  /** A holder that has not refreshed its heartbeat for this long is presumed dead. */
  staleMs: number;
  heartbeatMs?: number;
  pollMs?: number;
  /** How often a waiter says who it waits for (default 10 s). */
  reportEveryMs?: number;
}

interface Holder extends ProcessIdentity {
  token: string;
  since: string;
}

const HOLDER_FILE = 'holder.json';
/**
 * Reclaiming is quick; a reclaim guard older than this was left by a killed process. (Waiters wait
 * this long after a reclaimer dies inside the guard: no lock holder exists then to remove it.)
 */
const RECLAIM_GUARD_STALE_MS = 10_000;

export class HeldLock {
  constructor(
    readonly path: string,
    private readonly token: string,
    private readonly heartbeat: NodeJS.Timeout
  ) {}

  async release(): Promise<void> {
    clearInterval(this.heartbeat);
    const holder = await readHolder(this.path);
    if (holder?.token !== this.token) {
      core.warning(`The lock ${this.path} was taken over while this job held it.`);
      return;
    }
    // Moved aside in one step, then deleted: a lock directory is never seen empty (a waiter's
    // rename would replace an empty directory and take a lock that is still being released).
    const aside = `${this.path}.released-${this.token}`;
    await fs.rename(this.path, aside);
    await fs.rm(aside, { recursive: true, force: true });
  }
}

/** Moves `target` to a `.stale-` name beside the lock in one step, then deletes it there. */
async function removeAside(target: string, lockPath: string): Promise<void> {
  const aside = `${lockPath}.stale-${randomUUID()}`;
  const moved = await fs.rename(target, aside).then(
    () => true,
    () => false
  );
  if (moved) await fs.rm(aside, { recursive: true, force: true });
}

async function readHolder(lockPath: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await fs.readFile(`${lockPath}/${HOLDER_FILE}`, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

async function ageMs(file: string): Promise<number> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat ? Date.now() - stat.mtimeMs : Infinity;
}

/** Why the current holder is dead, or '' while it may be alive. */
async function staleness(lockPath: string, holder: Holder | undefined, staleMs: number) {
  if (!holder) {
    // Free again (then the caller simply retries), being created right now, or its creator died
    // before writing who it is.
    const dir = await fs.stat(lockPath).catch(() => undefined);
    if (!dir) return '';
    return Date.now() - dir.mtimeMs > staleMs ? 'its holder never recorded itself' : '';
  }
  if (!isAlive(holder)) return `its holder ${describeHolder(holder)} is gone`;
  // A live holder on this host keeps its lock however long it works; age decides only for
  // holders whose process cannot be checked from here.
  if (livenessIsKnown(holder)) return '';
  const age = await ageMs(`${lockPath}/${HOLDER_FILE}`);
  if (age > staleMs) {
    return `its holder ${describeHolder(holder)} has not shown life for ${Math.round(age / 1000)} s`;
  }
  return '';
}

/** Drafts, released and reclaimed locks, and reclaim guards left by killed processes. */
async function removeOldDrafts(lockPath: string): Promise<void> {
  const dir = path.dirname(lockPath);
  const base = path.basename(lockPath);
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const leftover = path.join(dir, name);
    // A released or reclaimed lock is never used again; a draft is renamed within milliseconds
    // of being made, so one whose maker is gone (or that is a minute old) is a leftover.
    const done = name.startsWith(`${base}.released-`) || name.startsWith(`${base}.stale-`);
    const draft = name.startsWith(`${base}.new-`);
    const guard = name === `${base}.reclaim`;
    if (done) {
      await fs.rm(leftover, { recursive: true, force: true });
    } else if (
      (draft && (await draftIsAbandoned(leftover, base))) ||
      (guard && (await guardIsAbandoned(leftover)))
    ) {
      // Moved aside first: if its maker was alive after all and renames it into place at this
      // moment, one of the two renames fails whole, and no lock loses its holder record.
      await removeAside(leftover, lockPath);
    }
  }
}

/** Where a process runs (host and pid namespace), as a short tag for draft names. */
function placeTag(identity: ProcessIdentity): string {
  const place = `${identity.host}\0${identity.pidNamespace ?? ''}`;
  return createHash('sha256').update(place).digest('hex').slice(0, 8);
}

/** A draft's name says who made it, so a dead maker is seen even before it wrote its record. */
export function draftName(lockPath: string, maker: ProcessIdentity, token: string): string {
  return `${lockPath}.new-${placeTag(maker)}-${maker.pid}-${maker.startTime}-${token}`;
}

/**
 * A reclaim guard whose maker is gone, or that is older than any reclaim takes. Judged only by a
 * lock holder: while its live lock is there, a reclaimer that takes the guard leaves the lock alone.
 */
async function guardIsAbandoned(guard: string): Promise<boolean> {
  const maker = await readHolder(guard);
  if (maker && !isAlive(maker)) return true;
  return (await ageMs(guard)) > RECLAIM_GUARD_STALE_MS;
}

async function draftIsAbandoned(draft: string, lockBase: string): Promise<boolean> {
  const maker = /^([0-9a-f]{8})-(\d+)-(\d*)-/.exec(
    path.basename(draft).slice(`${lockBase}.new-`.length)
  );
  const me = identityOf(process.pid);
  if (maker && maker[1] === placeTag(me)) {
    const pid = Number(maker[2]);
    if (!isAlive({ ...me, pid, startTime: maker[3] })) return true;
  }
  return (await ageMs(draft)) > 60_000;
}

/**
 * Removes a dead holder's lock. Every reclaimer first takes a small guard directory and checks
 * again inside it, so a lock that another reclaimer just replaced with a live one is never removed.
 */
async function reclaim(
  lockPath: string,
  seen: Holder | undefined,
  staleMs: number
): Promise<boolean> {
  const guard = `${lockPath}.reclaim`;
  try {
    await fs.mkdir(guard);
  } catch {
    // By age only: a guard judged by its maker could be removed just as a live one replaces it.
    if ((await ageMs(guard)) > RECLAIM_GUARD_STALE_MS) {
      await fs.rm(guard, { recursive: true, force: true });
    }
    return false;
  }
  await fs
    .writeFile(`${guard}/${HOLDER_FILE}`, JSON.stringify(identityOf(process.pid)))
    .catch(() => undefined); // lets the next lock holder remove the guard of a killed reclaimer
  try {
    const current = await readHolder(lockPath);
    if (current?.token !== seen?.token) return false;
    const why = await staleness(lockPath, current, staleMs);
    if (!why) return false;
    await removeAside(lockPath, lockPath);
    core.warning(`Reclaimed the lock ${lockPath}: ${why}.`, { title: 'Stale lock reclaimed' });
    return true;
  } finally {
    await fs.rm(guard, { recursive: true, force: true });
  }
}

/**
 * An exclusive lock on shared host state: a directory created atomically, with a record of its
 * holder (host, pid, start time, job) refreshed by a heartbeat. A waiter says who holds it, waits
 * at most `timeoutMs`, and reclaims the lock at once when the holder's process is gone (same host)
 * or when its heartbeat is older than `staleMs` (any host).
 */
export async function acquireLock(
  lockPath: string,
  what: string,
  options: LockOptions
): Promise<HeldLock> {
  const started = Date.now();
  const pollMs = options.pollMs ?? 100;
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  let lastReport = 0;
  for (;;) {
    try {
      // The lock appears with its holder record in one rename: there is never a lock without
      // a holder to check (a process killed before the rename leaves only a stray draft).
      const token = randomUUID();
      const holder: Holder = { ...identityOf(process.pid), token, since: new Date().toISOString() };
      const draft = draftName(lockPath, holder, token);
      await fs.mkdir(draft);
      await fs.writeFile(`${draft}/${HOLDER_FILE}`, JSON.stringify(holder));
      const taken = await fs.rename(draft, lockPath).then(
        () => true,
        async (error: NodeJS.ErrnoException) => {
          await fs.rm(draft, { recursive: true, force: true });
          if (error.code !== 'EEXIST' && error.code !== 'ENOTEMPTY') throw error;
          return false;
        }
      );
      if (taken) {
        const heartbeat = setInterval(
          () => {
            const now = new Date();
            void fs.utimes(`${lockPath}/${HOLDER_FILE}`, now, now).catch(() => undefined);
          },
          options.heartbeatMs ?? Math.max(250, Math.floor(options.staleMs / 4))
        );
        heartbeat.unref();
        // Outside the lock's own error handling: a leftover that cannot go is never a reason to
        // fail (or to hold the lock without a heartbeat).
        await removeOldDrafts(lockPath).catch((error: unknown) =>
          core.warning(`Could not remove leftovers beside ${lockPath}: ${errorMessage(error)}`)
        );
        return new HeldLock(lockPath, token, heartbeat);
      }
    } catch (error) {
      // ENOENT: an old draft of ours was taken for abandoned and removed; simply try again.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOENT') throw error;
      if (code === 'ENOENT') await fs.mkdir(path.dirname(lockPath), { recursive: true });
    }
    const holder = await readHolder(lockPath);
    if (await staleness(lockPath, holder, options.staleMs)) {
      if (await reclaim(lockPath, holder, options.staleMs)) continue;
    }
    const waited = Date.now() - started;
    const who = holder ? describeHolder(holder) : 'a process that is still starting';
    if (waited > options.timeoutMs) {
      throw new ActionError(
        'Timed out waiting for a lock',
        `Waited ${Math.round(waited / 1000)} s for the lock on ${what} (${lockPath}), held by ${who}. If that job is stuck, cancel it; if it is gone, delete ${lockPath}.`
      );
    }
    if (waited - lastReport >= (options.reportEveryMs ?? 10_000)) {
      lastReport = waited;
      core.info(
        `Waiting for the lock on ${what}: held by ${who} (${Math.round(waited / 1000)} s so far)`
      );
    }
    await new Promise(resolve => setTimeout(resolve, pollMs + Math.random() * pollMs));
  }
}

/** Runs `work` while holding the lock. */
export async function withLock<T>(
  lockPath: string,
  what: string,
  options: LockOptions,
  work: () => Promise<T>
): Promise<T> {
  const lock = await acquireLock(lockPath, what, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
