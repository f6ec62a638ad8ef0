import { expect, test } from '@jest/globals';
import { planFetch, type HistorySource } from '../../src/clone/fetch-plan.js';

const blobless = { fetchDepth: 0, fetchTags: true, showProgress: true, filter: 'blob:none' };

test.each([
  { kind: 'fresh' },
  { kind: 'seeded', from: 'cache-entry' },
  { kind: 'seeded', from: 'host-clone' }
] as HistorySource[])('a clone this job makes (%j) is fetched blobless, silently', source => {
  expect(planFetch(blobless, source)).toEqual({
    transfer: { filter: 'blob:none', tags: true, progress: true },
    notes: []
  });
});

test('a clone path already held is fetched as it is configured, and the log says so', () => {
  const plan = planFetch(blobless, { kind: 'existing', path: '/w/r', shallow: false });
  expect(plan.transfer.filter).toBeUndefined();
  expect(plan.notes).toEqual([
    'filter is blob:none, but the clone at /w/r was not made by this job: it is fetched as it is configured.'
  ]);
});

test('the shared host clone keeps every blob', () => {
  const plan = planFetch(blobless, { kind: 'host-clone' });
  expect(plan.transfer.filter).toBeUndefined();
  expect(plan.notes).toEqual([
    'filter is blob:none, but the host clone in cache-dir always holds every blob (it is shared by every job on this host).'
  ]);
});

test('a full job never filters', () => {
  expect(planFetch({ ...blobless, filter: '' }, { kind: 'fresh' }).transfer.filter).toBeUndefined();
});
