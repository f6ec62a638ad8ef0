import { afterEach, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitAsync, gitSync } from '../support/git.js';
import { revParse } from '../support/repos.js';
import { addSubmodules } from '../support/submodule-repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const inputs = { submodules: 'recursive' };

test('the task worktree gets its submodules from the clone, with no request to their servers', async () => {
  fx = await startFixture({ commits: 5 });
  const repos = addSubmodules(fx);
  const cold = fx.newJob('cold');
  expect((await fx.main(cold, { inputs })).exitCode).toBe(0);
  expect((await fx.post(cold)).exitCode).toBe(0);

  const from = fx.git.requests.length;
  const job = fx.newJob('task');
  const main = await fx.main(job, { inputs: { ...inputs, branch: 'agent/task-1' } });
  expect(main.annotations).toEqual([]);
  expect(main.exitCode).toBe(0);
  const worktree = main.outputs['worktree-path'];
  const at = (dir: string) => gitSync(path.join(worktree, dir), ['rev-parse', 'HEAD']);
  expect(at('libs/rel')).toBe(revParse(repos.rel, 'main'));
  expect(at('libs/abs')).toBe(revParse(repos.abs, 'main'));
  expect(at('libs/rel/deps/nested')).toBe(revParse(repos.nested, 'main'));
  expect(gitSync(worktree, ['status', '--porcelain', '--ignore-submodules=none'])).toBe('');
  // Every submodule object came from the seeded clone: no request reached their repositories.
  const asked = fx.git.requests.slice(from).map(r => r.path);
  expect(asked.filter(p => p.includes('/acme/lib-'))).toEqual([]);
  // The worktree's own submodule repositories, self-contained (no alternates into the clone).
  const absGitDir = gitSync(path.join(worktree, 'libs/abs'), ['rev-parse', '--absolute-git-dir']);
  expect(absGitDir).toContain(`${path.sep}worktrees${path.sep}`);
  expect(existsSync(path.join(absGitDir, 'objects', 'info', 'alternates'))).toBe(false);
  expect(gitSync(path.join(worktree, 'libs/abs'), ['remote', 'get-url', 'origin'])).toBe(
    `${fx.git.url}/acme/lib-abs`
  );

  // persist-credentials: a later step's git in a submodule (nested, or the worktree's) has auth.
  const nestedInClone = path.join(job.workspace, 'libs/rel/deps/nested');
  for (const dir of [nestedInClone, path.join(worktree, 'libs/abs')]) {
    await expect(gitAsync(dir, ['fetch', '--quiet', 'origin'])).resolves.toBeDefined();
  }

  const post = await fx.post(job);
  expect(post.exitCode).toBe(0);
  expect(post.annotations).toEqual([]);
  expect(existsSync(worktree)).toBe(false);
  // The post step took the includes back: the submodule has no auth any more.
  const nestedConfig = gitSync(nestedInClone, ['config', '--local', '--list']);
  expect(nestedConfig).not.toMatch(/includeif/i);
  await expect(gitAsync(nestedInClone, ['fetch', '--quiet', 'origin'])).rejects.toThrow();
});
