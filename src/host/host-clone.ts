import * as core from '@actions/core';
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errorMessage, type Fallback } from '../errors.js';
import { exists } from '../fs-util.js';
import { gitConfigTemplate } from '../git/config-template.js';
import { GitError, gitStderrOf } from '../git/exec.js';
import { collectGarbageIfDue } from '../git/maintenance.js';
import { setOriginHead } from '../git/refs.js';
import { fetchLocalBranchesFrom, type TransferOptions } from '../git/remote.js';
import { initBareRepository, type Repository } from '../git/repository.js';
import { hostLockOptions } from '../limits.js';
import { fetchOrigin, remoteDefaultBranch } from '../clone/fetch.js';
import { withLock } from './lock.js';
import { markFetched } from './fresh-window.js';
import { removeLeftovers, removeStaleGitLocks } from './leftovers.js';
import { makeHostCloneTrustworthy, unsafeStructure } from './trust.js';

/** Where one repository's persistent clone lives inside `cache-dir`. */
export interface HostClonePaths {
  cacheDir: string;
  /** Readable repository name plus a short hash of the origin URL. */
  scope: string;
  /** The bare clone. */
  dir: string;
  /** The lock that guards every change to it. */
  lock: string;
}

export interface RefreshResult {
  /** True when the clone was made (or rebuilt) in this run. */
  created: boolean;
  /** origin's branch and tag tips before the refresh, to count what it brought. */
  tipsBefore: Map<string, string>;
  defaultBranch: string;
}

const COMPLETE_MARKER = 'clone-cache-complete';
/** Left by a job that found an object not matching its id: the next refresh rebuilds the clone. */
const REFUSED_MARKER = 'clone-cache-refused';
const GC_STAMP = 'clone-cache-gc-stamp';
const GC_INTERVAL_MS = 60 * 60 * 1000;

export function hostClonePaths(
  cacheDir: string,
  repoName: string,
  originUrl: string
): HostClonePaths {
  const hash = createHash('sha256').update(originUrl).digest('hex').slice(0, 8);
  const scope = `${repoName}-${hash}`;
  return {
    cacheDir,
    scope,
    dir: path.join(cacheDir, scope),
    lock: path.join(cacheDir, `${scope}.lock`)
  };
}

interface Inspection {
  /** Why the clone cannot be trusted, or '' when it looks whole. */
  broken: string;
  /** origin's branch and tag tips, to count what the refresh brings. */
  tips: Map<string, string>;
}

/** One pass over the refs: cheap health checks (marker, readable refs, tip objects) and the tips. */
async function inspect(hostClone: Repository): Promise<Inspection> {
  const tips = new Map<string, string>();
  if (!(await exists(path.join(hostClone.dir, COMPLETE_MARKER)))) {
    return { broken: 'its first clone never finished', tips };
  }
  const refused = await fs
    .readFile(path.join(hostClone.dir, REFUSED_MARKER), 'utf8')
    .catch(() => undefined);
  if (refused !== undefined) return { broken: refused.trim(), tips };
  let refs;
  try {
    refs = await hostClone.refTips();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return { broken: `its refs cannot be read: ${error.result.stderr.trim()}`, tips };
  }
  const [missing] = await hostClone.missingObjects(refs.map(tip => tip.object));
  if (missing) return { broken: `the object ${missing} a ref points to is missing`, tips };
  for (const { object, ref } of refs) {
    if (ref.startsWith('refs/remotes/origin/') || ref.startsWith('refs/tags/'))
      tips.set(ref, object);
  }
  return { broken: '', tips };
}

/**
 * What a rebuilt clone keeps of the old one: local task branches (with whatever of their commits
 * can still be read) and the registrations of worktrees that jobs are using.
 */
async function carryOver(oldDir: string, staging: Repository): Promise<void> {
  await fetchLocalBranchesFrom(staging, oldDir).catch(error => {
    if (!(error instanceof GitError)) throw error;
    core.warning(
      `Local branches of the broken host clone could not be carried over: ${error.result.stderr.trim()}`
    );
  });
  const worktrees = path.join(oldDir, 'worktrees');
  if (await exists(worktrees)) {
    await fs.rename(worktrees, path.join(staging.dir, 'worktrees')).catch(() => undefined);
  }
}

