import { afterEach, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { unpackEntry } from '../support/archive.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { addCommits, revParse } from '../support/repos.js';
import type { Job } from '../support/runner.js';
import { addSubmodules, commitGitlinks, type SubmoduleRepos } from '../support/submodule-repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const inputs = { submodules: 'recursive' };

function expectAtRecordedCommits(job: Job, repos: SubmoduleRepos) {
  const at = (dir: string) => gitSync(path.join(job.workspace, dir), ['rev-parse', 'HEAD']);
  expect(at('libs/rel')).toBe(revParse(repos.rel, 'main'));
  expect(at('libs/abs')).toBe(revParse(repos.abs, 'main'));
  expect(at('libs/rel/deps/nested')).toBe(revParse(repos.nested, 'main'));
  expect(gitSync(job.workspace, ['status', '--porcelain', '--ignore-submodules=none'])).toBe('');
}

/** Bytes of the pack responses (upload-pack POSTs) for one repository since request `from`. */
function packBytes(from: number, repo: string): number {
  return fx.git.requests
    .slice(from)
    .filter(r => r.path === `/acme/${repo}/git-upload-pack`)
    .reduce((sum, r) => sum + r.bytes, 0);
}

test('cold then warm: the entry holds each submodule repository; the warm job fetches only what is new', async () => {
  fx = await startFixture({ commits: 5 });
  const repos = addSubmodules(fx);
  const cold = fx.newJob('cold');
  const coldMain = await fx.main(cold, { inputs });
  expect(coldMain.exitCode).toBe(0);
  expectAtRecordedCommits(cold, repos);
  const absColdBytes = packBytes(0, 'lib-abs');
  expect(absColdBytes).toBeGreaterThan(100_000);
  const post = await fx.post(cold);
  expect(post.exitCode).toBe(0);
  expect(post.annotations).toEqual([]);

  const [entry] = [...fx.cache.entries.values()];
  const unpacked = path.join(fx.root, 'unpacked');
  unpackEntry(entry, unpacked);
  const gitDir = path.join(unpacked, '.clone-cache-staging', 'clone.git');
  for (const module of ['modules/rel', 'modules/abs', 'modules/rel/modules/nested']) {
    expect(existsSync(path.join(gitDir, module, 'packed-refs'))).toBe(true);
    const config = readFileSync(path.join(gitDir, module, 'config'), 'utf8');
    expect(config).not.toMatch(/worktree|extraheader/i);
  }

  // abs moves on by one commit, which the superproject records; rel and nested do not move.
  addCommits(repos.abs, 'main', { commits: 1, blobBytes: 4000, seed: 'abs-later' });
  commitGitlinks(fx.origin, repos.gitlinks());
  const from = fx.git.requests.length;
  const warm = fx.newJob('warm');
  const main = await fx.main(warm, { inputs });
  expect(main.annotations).toEqual([]);
  expect(main.exitCode).toBe(0);
  expect(main.outputs.seeded).toBe('true');
  expectAtRecordedCommits(warm, repos);
  // Unchanged submodules: not a single request. abs: one commit's objects, not its history.
  const asked = fx.git.requests.slice(from).map(r => r.path);
  expect(asked.filter(p => /lib-(rel|nested)/.test(p))).toEqual([]);
  const absWarmBytes = packBytes(from, 'lib-abs');
  expect(absWarmBytes).toBeGreaterThan(0);
  expect(absWarmBytes).toBeLessThan(absColdBytes / 10);
});
