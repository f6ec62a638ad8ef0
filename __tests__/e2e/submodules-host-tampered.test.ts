import { afterEach, expect, test } from '@jest/globals';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expectWorktreeAt } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { worktreeInputs } from '../support/host-clone.js';
import { allHostLeftovers, submoduleCloneOf } from '../support/host-submodule-clones.js';
import { plantedProgram } from '../support/planted.js';
import { looseObjectsOnly, substituteBlob } from '../support/poison.js';
import { revParse } from '../support/repos.js';
import { addSubmodules } from '../support/submodule-repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

test('a tampered submodule host clone runs nothing planted, and a blob not matching its id rebuilds it', async () => {
  fx = await startFixture({ commits: 5 });
  const repos = addSubmodules(fx);
  const inputs = (branch: string) => worktreeInputs(fx, branch, { submodules: 'true' });
  const first = fx.newJob('first');
  expect((await fx.main(first, inputs('task-1'))).exitCode).toBe(0);
  expect((await fx.post(first)).exitCode).toBe(0);

  // Another job (or person) on the host changes lib-abs's host clone.
  const clone = submoduleCloneOf(fx.hostDir, 'lib-abs');
  const marker = path.join(fx.root, 'planted-ran');
  for (const hook of ['reference-transaction', 'post-checkout', 'pre-auto-gc']) {
    plantedProgram(path.join(clone, 'hooks', hook), marker);
  }
  const monitor = plantedProgram(path.join(fx.root, 'planted', 'fsmonitor'), marker);
  appendFileSync(path.join(clone, 'config'), `[core]\n\tfsmonitor = ${monitor}\n`);
  const [blobLine] = gitSync(repos.abs, ['ls-tree', '-r', 'main']).split('\n');
  const [, , blob, file] = blobLine.split(/\s+/);
  looseObjectsOnly(clone);
  substituteBlob(clone, blob, 'poisoned\n');

  const second = fx.newJob('second');
  const main = await fx.main(second, inputs('task-2'));
  const titles = main.annotations.map(a => a.title);
  expect(titles).toContain('Host clone sanitized');
  expect(titles).toContain('Host clone rebuilt');
  const rebuilt = main.annotations.find(a => a.title === 'Host clone rebuilt');
  expect(rebuilt?.message).toContain(`the object ${blob} does not match its content`);
  const worktree = expectWorktreeAt(main, revParse(fx.origin, 'main'), 'task-2');
  expect(existsSync(marker)).toBe(false);
  const abs = path.join(worktree, 'libs/abs');
  expect(gitSync(abs, ['rev-parse', 'HEAD'])).toBe(revParse(repos.abs, 'main'));
  expect(gitSync(abs, ['hash-object', '--', file])).toBe(blob);
  expect(readFileSync(path.join(clone, 'config'), 'utf8')).not.toContain('fsmonitor');
  expect((await fx.post(second)).exitCode).toBe(0);
  expect(existsSync(marker)).toBe(false);
  expect(allHostLeftovers(fx.hostDir)).toEqual([]);
});
