import { expect, test } from '@jest/globals';
import { extraRefspecFor, tagRefspecFor } from '../../src/clone/ref.js';

test.each([
  ['refs/pull/7/merge', '+refs/pull/7/merge:refs/remotes/origin/pull/7/merge'],
  ['refs/heads/main', undefined],
  ['refs/tags/v1', undefined],
  ['main', undefined],
  ['a'.repeat(40), undefined]
])('extra refspec for %s', (ref, refspec) => {
  expect(extraRefspecFor(ref)).toBe(refspec);
});

test.each([
  ['refs/tags/v1', false, '+refs/tags/v1:refs/tags/v1'],
  ['refs/tags/v1', true, undefined],
  ['refs/heads/main', false, undefined],
  ['v1', false, undefined],
  ['refs/pull/7/merge', false, undefined]
])('tag refspec for %s with fetch-tags %s', (ref, fetchTags, refspec) => {
  expect(tagRefspecFor(ref, fetchTags)).toBe(refspec);
});
