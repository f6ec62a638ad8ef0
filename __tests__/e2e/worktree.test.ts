import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { addCommits, revParse } from '../support/repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

describe('hosted matrix per branch', () => {
  test('jobs restore one entry and each creates the worktree for its branch', async () => {
    fx = await startFixture({ commits: 15 });
    await fx.saveEntry();
    const feature = addCommits(fx.origin, 'feature', { commits: 2, seed: 'feature' }, 'main');
    const main = revParse(fx.origin, 'main');
    const matrix = [
      { branch: 'feature', expected: feature, mode: 'attached', head: 'feature' },
      { branch: 'brand-new', expected: main, mode: 'created', head: 'brand-new' },
      // main is the clone's own checkout: the clone steps aside so the worktree gets the branch.
      { branch: 'main', expected: main, mode: 'attached', head: 'main' }
    ];
    const results = await Promise.all(
      matrix.map(m => {
        const job = fx.newJob(`matrix-${m.branch}`);
        return fx.main(job, { inputs: { branch: m.branch } }).then(result => ({ job, result, m }));
      })
    );
    for (const { job, result, m } of results) {
      expect(result.exitCode).toBe(0);
      expect(result.outputs).toMatchObject({
        'cache-hit': 'true',
        seeded: 'true',
        commit: m.expected
      });
      const wt = result.outputs['worktree-path'];
      expect(wt).toBe(path.join(job.dir, 'work', '_wt', 'widgets', m.branch));
      expect(revParse(wt, 'HEAD')).toBe(m.expected);
      expect(gitSync(wt, ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe(m.head);
      expect(result.summary).toContain(`${wt} (${m.mode})`);
      const post = await fx.post(job);
      expect(post.exitCode).toBe(0);
      expect(existsSync(wt)).toBe(false);
      expect(gitSync(job.workspace, ['worktree', 'list', '--porcelain'])).not.toContain(wt);
    }
  });

  test('a local-only branch is attached and never reset; an origin branch is aligned when reused', async () => {
    fx = await startFixture({ commits: 8 });
    const job = fx.newJob('persistent');
    const keep = { 'remove-worktree': 'false' };
    // First run creates the local-only branch wip from base.
    const first = await fx.main(job, { inputs: { branch: 'wip', ...keep } });
    expect(first.exitCode).toBe(0);
    const wt = first.outputs['worktree-path'];
    writeFileSync(path.join(wt, 'work.txt'), 'local work');
    gitSync(wt, ['add', 'work.txt']);
    gitSync(wt, ['commit', '-qm', 'local work']);
    const localTip = revParse(wt, 'HEAD');
    expect((await fx.post(job)).exitCode).toBe(0);
    expect(existsSync(wt)).toBe(true); // remove-worktree: false

    // Second run on the same runner: the local-only branch and its commit survive.
    addCommits(fx.origin, 'main', { commits: 2, seed: 'moved' });
    const second = await fx.main(job, { inputs: { branch: 'wip', ...keep } });
    expect(second.exitCode).toBe(0);
    expect(second.outputs['worktree-path']).toBe(wt);
    expect(second.summary).toContain('(reused)');
    expect(revParse(wt, 'HEAD')).toBe(localTip);
    expect((await fx.post(job)).exitCode).toBe(0);

    // A branch that exists on origin is aligned to origin when its worktree is reused.
    addCommits(fx.origin, 'shared', { commits: 1, seed: 's1' }, 'main');
    const third = await fx.main(job, { inputs: { branch: 'shared', ...keep } });
    const sharedWt = third.outputs['worktree-path'];
    expect((await fx.post(job)).exitCode).toBe(0);
    const newTip = addCommits(fx.origin, 'shared', { commits: 2, seed: 's2' });
    const fourth = await fx.main(job, { inputs: { branch: 'shared', ...keep } });
    expect(fourth.outputs['worktree-path']).toBe(sharedWt);
    expect(revParse(sharedWt, 'HEAD')).toBe(newTip);
    expect(fourth.stdout).toContain('Aligned shared to origin/shared');
  });

  test('two branches that sanitize alike get distinct folders', async () => {
    fx = await startFixture({ commits: 5 });
    const job = fx.newJob();
    const a = await fx.main(job, { inputs: { branch: 'a/b', 'remove-worktree': 'false' } });
    expect(a.exitCode).toBe(0);
    const b = await fx.main(job, { inputs: { branch: 'a_b', 'remove-worktree': 'false' } });
    expect(b.exitCode).toBe(0);
    expect(path.basename(b.outputs['worktree-path'])).toBe('a_b');
    expect(path.basename(a.outputs['worktree-path'])).toMatch(/^a_b-[0-9a-f]{10}$/);
    expect(gitSync(a.outputs['worktree-path'], ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe('a/b');
    expect(gitSync(b.outputs['worktree-path'], ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe('a_b');
  });

  test('an explicit worktree-path shared by two live jobs on one branch: the second gets <path>+2', async () => {
    fx = await startFixture({ commits: 5 });
    const shared = path.join(fx.root, 'shared-wt', 'task');
    const inputs = { 'cache-dir': fx.hostDir, branch: 'topic', 'worktree-path': shared };
    const [one, two] = await Promise.all([
      fx.main(fx.newJob('one'), { inputs }),
      fx.main(fx.newJob('two'), { inputs })
    ]);
    expect([one.exitCode, two.exitCode]).toEqual([0, 0]);
    expect([one.outputs['worktree-path'], two.outputs['worktree-path']].sort()).toEqual([
      shared,
      `${shared}+2`
    ]);
    expect(revParse(shared, 'HEAD')).toBe(revParse(`${shared}+2`, 'HEAD'));
  });
});

describe('branch names', () => {
  const table: [string, string, 'ok' | RegExp][] = [
    ['slashes', 'feature/deep/name', 'ok'],
    ['dots inside', 'v1.2.x', 'ok'],
    ['unicode', 'función-ñ', 'ok'],
    ['long (250 chars)', `long-${'x'.repeat(245)}`, 'ok'],
    ['leading dash', '-rf', /'-rf' is not a valid branch name/],
    ['double dot', 'a..b', /not a valid branch name/],
    ['space', 'has space', /not a valid branch name/],
    ['lock suffix', 'x.lock', /not a valid branch name/],
    ['reflog syntax', 'a@{1}', /not a valid branch name/],
    ['control character', 'a\u0007b', /not a valid branch name/]
  ];
  test.each(table)('%s', async (_label, branch, outcome) => {
    fx = await startFixture({ commits: 3 });
    const job = fx.newJob();
    const result = await fx.main(job, { inputs: { branch } });
    if (outcome === 'ok') {
      expect(result.exitCode).toBe(0);
      const wt = result.outputs['worktree-path'];
      const folder = path.basename(wt);
      expect(path.dirname(wt)).toBe(path.join(job.dir, 'work', '_wt', 'widgets'));
      expect(folder).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      expect(folder.length).toBeLessThanOrEqual(80);
      expect(gitSync(wt, ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe(branch);
    } else {
      expect(result.exitCode).toBe(1);
      expect(result.annotations.map(a => a.title)).toEqual(["Invalid input 'branch'"]);
      expect(result.annotations[0].message).toMatch(outcome);
      expect(existsSync(path.join(job.dir, 'work', '_wt'))).toBe(false);
    }
  });
});
