import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import * as path from 'node:path';
import { expectWorktreeAt } from '../support/expectations.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitAsync, gitSync } from '../support/git.js';
import {
  allHostLeftovers,
  hostClonesIn,
  submoduleCloneOf
} from '../support/host-submodule-clones.js';
import { worktreeInputs } from '../support/host-clone.js';
import { addCommits, createOrigin, revParse } from '../support/repos.js';
import { addSubmodules, commitGitlinks, type SubmoduleRepos } from '../support/submodule-repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const recursive = { submodules: 'recursive' };

/** The submodules of `superproject` (recursive) are at the commits their repositories' main has. */
function expectSubmodulesAt(superproject: string, repos: SubmoduleRepos): void {
  const at = (dir: string) => gitSync(path.join(superproject, dir), ['rev-parse', 'HEAD']);
  expect(at('libs/rel')).toBe(revParse(repos.rel, 'main'));
  expect(at('libs/abs')).toBe(revParse(repos.abs, 'main'));
  expect(at('libs/rel/deps/nested')).toBe(revParse(repos.nested, 'main'));
  expect(gitSync(superproject, ['status', '--porcelain', '--ignore-submodules=none'])).toBe('');
}

/** Every `objects/info/alternates` under a git directory (its submodules' included). */
function alternatesUnder(gitDir: string): string[] {
  return readdirSync(gitDir, { recursive: true })
    .map(String)
    .filter(name => name.endsWith(path.join('objects', 'info', 'alternates')));
}

/** The paths the git server was asked for since `from`, of the submodule repositories. */
function submoduleRequests(from: number): string[] {
  return fx.git.requests
    .slice(from)
    .map(r => r.path)
    .filter(p => p.includes('/acme/lib-'));
}

