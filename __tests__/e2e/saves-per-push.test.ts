import { afterEach, describe, expect, test } from '@jest/globals';
import { startFixture, type Fixture } from '../support/fixture.js';
import { addCommits, revParse } from '../support/repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const PUSHES = 5;
const COMMITS_PER_PUSH = 15;
/** Six jobs of two steps each, run one after another. */
const SIX_JOBS_MS = 360_000;
const creates = () => fx.cache.calls.filter(call => call === 'CreateCacheEntry').length;

describe('entries saved per push to the default branch', () => {
  test(
    'one job per push with the default save-cache and refresh-after: at most one entry each, one per 50 commits',
    async () => {
      fx = await startFixture({ commits: 20 });
      const saved: number[] = [];
      const stale: string[] = [];
      for (let push = 0; push <= PUSHES; push++) {
        if (push > 0) {
          addCommits(fx.origin, 'main', { commits: COMMITS_PER_PUSH, seed: `push-${push}` });
        }
        const before = creates();
        const job = fx.newJob(`push${push}`);
        const main = await fx.main(job);
        expect(main.exitCode).toBe(0);
        expect(main.outputs.commit).toBe(revParse(fx.origin, 'refs/heads/main'));
        const post = await fx.post(job);
        expect(post.exitCode).toBe(0);
        expect(post.annotations).toEqual([]);
        saved.push(creates() - before);
        stale.push(main.outputs['stale-commits']);
      }
      // The first job misses and saves; the entry then ages 15 commits a push, and the job that finds
      // it more than 50 behind (60, the fourth push) saves the next one, which the fifth restores.
      expect(stale).toEqual(['', '15', '30', '45', '60', '15']);
      expect(saved).toEqual([1, 0, 0, 0, 1, 0]);
      expect(Math.max(...saved)).toBeLessThanOrEqual(1);
      const finalized = [...fx.cache.entries.values()].filter(entry => entry.finalized);
      expect(finalized).toHaveLength(2);
      const perPush = saved.reduce((sum, n) => sum + n, 0) / saved.length;
      process.stdout.write(`entries saved per default-branch push: ${perPush.toFixed(2)}\n`);
    },
    SIX_JOBS_MS
  );
});
