import { describe, expect, test } from '@jest/globals';
import { planFetch, type FetchInputs, type HistorySource } from '../../src/clone/fetch-plan.js';

const defaults: FetchInputs = { fetchDepth: 0, fetchTags: true, showProgress: true, filter: '' };
const plan = (changes: Partial<FetchInputs>, source: HistorySource) =>
  planFetch({ ...defaults, ...changes }, source);

const fresh: HistorySource = { kind: 'fresh' };
const seeded: HistorySource = { kind: 'seeded', from: 'cache-entry' };
const seededFromHost: HistorySource = { kind: 'seeded', from: 'host-clone' };
const existing: HistorySource = { kind: 'existing', path: '/w/r', shallow: false };
const existingShallow: HistorySource = { kind: 'existing', path: '/w/r', shallow: true };
const hostClone: HistorySource = { kind: 'host-clone' };

describe('defaults: every tag, the whole history, progress shown, nothing to say', () => {
  test.each([fresh, seeded, seededFromHost, existing, hostClone])('%j', source => {
    expect(plan({}, source)).toEqual({ transfer: { tags: true, progress: true }, notes: [] });
  });
});

describe('fetch-depth', () => {
  test('a miss: a shallow fetch of that depth, and the job says no entry is saved', () => {
    expect(plan({ fetchDepth: 1 }, fresh)).toEqual({
      transfer: { depth: 1, tags: true, progress: true },
      notes: [
        'fetch-depth is 1 and no cache entry was restored: the clone is shallow (depth 1), and this run saves no cache entry from it.'
      ]
    });
  });

  test.each([
    [
      seeded,
      'fetch-depth is 3, but the restored cache entry holds the full history: this job uses all of it (a superset of what was asked).'
    ],
    [
      seededFromHost,
      'fetch-depth is 3, but the host clone in cache-dir always holds the full history (it is shared by every job on this host): this job uses all of it (a superset of what was asked).'
    ],
    [
      hostClone,
      'fetch-depth is 3, but the host clone in cache-dir always holds the full history (it is shared by every job on this host): this job uses all of it (a superset of what was asked).'
    ],
    [
      existing,
      'fetch-depth is 3, but the clone at /w/r holds the full history: this job uses all of it (a superset of what was asked).'
    ]
  ] as [HistorySource, string][])('%j: the whole history, in one line', (source, note) => {
    const result = plan({ fetchDepth: 3 }, source);
    expect(result.transfer.depth).toBeUndefined();
    expect(result.notes).toEqual([note]);
  });

  test('a shallow clone path already held: kept at the depth asked, or made whole with 0', () => {
    expect(plan({ fetchDepth: 2 }, existingShallow)).toEqual({
      transfer: { depth: 2, tags: true, progress: true },
      notes: []
    });
    expect(plan({}, existingShallow)).toEqual({
      transfer: { depth: 'unshallow', tags: true, progress: true },
      notes: ['The clone at /w/r is shallow: fetching its whole history (fetch-depth is 0).']
    });
  });
});

describe('fetch-tags: false', () => {
  test('a miss: no tags fetched, nothing to say', () => {
    expect(plan({ fetchTags: false }, fresh)).toEqual({
      transfer: { tags: false, progress: true },
      notes: []
    });
  });

  test.each([
    [
      seeded,
      'fetch-tags is false: no tags are fetched; the tags that came with the restored cache entry stay.'
    ],
    [
      seededFromHost,
      'fetch-tags is false: no tags are fetched; the tags that came with the host clone in cache-dir stay.'
    ],
    [
      existing,
      'fetch-tags is false: no tags are fetched; the tags the clone at /w/r already holds stay.'
    ]
  ] as [HistorySource, string][])('%j: no tags fetched, the ones there stay', (source, note) => {
    expect(plan({ fetchTags: false }, source)).toEqual({
      transfer: { tags: false, progress: true },
      notes: [note]
    });
  });

  test('the host clone still fetches every tag: it is shared by jobs with other inputs', () => {
    expect(plan({ fetchTags: false }, hostClone)).toEqual({
      transfer: { tags: true, progress: true },
      notes: [
        'fetch-tags is false, but the host clone in cache-dir keeps every tag of origin (it is shared by every job on this host): the task worktree sees them all.'
      ]
    });
  });
});

test('show-progress: false turns progress off everywhere, the host clone included', () => {
  for (const source of [fresh, seeded, existing, hostClone]) {
    expect(plan({ showProgress: false }, source).transfer.progress).toBe(false);
  }
});
