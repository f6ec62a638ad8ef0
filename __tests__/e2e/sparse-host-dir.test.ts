import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { expectFilesOf, expectWorktreeAt } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { hostCloneIn, hostLeftovers, worktreeInputs } from '../support/host-clone.js';
import { addCommits, revParse } from '../support/repos.js';
import { filesOfCommit, workingFiles } from '../support/sparse.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const inDir = (dir: string) => (file: string) => file.startsWith(`${dir}/`);
const sparseOn = (dir: string) =>
  gitSync(dir, ['config', '--type=bool', '--default=false', 'core.sparseCheckout']);

describe('sparse task worktrees of one host clone (cache-dir)', () => {
  test('two worktrees with different patterns and a whole one do not affect each other or the host clone', async () => {
    fx = await startFixture({ commits: 10 });
    const alpha = addCommits(fx.origin, 'alpha', { commits: 1, seed: 'a' }, 'main');
    const beta = addCommits(fx.origin, 'beta', { commits: 1, seed: 'b' }, 'main');
    const [jobA, jobB, jobC] = ['a', 'b', 'c'].map(name => fx.newJob(name));
    const mainA = await fx.main(
      jobA,
      worktreeInputs(fx, 'alpha', { 'sparse-checkout': 'src/dir1' })
    );
    const wtA = expectWorktreeAt(mainA, alpha, 'alpha');
    // B refreshes the host clone while A's worktree is in use.
    const mainB = await fx.main(
      jobB,
      worktreeInputs(fx, 'beta', {
        'sparse-checkout': 'file2.txt\nfile12.txt',
        'sparse-checkout-cone-mode': 'false'
      })
    );
    const wtB = expectWorktreeAt(mainB, beta, 'beta');
    const gamma = addCommits(fx.origin, 'gamma', { commits: 1, seed: 'c' }, 'main');
    const mainC = await fx.main(jobC, worktreeInputs(fx, 'gamma'));
    const wtC = expectWorktreeAt(mainC, gamma, 'gamma');
    for (const main of [mainA, mainB, mainC]) {
      expect(main.annotations.filter(a => a.title === 'Host clone sanitized')).toEqual([]);
    }

    const filesA = filesOfCommit(fx.origin, alpha, inDir('src/dir1'));
    const inB = (file: string) => ['file2.txt', 'file12.txt'].includes(path.basename(file));
    const filesB = filesOfCommit(fx.origin, beta, inB);
    expect(workingFiles(wtA)).toEqual(filesA);
    expect(workingFiles(wtB)).toEqual(filesB);
    expect(workingFiles(wtC)).toEqual(filesOfCommit(fx.origin, gamma));
    expect(gitSync(wtA, ['sparse-checkout', 'list'])).toBe('src/dir1');
    expect(gitSync(wtB, ['config', 'core.sparseCheckoutCone'])).toBe('false');
    expect(sparseOn(wtC)).toBe('false');

    // The host clone itself stays bare, whole and without sparse settings.
    const host = hostCloneIn(fx.hostDir);
    expect(gitSync(host, ['rev-parse', '--is-bare-repository'])).toBe('true');
    expect(sparseOn(host)).toBe('false');
    expect(existsSync(path.join(host, 'info', 'sparse-checkout'))).toBe(false);
    expect(gitSync(host, ['config', '--file', 'config', '--list'])).not.toMatch(/sparse/i);

    // A later step in A: git works, and making A whole changes neither B nor C.
    expect(gitSync(wtA, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    gitSync(wtA, ['sparse-checkout', 'disable']);
    expect(workingFiles(wtA)).toEqual(filesOfCommit(fx.origin, alpha));
    expectFilesOf(wtA, fx.origin, alpha);
    expect(gitSync(wtA, ['status', '--porcelain'])).toBe('');
    expect(workingFiles(wtB)).toEqual(filesB);
    expect(sparseOn(wtB)).toBe('true');
    expect(workingFiles(wtC)).toEqual(filesOfCommit(fx.origin, gamma));

    for (const job of [jobA, jobB, jobC]) expect((await fx.post(job)).exitCode).toBe(0);
    expect(hostLeftovers(fx.hostDir)).toEqual([]);

    // With every sparse worktree gone, the next job finds the host clone as the template has it,
    // and says nothing about it.
    const mainD = await fx.main(fx.newJob('d'), worktreeInputs(fx, 'main'));
    expectWorktreeAt(mainD, revParse(fx.origin, 'refs/heads/main'), 'main');
    expect(mainD.annotations.filter(a => a.title === 'Host clone sanitized')).toEqual([]);
    expect(gitSync(host, ['config', '--file', 'config', '--list'])).not.toMatch(/worktreeconfig/i);
    expect(existsSync(path.join(host, 'config.worktree'))).toBe(false);
  });

  test("a reused worktree takes the new job's patterns, or is made whole without them", async () => {
    fx = await startFixture({ commits: 8 });
    const job = fx.newJob('kept');
    const keep = { 'remove-worktree': 'false' };
    const first = await fx.main(
      job,
      worktreeInputs(fx, 'topic', { ...keep, 'sparse-checkout': 'src/dir6' })
    );
    const tip = revParse(fx.origin, 'refs/heads/main');
    const wt = expectWorktreeAt(first, tip, 'topic');
    expect(workingFiles(wt)).toEqual(filesOfCommit(fx.origin, tip, inDir('src/dir6')));
    expect((await fx.post(job)).exitCode).toBe(0);

    const second = await fx.main(
      job,
      worktreeInputs(fx, 'topic', { ...keep, 'sparse-checkout': 'src/dir7' })
    );
    expect(second.summary).toContain('(reused)');
    expect(workingFiles(wt)).toEqual(filesOfCommit(fx.origin, tip, inDir('src/dir7')));
    expect((await fx.post(job)).exitCode).toBe(0);

    const third = await fx.main(job, worktreeInputs(fx, 'topic', keep));
    expect(third.summary).toContain('(reused)');
    expectWorktreeAt(third, tip, 'topic');
    expect(workingFiles(wt)).toEqual(filesOfCommit(fx.origin, tip));
    expect(sparseOn(wt)).toBe('false');
  });
});
