import { afterEach, describe, expect, test } from '@jest/globals';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  rmSync,
  symlinkSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs';
import * as path from 'node:path';
import { packLike, putEntry, unpackEntry } from '../support/archive.js';
import { startFixture, TOKEN, type Fixture } from '../support/fixture.js';

const authHeader = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
import { gitAsync, gitSync } from '../support/git.js';
import { mountSmallDisk, smallDisksWork } from '../support/users.js';
import { tmpdir } from 'node:os';
import { addCommits, revParse } from '../support/repos.js';
import type { Job, StepResult } from '../support/runner.js';

let fx: Fixture;
afterEach(async () => fx?.close());

/** The step fell back to a full clone and still produced a correct workspace. */
function expectFallback(main: StepResult, job: Job, reason: RegExp) {
  expect(main.exitCode).toBe(0);
  expect(main.annotations.filter(a => a.level === 'error')).toEqual([]);
  expect(main.annotations.filter(a => a.level === 'warning').length).toBeGreaterThanOrEqual(1);
  expect(main.outputs.seeded).toBe('false');
  expect(main.outputs['fallback-reason']).toMatch(reason);
  expect(revParse(job.workspace, 'HEAD')).toBe(revParse(fx.origin, 'refs/heads/main'));
  expect(gitSync(job.workspace, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  expect(existsSync(path.join(job.workspace, '.clone-cache-staging'))).toBe(false);
}

describe('cache service faults fall back to a full clone', () => {
  test.each([
    ['corrupt archive', 'corrupt'],
    ['truncated download', 'truncate'],
    ['download answering 500', 'error500']
  ] as const)('%s', async (_label, fault) => {
    fx = await startFixture({ commits: 6 });
    await fx.saveEntry();
    fx.cache.faults.download = fault;
    const job = fx.newJob();
    expectFallback(await fx.main(job), job, /^restore failed: /);
  });

  test('service answering 500 to the lookup', async () => {
    fx = await startFixture({ commits: 6 });
    fx.cache.faults.lookup = 'error500';
    const job = fx.newJob();
    const main = await fx.main(job);
    expectFallback(main, job, /^restore failed: /);
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Clone cache not restored']
    ]);
    expect(main.annotations[0].message).toMatch(
      /^Restoring the clone cache failed: .*500.*Cloning instead\.$/
    );
  });

  test('a download that stalls is abandoned after the restore bound', async () => {
    fx = await startFixture({ commits: 6 });
    await fx.saveEntry();
    fx.cache.faults.download = 'stall';
    const job = fx.newJob();
    const started = Date.now();
    const main = await fx.main(job, {
      env: { CLONE_CACHE_RESTORE_TIMEOUT_SECONDS: '3' },
      killAfterMs: 60_000
    });
    expectFallback(main, job, /^restore failed: Cache restore did not finish within 3 s/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('service that refuses connections', async () => {
    fx = await startFixture({ commits: 6 });
    const job = fx.newJob('down', { extraEnv: { ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' } });
    expectFallback(await fx.main(job), job, /^restore failed: /);
  });

  test('a stalled lookup is abandoned after the restore bound', async () => {
    fx = await startFixture({ commits: 6 });
    fx.cache.faults.lookup = 'stall';
    const job = fx.newJob();
    const started = Date.now();
    const main = await fx.main(job, {
      env: { CLONE_CACHE_RESTORE_TIMEOUT_SECONDS: '3' },
      killAfterMs: 60_000
    });
    expectFallback(main, job, /^restore failed: Cache restore did not finish within 3 s/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('no cache service at all: a plain clone, nothing saved', async () => {
    fx = await startFixture({ commits: 6 });
    const job = fx.newJob('nocache', { cache: false });
    const main = await fx.main(job);
    expect(main.exitCode).toBe(0);
    expect(main.annotations).toEqual([]);
    expect(main.outputs['cache-source']).toBe('none');
    const post = await fx.post(job);
    expect(post.stdout).toContain('not saved: no cache service is available to this job');
  });
});

describe('the environment', () => {
  test('git missing from PATH: a clear error saying which git is needed', async () => {
    fx = await startFixture({ commits: 2 });
    const job = fx.newJob();
    const main = await fx.main(job, { env: { PATH: '/nonexistent' } });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([['error', 'git not found']]);
    expect(main.annotations[0].message).toContain('install git 2.29 or newer');
  });

  test('git older than the minimum: a clear error with both versions', async () => {
    fx = await startFixture({ commits: 2 });
    const fake = path.join(fx.root, 'old-git');
    mkdirSync(fake);
    writeFileSync(path.join(fake, 'git'), '#!/bin/sh\necho "git version 2.20.1"\n');
    chmodSync(path.join(fake, 'git'), 0o755);
    const job = fx.newJob();
    const main = await fx.main(job, { env: { PATH: `${fake}:${process.env.PATH}` } });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map(a => a.title)).toEqual(['git is too old']);
    expect(main.annotations[0].message).toBe(
      'This action needs git 2.29 or newer; the runner has git version 2.20.1. Install a newer git before this step.'
    );
  });

  test('origin unreachable after a successful seed: an error naming origin, no stale checkout', async () => {
    fx = await startFixture({ commits: 6 });
    await fx.saveEntry();
    const job = fx.newJob();
    const unreachable = 'http://127.0.0.1:9/acme/widgets';
    const main = await fx.main(job, { inputs: { 'origin-url': unreachable } });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.map(a => a.title)).toEqual(['Fetch from origin failed']);
    expect(main.annotations[0].message).toContain(`Could not fetch from ${unreachable}`);
    expect(existsSync(path.join(job.workspace, '.git'))).toBe(false);
    expect(main.outputs.commit).toBeUndefined();
  });

  test('killed with SIGKILL in the middle of a restore, then run again: a correct workspace', async () => {
    fx = await startFixture({ commits: 40, blobBytes: 20_000 });
    const entry = await fx.saveEntry();
    fx.cache.bandwidth.bytesPerSecond = Math.ceil(entry.size / 8); // about 8 s to download
    const job = fx.newJob();
    const killed = await fx.main(job, { killAfterMs: 1_500 });
    expect(killed.exitCode).toBe(-1);
    expect(existsSync(path.join(job.workspace, '.git'))).toBe(false);
    fx.cache.bandwidth.bytesPerSecond = 0;
    const again = await fx.main(job);
    expect(again.exitCode).toBe(0);
    expect(again.outputs.seeded).toBe('true');
    expect(revParse(job.workspace, 'HEAD')).toBe(revParse(fx.origin, 'refs/heads/main'));
    expect(gitSync(job.workspace, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });
});

const smallDisks = smallDisksWork(tmpdir());
if (smallDisks !== true) {
  console.warn(
    `SKIPPED: cannot mount a small tmpfs here (${smallDisks}); the disk-full test cannot run`
  );
}

describe('disk full', () => {
  (smallDisks === true ? test : test.skip)(
    'during the restore and the clone: space given back, a clear error, never a half-written workspace',
    async () => {
      fx = await startFixture({ commits: 40, blobBytes: 20_000 });
      const entry = await fx.saveEntry();
      const job = fx.newJob();
      const disk = mountSmallDisk(job.workspace, '600k');
      if ('reason' in disk) {
        console.warn(
          `NOT RUN: cannot mount a small tmpfs here (${disk.reason}); the disk-full test needs one`
        );
        return;
      }
      try {
        expect(entry.size).toBeGreaterThan(1_000_000);
        const main = await fx.main(job);
        expect(main.exitCode).toBe(1);
        const warnings = main.annotations.filter(a => a.level === 'warning');
        expect(warnings.map(a => a.title)).toContain('Clone cache not restored');
        const errors = main.annotations.filter(a => a.level === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toMatch(/No space left on device|write error|unable to write/i);
        expect(readdirSync(job.workspace)).toEqual([]);
        expect(main.outputs.seeded).toBeUndefined();
      } finally {
        disk.unmount();
      }
    }
  );
});

describe('post step never fails the job', () => {
  test('refused upload is a warning', async () => {
    fx = await startFixture({ commits: 4 });
    const job = fx.newJob();
    expect((await fx.main(job)).exitCode).toBe(0);
    fx.cache.faults.upload = 'refuse';
    const post = await fx.post(job);
    expect(post.exitCode).toBe(0);
    expect(post.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Clone cache post step']
    ]);
    expect(post.annotations[0].message).toMatch(
      /^Clone cache not saved: saving clone-cache-\S+ failed: /
    );
    expect(existsSync(path.join(job.workspace, '.clone-cache-staging'))).toBe(false);
  });

  test('upload answering 500 is a warning, and the post step exits 0', async () => {
    fx = await startFixture({ commits: 4 });
    const job = fx.newJob();
    expect((await fx.main(job)).exitCode).toBe(0);
    fx.cache.faults.upload = 'error500';
    const post = await fx.post(job, { env: { CLONE_CACHE_SAVE_TIMEOUT_SECONDS: '60' } });
    expect(post.exitCode).toBe(0);
    expect(post.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Clone cache post step']
    ]);
    expect([...fx.cache.entries.values()].filter(e => e.finalized)).toEqual([]);
  });

  test('another job saving the same key is an info line, not a warning', async () => {
    fx = await startFixture({ commits: 4 });
    const job = fx.newJob();
    expect((await fx.main(job)).exitCode).toBe(0);
    fx.cache.faults.create = 'refuse';
    const post = await fx.post(job);
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(post.stdout).toMatch(/not saved: another job is saving or has saved clone-cache-/);
  });

  test('a post step without state from main says so and exits 0', async () => {
    fx = await startFixture({ commits: 2 });
    const post = await fx.post(fx.newJob());
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('The main step did not finish');
  });
});

describe('untrusted cache entries', () => {
  test("an entry of a longer key prefix (another repository's clone) is not used", async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const unpacked = path.join(fx.root, 'other');
    unpackEntry(reference, unpacked);
    const archive = path.join(fx.root, 'other.tar');
    packLike(reference, unpacked, '.clone-cache-staging', archive);
    fx.cache.entries.clear();
    putEntry(fx.cache, reference, `clone-cache-Linux-acme-widgets-docs-${'d'.repeat(40)}`, archive);
    const job = fx.newJob();
    const main = await fx.main(job);
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({
      'cache-hit': 'false',
      seeded: 'false',
      'fallback-reason': 'no cache entry'
    });
    expect(main.stdout).toContain('Ignoring the cache entry clone-cache-Linux-acme-widgets-docs-');
  });

  test('archive members with absolute or .. paths never land outside the workspace', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const crafted = path.join(fx.root, 'crafted', 'ws');
    unpackEntry(reference, crafted);
    // ../escaped lands beside the workspace with tar -P; the absolute member anywhere at all.
    writeFileSync(path.join(fx.root, 'crafted', 'escaped'), 'escaped');
    const absolute = path.join(fx.root, 'abs-target', 'planted');
    mkdirSync(path.dirname(absolute));
    writeFileSync(absolute, 'planted');
    const archive = path.join(fx.root, 'crafted.tar');
    packLike(reference, crafted, '.clone-cache-staging', archive, ['../escaped', absolute]);
    rmSync(absolute);
    putEntry(fx.cache, reference, `clone-cache-Linux-acme-widgets-${'f'.repeat(40)}`, archive);
    const job = fx.newJob();
    const main = await fx.main(job);
    expect(main.exitCode).toBe(0);
    expect(existsSync(path.join(path.dirname(job.workspace), 'escaped'))).toBe(false);
    expect(existsSync(absolute)).toBe(false);
    expect(revParse(job.workspace, 'HEAD')).toBe(revParse(fx.origin, 'refs/heads/main'));
    expect(gitSync(job.workspace, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });

  test('a symlink inside the cached .git is refused: fallback, nothing followed', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const crafted = path.join(fx.root, 'crafted');
    unpackEntry(reference, crafted);
    const outside = path.join(fx.root, 'outside');
    mkdirSync(outside);
    const refsRemotes = path.join(crafted, '.clone-cache-staging', 'clone.git', 'refs', 'remotes');
    rmSync(refsRemotes, { recursive: true, force: true });
    symlinkSync(outside, refsRemotes);
    const archive = path.join(fx.root, 'crafted.tar');
    packLike(reference, crafted, '.clone-cache-staging', archive);
    putEntry(fx.cache, reference, `clone-cache-Linux-acme-widgets-${'e'.repeat(40)}`, archive);
    const job = fx.newJob();
    const main = await fx.main(job);
    expectFallback(
      main,
      job,
      /^seed failed: the cached clone holds refs\/remotes, which is not a plain file/
    );
    expect(readdirSync(outside)).toEqual([]);
  });

  test('hooks and dangerous config in an entry never run; the seed is sanitized', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const crafted = path.join(fx.root, 'crafted');
    unpackEntry(reference, crafted);
    const gitDir = path.join(crafted, '.clone-cache-staging', 'clone.git');
    const marker = path.join(fx.root, 'hook-ran');
    const script = `#!/bin/sh\necho ran >> ${marker}\n`;
    mkdirSync(path.join(gitDir, 'hooks'));
    for (const hook of ['post-checkout', 'post-merge', 'reference-transaction', 'pre-commit']) {
      writeFileSync(path.join(gitDir, 'hooks', hook), script);
      chmodSync(path.join(gitDir, 'hooks', hook), 0o755);
    }
    const run = (what: string) => `"sh -c 'echo ${what} >> ${marker}'"`;
    const include = path.join(fx.root, 'evil-include');
    writeFileSync(include, `[core]\n\tpager = ${run('pager')}\n`);
    writeFileSync(
      path.join(gitDir, 'config'),
      [
        '[core]',
        '\trepositoryformatversion = 0',
        `\tfsmonitor = ${run('fsmonitor')}`,
        '\thooksPath = hooks',
        `\tsshCommand = ${run('ssh')}`,
        '[credential]',
        `\thelper = !${run('credential').slice(1, -1)}`,
        '[include]',
        `\tpath = ${include}`,
        '[diff "x"]',
        `\ttextconv = ${run('textconv')}`,
        '[filter "x"]',
        `\tsmudge = ${run('smudge')}`,
        `\tclean = ${run('clean')}`,
        ''
      ].join('\n')
    );
    mkdirSync(path.join(gitDir, 'info'), { recursive: true });
    writeFileSync(path.join(gitDir, 'info', 'attributes'), '* diff=x filter=x\n');
    const archive = path.join(fx.root, 'crafted.tar');
    packLike(reference, crafted, '.clone-cache-staging', archive);
    addCommits(fx.origin, 'main', { commits: 1, seed: 'newer' });
    putEntry(fx.cache, reference, `clone-cache-Linux-acme-widgets-${'c'.repeat(40)}`, archive);

    const job = fx.newJob();
    const main = await fx.main(job);
    expect(main.exitCode).toBe(0);
    expect(main.outputs['fallback-reason']).toBe('');
    expect(main.outputs.seeded).toBe('true');
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Clone cache sanitized']
    ]);
    expect(main.annotations[0].message).toContain('hooks');
    // Typical later commands in the seeded clone, including a pull that fetches and merges.
    writeFileSync(path.join(job.workspace, 'touched.txt'), 'x');
    gitSync(job.workspace, ['status']);
    gitSync(job.workspace, ['diff', 'HEAD~1']);
    gitSync(job.workspace, ['log', '-p', '-2']);
    addCommits(fx.origin, 'main', { commits: 1, seed: 'pulled' });
    await gitAsync(job.workspace, [
      '-c',
      `http.extraheader=${authHeader}`,
      'pull',
      '--no-rebase',
      '--quiet'
    ]);
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(path.join(job.workspace, '.git', 'config'), 'utf8')).not.toMatch(
      /fsmonitor|hooksPath|sshCommand|credential|include|textconv|smudge/
    );
    expect(readdirSync(path.join(job.workspace, '.git', 'hooks'))).toEqual([]);
  });

  test('an entry whose HEAD names a missing commit falls back and leaves nothing of the seed', async () => {
    fx = await startFixture({ commits: 6 });
    const reference = await fx.saveEntry();
    const crafted = path.join(fx.root, 'crafted');
    unpackEntry(reference, crafted);
    writeFileSync(
      path.join(crafted, '.clone-cache-staging', 'clone.git', 'HEAD'),
      `${'1'.repeat(40)}\n`
    );
    const archive = path.join(fx.root, 'crafted.tar');
    packLike(reference, crafted, '.clone-cache-staging', archive);
    putEntry(fx.cache, reference, `clone-cache-Linux-acme-widgets-${'b'.repeat(40)}`, archive);
    const job = fx.newJob();
    const main = await fx.main(job);
    expectFallback(
      main,
      job,
      /^seed failed: HEAD of the cached clone does not resolve to a commit/
    );
    expect(main.outputs['cache-hit']).toBe('true');
    expect(main.annotations.map(a => a.title)).toEqual(['Clone cache not used']);
  });
});
