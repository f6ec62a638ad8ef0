import { afterEach, expect, test } from '@jest/globals';
import { expectFilesOf, expectWorktreeAt } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { hostCloneIn, worktreeInputs } from '../support/host-clone.js';
import { looseObjectsOnly, substituteBlob } from '../support/poison.js';
import { addCommits, revParse } from '../support/repos.js';

// The objects of the commit a task worktree is most likely made at are re-hashed while
// `git worktree add` writes it (src/main-step/verify-ahead.ts). When the refresh fetch moves the
// worktree to another commit, that commit's objects are the ones the job's worktree is held to.

let fx: Fixture;
afterEach(async () => fx?.close());

test('origin moved to a commit whose blob the host clone holds tampered: that commit is checked, the clone rebuilt', async () => {
  fx = await startFixture({ commits: 6 });
  const side = addCommits(fx.origin, 'side', { commits: 1, seed: 'side' }, 'main');
  const first = fx.newJob('first');
  expect((await fx.main(first, worktreeInputs(fx, 'main'))).exitCode).toBe(0);
  expect((await fx.post(first)).exitCode).toBe(0);
  const clone = hostCloneIn(fx.hostDir);
  const tip = revParse(fx.origin, 'refs/heads/main');
  const blobsOf = (commit: string) =>
    gitSync(fx.origin, ['ls-tree', '-r', commit])
      .split('\n')
      .map(line => line.split(/\s+/)[2]);
  const tipBlobs = new Set(blobsOf(tip));
  // The side branch's new file: a blob that no tree of main's tip holds.
  const blob = blobsOf(side).find(id => !tipBlobs.has(id)) as string;
  expect(blob).toMatch(/^[0-9a-f]{40}$/);
  looseObjectsOnly(clone);
  substituteBlob(clone, blob, 'planted by an earlier job\n');
  gitSync(fx.origin, ['update-ref', 'refs/heads/main', side]);

  // A new branch starts at origin's main: made at the tip the clone had, then moved to `side`.
  const main = await fx.main(fx.newJob('second'), worktreeInputs(fx, 'topic'));
  const worktree = expectWorktreeAt(main, side, 'topic');
  expectFilesOf(worktree, fx.origin, side);
  expect(main.stdout).toMatch(/origin moved while the worktree was made/);
  expect(main.annotations.map(a => [a.level, a.title])).toEqual([
    ['warning', 'Host clone rebuilt']
  ]);
  expect(main.annotations[0].message).toContain(blob);
});
