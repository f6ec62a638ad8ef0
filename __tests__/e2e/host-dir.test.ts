import { afterEach, describe, expect, test } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from 'node:fs';
import * as path from 'node:path';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { expectWorktreeAt } from '../support/expectations.js';
import { hostCloneIn, hostLeftovers, worktreeInputs } from '../support/host-clone.js';
import { addCommits, revParse } from '../support/repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

/** The one host clone in the fixture's cache-dir. */
function hostClone(): string {
  const clone = hostCloneIn(fx.hostDir);
  expect(path.basename(clone)).toMatch(/^widgets-[0-9a-f]{8}$/);
  return clone;
}

/** After every post step: no worktree registered, no lock, a clean object store. */
function expectHostClean(): void {
  expect(hostLeftovers(fx.hostDir)).toEqual([]);
}

describe('self-hosted host clone (cache-dir)', () => {
  test('first job clones into cache-dir, later jobs refresh it and add worktrees with no copy', async () => {
    fx = await startFixture({ commits: 20 });
    const feature = addCommits(fx.origin, 'feature/login', { commits: 3, seed: 'f' }, 'main');
    const first = fx.newJob('first');
    const main1 = await fx.main(first, worktreeInputs(fx, 'feature/login'));
    const wt1 = expectWorktreeAt(main1, feature, 'feature/login');
    expect(main1.outputs).toMatchObject({
      'cache-source': 'host-dir',
      'cache-hit': 'false',
      seeded: 'false',
      'fallback-reason': 'the host clone was made by this job',
      'clone-path': hostClone()
    });
    expect(wt1).toBe(
      path.join(first.dir, 'work', '_wt', 'widgets', `feature_login-${wt1.slice(-10)}`)
    );
    expect(gitSync(wt1, ['rev-parse', '--abbrev-ref', '@{upstream}'])).toBe('origin/feature/login');
    // The worktree shares the host clone's object store: its .git is a pointer, not a copy.
    expect(readFileSync(path.join(wt1, '.git'), 'utf8')).toBe(
      `gitdir: ${hostClone()}/worktrees/${path.basename(wt1)}\n`
    );
    expect((await fx.post(first)).exitCode).toBe(0);
    expect(existsSync(wt1)).toBe(false);
    expectHostClean();

    const tip = addCommits(fx.origin, 'feature/login', { commits: 4, seed: 'g' });
    const second = fx.newJob('second');
    const main2 = await fx.main(second, worktreeInputs(fx, 'feature/login'));
    expectWorktreeAt(main2, tip, 'feature/login');
    expect(main2.outputs).toMatchObject({
      'cache-hit': 'true',
      seeded: 'true',
      'fallback-reason': '',
      'stale-commits': '4'
    });
    const post2 = await fx.post(second);
    expect(post2.stdout).toContain(
      'not saved: the host clone in cache-dir is refreshed by every job'
    );
    expectHostClean();
  });

  test('a new branch starts at origin/<base>; base defaults to the default branch', async () => {
    fx = await startFixture({ commits: 8 });
    const release = addCommits(fx.origin, 'release', { commits: 2, seed: 'r' }, 'main');
    const fromDefault = await fx.main(fx.newJob('a'), worktreeInputs(fx, 'new/one'));
    expectWorktreeAt(fromDefault, revParse(fx.origin, 'main'), 'new/one');
    const fromBase = await fx.main(
      fx.newJob('b'),
      worktreeInputs(fx, 'new/two', { base: 'release' })
    );
    expectWorktreeAt(fromBase, release, 'new/two');
    const noBase = await fx.main(fx.newJob('c'), worktreeInputs(fx, 'new/three', { base: 'nope' }));
    expect(noBase.exitCode).toBe(1);
    expect(noBase.annotations.map(a => a.title)).toEqual(["Invalid input 'base'"]);
  });

  test('without branch, path is seeded from the host clone and stays valid when the host clone goes', async () => {
    fx = await startFixture({ commits: 12 });
    await fx.main(fx.newJob('warmup'), worktreeInputs(fx, 'main'));
    const tip = addCommits(fx.origin, 'main', { commits: 3, seed: 'n' });
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { 'cache-dir': fx.hostDir } });
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({
      'cache-source': 'host-dir',
      seeded: 'true',
      'stale-commits': '3'
    });
    expect(revParse(job.workspace, 'HEAD')).toBe(tip);
    expect(existsSync(path.join(job.workspace, '.git', 'objects', 'info', 'alternates'))).toBe(
      false
    );
    const packs = path.join(job.workspace, '.git', 'objects', 'pack');
    const pack = readdirSync(packs).find(f => f.endsWith('.pack'));
    expect(pack).toBeDefined();
    expect(statSync(path.join(packs, pack ?? '')).nlink).toBeGreaterThan(1); // shared by hard link
    rmSync(hostClone(), { recursive: true, force: true });
    expect(gitSync(job.workspace, ['fsck', '--no-progress', '--no-dangling'])).toBe('');
    expect(gitSync(job.workspace, ['remote', 'get-url', 'origin'])).toBe(fx.originUrl);
  });

  test('a broken host clone is rebuilt with a warning and the job succeeds', async () => {
    fx = await startFixture({ commits: 10 });
    expect((await fx.main(fx.newJob('first'), worktreeInputs(fx, 'main'))).exitCode).toBe(0);
    const clone = hostClone();
    // An interrupted first clone leaves no completion marker; missing objects break the refs.
    rmSync(path.join(clone, 'clone-cache-complete'));
    const job = fx.newJob('second');
    const main = await fx.main(job, worktreeInputs(fx, 'topic'));
    expectWorktreeAt(main, revParse(fx.origin, 'main'), 'topic');
    expect(main.annotations.map(a => a.title)).toEqual(['Host clone rebuilt']);
    expect(main.annotations[0].message).toContain('its first clone never finished');
    for (const dir of ['objects/pack', 'objects']) {
      for (const f of readdirSync(path.join(hostClone(), dir))) {
        if (/^[0-9a-f]{2}$/.test(f) || f.endsWith('.pack'))
          rmSync(path.join(hostClone(), dir, f), { recursive: true });
      }
    }
    const third = await fx.main(fx.newJob('third'), worktreeInputs(fx, 'other'));
    expectWorktreeAt(third, revParse(fx.origin, 'main'), 'other');
    expect(third.annotations.map(a => a.title)).toEqual(['Host clone rebuilt']);
    expect(third.annotations[0].message).toMatch(/is missing/);
  });

  test('hooks and dangerous config planted in the shared host clone never run', async () => {
    fx = await startFixture({ commits: 6 });
    expect((await fx.main(fx.newJob('first'), worktreeInputs(fx, 'main'))).exitCode).toBe(0);
    const clone = hostClone();
    // A replace ref would make the worktree show the files of another commit.
    const tip = revParse(fx.origin, 'main');
    gitSync(clone, ['update-ref', `refs/replace/${tip}`, revParse(fx.origin, 'main~3')]);
    const marker = path.join(fx.root, 'planted-ran');
    const hook = `#!/bin/sh\necho hook >> ${marker}\n`;
    mkdirSync(path.join(clone, 'hooks'), { recursive: true });
    for (const name of ['post-checkout', 'reference-transaction']) {
      writeFileSync(path.join(clone, 'hooks', name), hook, { mode: 0o755 });
    }
    const include = path.join(fx.root, 'planted-include');
    writeFileSync(include, `[core]\n\thooksPath = ${path.join(clone, 'hooks')}\n`);
    gitSync(clone, ['config', 'core.fsmonitor', `sh -c 'echo fsmonitor >> ${marker}'`]);
    gitSync(clone, ['config', 'include.path', include]);
    const job = fx.newJob('second');
    const main = await fx.main(job, worktreeInputs(fx, 'topic'));
    const wt = expectWorktreeAt(main, tip, 'topic');
    expect(main.annotations.map(a => a.title)).toEqual(['Host clone sanitized']);
    expect(main.annotations[0].message).toContain(`refs/replace/${tip}`);
    expect(gitSync(wt, ['ls-files', '-s'])).toBe(
      gitSync(fx.origin, ['ls-tree', '-r', tip]).replace(/^(\d+) blob (\w+)\t/gm, '$1 $2 0\t')
    );
    gitSync(wt, ['status']);
    gitSync(wt, ['commit', '--allow-empty', '-qm', 'work in the worktree']);
    expect(existsSync(marker)).toBe(false);
    expect(gitSync(clone, ['config', '--list', '--no-includes'])).not.toMatch(
      /fsmonitor|include\.path/
    );
  });

  test('git gc --auto runs at most once an hour', async () => {
    fx = await startFixture({ commits: 6 });
    const job = () => fx.main(fx.newJob(), { inputs: { 'cache-dir': fx.hostDir } });
    expect((await job()).exitCode).toBe(0);
    const clone = hostClone();
    const packDir = path.join(clone, 'objects', 'pack');
    const packs = () => readdirSync(packDir).filter(f => f.endsWith('.pack')).length;
    // 60 small packs: more than gc.autoPackLimit (50), so gc --auto repacks when it runs.
    const blobs = gitSync(clone, ['rev-list', '--objects', '--all']).split('\n').slice(0, 60);
    for (const line of blobs) {
      gitSync(clone, ['pack-objects', '--quiet', path.join(packDir, 'pack')], line.split(' ')[0]);
    }
    const many = packs();
    expect(many).toBeGreaterThan(50);
    expect((await job()).exitCode).toBe(0);
    expect(packs()).toBe(many); // gc ran less than an hour ago
    const stamp = path.join(clone, 'clone-cache-gc-stamp');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(stamp, twoHoursAgo, twoHoursAgo);
    expect((await job()).exitCode).toBe(0);
    expect(packs()).toBeLessThan(5);
    expect(statSync(stamp).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });

  test('a job that died without its post step: its worktree is removed by the next job', async () => {
    fx = await startFixture({ commits: 6 });
    const dead = fx.newJob('dead');
    const main = await fx.main(dead, { ...worktreeInputs(fx, 'left/behind'), viaShell: true });
    const orphan = expectWorktreeAt(main, revParse(fx.origin, 'main'), 'left/behind');
    writeFileSync(path.join(orphan, 'build.log'), 'output of a job that was killed');
    const next = await fx.main(fx.newJob('next'), worktreeInputs(fx, 'another'));
    expect(next.exitCode).toBe(0);
    expect(next.stdout).toContain(`Cleaned up the worktree ${orphan} of a job that is gone`);
    expect(existsSync(orphan)).toBe(false);
  });
});
