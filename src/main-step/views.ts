import type { Settings } from '../inputs/settings.js';
import type { RunnerContext } from '../runner-context.js';
import type { MainState } from '../state.js';
import type { Phase } from '../timing.js';
import { diagnosisSettings } from './mode.js';
import { forkPrCheckout } from './pr-guard.js';
import type { MainResult } from './result.js';

/**
 * The full ref checked out, as actions/checkout reports it: refs/heads/x, refs/tags/v1,
 * refs/pull/1/merge; '' for a commit. With a task worktree, its branch (as `commit` is its commit).
 */
export function checkedOutRef(result: MainResult): string {
  if (result.worktree) return `refs/heads/${result.worktree.branch}`;
  const { kind, name } = result.target;
  switch (kind) {
    case 'branch':
      return `refs/heads/${name}`;
    case 'tag':
      return `refs/tags/${name}`;
    case 'ref':
      return name;
    case 'commit':
      return '';
  }
}

/** The outputs, by the names action.yml declares. */
export function outputsOf(result: MainResult): Record<string, string> {
  return {
    ref: checkedOutRef(result),
    'cache-hit': String(result.cache.matchedKey !== ''),
    'cache-matched-key': result.cache.matchedKey,
    'cache-source': result.cache.source,
    seeded: String(result.cache.seeded),
    'fallback-reason': result.cache.fallback?.reason ?? '',
    'clone-path': result.clonePath,
    'worktree-path': result.worktree?.path ?? '',
    commit: result.worktree?.commit ?? result.target.commit,
    'stale-commits': result.staleCommits === null ? '' : String(result.staleCommits),
    seconds: result.seconds.toFixed(2)
  };
}

/** What the job checked out, in words: `branch main`, `tag v1`, `commit <sha>`. */
export function checkedOut(result: MainResult): string {
  return result.worktree
    ? `branch ${result.worktree.branch}`
    : `${result.target.kind} ${result.target.name}`;
}

const PHASE_ROWS: [Phase, string][] = [
  ['restore', 'Restore (s)'],
  ['seed', 'Seed (s)'],
  ['clone', 'Clone init (s)'],
  ['fetch', 'Fetch (s)'],
  ['verify', 'Verify (s)'],
  ['checkout', 'Checkout (s)'],
  ['worktree', 'Worktree (s)']
];

function mebibytes(bytes: number | undefined): string {
  return bytes === undefined ? '' : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The job summary's rows: item and value ('' shows as '-'). */
export function summaryRowsOf(result: MainResult): [string, string][] {
  const outputs = outputsOf(result);
  const { worktree } = result;
  return [
    ['Cache source', result.cache.source],
    ['Cache hit', outputs['cache-hit']],
    ['Matched key', result.cache.matchedKey],
    ['Archive size', mebibytes(result.cache.archiveBytes)],
    ['Seeded', outputs.seeded],
    ['Fallback reason', outputs['fallback-reason']],
    ['Checked out', `${checkedOut(result)} at ${outputs.commit}`],
    ['Task worktree', worktree ? `${worktree.path} (${worktree.mode})` : ''],
    ['Stale commits', outputs['stale-commits']],
    ...PHASE_ROWS.map(([phase, item]): [string, string] => {
      const seconds = result.phaseSeconds[phase];
      return [item, seconds === undefined ? '' : seconds.toFixed(2)];
    }),
    ['Total (s)', outputs.seconds]
  ];
}

/** What the post step needs: the mode, what to clean up, and the facts the save policy reads. */
export function stateOf(result: MainResult, settings: Settings, context: RunnerContext): MainState {
  return {
    version: 3,
    mode: result.mode,
    workspace: context.workspace,
    runnerTemp: context.runnerTemp,
    clonePath: result.clonePath,
    originUrl: settings.originUrl,
    credentials: result.credentials,
    cacheSource: result.cache.source,
    keyPrefix: settings.cacheKeyPrefix,
    matchedKey: result.cache.matchedKey,
    seeded: result.cache.seeded,
    pathHeldClone: result.cache.pathHeldClone,
    commit: result.target.commit,
    isDefaultBranch: result.isDefaultBranch,
    staleCommits: result.staleCommits,
    shallowDepth: result.shallow ? settings.fetchDepth : 0,
    filter: settings.filter,
    saveCache: settings.saveCache,
    forkPrCheckout: forkPrCheckout(settings, context),
    refreshAfter: settings.refreshAfter,
    diagnosis: diagnosisSettings(result.mode, settings, context),
    worktree: result.worktree,
    lfs: settings.lfs
  };
}
