import { afterEach, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, TOKEN, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { allHostLeftovers, hostClonesIn } from '../support/host-submodule-clones.js';
import { commitLfsFiles, lfsContent } from '../support/lfs-content.js';
import { unsmudged } from '../support/lfs-fixture.js';
import { createLfsServer } from '../support/lfs-server.js';
import { createOrigin, revParse } from '../support/repos.js';
import { addSubmodules, commitGitlinks } from '../support/submodule-repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

test('cache-dir: 8 jobs side by side on one host with submodules and LFS', async () => {
  fx = await startFixture({ commits: 5 });
  const repos = addSubmodules(fx);
  const lfs = createLfsServer(path.join(fx.root, 'lfs-store'), TOKEN);
  fx.git.routes.push(lfs.handle);
  const files = {
    'assets/a.bin': lfsContent('a', 200 * 1024),
    'assets/b.bin': lfsContent('b', 30 * 1024)
  };
  const tip = commitLfsFiles(fx.origin, 'main', lfs, files);
  // A second superproject on the host shares lib-abs.
  const other = createOrigin(path.join(fx.root, 'origin'), 'acme/other', {
    commits: 3,
    seed: 'other'
  });
  const otherTip = commitGitlinks(other, [
    {
      name: 'abs',
      path: 'abs',
      url: `${fx.git.url}/acme/lib-abs`,
      commit: revParse(repos.abs, 'main')
    }
  ]);
  const widgets = { 'cache-dir': fx.hostDir, submodules: 'recursive', lfs: 'true' };
  const plan = [
    ...[0, 1, 2, 3, 4].map(i => ({
      name: `task-${i}`,
      inputs: { ...widgets, branch: `task-${i}` }
    })),
    { name: 'seeded', inputs: widgets },
    ...[0, 1].map(i => ({
      name: `other-${i}`,
      inputs: {
        'cache-dir': fx.hostDir,
        submodules: 'true',
        lfs: 'true',
        branch: `other-${i}`,
        repository: 'acme/other',
        'origin-url': `${fx.git.url}/acme/other`
      }
    }))
  ];
  const jobs = plan.map(p => ({ ...p, job: fx.newJob(p.name) }));
  // A cold host: every host clone is made while the others wait on its lock.
  const mains = await Promise.all(jobs.map(j => fx.main(j.job, { inputs: j.inputs })));
  const head = (dir: string) => gitSync(dir, ['rev-parse', 'HEAD']);
  jobs.forEach((j, i) => {
    const result = mains[i];
    expect({ job: j.name, exit: result.exitCode, annotations: result.annotations }).toEqual({
      job: j.name,
      exit: 0,
      annotations: []
    });
    const dir = result.outputs['worktree-path'] || j.job.workspace;
    const isOther = j.name.startsWith('other');
    expect({ job: j.name, head: head(dir) }).toEqual({
      job: j.name,
      head: isOther ? otherTip : tip
    });
    const expected = isOther
      ? { abs: revParse(repos.abs, 'main') }
      : {
          'libs/abs': revParse(repos.abs, 'main'),
          'libs/rel': revParse(repos.rel, 'main'),
          'libs/rel/deps/nested': revParse(repos.nested, 'main')
        };
    for (const [sub, commit] of Object.entries(expected)) {
      expect({ job: j.name, sub, head: head(path.join(dir, sub)) }).toEqual({
        job: j.name,
        sub,
        head: commit
      });
    }
    if (!isOther)
      expect({ job: j.name, unsmudged: unsmudged(dir, files) }).toEqual({
        job: j.name,
        unsmudged: []
      });
    expect(gitSync(dir, ['status', '--porcelain', '--ignore-submodules=none'])).toBe('');
  });
  // One host clone per repository: two superprojects, three submodule repositories.
  const clones = hostClonesIn(fx.hostDir);
  expect(clones.main).toHaveLength(2);
  expect(clones.submodules).toHaveLength(3);

  const posts = await Promise.all(jobs.map(j => fx.post(j.job)));
  posts.forEach(post => {
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
  });
  for (const result of mains) {
    const worktree = result.outputs['worktree-path'];
    if (worktree) expect(existsSync(worktree)).toBe(false);
  }
  expect(allHostLeftovers(fx.hostDir)).toEqual([]);
});
