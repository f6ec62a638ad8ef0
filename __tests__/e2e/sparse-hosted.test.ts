import { afterEach, describe, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { unpackEntry } from '../support/archive.js';
import { expectFilesOf } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { addCommits, revParse } from '../support/repos.js';
import { filesOfCommit, workingFiles } from '../support/sparse.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const inDirs =
  (...dirs: string[]) =>
  (file: string) =>
    dirs.some(dir => file.startsWith(`${dir}/`));

/** A later step's view: nothing changed, every file of HEAD comes back when it asks. */
function expectUsableSparseClone(dir: string, origin: string, commit: string): void {
  expect(gitSync(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  gitSync(dir, ['sparse-checkout', 'disable']);
  expect(workingFiles(dir)).toEqual(filesOfCommit(origin, commit));
  expectFilesOf(dir, origin, commit);
  expect(gitSync(dir, ['status', '--porcelain'])).toBe('');
}

describe('sparse checkout on a hosted runner', () => {
  test('cone mode, cold then warm: only the directories are written, history stays whole, the entry carries no sparse setting', async () => {
    fx = await startFixture({ commits: 12 });
    const sparse = { 'sparse-checkout': 'src/dir1\nsrc/dir2/\n' };
    const cold = fx.newJob('cold');
    const main1 = await fx.main(cold, { inputs: sparse });
    expect(main1.exitCode).toBe(0);
    expect(main1.outputs['cache-hit']).toBe('false');
    const tip1 = revParse(fx.origin, 'refs/heads/main');
    expect(workingFiles(cold.workspace)).toEqual(
      filesOfCommit(fx.origin, tip1, inDirs('src/dir1', 'src/dir2'))
    );
    expect(gitSync(cold.workspace, ['status', '--porcelain'])).toBe('');
    expect((await fx.post(cold)).exitCode).toBe(0);
    const [entry] = [...fx.cache.entries.values()];
    const unpacked = path.join(fx.root, 'unpacked');
    unpackEntry(entry, unpacked);
    const saved = workingFiles(unpacked);
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.filter(file => /sparse|config\.worktree|(^|\/)info\/|index$/.test(file))).toEqual(
      []
    );
    const config = saved.find(file => /(^|\/)config$/.test(file)) ?? '';
    expect(gitSync(unpacked, ['config', '--file', config, '--list'])).not.toMatch(
      /sparse|worktreeconfig/i
    );

    const tip2 = addCommits(fx.origin, 'main', { commits: 3, seed: 'newer' });
    const warm = fx.newJob('warm');
    const main2 = await fx.main(warm, { inputs: sparse });
    expect(main2.exitCode).toBe(0);
    expect(main2.outputs).toMatchObject({ 'cache-hit': 'true', commit: tip2 });
    expect(workingFiles(warm.workspace)).toEqual(
      filesOfCommit(fx.origin, tip2, inDirs('src/dir1', 'src/dir2'))
    );
    expect(gitSync(warm.workspace, ['rev-list', '--count', 'HEAD'])).toBe('15');
    expectUsableSparseClone(warm.workspace, fx.origin, tip2);
  });

  test('non-cone mode: gitignore-style patterns select the files', async () => {
    fx = await startFixture({ commits: 10 });
    await fx.saveEntry();
    const job = fx.newJob('warm');
    const main = await fx.main(job, {
      inputs: {
        'sparse-checkout': '/src/dir3/\nfile7.txt\n!src/dir3/file13.txt',
        'sparse-checkout-cone-mode': 'false'
      }
    });
    expect(main.exitCode).toBe(0);
    expect(main.outputs['cache-hit']).toBe('true');
    const tip = revParse(fx.origin, 'refs/heads/main');
    const wanted = (file: string) =>
      (file.startsWith('src/dir3/') && file !== 'src/dir3/file13.txt') ||
      path.basename(file) === 'file7.txt';
    const files = workingFiles(job.workspace);
    expect(files).toEqual(filesOfCommit(fx.origin, tip, wanted));
    expect(files.some(file => !file.startsWith('src/dir3/'))).toBe(true);
    expect(gitSync(job.workspace, ['config', 'core.sparseCheckoutCone'])).toBe('false');
    expectUsableSparseClone(job.workspace, fx.origin, tip);
  });

  test('with branch, the clone and the task worktree are both sparse, each with its own config', async () => {
    fx = await startFixture({ commits: 10 });
    await fx.saveEntry();
    const feature = addCommits(fx.origin, 'feature', { commits: 2, seed: 'f' }, 'main');
    const job = fx.newJob('task');
    const main = await fx.main(job, {
      inputs: { branch: 'feature', 'sparse-checkout': 'src/dir4' }
    });
    expect(main.exitCode).toBe(0);
    const wt = main.outputs['worktree-path'];
    expect(revParse(wt, 'HEAD')).toBe(feature);
    expect(workingFiles(wt)).toEqual(filesOfCommit(fx.origin, feature, inDirs('src/dir4')));
    const tip = revParse(fx.origin, 'refs/heads/main');
    expect(workingFiles(job.workspace)).toEqual(filesOfCommit(fx.origin, tip, inDirs('src/dir4')));
    expect(gitSync(wt, ['status', '--porcelain'])).toBe('');
    // The worktree's patterns are its own: making it whole leaves the clone at path sparse.
    expectUsableSparseClone(wt, fx.origin, feature);
    expect(workingFiles(job.workspace)).toEqual(filesOfCommit(fx.origin, tip, inDirs('src/dir4')));
    expect((await fx.post(job)).exitCode).toBe(0);
  });

  test('a clone at path that was sparse and gets no patterns is made whole again', async () => {
    fx = await startFixture({ commits: 8 });
    const job = fx.newJob('persistent');
    expect((await fx.main(job, { inputs: { 'sparse-checkout': 'src/dir5' } })).exitCode).toBe(0);
    expect((await fx.post(job)).exitCode).toBe(0);
    const tip = addCommits(fx.origin, 'main', { commits: 1, seed: 'more' });
    const again = await fx.main(job);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain(
      'was a sparse checkout and sparse-checkout is empty: made whole'
    );
    expect(workingFiles(job.workspace)).toEqual(filesOfCommit(fx.origin, tip));
    expectFilesOf(job.workspace, fx.origin, tip);
    expect(gitSync(job.workspace, ['status', '--porcelain'])).toBe('');
    // As actions/checkout leaves it: sparse off, extensions.worktreeConfig gone.
    const sparseOn = ['config', '--type=bool', '--default=false', 'core.sparseCheckout'];
    expect(gitSync(job.workspace, sparseOn)).toBe('false');
    expect(() =>
      gitSync(job.workspace, ['config', '--local', 'extensions.worktreeConfig'])
    ).toThrow();
  });
});
