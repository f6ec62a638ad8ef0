import * as core from '@actions/core';
import * as path from 'node:path';
import { ActionError, type Fallback } from '../errors.js';
import { untrustedObjectsOf } from '../git/object-check.js';
import { GitError } from '../git/exec.js';
import { setOriginHead } from '../git/refs.js';
import type { Repository } from '../git/repository.js';
import type { Settings } from '../inputs/settings.js';
import type { RunnerContext } from '../runner-context.js';
import { isActionClone } from '../seed/marker.js';
import { fetchBlobsToCheckOut } from '../clone/blobs.js';
import { checkoutTarget } from '../clone/checkout.js';
import { removeStaleCredentials } from '../clone/credentials.js';
import { fetchCommit, fetchOrigin, fetchTag, remoteDefaultBranch } from '../clone/fetch.js';
import { planFetch, type HistorySource } from '../clone/fetch-plan.js';
import { pullLfsFiles, installLfsInClone } from '../lfs/pull.js';
import { settleSeededLfsStore } from '../lfs/verify.js';
import { setOrigin } from '../clone/origin.js';
import { applySparseCheckout } from '../clone/sparse-checkout.js';
import {
  extraRefspecFor,
  resolveTarget,
  tagRefspecFor,
  type RefRequest,
  type Target
} from '../clone/ref.js';
import { checkOutSubmodules } from '../submodules/stage.js';
import type { Job } from './job.js';
import type { Preparation } from './prepare-clone.js';

export interface SyncResult {
  target: Target;
  defaultBranch: string;
  isDefaultBranch: boolean;
  staleCommits: number | null;
  /** The clone's history is cut off (fetch-depth on a miss): no entry is saved from it. */
  shallow: boolean;
}

export function isWorkflowRepository(
  settings: Pick<Settings, 'repository'>,
  context: RunnerContext
): boolean {
  return settings.repository.toLowerCase() === context.workflowRepository.toLowerCase();
}

function refRequest(settings: Settings, context: RunnerContext, defaultBranch: string): RefRequest {
  if (settings.ref) return { ref: settings.ref, sha: '' };
  if (isWorkflowRepository(settings, context) && context.eventRef) {
    return { ref: context.eventRef, sha: context.eventSha };
  }
  if (isWorkflowRepository(settings, context) && context.eventSha) {
    return { ref: context.eventSha, sha: context.eventSha };
  }
  return { ref: `refs/heads/${defaultBranch}`, sha: '' };
}

/** origin's default branch: from the event when it names it, else asked of the server. */
async function defaultBranchOf(
  clone: Repository,
  settings: Settings,
  context: RunnerContext
): Promise<string> {
  const fromEvent = isWorkflowRepository(settings, context) ? context.eventDefaultBranch : '';
  return fromEvent || (await remoteDefaultBranch(clone, settings.originUrl));
}

/** The cache entry cannot be used after all: the job clones instead. */
export class EntryRefused extends Error {
  constructor(readonly fallback: Fallback) {
    super(fallback.reason);
    this.name = 'EntryRefused';
  }
}

/** Every object a checkout of the commits will read hashes to its id, or the entry is refused. */
async function verifyObjectsOf(clone: Repository, commits: string[]): Promise<void> {
  const problem = await untrustedObjectsOf(clone, ...commits);
  if (problem) {
    throw new EntryRefused({ ...problem, reason: `cache entry refused: ${problem.reason}` });
  }
}

/** What the job will check out: the target, and the task worktree's start (its branch or base). */
async function commitsToCheckOut(
  clone: Repository,
  settings: Job['settings'],
  target: Target,
  defaultBranch: string
): Promise<string[]> {
  const commits = new Set([target.commit]);
  if (settings.branch) {
    for (const branch of [settings.branch, settings.base || defaultBranch]) {
      const commit = branch && (await clone.resolveCommit(`refs/remotes/origin/${branch}`));
      if (commit) commits.add(commit);
    }
  }
  return [...commits];
}

/** What the clone held before the fetch: fetch-depth and fetch-tags narrow only what is fetched. */
async function historySource(clone: Repository, prepared: Preparation): Promise<HistorySource> {
  if (prepared.cache.pathHeldClone) {
    return { kind: 'existing', path: clone.dir, shallow: await clone.isShallow() };
  }
  if (prepared.cachedCommit) {
    const from = prepared.cache.source === 'host-dir' ? 'host-clone' : 'cache-entry';
    return { kind: 'seeded', from };
  }
  return { kind: 'fresh' };
}

/**
 * Origin, fetch, checkout of `ref`: the same for a seeded and a fresh clone. The fetch stage
 * includes pointing origin at the repository and asking for its default branch; in a seeded
 * clone, the objects of the commit are verified before the checkout.
 */