/** Clones origin into a sibling folder and swaps it into place, so no reader sees half a clone. */
async function build(
  paths: HostClonePaths,
  originUrl: string,
  hostClone: Repository,
  transfer: TransferOptions,
  carry = true
): Promise<void> {
  const staging = hostClone.at(path.join(paths.cacheDir, `.${paths.scope}.tmp-${randomUUID()}`));
  try {
    await initBareRepository(staging);
    await fs.writeFile(
      path.join(staging.dir, 'config'),
      gitConfigTemplate(originUrl, undefined, true)
    );
    await fetchOrigin(staging, originUrl, { ...transfer, prune: true });
    const hadOld = await exists(paths.dir);
    if (hadOld && carry) await carryOver(paths.dir, staging);
    await fs.writeFile(path.join(staging.dir, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    await markFetched(staging.dir);
    const old = path.join(paths.cacheDir, `.${paths.scope}.old-${randomUUID()}`);
    if (hadOld) await fs.rename(paths.dir, old);
    await fs.rename(staging.dir, paths.dir);
    if (hadOld) await fs.rm(old, { recursive: true, force: true });
  } finally {
    await fs.rm(staging.dir, { recursive: true, force: true });
  }
}

/** gc --auto at most once an hour: it is a no-op most of the time but still reads the object store. */
async function maintain(hostClone: Repository): Promise<void> {
  const stamp = path.join(hostClone.dir, GC_STAMP);
  const last = await fs.stat(stamp).catch(() => undefined);
  if (last && Date.now() - last.mtimeMs < GC_INTERVAL_MS) return;
  await fs.writeFile(stamp, `${new Date().toISOString()}\n`);
  await collectGarbageIfDue(hostClone);
}

/** git's words for a damaged object store (not for a network or server problem). */
const CORRUPTION =
  /missing (blob|tree|commit|object)|bad object|is corrupt|corrupt (loose|pack)|did not send all necessary objects|unable to read (tree|commit|[0-9a-f]{40})/i;

/**
 * What git said, when a failure shows a damaged object store; undefined for any other failure.
 * A failed fetch keeps git's failure as its cause: git's stderr is read from there.
 */
export function corruptionReported(error: unknown): string | undefined {
  const detail = gitStderrOf(error) ?? errorMessage(error);
  return CORRUPTION.test(detail) ? detail.trim() : undefined;
}

/** A host clone made safe and whole, before (or instead of) its refresh fetch. */
export interface PreparedHostClone {
  /** True when the clone was made (or rebuilt) just now: it already matches origin. */
  created: boolean;
  tipsBefore: Map<string, string>;
}

/**
 * The first part of a refresh: removes what killed jobs left, makes the clone trustworthy, and
 * makes (or rebuilds) a clone that is missing or broken. Call only under the host clone's lock.
 */
export async function prepareHostClone(
  paths: HostClonePaths,
  originUrl: string,
  hostClone: Repository,
  transfer: TransferOptions
): Promise<PreparedHostClone> {
  await fs.mkdir(paths.cacheDir, { recursive: true });
  await removeLeftovers(paths.cacheDir, paths.scope);
  // Before any git command runs in it (or anything is removed from it).
  const unsafe = (await exists(paths.dir)) ? await unsafeStructure(paths.dir) : '';
  if (!unsafe && (await exists(paths.dir))) {
    await removeStaleGitLocks(paths.dir);
    await makeHostCloneTrustworthy(paths.dir, originUrl);
  }
  const inspection: Inspection = unsafe
    ? { broken: unsafe, tips: new Map() }
    : (await exists(paths.dir))
      ? await inspect(hostClone)
      : { broken: 'none', tips: new Map() };
  const broken = inspection.broken;
  if (broken === '') return { created: false, tipsBefore: inspection.tips };
  if (broken !== 'none') {
    core.warning(`The host clone ${paths.dir} is broken (${broken}); rebuilding it.`, {
      title: 'Host clone rebuilt'
    });
  }
  // What a tampered clone holds is not carried into the new one.
  await build(paths, originUrl, hostClone, transfer, !unsafe);
  return { created: true, tipsBefore: new Map() };
}

/**
 * Fetches origin into a prepared host clone. A fetch that reports a damaged object store rebuilds
 * the clone (returns true) once `beforeRebuild` has ended whatever else uses the clone; any other
 * failure is thrown. Call only under the host clone's lock.
 */
export async function fetchIntoHostClone(
  paths: HostClonePaths,
  originUrl: string,
  hostClone: Repository,
  transfer: TransferOptions,
  beforeRebuild: () => Promise<void> = async () => undefined
): Promise<{ rebuilt: boolean }> {
  try {
    await fetchOrigin(hostClone, originUrl, { ...transfer, prune: true });
    await markFetched(hostClone.dir);
    return { rebuilt: false };
  } catch (error) {
    const corruption = corruptionReported(error);
    if (corruption === undefined) throw error;
    await beforeRebuild();
    core.warning(
      `Fetching into the host clone ${paths.dir} failed (${corruption}); rebuilding it.`,
      {
        title: 'Host clone rebuilt'
      }
    );
    await build(paths, originUrl, hostClone, transfer);
    return { rebuilt: true };
  }
}

/** The last part of a refresh: origin's HEAD, and gc when it is due. */
export async function finishRefresh(hostClone: Repository, defaultBranch: string): Promise<void> {
  if (defaultBranch) await setOriginHead(hostClone, defaultBranch);
  await maintain(hostClone);
}

/**
 * Makes the host clone exist and match origin. Call only under the host clone's lock. A clone
 * that is missing is made; one that is broken is rebuilt with a warning; a healthy one is fetched.
 * `hostClone` is the handle at `paths.dir`, with origin's auth. `transfer` is how it fetches:
 * shared by jobs with other inputs, it always fetches every tag and the whole history.
 */
export async function refreshHostClone(
  paths: HostClonePaths,
  originUrl: string,
  hostClone: Repository,
  { progress }: Pick<TransferOptions, 'progress'> = {}
): Promise<RefreshResult> {
  const transfer: TransferOptions = { progress };
  const { created: made, tipsBefore } = await prepareHostClone(
    paths,
    originUrl,
    hostClone,
    transfer
  );
  let created = made;
  let asked: Promise<string> | undefined;
  if (!created) {
    // Origin's default branch is asked for alongside the fetch: two round trips at once.
    asked = remoteDefaultBranch(hostClone, originUrl);
    asked.catch(() => undefined); // awaited below, unless the clone is rebuilt first
    if ((await fetchIntoHostClone(paths, originUrl, hostClone, transfer)).rebuilt) {
      created = true;
      asked = undefined;
    }
  }
  const defaultBranch = await (asked ?? remoteDefaultBranch(hostClone, originUrl));
  await finishRefresh(hostClone, defaultBranch);
  return { created, tipsBefore, defaultBranch };
}

/**
 * Has the next refresh rebuild the host clone, which held an object that is not what its id says.
 * No lock is needed: the refresh reads the marker under the lock, and a rebuild drops it.
 */
export async function markForRebuild(paths: HostClonePaths, why: Fallback): Promise<void> {
  await fs.writeFile(path.join(paths.dir, REFUSED_MARKER), `${why.reason}\n`).catch(error => {
    core.warning(
      `Could not mark the host clone ${paths.dir} for a rebuild (${errorMessage(error)}); it still holds ${why.reason}.`,
      { title: 'Host clone not marked' }
    );
  });
}

/** Runs `work` holding the lock of the host clone at `dir` (its lock folder is `lockPath`). */
export function withHostCloneLock<T>(
  lockPath: string,
  dir: string,
  work: () => Promise<T>
): Promise<T> {
  return withLock(lockPath, `the host clone ${dir}`, hostLockOptions(), work);
}
