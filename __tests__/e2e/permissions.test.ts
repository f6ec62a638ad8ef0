import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { hostCloneIn, hostLocks } from '../support/host-clone.js';
import { addCommits, revParse } from '../support/repos.js';
import type { Annotation, Job } from '../support/runner.js';
import {
  chownTree,
  giveJobToRunner,
  mountReadOnly,
  readOnlyMountsWork,
  rootOwnedDir,
  RUNNER,
  runningAsRoot
} from '../support/users.js';

let fx: Fixture;
afterEach(async () => fx?.close());

if (!runningAsRoot) {
  console.warn(
    'SKIPPED: the permission tests need root, to run the action as another uid against root-owned directories'
  );
}
const asRoot = runningAsRoot ? test : test.skip;
const roMounts = runningAsRoot ? readOnlyMountsWork(tmpdir()) : 'not root';
if (roMounts !== true) {
  console.warn(
    `SKIPPED: read-only bind mounts do not work on this machine (${roMounts}); the EROFS test cannot run`
  );
}
const asRootWithMounts = roMounts === true ? test : test.skip;

const asRunner = { uid: RUNNER.uid, gid: RUNNER.gid };

function errors(annotations: Annotation[]): Annotation[] {
  return annotations.filter(a => a.level === 'error');
}

async function runnerJob(name = 'job', options: { cache?: boolean } = {}): Promise<Job> {
  const job = fx.newJob(name, { cache: options.cache ?? false });
  giveJobToRunner(fx, job);
  return job;
}

