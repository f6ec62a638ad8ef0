import { afterEach, expect, test } from '@jest/globals';
import { hostFreshWindowMs, leaseMaxAgeMs, limits } from '../src/limits.js';

afterEach(() => {
  delete process.env.CLONE_CACHE_LEASE_MAX_HOURS;
  delete process.env.CLONE_CACHE_HOST_FRESH_SECONDS;
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

test('fetch retries wait CLONE_CACHE_RETRY_BACKOFF_SECONDS (10 s unless set); a stall ends after CLONE_CACHE_FETCH_STALL_SECONDS (60 s)', () => {
  try {
    expect(limits()).toMatchObject({ fetchRetryBackoffMs: 10_000, fetchStallMs: 60_000 });
    process.env.CLONE_CACHE_RETRY_BACKOFF_SECONDS = '0.1';
    process.env.CLONE_CACHE_FETCH_STALL_SECONDS = '2';
    expect(limits()).toMatchObject({ fetchRetryBackoffMs: 100, fetchStallMs: 2_000 });
  } finally {
    delete process.env.CLONE_CACHE_RETRY_BACKOFF_SECONDS;
    delete process.env.CLONE_CACHE_FETCH_STALL_SECONDS;
  }
});

test('the host clone fresh window is CLONE_CACHE_HOST_FRESH_SECONDS, 30 s unless set; 0 turns it off', () => {
  expect(hostFreshWindowMs()).toBe(30_000);
  process.env.CLONE_CACHE_HOST_FRESH_SECONDS = '5';
  expect(hostFreshWindowMs()).toBe(5_000);
  process.env.CLONE_CACHE_HOST_FRESH_SECONDS = '0';
  expect(hostFreshWindowMs()).toBe(0);
  for (const invalid of ['-3', 'soon']) {
    process.env.CLONE_CACHE_HOST_FRESH_SECONDS = invalid;
    expect(hostFreshWindowMs()).toBe(30_000);
  }
});
