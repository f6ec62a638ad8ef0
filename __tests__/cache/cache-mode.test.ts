import { expect, test } from '@jest/globals';
import { cacheTokenAllowsWrites } from '../../src/cache/cache-mode.js';

test.each([
  [undefined, true],
  ['', true],
  ['write', true],
  ['write-only', true],
  ['something-new', true],
  ['read', false],
  [' Read ', false],
  ['none', false]
])('ACTIONS_CACHE_MODE=%p allows writes: %p', (mode, writable) => {
  expect(cacheTokenAllowsWrites({ ACTIONS_CACHE_MODE: mode })).toBe(writable);
});