describe('permission failures become annotated errors', () => {
  asRoot(
    'a root-owned worktree root (_wt): one titled error naming path, owner, uid and the fix',
    async () => {
      fx = await startFixture({ commits: 5 });
      const job = await runnerJob();
      const wtRoot = rootOwnedDir(path.join(job.dir, 'work', '_wt'));
      const main = await fx.main(job, { inputs: { branch: 'feat' }, ...asRunner });
      expect(main.exitCode).toBe(1);
      const [error, ...more] = errors(main.annotations);
      expect(more).toEqual([]);
      const offending = path.join(wtRoot, 'widgets', 'feat');
      expect(error.title).toMatch(
        new RegExp(`^Permission denied: ${offending}\\S* is owned by root$`)
      );
      const lines = error.message.split('\n');
      expect(lines[0]).toMatch(
        new RegExp(`^Creating the task worktree for feat failed: permission denied on ${offending}`)
      );
      expect(lines[1]).toBe(
        `${wtRoot} is owned by root (0:0); this job runs as uid 4242 (4242:4242).`
      );
      expect(lines).toContain(`Fix: sudo chown -R 4242:4242 ${wtRoot}`);
      expect(lines).toContain(
        'Or set fix-ownership: true to let the action do it (needs root or passwordless sudo).'
      );
      expect(lines.some(l => l.startsWith('More: ') && l.includes('Troubleshooting'))).toBe(true);
      // The pre-flight scan saw it coming.
      const preflight = main.annotations.find(a => a.level === 'warning');
      expect(preflight?.title).toBe(`Not owned by the runner user: ${wtRoot}`);
    }
  );

  asRoot('diagnose-permissions: false leaves the raw error, with no help', async () => {
    fx = await startFixture({ commits: 5 });
    const job = await runnerJob();
    rootOwnedDir(path.join(job.dir, 'work', '_wt'));
    const main = await fx.main(job, {
      inputs: { branch: 'feat', 'diagnose-permissions': 'false' },
      ...asRunner
    });
    expect(main.exitCode).toBe(1);
    expect(main.annotations.filter(a => a.level === 'warning')).toEqual([]);
    const [error, ...more] = errors(main.annotations);
    expect(more).toEqual([]);
    expect(error.title).toBe('Clone cache failed');
    expect(error.message).toMatch(
      /^git worktree add .* failed: fatal: could not create leading directories of '.*': Permission denied$/
    );
    expect(error.message).not.toMatch(/chown|fix-ownership|owned by/);
  });

  asRoot('fix-ownership as non-root without sudo: a clear no-op', async () => {
    fx = await startFixture({ commits: 5 });
    const job = await runnerJob();
    const wtRoot = rootOwnedDir(path.join(job.dir, 'work', '_wt'));
    const main = await fx.main(job, {
      inputs: { branch: 'feat', 'fix-ownership': 'true' },
      ...asRunner
    });
    expect(main.exitCode).toBe(1);
    expect(main.stdout).toContain(
      `fix-ownership: cannot change the owner of ${wtRoot}: this job runs as 4242:4242 without passwordless sudo. Nothing was changed`
    );
    expect(statSync(wtRoot).uid).toBe(0);
    expect(errors(main.annotations)).toHaveLength(1);
  });

  asRoot(
    'seeding blocked by a root-owned leftover: a warning and the full-clone fallback',
    async () => {
      fx = await startFixture({ commits: 5 });
      const job = await runnerJob('seed', { cache: true });
      const staging = rootOwnedDir(path.join(job.workspace, '.clone-cache-staging', 'clone.git'));
      writeFileSync(path.join(staging, 'HEAD'), 'left by a container\n');
      chownTree(path.join(job.workspace, '.clone-cache-staging'), { uid: 0, gid: 0 });
      const main = await fx.main(job, { inputs: { path: 'src' }, ...asRunner });
      expect(errors(main.annotations)).toEqual([]);
      expect(main.exitCode).toBe(0);
      expect(main.outputs.seeded).toBe('false');
      const warning = main.annotations.find(a => a.title.startsWith('Permission denied: '));
      expect(warning?.level).toBe('warning');
      expect(warning?.message).toContain(
        `Fix: sudo chown -R 4242:4242 ${path.join(job.workspace, '.clone-cache-staging')}`
      );
      expect(warning?.message).toMatch(/\nCloning instead\.$/);
      expect(revParse(path.join(job.workspace, 'src'), 'HEAD')).toBe(revParse(fx.origin, 'main'));
    }
  );

  asRoot('seeding and cloning both blocked (path is root-owned): an annotated error', async () => {
    fx = await startFixture({ commits: 5 });
    const job = await runnerJob('blocked', { cache: true });
    const target = rootOwnedDir(path.join(job.workspace, 'src'));
    const main = await fx.main(job, { inputs: { path: 'src' }, ...asRunner });
    expect(main.exitCode).toBe(1);
    const [error, ...more] = errors(main.annotations);
    expect(more).toEqual([]);
    expect(error.title).toBe(`Permission denied: ${path.join(target, '.git')} is owned by root`);
    expect(error.message).toContain(`Fix: sudo chown -R 4242:4242 ${target}`);
    expect(readdirSync(target)).toEqual([]);
  });

  asRoot(
    'root-owned objects inside cache-dir: the refresh fails with the annotated error',
    async () => {
      fx = await startFixture({ commits: 5 });
      mkdirSync(fx.hostDir, { recursive: true });
      chownTree(fx.hostDir, RUNNER);
      const first = await runnerJob('first');
      expect(
        (await fx.main(first, { inputs: { 'cache-dir': fx.hostDir, branch: 'a' }, ...asRunner }))
          .exitCode
      ).toBe(0);
      const clone = hostCloneIn(fx.hostDir);
      chownTree(path.join(clone, 'objects'), { uid: 0, gid: 0 });
      addCommits(fx.origin, 'main', { commits: 3, seed: 'new' });
      const second = await runnerJob('second');
      const main = await fx.main(second, {
        inputs: { 'cache-dir': fx.hostDir, branch: 'b' },
        ...asRunner
      });
      expect(main.exitCode).toBe(1);
      const [error, ...more] = errors(main.annotations);
      expect(more).toEqual([]);
      expect(error.title).toMatch(
        new RegExp(`^Permission denied: ${clone}/\\S*objects\\S* is owned by root$`)
      );
      expect(error.message).toContain(
        `Fix: sudo chown -R 4242:4242 ${path.join(clone, 'objects')}`
      );
      expect(hostLocks(fx.hostDir)).toEqual([]);
    }
  );

  asRoot('dubious ownership gets its own remedy (safe.directory)', async () => {
    fx = await startFixture({ commits: 5 });
    const job = await runnerJob();
    const clone = path.join(job.workspace, 'src');
    gitSync(job.workspace, ['clone', '--quiet', fx.origin, clone]);
    chownTree(clone, { uid: 0, gid: 0 });
    // set-safe-directory (default true, as in actions/checkout) would trust the clone.
    const inputs = { path: 'src', 'set-safe-directory': 'false' };
    const main = await fx.main(job, { inputs, ...asRunner });
    expect(main.exitCode).toBe(1);
    const [error, ...more] = errors(main.annotations);
    expect(more).toEqual([]);
    expect(error.title).toBe(`Dubious ownership: ${clone}`);
    expect(error.message).toContain(`git config --global --add safe.directory ${clone}`);
    expect(error.message).toContain(`Fix: sudo chown -R 4242:4242 ${clone}`);
  });

  asRoot(
    'fix-ownership as root repairs a clone owned by another user, and the job succeeds',
    async () => {
      fx = await startFixture({ commits: 5 });
      const job = fx.newJob('root-job', { cache: false });
      const clone = path.join(job.workspace, 'src');
      gitSync(job.workspace, ['clone', '--quiet', fx.origin, clone]);
      chownTree(clone, RUNNER);
      const inputs = { path: 'src', 'set-safe-directory': 'false' };
      const without = await fx.main(job, { inputs });
      expect(without.exitCode).toBe(1);
      expect(errors(without.annotations)[0].title).toBe(`Dubious ownership: ${clone}`);
      const fixed = await fx.main(job, { inputs: { ...inputs, 'fix-ownership': 'true' } });
      expect(errors(fixed.annotations)).toEqual([]);
      expect(fixed.exitCode).toBe(0);
      expect(fixed.stdout).toContain(`fix-ownership: gave ${clone} to 0:0.`);
      expect(statSync(path.join(clone, '.git', 'HEAD')).uid).toBe(0);
    }
  );

  asRoot(
    'a worktree the post step cannot remove is a warning with the fix, never a failure',
    async () => {
      fx = await startFixture({ commits: 5 });
      const job = await runnerJob();
      const main = await fx.main(job, { inputs: { branch: 'feat' }, ...asRunner });
      expect(main.exitCode).toBe(0);
      const wt = main.outputs['worktree-path'];
      const build = rootOwnedDir(path.join(wt, 'build'));
      writeFileSync(path.join(build, 'out.o'), 'made by a root container');
      const post = await fx.post(job, asRunner);
      expect(post.exitCode).toBe(0);
      expect(errors(post.annotations)).toEqual([]);
      const [warning, ...more] = post.annotations;
      expect(more).toEqual([]);
      expect(warning.level).toBe('warning');
      expect(warning.title).toMatch(/^Permission denied: .* is owned by root$/);
      expect(warning.message).toContain(`Fix: sudo chown -R 4242:4242 ${build}`);
    }
  );

  asRootWithMounts('a read-only file system gets its own remedy', async () => {
    fx = await startFixture({ commits: 5 });
    const job = fx.newJob('ro', { cache: false });
    const wtRoot = path.join(job.dir, 'work', '_wt');
    mkdirSync(wtRoot, { recursive: true });
    const mounted = mountReadOnly(wtRoot);
    if ('reason' in mounted)
      throw new Error(`mount failed after the probe worked: ${mounted.reason}`);
    try {
      const main = await fx.main(job, { inputs: { branch: 'feat' } });
      expect(main.exitCode).toBe(1);
      const [error, ...more] = errors(main.annotations);
      expect(more).toEqual([]);
      expect(error.title).toMatch(new RegExp(`^Read-only file system: ${wtRoot}`));
      expect(error.message).toContain(
        'Mount it read-write, or point the action at a writable directory'
      );
      expect(existsSync(path.join(wtRoot, 'widgets'))).toBe(false);
    } finally {
      mounted.unmount();
    }
  });
});
