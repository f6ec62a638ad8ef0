import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expectWorktreeAt } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync, gitWrapper } from '../support/git.js';
import { hostCloneIn, hostLeftovers, worktreeInputs } from '../support/host-clone.js';
import { startJobProcess } from '../support/job-process.js';
import { addCommits, revParse } from '../support/repos.js';
import type { StepResult } from '../support/runner.js';

// Worktree leases on a shared host clone: kept worktrees, killed jobs, old git, long jobs.
let fx: Fixture;
afterEach(async () => fx?.close());

function hostClone(): string {
  return hostCloneIn(fx.hostDir);
}

function expectHostClean(): void {
  expect(hostLeftovers(fx.hostDir)).toEqual([]);
}

describe('worktree leases', () => {
  test("a branch kept checked out by an earlier job elsewhere: the next job gets origin's tip, detached, and the kept worktree is untouched", async () => {
    fx = await startFixture({ commits: 6 });
    const old = addCommits(fx.origin, 'topic', { commits: 1, seed: 't' }, 'main');
    const keeper = fx.newJob('keeper');
    const keep = worktreeInputs(fx, 'topic', { 'remove-worktree': 'false' });
    const kept = expectWorktreeAt(await fx.main(keeper, keep), old, 'topic');
    expect((await fx.post(keeper)).exitCode).toBe(0);
    writeFileSync(path.join(kept, 'notes.txt'), 'work kept on purpose');
    const tip = addCommits(fx.origin, 'topic', { commits: 2, seed: 'u' });
    // Another runner on the host: its worktree root is not the keeper's.
    const main = await fx.main(fx.newJob('other-runner'), worktreeInputs(fx, 'topic'));
    expectWorktreeAt(main, tip, 'HEAD');
    expect(main.stdout).toContain(
      `topic is checked out in ${kept}; this job gets a detached worktree at ${tip} (origin/topic).`
    );
    expect(revParse(kept, 'HEAD')).toBe(old);
    expect(readFileSync(path.join(kept, 'notes.txt'), 'utf8')).toBe('work kept on purpose');
  });

  test('a job killed just after git worktree add: the worktree already carries its lease, so the next job removes it', async () => {
    fx = await startFixture({ commits: 6 });
    const env = gitWrapper(
      path.join(fx.root, 'dies-after-add'),
      '"$REAL_GIT" "$@"; rc=$?\ncase "$*" in *"worktree add"*) kill -KILL $PPID;; esac\nexit $rc'
    );
    const runner = startJobProcess();
    let killed: StepResult;
    try {
      killed = await runner.run(
        'main',
        fx.newJob('victim'),
        fx.defaults({ ...worktreeInputs(fx, 'topic'), env })
      );
    } finally {
      runner.kill(); // the whole job is gone, as when a runner is cancelled
    }
    expect(killed.exitCode).toBe(-1);
    const clone = hostClone();
    const left = gitSync(clone, ['worktree', 'list', '--porcelain']).split('\n\n').slice(1);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^locked clone-cache-lease:/m);
    const orphan = left[0].split('\n')[0].slice('worktree '.length);

    const next = fx.newJob('next');
    const main = await fx.main(next, worktreeInputs(fx, 'topic'));
    expectWorktreeAt(main, revParse(fx.origin, 'main'), 'topic');
    expect(main.stdout).toContain(`Cleaned up the worktree ${orphan} of a job that is gone`);
    expect(existsSync(orphan)).toBe(false);
    expect((await fx.post(next)).exitCode).toBe(0);
    expectHostClean();
  });

  test('git older than 2.33: the lease is put on just after git worktree add', async () => {
    fx = await startFixture({ commits: 4 });
    const env = gitWrapper(
      path.join(fx.root, 'git-2.32'),
      [
        'if [ "$1" = --version ]; then echo "git version 2.32.0"; exit 0; fi',
        // git 2.32 has no `worktree add --reason`.
        'case "$*" in *"worktree add"*--reason*) echo "error: unknown option" >&2; exit 129;; esac',
        'exec "$REAL_GIT" "$@"'
      ].join('\n')
    );
    const job = fx.newJob();
    const main = await fx.main(job, { ...worktreeInputs(fx, 'topic'), env });
    const wt = expectWorktreeAt(main, revParse(fx.origin, 'main'), 'topic');
    const entry = gitSync(hostClone(), ['worktree', 'list', '--porcelain'])
      .split('\n\n')
      .find(e => e.startsWith(`worktree ${wt}\n`));
    expect(entry).toMatch(/^locked clone-cache-lease:/m);
    expect((await fx.post(job, { env })).exitCode).toBe(0);
    expectHostClean();
  });

  test('git 2.30, whose worktree list shows no locks: leases are still read, a kept worktree is reused', async () => {
    fx = await startFixture({ commits: 4 });
    const tip = addCommits(fx.origin, 'topic', { commits: 1, seed: 't' }, 'main');
    const env = gitWrapper(
      path.join(fx.root, 'git-2.30'),
      [
        'if [ "$1" = --version ]; then echo "git version 2.30.2"; exit 0; fi',
        'case "$*" in *"worktree list --porcelain"*) "$REAL_GIT" "$@" | grep -v "^locked"; exit 0;; esac',
        'exec "$REAL_GIT" "$@"'
      ].join('\n')
    );
    const job = fx.newJob('a');
    const keep = worktreeInputs(fx, 'topic', { 'remove-worktree': 'false' });
    const kept = expectWorktreeAt(await fx.main(job, { ...keep, env }), tip, 'topic');
    expect((await fx.post(job, { env })).exitCode).toBe(0);
    const again = await fx.main(job, { ...worktreeInputs(fx, 'topic'), env });
    expect(expectWorktreeAt(again, tip, 'topic')).toBe(kept);
    expect((await fx.post(job, { env })).exitCode).toBe(0);
    expectHostClean();
  });

  test('a job past the lease age on this host is checked, not expired: its worktree stays its own', async () => {
    fx = await startFixture({ commits: 4 });
    const shared = path.join(fx.root, 'shared-wt');
    const first = fx.newJob('long');
    const wt = expectWorktreeAt(
      await fx.main(first, worktreeInputs(fx, 'topic', { 'worktree-path': shared })),
      revParse(fx.origin, 'main'),
      'topic'
    );
    await new Promise(resolve => setTimeout(resolve, 1_500));
    // A second job that takes any lease older than a second for expired.
    const second = await fx.main(fx.newJob('impatient'), {
      ...worktreeInputs(fx, 'topic', { 'worktree-path': shared }),
      env: { CLONE_CACHE_LEASE_MAX_HOURS: '0.0002' }
    });
    expect(second.exitCode).toBe(0);
    expect(second.outputs['worktree-path']).toBe(`${wt}+2`);
    expect(second.stdout).not.toContain('Cleaned up the worktree');
    expect(existsSync(path.join(wt, '.git'))).toBe(true);
  });

  test("a post step whose lease was taken for dead leaves the worktree's new holder alone", async () => {
    fx = await startFixture({ commits: 4 });
    const shared = path.join(fx.root, 'shared-wt');
    const inputs = worktreeInputs(fx, 'topic', { 'worktree-path': shared });
    const first = fx.newJob('first');
    const wt = expectWorktreeAt(await fx.main(first, inputs), revParse(fx.origin, 'main'), 'topic');
    // Another host's job (here: the lease rewritten to name one) ran past the lease age (set to
    // 1 h; the lease is 2 h old, well within the default 24 h) and was taken for dead; the next
    // job removed its worktree and made its own in the same folder.
    const clone = hostClone();
    const id = path.basename(readFileSync(path.join(wt, '.git'), 'utf8').trim());
    const lockFile = path.join(clone, 'worktrees', id, 'locked');
    const lease = readFileSync(lockFile, 'utf8').trim().slice('clone-cache-lease:'.length);
    const record = JSON.parse(Buffer.from(lease, 'base64url').toString('utf8'));
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
    const elsewhere = { ...record, host: 'another-host', since: twoHoursAgo };
    writeFileSync(
      lockFile,
      `clone-cache-lease:${Buffer.from(JSON.stringify(elsewhere)).toString('base64url')}\n`
    );
    const second = fx.newJob('second');
    const taken = await fx.main(second, { ...inputs, env: { CLONE_CACHE_LEASE_MAX_HOURS: '1' } });
    expect(taken.stdout).toContain(`Cleaned up the worktree ${wt} of a job that is gone`);
    expectWorktreeAt(taken, revParse(fx.origin, 'main'), 'topic');
    writeFileSync(path.join(wt, 'work-of-second.txt'), 'in progress');
    const post = await fx.post(first);
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain(`The task worktree ${wt} no longer carries this job's lease`);
    expect(readFileSync(path.join(wt, 'work-of-second.txt'), 'utf8')).toBe('in progress');
    expect((await fx.post(second)).exitCode).toBe(0);
    expectHostClean();
  });

  test('a kept worktree stopped in a rebase holds its branch: the next job gets a detached worktree', async () => {
    fx = await startFixture({ commits: 4 });
    const tip = addCommits(fx.origin, 'topic', { commits: 2, seed: 't' }, 'main');
    const shared = path.join(fx.root, 'shared-wt');
    const job = fx.newJob('a');
    const keep = worktreeInputs(fx, 'topic', {
      'worktree-path': shared,
      'remove-worktree': 'false'
    });
    const kept = expectWorktreeAt(await fx.main(job, keep), tip, 'topic');
    // The job stops in the middle of a rebase (a conflict, say); its worktree is kept.
    expect(() => gitSync(kept, ['rebase', '--exec', 'false', 'HEAD~1'])).toThrow();
    expect((await fx.post(job)).exitCode).toBe(0);
    // Same folder: the kept worktree is not reused, as it is in the middle of a rebase.
    const next = await fx.main(
      fx.newJob('b'),
      worktreeInputs(fx, 'topic', { 'worktree-path': shared })
    );
    expect(expectWorktreeAt(next, tip, 'HEAD')).toBe(`${shared}+2`);
    expect(next.stdout).toContain(`topic is checked out in ${kept}`);
    expect(
      existsSync(path.join(hostClone(), 'worktrees', path.basename(kept), 'rebase-merge'))
    ).toBe(true);
  });

  test('a kept +2 worktree with commits of its own is never replaced by a later second job', async () => {
    fx = await startFixture({ commits: 4 });
    const tip = addCommits(fx.origin, 'topic', { commits: 1, seed: 't' }, 'main');
    const shared = path.join(fx.root, 'shared-wt');
    const inputs = worktreeInputs(fx, 'topic', { 'worktree-path': shared });
    const a = fx.newJob('a');
    expectWorktreeAt(await fx.main(a, inputs), tip, 'topic');
    const b = fx.newJob('b');
    const keep = worktreeInputs(fx, 'topic', {
      'worktree-path': shared,
      'remove-worktree': 'false'
    });
    const second = expectWorktreeAt(await fx.main(b, keep), tip, 'HEAD');
    expect(second).toBe(`${shared}+2`);
    writeFileSync(path.join(second, 'result.txt'), 'x');
    gitSync(second, ['add', 'result.txt']);
    gitSync(second, ['commit', '-qm', 'work of job b']);
    const commit = revParse(second, 'HEAD');
    expect((await fx.post(b)).exitCode).toBe(0);
    expect((await fx.post(a)).exitCode).toBe(0);

    await fx.main(fx.newJob('c'), inputs); // takes the first folder again
    const d = await fx.main(fx.newJob('d'), inputs);
    expect(d.exitCode).toBe(0);
    expect(d.outputs['worktree-path']).toBe(`${shared}+3`);
    expect(revParse(second, 'HEAD')).toBe(commit);
    expect(existsSync(path.join(second, 'result.txt'))).toBe(true);
  });

  test('a job killed during its checkout, keeping its worktree: the next job removes the unfinished one', async () => {
    fx = await startFixture({ commits: 4 });
    const added = path.join(fx.root, 'added');
    // git adds the worktree but never checks it out: the job is killed at that moment.
    const env = gitWrapper(
      path.join(fx.root, 'stuck-add'),
      [
        'if [ "$1" = worktree ] && [ "$2" = add ]; then',
        `  shift 2; "$REAL_GIT" worktree add --no-checkout "$@"; touch ${added}; sleep 1000`,
        'fi',
        'exec "$REAL_GIT" "$@"'
      ].join('\n')
    );
    const runner = startJobProcess();
    let killed: Promise<StepResult> | undefined;
    try {
      killed = runner.run(
        'main',
        fx.newJob('victim'),
        fx.defaults({ ...worktreeInputs(fx, 'new/task', { 'remove-worktree': 'false' }), env })
      );
      for (let i = 0; i < 300 && !existsSync(added); i++) {
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      expect(existsSync(added)).toBe(true);
    } finally {
      runner.kill();
    }
    expect((await killed)?.exitCode).toBe(-1);
    const next = fx.newJob('next');
    const main = await fx.main(next, worktreeInputs(fx, 'new/task'));
    const wt = expectWorktreeAt(main, revParse(fx.origin, 'main'), 'new/task');
    expect(readdirSync(wt).length).toBeGreaterThan(1);
    expect(main.stdout).toContain('Cleaned up the worktree');
    expect((await fx.post(next)).exitCode).toBe(0);
    expectHostClean();
  });
});
