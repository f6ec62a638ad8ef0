import { afterEach, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { craftEntry } from '../support/archive.js';
import type { CacheEntry } from '../support/cache-server.js';
import { expectFilesOf } from '../support/expectations.js';
import { startFixture, TOKEN, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { startGitServer, type GitServer } from '../support/git-server.js';
import { laterStepGit } from '../support/later-step.js';
import { addCommits, revParse } from '../support/repos.js';

let fx: Fixture;
let elsewhere: GitServer | undefined;
afterEach(async () => {
  await elsewhere?.close();
  await fx?.close();
});

const BLOBLESS = { filter: 'blob:none' };

async function bloblessEntry(): Promise<CacheEntry> {
  const job = fx.newJob('cold');
  expect((await fx.main(job, { inputs: BLOBLESS })).exitCode).toBe(0);
  expect((await fx.post(job)).exitCode).toBe(0);
  return [...fx.cache.entries.values()][0];
}

test('a poisoned partial entry runs nothing and fetches from nowhere but origin', async () => {
  fx = await startFixture({ commits: 40, blobBytes: 500 });
  // Another server that would answer every request: a copy of origin, with the same token.
  const otherRoot = path.join(fx.root, 'elsewhere');
  mkdirSync(path.join(otherRoot, 'acme'), { recursive: true });
  gitSync(fx.root, [
    'clone',
    '-q',
    '--mirror',
    fx.origin,
    path.join(otherRoot, 'acme', 'widgets.git')
  ]);
  elsewhere = await startGitServer(otherRoot, TOKEN);
  const otherUrl = `${elsewhere.url}/acme/widgets`;
  const marker = path.join(fx.root, 'ran');
  const run = (what: string) => `"sh -c 'echo ${what} >> ${marker}; exit 1'"`;
  const config = [
    '[core]',
    '\trepositoryformatversion = 1',
    `\tsshCommand = ${run('ssh')}`,
    '[extensions]',
    '\tpartialclone = elsewhere',
    '[remote "elsewhere"]',
    `\turl = ${otherUrl}`,
    '\tpromisor = true',
    '\tpartialclonefilter = blob:none',
    '[remote "origin"]',
    `\turl = ${otherUrl}`,
    '\tfetch = +refs/*:refs/*',
    '\tpromisor = true',
    `\tuploadpack = ${run('uploadpack')}`,
    '[uploadpack]',
    `\tpackObjectsHook = ${run('pack-objects-hook')}`,
    '[fetch]',
    '\tnegotiationAlgorithm = noop',
    `[url "${otherUrl}"]`,
    `\tinsteadOf = ${fx.originUrl}`,
    ''
  ].join('\n');
  const reference = await bloblessEntry();
  fx.cache.entries.clear();
  craftEntry(
    fx.cache,
    reference,
    fx.root,
    gitDir => writeFileSync(path.join(gitDir, 'config'), config),
    { key: `clone-cache-blobless-Linux-acme-widgets-${'c'.repeat(40)}` }
  );
  addCommits(fx.origin, 'main', { commits: 2, seed: 'newer', blobBytes: 500 });
  const tip = revParse(fx.origin, 'refs/heads/main');

  const job = fx.newJob('poisoned');
  const main = await fx.main(job, { inputs: BLOBLESS });
  expect(main.exitCode).toBe(0);
  expect(main.outputs).toMatchObject({ seeded: 'true', commit: tip, 'stale-commits': '2' });
  expect(main.annotations.map(a => a.title)).toEqual(['Clone cache sanitized']);
  expect(main.annotations[0].message).toMatch(/remote\.origin\.uploadpack/);
  expectFilesOf(job.workspace, fx.origin, tip);
  // The rebuilt config: origin, at its real URL, is the one promisor remote.
  expect(
    gitSync(job.workspace, ['config', '--get-regexp', 'promisor|partialclone|insteadof'])
  ).toBe('remote.origin.promisor true\nremote.origin.partialclonefilter blob:none');
  expect(gitSync(job.workspace, ['remote'])).toBe('origin');

  // A later step reads an old commit's blobs: they come from origin too.
  const originRequests = fx.git.requests.length;
  const old = await laterStepGit(job, job.workspace, ['log', '-p', '-1', 'HEAD~30']);
  expect(old.code).toBe(0);
  expect(old.stdout).toBe(gitSync(fx.origin, ['log', '-p', '-1', `${tip}~30`]));
  expect(fx.git.requests.length).toBeGreaterThan(originRequests);
  expect(elsewhere.requests).toEqual([]);
  expect(existsSync(marker)).toBe(false);
});
