import { afterEach, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { hostLeftovers, hostLocks } from '../support/host-clone.js';
import { startJobProcess } from '../support/job-process.js';
import { addCommits, revParse } from '../support/repos.js';
import type { Job, StepResult } from '../support/runner.js';

let fx: Fixture;
afterEach(async () => fx?.close());

test('10 jobs side by side on one cache-dir, with refreshes running: all succeed, nothing is left', async () => {
  fx = await startFixture({ commits: 40 });
  // Runners of one user share HOME, so its global config: each job adds its credentials include
  // and safe.directory values there at the same time as the others, and removes its own.
  const home = path.join(fx.root, 'shared-home');
  mkdirSync(home);
  const newJob = (name: string) => fx.newJob(name, { extraEnv: { HOME: home } });
  const tips: Record<string, string> = { main: revParse(fx.origin, 'main') };
  for (const branch of ['feat/a', 'feat/b', 'feat/c', 'fix/d']) {
    tips[branch] = addCommits(fx.origin, branch, { commits: 2, seed: branch }, 'main');
  }
  // Warm the host clone once, as the first job on a host would.
  const warm = newJob('warm');
  expect(
    (await fx.main(warm, { inputs: { 'cache-dir': fx.hostDir, branch: 'main' } })).exitCode
  ).toBe(0);
  expect((await fx.post(warm)).exitCode).toBe(0);

  const plan: { name: string; branch: string; expected: string }[] = [
    { name: 'a', branch: 'feat/a', expected: tips['feat/a'] },
    { name: 'b', branch: 'feat/b', expected: tips['feat/b'] },
    { name: 'c', branch: 'feat/c', expected: tips['feat/c'] },
    { name: 'd', branch: 'fix/d', expected: tips['fix/d'] },
    { name: 'a-twin', branch: 'feat/a', expected: tips['feat/a'] },
    { name: 'main', branch: 'main', expected: tips.main },
    { name: 'new1', branch: 'brand/new-1', expected: tips.main },
    { name: 'new2', branch: 'brand/new-2', expected: tips.main }
  ];
  const jobs = plan.map(p => ({ ...p, job: newJob(p.name) }));
  // Two more processes refresh the host clone (jobs that seed a path from it, no branch).
  const refreshers = [newJob('refresh1'), newJob('refresh2')];
  const mains = await Promise.all([
    ...jobs.map(j => fx.main(j.job, { inputs: { 'cache-dir': fx.hostDir, branch: j.branch } })),
    ...refreshers.map(job => fx.main(job, { inputs: { 'cache-dir': fx.hostDir } }))
  ]);
  mains.forEach((result, i) => {
    const label = i < jobs.length ? jobs[i].name : `refresher ${i}`;
    expect({
      label,
      exit: result.exitCode,
      errors: result.annotations.filter(a => a.level === 'error')
    }).toEqual({
      label,
      exit: 0,
      errors: []
    });
  });
  const worktrees = jobs.map((j, i) => {
    const wt = mains[i].outputs['worktree-path'];
    expect({ job: j.name, head: revParse(wt, 'HEAD') }).toEqual({ job: j.name, head: j.expected });
    return wt;
  });
  // The twin on the same branch got its own worktree at the same commit, detached.
  const twins = [0, 4]
    .map(i => gitSync(worktrees[i], ['rev-parse', '--abbrev-ref', 'HEAD']))
    .sort();
  expect(twins).toEqual(['HEAD', 'feat/a']);
  expect(new Set(worktrees).size).toBe(worktrees.length);
  for (const job of refreshers) expect(revParse(job.workspace, 'HEAD')).toBe(tips.main);
  // Every job wrote there at once, and nothing was lost: one include per worktree, and the
  // safe.directory of each worktree and each refresher's clone.
  const globalConfig = path.join(home, '.gitconfig');
  const during = readFileSync(globalConfig, 'utf8');
  expect(during.match(/\[includeIf /g)).toHaveLength(jobs.length);
  expect(during.match(/directory = /g)).toHaveLength(jobs.length + refreshers.length);

  const posts = await Promise.all([
    ...jobs.map(j => fx.post(j.job)),
    ...refreshers.map(job => fx.post(job))
  ]);
  posts.forEach(post => {
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
  });
  for (const wt of worktrees) expect(existsSync(wt)).toBe(false);
  expect(hostLeftovers(fx.hostDir)).toEqual([]);
  expect(readFileSync(globalConfig, 'utf8')).not.toMatch(
    /includeIf|clone-cache-credentials|directory = /
  );
});

test('a lock holder killed with SIGKILL: the next job reclaims the lock at once and succeeds', async () => {
  fx = await startFixture({ commits: 10 });
  fx.git.delayMs = 1500; // the first clone is slow, so the job is caught holding the lock
  const victim = fx.newJob('victim');
  const lockDirs = () => (existsSync(fx.hostDir) ? hostLocks(fx.hostDir) : []);
  // The job's whole process tree dies (git included), as when a runner is killed or cancels a job.
  const runner = startJobProcess();
  const killed = runner.run(
    'main',
    victim,
    fx.defaults({ inputs: { 'cache-dir': fx.hostDir, branch: 'main' } })
  );
  const poll = setInterval(() => {
    if (lockDirs().length > 0) {
      clearInterval(poll);
      runner.kill();
    }
  }, 20);
  let result: StepResult;
  try {
    result = await killed;
  } finally {
    clearInterval(poll);
    runner.kill(); // also when the lock never showed: the runner process must not outlive the test
  }
  expect(result.exitCode).toBe(-1); // killed by a signal
  expect(lockDirs()).toHaveLength(1); // the dead holder's lock is still there

  fx.git.delayMs = 0;
  const next: Job = fx.newJob('next');
  const started = Date.now();
  const main = await fx.main(next, { inputs: { 'cache-dir': fx.hostDir, branch: 'main' } });
  expect(main.exitCode).toBe(0);
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(main.annotations.map(a => a.title)).toContain('Stale lock reclaimed');
  const reclaimed = main.annotations.find(a => a.title === 'Stale lock reclaimed');
  expect(reclaimed?.message).toMatch(/its holder pid \d+ on .* is gone/);
  expect(revParse(main.outputs['worktree-path'], 'HEAD')).toBe(revParse(fx.origin, 'main'));
  expect((await fx.post(next)).exitCode).toBe(0);
  expect(lockDirs()).toEqual([]);
  // Whatever the killed job had half-built is gone too.
  expect(readdirSync(fx.hostDir).filter(n => n.startsWith('.'))).toEqual([]);
});
