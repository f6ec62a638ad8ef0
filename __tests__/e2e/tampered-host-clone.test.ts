import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expectFilesOf, expectWorktreeAt } from '../support/expectations.js';
import { AUTH_HEADER, startFixture, type Fixture } from '../support/fixture.js';
import { gitAsync, gitSync } from '../support/git.js';
import { hostCloneIn, worktreeInputs } from '../support/host-clone.js';
import { plantedProgram } from '../support/planted.js';
import { looseObjectsOnly, substituteBlob } from '../support/poison.js';
import { addCommits, createOrigin, revParse } from '../support/repos.js';
import type { StepResult } from '../support/runner.js';

let fx: Fixture;
afterEach(async () => fx?.close());

/** A first cache-dir job made the host clone (and ended); returns the host clone. */
async function madeHostClone(): Promise<string> {
  const first = fx.newJob('first');
  expect((await fx.main(first, worktreeInputs(fx, 'main'))).exitCode).toBe(0);
  expect((await fx.post(first)).exitCode).toBe(0);
  return hostCloneIn(fx.hostDir);
}

/** A key of one config file, or undefined when it is not set. */
function configFileValue(file: string, key: string): string | undefined {
  try {
    return gitSync(path.dirname(file), ['config', '--file', file, '--get', key]);
  } catch {
    return undefined;
  }
}

const hostSanitized = (result: StepResult) =>
  result.annotations.filter(a => a.title === 'Host clone sanitized').map(a => a.message);

/** What a later step in the worktree does: look at it, and fetch from origin itself. */
async function laterSteps(worktree: string): Promise<void> {
  gitSync(worktree, ['status']);
  await gitAsync(worktree, ['-c', `http.extraheader=${AUTH_HEADER}`, 'fetch', '-q', 'origin']);
}

describe('finding 7: code from the shared host clone', () => {
  test('config.worktree with extensions.worktreeConfig: its hooksPath and fsmonitor never run', async () => {
    fx = await startFixture({ commits: 6 });
    const clone = await madeHostClone();
    const marker = path.join(fx.root, 'planted-ran');
    const hooks = path.join(fx.root, 'planted-hooks');
    for (const hook of ['reference-transaction', 'post-checkout']) {
      plantedProgram(path.join(hooks, hook), marker);
    }
    const fsmonitor = plantedProgram(path.join(fx.root, 'planted-fsmonitor'), marker);
    const config = path.join(clone, 'config');
    gitSync(clone, ['config', '--file', config, 'extensions.worktreeConfig', 'true']);
    writeFileSync(
      path.join(clone, 'config.worktree'),
      `[core]\n\thooksPath = ${hooks}\n\tfsmonitor = ${fsmonitor}\n`
    );
    const tip = addCommits(fx.origin, 'main', { commits: 1, seed: 'newer' });

    const main = await fx.main(fx.newJob('second'), worktreeInputs(fx, 'topic'));
    expect(existsSync(marker)).toBe(false);
    const wt = expectWorktreeAt(main, tip, 'topic');
    expectFilesOf(wt, fx.origin, tip);
    await laterSteps(wt);
    expect(existsSync(marker)).toBe(false);
    const sanitized = hostSanitized(main);
    expect(sanitized).toHaveLength(1);
    expect(sanitized[0]).toContain('config.worktree');
    expect(sanitized[0]).toContain('extensions.worktreeconfig');
    expect(existsSync(path.join(clone, 'config.worktree'))).toBe(false);
    expect(configFileValue(config, 'extensions.worktreeConfig')).toBeUndefined();
  });
});

describe('finding 1, in the host clone: object substitution', () => {
  test("a blob with other content under its id: the host clone is rebuilt and the worktree holds origin's files", async () => {
    fx = await startFixture({ commits: 6 });
    const clone = await madeHostClone();
    const tip = revParse(fx.origin, 'refs/heads/main');
    const [file] = gitSync(fx.origin, ['ls-tree', '-r', '--name-only', tip]).split('\n');
    looseObjectsOnly(clone);
    substituteBlob(clone, revParse(fx.origin, `${tip}:${file}`), 'planted by an earlier job\n');

    const main = await fx.main(fx.newJob('second'), worktreeInputs(fx, 'topic'));
    const wt = expectWorktreeAt(main, tip, 'topic');
    expectFilesOf(wt, fx.origin, tip);
    expect(main.annotations.map(a => [a.level, a.title])).toEqual([
      ['warning', 'Host clone rebuilt']
    ]);
    expect(main.annotations[0].message).toContain(revParse(fx.origin, `${tip}:${file}`));
    expect(gitSync(clone, ['fsck', '--no-dangling'])).toBe('');
  });
});

