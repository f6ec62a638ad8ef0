import type { TransferOptions } from '../git/remote.js';

/** The inputs that shape a fetch from origin. */
export interface FetchInputs {
  /** 0: the whole history; N: depth N where the history is not there already. */
  fetchDepth: number;
  fetchTags: boolean;
  showProgress: boolean;
  /** A partial clone filter for the clones this job makes ('' for full history). */
  filter: string;
}

/** What the repository held before the fetch, which decides what the inputs can still change. */
export type HistorySource =
  /** An empty repository this run made: nothing was restored (a miss). */
  | { kind: 'fresh' }
  /** Seeded from a cache entry, or from the host clone in cache-dir. */
  | { kind: 'seeded'; from: 'cache-entry' | 'host-clone' }
  /** A clone `path` already held. */
  | { kind: 'existing'; path: string; shallow: boolean }
  /** The host clone in cache-dir itself: shared by every job on the host, it stays whole. */
  | { kind: 'host-clone' };

export interface FetchPlan {
  transfer: TransferOptions;
  /** One info line each, for where the inputs ask for less than the job gets. */
  notes: string[];
}

const SHARED = 'it is shared by every job on this host';

function holderOf(source: Exclude<HistorySource, { kind: 'fresh' }>): string {
  switch (source.kind) {
    case 'seeded':
      return source.from === 'cache-entry'
        ? 'the restored cache entry'
        : 'the host clone in cache-dir';
    case 'existing':
      return `the clone at ${source.path}`;
    case 'host-clone':
      return 'the host clone in cache-dir';
  }
}

function fromHostClone(source: HistorySource): boolean {
  return source.kind === 'host-clone' || (source.kind === 'seeded' && source.from === 'host-clone');
}

function depthOf(inputs: FetchInputs, source: HistorySource): FetchPlan {
  const depth = inputs.fetchDepth;
  if (source.kind === 'fresh') {
    if (depth === 0) return { transfer: {}, notes: [] };
    return {
      transfer: { depth },
      notes: [
        `fetch-depth is ${depth} and no cache entry was restored: the clone is shallow (depth ${depth}), and this run saves no cache entry from it.`
      ]
    };
  }
  if (source.kind === 'existing' && source.shallow) {
    if (depth > 0) return { transfer: { depth }, notes: [] };
    return {
      transfer: { depth: 'unshallow' },
      notes: [
        `The clone at ${source.path} is shallow: fetching its whole history (fetch-depth is 0).`
      ]
    };
  }
  if (depth === 0) return { transfer: {}, notes: [] };
  const holds = fromHostClone(source)
    ? `always holds the full history (${SHARED})`
    : 'holds the full history';
  return {
    transfer: {},
    notes: [
      `fetch-depth is ${depth}, but ${holderOf(source)} ${holds}: this job uses all of it (a superset of what was asked).`
    ]
  };
}

function tagNotes(inputs: FetchInputs, source: HistorySource): string[] {
  if (inputs.fetchTags || source.kind === 'fresh') return [];
  if (source.kind === 'host-clone') {
    return [
      `fetch-tags is false, but the host clone in cache-dir keeps every tag of origin (${SHARED}): the task worktree sees them all.`
    ];
  }
  const kept =
    source.kind === 'existing'
      ? `the tags ${holderOf(source)} already holds stay`
      : `the tags that came with ${holderOf(source)} stay`;
  return [`fetch-tags is false: no tags are fetched; ${kept}.`];
}

/**
 * The filter applies to the clones this job makes (fresh or seeded: their config names origin as
 * the promisor). A clone path held is fetched as it is configured, and the shared host clone
 * stays whole.
 */
function filterOf(inputs: FetchInputs, source: HistorySource): FetchPlan {
  if (!inputs.filter) return { transfer: {}, notes: [] };
  if (source.kind === 'fresh' || source.kind === 'seeded') {
    return { transfer: { filter: inputs.filter }, notes: [] };
  }
  const why =
    source.kind === 'existing'
      ? `the clone at ${source.path} was not made by this job: it is fetched as it is configured`
      : `the host clone in cache-dir always holds every blob (${SHARED})`;
  return { transfer: {}, notes: [`filter is ${inputs.filter}, but ${why}.`] };
}

/**
 * How to fetch from origin into a repository, given the inputs and what it held before: the
 * inputs narrow the transfer, never the history or tags already there (a superset of what was
 * asked, said in one line each).
 */
export function planFetch(inputs: FetchInputs, source: HistorySource): FetchPlan {
  const depth = depthOf(inputs, source);
  const filter = filterOf(inputs, source);
  return {
    transfer: {
      ...depth.transfer,
      ...filter.transfer,
      tags: source.kind === 'host-clone' || inputs.fetchTags,
      progress: inputs.showProgress
    },
    notes: [...depth.notes, ...tagNotes(inputs, source), ...filter.notes]
  };
}
