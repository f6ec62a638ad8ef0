import { expect, test } from '@jest/globals';
import { runSoak } from './soak.js';

// The short soak; `npm run soak` runs the long one.
test('soak: 16 jobs at a time, 2 rounds, random SIGKILLs: every surviving job is right, nothing is left', async () => {
  const totals = await runSoak({ rounds: 2, jobsPerRound: 16, killRate: 0.25, seed: 7 });
  console.log(
    `soak totals: ${totals.jobs} jobs, ${totals.kills} kills, ${totals.locksReclaimed} locks reclaimed, ${totals.failures.length} failures, ${totals.seconds.toFixed(0)} s`
  );
  expect(totals.failures).toEqual([]);
  expect(totals.leftovers).toEqual([]);
  expect(totals.jobs).toBe(32);
  expect(totals.kills).toBeGreaterThan(0);
  expect(totals.killedBeforeExit).toBeGreaterThan(0);
}, 600_000);
