import { expect, test } from '@jest/globals';
import { extraRefspecFor } from '../../src/clone/ref.js';

test.each([
  ['refs/pull/7/merge', '+refs/pull/7/merge:refs/remotes/origin/pull/7/merge'],
  ['refs/heads/main', undefined],
  ['refs/tags/v1', undefined],
  ['main', undefined],
  ['a'.repeat(40), undefined]
])('extra refspec for %s', (ref, refspec) => {
  expect(extraRefspecFor(ref)).toBe(refspec);
});
