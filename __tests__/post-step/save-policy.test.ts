import { describe, expect, test } from '@jest/globals';
import { decideSave } from '../../src/post-step/save-policy.js';
import type { MainState } from '../../src/state.js';

type PolicyState = Parameters<typeof decideSave>[0];
const base: PolicyState = {
  mode: 'hosted-cache',
  pathHeldClone: false,
  saveCache: 'auto',
  cacheSource: 'actions-cache',
  seeded: true,
  staleCommits: 10,
  shallowDepth: 0,
  refreshAfter: 50,
  isDefaultBranch: true,
  matchedKey: 'k-old',
  forkPrCheckout: ''
};
const decide = (changes: Partial<MainState>) => decideSave({ ...base, ...changes }, 'k-new');

describe('save-cache', () => {
  test.each([
    ['auto, fresh enough entry', {}, false],
    ['auto, no usable entry', { seeded: false, staleCommits: null, matchedKey: '' }, true],
    ['auto, entry staler than refresh-after', { staleCommits: 51 }, true],
    ['auto, exactly refresh-after behind', { staleCommits: 50 }, false],
    ['auto, not the default branch', { seeded: false, isDefaultBranch: false }, false],
    ['always, not the default branch', { saveCache: 'always', isDefaultBranch: false }, true],
    ['never, no entry', { saveCache: 'never', seeded: false }, false],
    ['always, but no cache service', { saveCache: 'always', cacheSource: 'none' }, false],
    [
      'always, but the host clone in cache-dir seeded path',
      { saveCache: 'always', mode: 'host-clone-seed' },
      false
    ],
    [
      'always, but a task worktree from the host clone',
      { saveCache: 'always', mode: 'host-worktree' },
      false
    ],
    ['auto, no usable entry, but a shallow clone', { seeded: false, shallowDepth: 1 }, false],
    ['always, but a shallow clone', { saveCache: 'always', shallowDepth: 2 }, false],
    [
      'always, entry for this very commit exists',
      { saveCache: 'always', matchedKey: 'k-new' },
      false
    ]
  ] as [string, Partial<MainState>, boolean][])('%s', (_label, changes, save) => {
    const decision = decide(changes);
    expect(decision.save).toBe(save);
    expect(decision.reason.length).toBeGreaterThan(5);
  });
});

test('a path that already held a clone is the reason given, even with save-cache always', () => {
  const decision = decide({ saveCache: 'always', pathHeldClone: true });
  expect(decision).toEqual({
    save: false,
    reason: 'path already held a clone, which the action synced in place without the cache'
  });
});

test("a run that checked out a fork's pull request head never saves, whatever save-cache says", () => {
  for (const saveCache of ['always', 'auto'] as const) {
    const decision = decide({ saveCache, seeded: false, forkPrCheckout: 'pull_request_target' });
    expect(decision.save).toBe(false);
    expect(decision.reason).toContain(
      "this pull_request_target run checked out a fork's pull request code (allow-unsafe-pr-checkout)"
    );
  }
});

test('a shallow clone is the reason given, with its depth', () => {
  expect(decide({ seeded: false, matchedKey: '', staleCommits: null, shallowDepth: 1 })).toEqual({
    save: false,
    reason: 'the clone is shallow (fetch-depth: 1), and an entry holds the whole history'
  });
});
