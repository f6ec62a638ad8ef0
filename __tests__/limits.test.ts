import { afterEach, expect, test } from '@jest/globals';
import { leaseMaxAgeMs } from '../src/limits.js';

afterEach(() => {
  delete process.env.CLONE_CACHE_LEASE_MAX_HOURS;
});

test('a lease that cannot be checked ends after CLONE_CACHE_LEASE_MAX_HOURS, 24 h unless set', () => {
  expect(leaseMaxAgeMs()).toBe(24 * 3600_000);
  process.env.CLONE_CACHE_LEASE_MAX_HOURS = '0.5';
  expect(leaseMaxAgeMs()).toBe(1800_000);
  for (const invalid of ['0', '-3', 'soon']) {
    process.env.CLONE_CACHE_LEASE_MAX_HOURS = invalid;
    expect(leaseMaxAgeMs()).toBe(24 * 3600_000);
  }
});
