import { afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expectFallback } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync, gitWrapper } from '../support/git.js';
import { revParse } from '../support/repos.js';
import { mountSmallDisk, smallDisksWork } from '../support/users.js';

let fx: Fixture;
afterEach(async () => fx?.close());

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
    expectFallback(fx, await fx.main(job), job, /^restore failed: /);
  });

  test('service answering 500 to the lookup', async () => {
    fx = await startFixture({ commits: 6 });
    fx.cache.faults.lookup = 'error500';
    const job = fx.newJob();
    const main = await fx.main(job);
    expectFallback(fx, main, job, /^restore failed: /);
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Clone cache not restored']
    ]);
    expect(main.annotations[0].message).toMatch(
      /^Restoring the clone cache failed: .*500.*Cloning instead\.$/
    );
  });

  test('service that refuses connections', async () => {
    fx = await startFixture({ commits: 6 });
    const job = fx.newJob('down', { extraEnv: { ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' } });
    expectFallback(fx, await fx.main(job), job, /^restore failed: /);
  });

  test.each(['lookup', 'download'] as const)(
    'a stalled %s is abandoned after the restore bound',
    async stalled => {
      fx = await startFixture({ commits: 6 });
      if (stalled === 'download') await fx.saveEntry();
      fx.cache.faults[stalled] = 'stall';
      const job = fx.newJob();
      const started = Date.now();
      const main = await fx.main(job, {
        env: { CLONE_CACHE_RESTORE_TIMEOUT_SECONDS: '3' },
        killAfterMs: 60_000
      });
      expectFallback(fx, main, job, /^restore failed: Cache restore did not finish within 3 s/);
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  );

  // The action's streamed restore stops at the bound (sockets closed, tar killed); the library's
  // own download (the fallback) cannot be stopped and finishes in the background.
  test.each([
    ['the streamed restore, stopped at the bound', {}, false],
    ['the library, finished in the background', { CLONE_CACHE_STREAMED_RESTORE: 'false' }, true]
  ])(
    'a slow download abandoned at the time bound never lands in the workspace: %s',
    async (_name, env: Record<string, string>, libraryFinishes) => {
      fx = await startFixture({ commits: 40, blobBytes: 20_000 });
      const entry = await fx.saveEntry();
      fx.cache.bandwidth.bytesPerSecond = Math.ceil(entry.size / 3); // about 3 s to download
      fx.git.delayMs = 1_500; // a slow clone: the download could finish while it runs
      const job = fx.newJob();
      const main = await fx.main(job, {
        inputs: { path: 'sub' }, // a clean of the clone cannot hide what lands beside it
        env: { CLONE_CACHE_RESTORE_TIMEOUT_SECONDS: '1', ...env },
        killAfterMs: 60_000
      });
      expect(main.exitCode).toBe(0);
      expect(main.outputs['fallback-reason']).toMatch(
        /^restore failed: Cache restore did not finish within 1 s/
      );
      expect(main.stdout.includes('Cache restored successfully')).toBe(libraryFinishes);
      expect(main.stdout).not.toMatch(/Streamed and extracted/);
      expect(readdirSync(job.workspace)).toEqual(['sub']);
      expect(revParse(path.join(job.workspace, 'sub'), 'HEAD')).toBe(
        revParse(fx.origin, 'refs/heads/main')
      );
    }
  );

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
    const env = gitWrapper(path.join(fx.root, 'old-git'), 'echo "git version 2.20.1"');
    const job = fx.newJob();
    const main = await fx.main(job, { env });
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
    expect(main.stdout).toContain('the restored .git was renamed into place'); // the seed happened
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
    'during the seed and the clone: space given back, a clear error, never a half-written workspace',
    async () => {
      fx = await startFixture({ commits: 40, blobBytes: 20_000 });
      const entry = await fx.saveEntry();
      const job = fx.newJob();
      const disk = mountSmallDisk(job.workspace, '600k');
      // The probe above mounted one: failing now is a fault of the machine, not a reason to pass.
      if ('reason' in disk) throw new Error(`cannot mount a small tmpfs: ${disk.reason}`);
      try {
        expect(entry.size).toBeGreaterThan(1_000_000);
        const main = await fx.main(job);
        expect(main.exitCode).toBe(1);
        const warnings = main.annotations.filter(a => a.level === 'warning');
        // The restore extracts in RUNNER_TEMP; the seed's copy onto the small disk fails.
        expect(warnings.map(a => a.title)).toContain('Clone cache not used');
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

  (smallDisks === true ? test : test.skip)(
    'during the checkout (a small pack, a large tree): the workspace is left empty and the next run works',
    async () => {
      fx = await startFixture({ commits: 6 });
      const work = path.join(fx.root, 'big-files');
      gitSync(fx.root, ['clone', '-q', fx.origin, work]);
      for (let i = 0; i < 8; i++)
        writeFileSync(path.join(work, `big${i}.txt`), 'a'.repeat(512 * 1024));
      gitSync(work, ['add', '.']);
      gitSync(work, ['commit', '-qm', 'big files']);
      gitSync(work, ['push', '-q', 'origin', 'HEAD:main']);
      const job = fx.newJob('full', { cache: false });
      const disk = mountSmallDisk(job.workspace, '1500k');
      if ('reason' in disk) throw new Error(`cannot mount a small tmpfs: ${disk.reason}`);
      try {
        const main = await fx.main(job);
        expect(main.exitCode).toBe(1);
        const errors = main.annotations.filter(a => a.level === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toMatch(/No space left on device|unable to write/i);
        expect(readdirSync(job.workspace)).toEqual([]);
        // The same disk, grown (a tmpfs keeps its files when remounted): the next run is not
        // refused for anything the failed one left.
        execFileSync('mount', ['-o', 'remount,size=20m', job.workspace]);
        const again = await fx.main(job);
        expect(again.exitCode).toBe(0);
        expect(revParse(job.workspace, 'HEAD')).toBe(revParse(fx.origin, 'refs/heads/main'));
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
