import { afterEach, expect, test } from '@jest/globals';
import { chmodSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { expectFilesOf, expectWorktreeAt } from '../support/expectations.js';
import { hostCloneIn, hostLeftovers, worktreeInputs } from '../support/host-clone.js';
import { addCommits, revParse } from '../support/repos.js';
import type { StepResult } from '../support/runner.js';

// The task worktree is made from the host clone's refs while the refresh fetch runs, then moved to
// origin's tip: a push that lands just before a job is still what the job gets, whichever way the
// worktree was made. Each job here starts right after the previous one, inside the fresh window.

let fx: Fixture;
afterEach(async () => fx?.close());

const MOVED = /origin moved while the worktree was made/;

async function job(name: string, branch: string, extra: Record<string, string> = {}) {
  const j = fx.newJob(name);
  const main = await fx.main(j, worktreeInputs(fx, branch, extra));
  return { j, main };
}

async function endJob(j: ReturnType<Fixture['newJob']>, main: StepResult) {
  expect(main.exitCode).toBe(0);
  expect((await fx.post(j)).exitCode).toBe(0);
}

test('an existing branch pushed just before the job: the job gets the new tip', async () => {
  fx = await startFixture({ commits: 12 });
  addCommits(fx.origin, 'feature', { commits: 2, seed: 'f' }, 'main');
  const first = await job('first', 'feature');
  await endJob(first.j, first.main);

  const tip = addCommits(fx.origin, 'feature', { commits: 3, seed: 'g' });
  const second = await job('second', 'feature');
  const worktree = expectWorktreeAt(second.main, tip, 'feature');
  expectFilesOf(worktree, fx.origin, tip);
  expect(second.main.stdout).toMatch(MOVED);
  expect(second.main.outputs).toMatchObject({ commit: tip, 'stale-commits': '3' });
  expect(revParse(hostCloneIn(fx.hostDir), 'refs/heads/feature')).toBe(tip);
  await endJob(second.j, second.main);
  expect(hostLeftovers(fx.hostDir)).toEqual([]);
});

test("a new branch starts at base's tip as origin has it when the job runs", async () => {
  fx = await startFixture({ commits: 12 });
  const first = await job('first', 'main');
  await endJob(first.j, first.main);

  const mainTip = addCommits(fx.origin, 'main', { commits: 2, seed: 'm' });
  const second = await job('second', 'new/topic');
  const worktree = expectWorktreeAt(second.main, mainTip, 'new/topic');
  expectFilesOf(worktree, fx.origin, mainTip);
  expect(second.main.stdout).toMatch(MOVED);
  expect(second.main.stdout).toContain('(created,');
  await endJob(second.j, second.main);
});

test('a branch that origin got since the host clone last saw it attaches to origin', async () => {
  fx = await startFixture({ commits: 12 });
  // The first job makes the branch locally (origin has no such branch yet); its worktree goes.
  const first = await job('first', 'topic');
  await endJob(first.j, first.main);
  const local = revParse(hostCloneIn(fx.hostDir), 'refs/heads/topic');

  // Then someone pushes the branch with other commits.
  const pushed = addCommits(fx.origin, 'topic', { commits: 2, seed: 't' }, 'main');
  expect(pushed).not.toBe(local);
  const second = await job('second', 'topic');
  expectWorktreeAt(second.main, pushed, 'topic');
  expect(second.main.stdout).toMatch(MOVED);
  expect(gitSync(second.main.outputs['worktree-path'], ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe(
    'topic'
  );
  await endJob(second.j, second.main);
});

test('a branch a live job holds: the second job is detached at the tip pushed between them', async () => {
  fx = await startFixture({ commits: 12 });
  addCommits(fx.origin, 'shared', { commits: 1, seed: 's' }, 'main');
  const holder = await job('holder', 'shared');
  expect(holder.main.exitCode).toBe(0);

  const tip = addCommits(fx.origin, 'shared', { commits: 2, seed: 'u' });
  const second = await job('second', 'shared');
  expectWorktreeAt(second.main, tip);
  expect(second.main.stdout).toMatch(MOVED);
  expect(gitSync(second.main.outputs['worktree-path'], ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe(
    'HEAD'
  );
  await endJob(second.j, second.main);
  await endJob(holder.j, holder.main);
  expect(hostLeftovers(fx.hostDir)).toEqual([]);
});

test('a fetch that finds the host clone corrupt while the worktree is made: the clone is rebuilt, the early worktree and branch are gone', async () => {
  fx = await startFixture({ commits: 2 });
  const first = await job('first', 'main');
  await endJob(first.j, first.main);
  // Few objects: the first clone left them loose, one file each.
  const clone = hostCloneIn(fx.hostDir);
  const tree = revParse(clone, 'refs/remotes/origin/main^{tree}');
  const loose = path.join(clone, 'objects', tree.slice(0, 2), tree.slice(2));
  chmodSync(loose, 0o644);
  writeFileSync(loose, 'not a git object');
  const tip = addCommits(fx.origin, 'main', { commits: 1, seed: 'later' });

  const second = await job('second', 'new/after-rebuild');
  const worktree = expectWorktreeAt(second.main, tip, 'new/after-rebuild');
  expectFilesOf(worktree, fx.origin, tip);
  expect(second.main.annotations.map(a => a.title)).toContain('Host clone rebuilt');
  expect(second.main.outputs['fallback-reason']).toBe('the host clone was made by this job');
  await endJob(second.j, second.main);
  expect(hostLeftovers(fx.hostDir)).toEqual([]);
});