describe('review: a host clone that points git elsewhere', () => {
  test('a planted commondir: nothing planted runs, the clone is rebuilt', async () => {
    fx = await startFixture({ commits: 6 });
    const clone = await madeHostClone();
    const marker = path.join(fx.root, 'planted-ran');
    const elsewhere = path.join(fx.root, 'elsewhere.git');
    gitSync(fx.root, ['clone', '-q', '--bare', clone, elsewhere]);
    plantedProgram(path.join(elsewhere, 'hooks', 'reference-transaction'), marker);
    plantedProgram(path.join(elsewhere, 'hooks', 'post-checkout'), marker);
    writeFileSync(path.join(clone, 'commondir'), `${elsewhere}\n`);
    const tip = addCommits(fx.origin, 'main', { commits: 1, seed: 'newer' });

    const main = await fx.main(fx.newJob('second'), worktreeInputs(fx, 'topic'));
    const wt = expectWorktreeAt(main, tip, 'topic');
    expectFilesOf(wt, fx.origin, tip);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(path.join(clone, 'commondir'))).toBe(false);
    const rebuilt = main.annotations.filter(a => a.title === 'Host clone rebuilt');
    expect(rebuilt.map(a => a.message).join('\n')).toContain('commondir');
  });

  test('refs linked to a folder outside cache-dir: nothing there is touched, the clone is rebuilt', async () => {
    fx = await startFixture({ commits: 6 });
    const clone = await madeHostClone();
    const outside = path.join(fx.root, 'precious');
    mkdirSync(path.join(outside, 'replace'), { recursive: true });
    writeFileSync(path.join(outside, 'replace', 'notes.txt'), 'keep me');
    writeFileSync(path.join(outside, 'stale.lock'), 'keep me too');
    gitSync(clone, ['pack-refs', '--all']);
    rmSync(path.join(clone, 'refs'), { recursive: true, force: true });
    symlinkSync(outside, path.join(clone, 'refs'));

    const main = await fx.main(fx.newJob('second'), worktreeInputs(fx, 'topic'));
    expectWorktreeAt(main, revParse(fx.origin, 'main'), 'topic');
    expect(readdirSync(outside, { recursive: true }).map(String).sort()).toEqual(
      ['replace', path.join('replace', 'notes.txt'), 'stale.lock'].sort()
    );
    expect(main.annotations.map(a => a.title)).toContain('Host clone rebuilt');
  });
});

describe('finding 8: fetches redirected through the host clone', () => {
  test('url.<other>.insteadOf = origin: the worktree is at origin tip, not the other repository', async () => {
    fx = await startFixture({ commits: 6 });
    const clone = await madeHostClone();
    createOrigin(path.join(fx.root, 'origin'), 'acme/other', {
      commits: 4,
      seed: 'other'
    });
    const otherUrl = `${fx.git.url}/acme/other`;
    const config = path.join(clone, 'config');
    gitSync(clone, ['config', '--file', config, `url.${otherUrl}.insteadOf`, fx.originUrl]);
    const tip = addCommits(fx.origin, 'main', { commits: 1, seed: 'newer' });

    const main = await fx.main(fx.newJob('second'), worktreeInputs(fx, 'topic'));
    const wt = expectWorktreeAt(main, tip, 'topic');
    expectFilesOf(wt, fx.origin, tip);
    await laterSteps(wt);
    expect(revParse(wt, 'refs/remotes/origin/main')).toBe(tip);
    const sanitized = hostSanitized(main);
    expect(sanitized).toHaveLength(1);
    expect(sanitized[0]).toContain(`url.${otherUrl}.insteadof`);
    expect(gitSync(clone, ['config', '--file', config, '--list'])).not.toMatch(/^url\./m);
  });
});

describe('finding 9: lower findings', () => {
  test('a path that is a symlink to a folder outside the workspace: refused, nothing written there', async () => {
    fx = await startFixture({ commits: 3 });
    const outside = path.join(fx.root, 'outside');
    mkdirSync(outside);
    const job = fx.newJob();
    symlinkSync(outside, path.join(job.workspace, 'linked')); // made by an earlier step
    const result = await fx.main(job, { inputs: { path: 'linked' } });
    expect(readdirSync(outside)).toEqual([]);
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter(a => a.level === 'error');
    expect(errors.map(a => a.title)).toEqual(["Invalid input 'path'"]);
    expect(errors[0].message).toMatch(/resolves .*outside the workspace/);
  });

  test('a worktree-path folder that existed before the job is left in place, empty', async () => {
    fx = await startFixture({ commits: 3 });
    const job = fx.newJob();
    const folder = path.join(job.dir, 'work', 'task-folder');
    mkdirSync(folder);
    const main = await fx.main(job, { inputs: { branch: 'topic', 'worktree-path': folder } });
    expect(main.outputs['worktree-path']).toBe(folder);
    expectWorktreeAt(main, revParse(fx.origin, 'main'), 'topic');
    expect((await fx.post(job)).exitCode).toBe(0);
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
    expect(gitSync(job.workspace, ['worktree', 'list', '--porcelain'])).not.toContain(folder);
  });

  test('a branch with a 300-character path component: refused as too long for the file system', async () => {
    fx = await startFixture({ commits: 3 });
    const job = fx.newJob();
    const result = await fx.main(job, { inputs: { branch: `task-${'x'.repeat(295)}` } });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter(a => a.level === 'error');
    expect(errors.map(a => a.title)).toEqual(["Invalid input 'branch'"]);
    expect(errors[0].message).toContain('255');
    expect(readdirSync(job.workspace)).toEqual([]);
  });
});