describe('submodules with cache-dir', () => {
  test('superprojects share one host clone per submodule repository; warm jobs fetch no submodule history', async () => {
    fx = await startFixture({ commits: 5 });
    const repos = addSubmodules(fx);
    // Another superproject records lib-abs under another spelling of its URL.
    const other = createOrigin(path.join(fx.root, 'origin'), 'acme/other', {
      commits: 3,
      seed: 'other'
    });
    const absUrl = `${fx.git.url}/acme/lib-abs.git/`;
    commitGitlinks(other, [
      { name: 'shared', path: 'vendor/abs', url: absUrl, commit: revParse(repos.abs, 'main') }
    ]);

    const first = fx.newJob('first');
    const main1 = await fx.main(first, worktreeInputs(fx, 'task-1', recursive));
    expect(main1.annotations).toEqual([]);
    const wt1 = expectWorktreeAt(main1, revParse(fx.origin, 'main'), 'task-1');
    expectSubmodulesAt(wt1, repos);
    expect(hostClonesIn(fx.hostDir).submodules).toHaveLength(3);
    const wt1GitDir = gitSync(wt1, ['rev-parse', '--absolute-git-dir']);
    expect(alternatesUnder(wt1GitDir)).toEqual([]);
    // persist-credentials: a later step's git in a nested submodule of the worktree has auth.
    const nestedInWorktree = path.join(wt1, 'libs/rel/deps/nested');
    await expect(gitAsync(nestedInWorktree, ['fetch', '--quiet', 'origin'])).resolves.toBeDefined();

    let from = fx.git.requests.length;
    const second = fx.newJob('second');
    const main2 = await fx.main(second, {
      inputs: {
        'cache-dir': fx.hostDir,
        branch: 'task-2',
        submodules: 'true',
        repository: 'acme/other',
        'origin-url': `${fx.git.url}/acme/other`
      }
    });
    expect(main2.annotations).toEqual([]);
    const wt2 = expectWorktreeAt(main2, revParse(other, 'main'), 'task-2');
    expect(gitSync(path.join(wt2, 'vendor/abs'), ['rev-parse', 'HEAD'])).toBe(
      revParse(repos.abs, 'main')
    );
    expect(gitSync(path.join(wt2, 'vendor/abs'), ['remote', 'get-url', 'origin'])).toBe(absUrl);
    expect(submoduleRequests(from)).toEqual([]);
    const clones = hostClonesIn(fx.hostDir);
    expect(clones.main).toHaveLength(2);
    expect(clones.submodules).toHaveLength(3);

    // A seeded path with cache-dir (no branch) gets its submodules from the host clones too.
    from = fx.git.requests.length;
    const third = fx.newJob('third');
    const main3 = await fx.main(third, { inputs: { 'cache-dir': fx.hostDir, ...recursive } });
    expect(main3.annotations).toEqual([]);
    expect(main3.exitCode).toBe(0);
    expectSubmodulesAt(third.workspace, repos);
    expect(submoduleRequests(from)).toEqual([]);
    expect(alternatesUnder(path.join(third.workspace, '.git'))).toEqual([]);

    for (const job of [first, second, third]) {
      const post = await fx.post(job);
      expect(post.exitCode).toBe(0);
      expect(post.annotations).toEqual([]);
    }
    expect(existsSync(wt1)).toBe(false);
    expect(allHostLeftovers(fx.hostDir)).toEqual([]);

    // The post step took the includes back.
    await expect(
      gitAsync(path.join(third.workspace, 'libs/abs'), ['fetch', '--quiet', 'origin'])
    ).rejects.toThrow();
    // Self-contained: the seeded clone's submodules outlive their host clones.
    for (const name of hostClonesIn(fx.hostDir).submodules) {
      rmSync(path.join(fx.hostDir, name), { recursive: true, force: true });
    }
    for (const dir of ['libs/abs', 'libs/rel', 'libs/rel/deps/nested']) {
      expect(gitSync(path.join(third.workspace, dir), ['fsck', '--no-progress'])).toBe('');
    }
  });

  test('a host clone of a submodule repository is fetched only when it lacks the recorded commit, and rebuilt when corrupt', async () => {
    fx = await startFixture({ commits: 5 });
    const repos = addSubmodules(fx);
    const first = fx.newJob('first');
    expect((await fx.main(first, worktreeInputs(fx, 'task-1', recursive))).exitCode).toBe(0);
    expect((await fx.post(first)).exitCode).toBe(0);

    // lib-abs moves on: only its host clone fetches.
    addCommits(repos.abs, 'main', { commits: 2, seed: 'abs-next' });
    commitGitlinks(fx.origin, repos.gitlinks());
    let from = fx.git.requests.length;
    const second = fx.newJob('second');
    const main2 = await fx.main(second, worktreeInputs(fx, 'task-2', recursive));
    expect(main2.annotations).toEqual([]);
    expectSubmodulesAt(expectWorktreeAt(main2, revParse(fx.origin, 'main'), 'task-2'), repos);
    const asked = submoduleRequests(from);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter(p => !p.startsWith('/acme/lib-abs/'))).toEqual([]);
    expect((await fx.post(second)).exitCode).toBe(0);

    // A damaged pack in lib-abs's host clone: the next job rebuilds that clone and goes on.
    const packs = path.join(submoduleCloneOf(fx.hostDir, 'lib-abs'), 'objects', 'pack');
    for (const pack of readdirSync(packs).filter(name => name.endsWith('.pack'))) {
      truncateSync(path.join(packs, pack), Math.floor(statSync(path.join(packs, pack)).size / 2));
    }
    from = fx.git.requests.length;
    const third = fx.newJob('third');
    const main3 = await fx.main(third, worktreeInputs(fx, 'task-3', recursive));
    expect(main3.annotations.map(a => a.title)).toContain('Host clone rebuilt');
    expect(main3.annotations.filter(a => a.level === 'error')).toEqual([]);
    expectSubmodulesAt(expectWorktreeAt(main3, revParse(fx.origin, 'main'), 'task-3'), repos);
    expect(submoduleRequests(from).filter(p => !p.startsWith('/acme/lib-abs/'))).toEqual([]);
    expect((await fx.post(third)).exitCode).toBe(0);
    expect(allHostLeftovers(fx.hostDir)).toEqual([]);
  });
});