export async function syncClone(
  job: Job,
  clone: Repository,
  prepared: Preparation
): Promise<SyncResult> {
  const { settings, context, stages } = job;
  const { cachedCommit } = prepared;
  const where = { cwd: settings.clonePath };
  const ownClone = await isActionClone(path.join(settings.clonePath, '.git'));
  const { target, defaultBranch, shallow, commits } = await stages.run(
    'fetch',
    'Fetching from origin',
    async () => {
      // Inside the stage: the first git command in path (dubious ownership) gets its diagnosis.
      const { transfer, notes } = planFetch(settings, await historySource(clone, prepared));
      for (const note of notes) core.info(note);
      await setOrigin(clone, settings.originUrl, ownClone);
      // A token an earlier run of this action persisted in the clone at path (its post step did
      // not run) goes; a seeded or new clone has the template config, and a clone you made keeps
      // its config (authConfig makes git ignore its header for our fetch).
      if (ownClone && prepared.cache.pathHeldClone) {
        await removeStaleCredentials(clone, settings.originUrl);
      }
      const defaultBranch = await defaultBranchOf(clone, settings, context);
      const request = refRequest(settings, context, defaultBranch);
      if (!request.ref || request.ref === 'refs/heads/') {
        throw new ActionError(
          'Nothing to check out',
          `${settings.originUrl} has no default branch: the repository is empty, or its HEAD names no branch. Push a first commit, or give ref.`
        );
      }
      const extra = [
        extraRefspecFor(request.ref),
        tagRefspecFor(request.ref, settings.fetchTags)
      ].filter(refspec => refspec !== undefined);
      await fetchOrigin(clone, settings.originUrl, {
        prune: ownClone,
        extraRefspecs: extra,
        ...transfer
      });
      // After an --unshallow fetch the clone is complete: asking for that again fails.
      const followUp =
        transfer.depth === 'unshallow' ? { ...transfer, depth: undefined } : transfer;
      const target = await resolveTarget(clone, request, settings.originUrl, {
        commit: sha => fetchCommit(clone, settings.originUrl, sha, followUp),
        tag: settings.fetchTags
          ? undefined
          : name => fetchTag(clone, settings.originUrl, name, followUp)
      });
      if (defaultBranch) {
        await setOriginHead(clone, defaultBranch).catch(error => {
          if (!(error instanceof GitError)) throw error;
        });
      }
      // What the blob fetch and the verify read; only a blobless or a seeded clone needs them.
      const commits =
        transfer.filter || cachedCommit
          ? await commitsToCheckOut(clone, settings, target, defaultBranch)
          : [];
      // A blobless clone this job made: the blobs of what is checked out, before they are read.
      if (transfer.filter) await fetchBlobsToCheckOut(clone, settings.originUrl, commits, transfer);
      const shallow = typeof transfer.depth === 'number' && (await clone.isShallow());
      return { target, defaultBranch, shallow, commits };
    },
    where
  );
  // git does not re-hash what it checks out: what came from the cache is checked first.
  if (cachedCommit) {
    await stages.run(
      'verify',
      `Verifying the objects of ${target.commit}`,
      async () => {
        await verifyObjectsOf(clone, commits);
        await settleSeededLfsStore(await clone.absoluteGitDir(), settings.lfs);
      },
      where
    );
  }
  await stages.run(
    'checkout',
    `Checking out ${target.name} (${target.commit})`,
    async () => {
      await applySparseCheckout(clone, settings.sparseCheckout, { mainWorktree: true });
      await checkoutTarget(clone, target, { ownClone, clean: settings.clean });
    },
    where
  );
  await checkOutSubmodules(job, clone, { fromCache: cachedCommit !== undefined, shallow });
  if (settings.lfs) {
    await stages.run(
      'checkout',
      `Checking out the Git LFS files of ${target.commit}`,
      async () => {
        await installLfsInClone(clone);
        await pullLfsFiles(clone, { progress: settings.showProgress, verifyNeeded: false });
      },
      where
    );
  }
  // Best effort: the count walks history that came from the cache.
  const staleCommits = cachedCommit
    ? await clone.countCommits(cachedCommit, target.commit).catch(() => null)
    : null;
  return {
    target,
    defaultBranch,
    isDefaultBranch:
      target.kind === 'branch' &&
      target.name === defaultBranch &&
      runsOnWorkflowDefaultBranch(settings, context, defaultBranch),
    staleCommits,
    shallow
  };
}

/**
 * GitHub scopes cache entries by the run's ref: only an entry saved by a run on the workflow
 * repository's default branch is visible to every branch. (A pull request that checks out main
 * would save into its own scope, where nothing else can use it.) Off GitHub there is no scope.
 */
function runsOnWorkflowDefaultBranch(
  settings: Settings,
  context: RunnerContext,
  defaultBranch: string
): boolean {
  if (!context.eventRef) return true;
  const workflowDefault =
    context.eventDefaultBranch || (isWorkflowRepository(settings, context) ? defaultBranch : '');
  return workflowDefault !== '' && context.eventRef === `refs/heads/${workflowDefault}`;
}
