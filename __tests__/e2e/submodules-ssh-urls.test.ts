import { afterEach, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { startFixture, TOKEN, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { laterStepGit } from '../support/later-step.js';
import { addCommits, createOrigin, revParse } from '../support/repos.js';
import { addSubmodules, commitGitlinks } from '../support/submodule-repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const inputs = { submodules: 'true' };
const base64Token = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

test("ssh submodule URLs on origin's host are fetched over https with the token, cold, warm and in later steps", async () => {
  fx = await startFixture({ commits: 4 });
  const host = new URL(fx.git.url).hostname;
  const root = path.join(fx.root, 'origin');
  const scp = createOrigin(root, 'acme/lib-scp', { commits: 3, seed: 'scp' });
  const sshUrl = createOrigin(root, 'acme/lib-sshurl', { commits: 3, seed: 'sshurl' });
  const urls = { scp: `git@${host}:acme/lib-scp`, sshurl: `ssh://git@${host}/acme/lib-sshurl.git` };
  const sshGitlinks = () => [
    { name: 'scp', path: 'libs/scp', url: urls.scp, commit: revParse(scp, 'main') },
    { name: 'sshurl', path: 'libs/sshurl', url: urls.sshurl, commit: revParse(sshUrl, 'main') }
  ];
  const repos = addSubmodules(fx, sshGitlinks());
  const onSshRepos = (from: number) =>
    fx.git.requests.slice(from).filter(r => /^\/acme\/lib-(scp|sshurl)(\.git)?\//.test(r.path));

  const cold = fx.newJob('cold');
  const coldMain = await fx.main(cold, { inputs });
  expect(coldMain.annotations.filter(a => a.level === 'error')).toEqual([]);
  expect(coldMain.exitCode).toBe(0);
  const at = (dir: string) => gitSync(path.join(cold.workspace, dir), ['rev-parse', 'HEAD']);
  expect(at('libs/scp')).toBe(revParse(scp, 'main'));
  expect(at('libs/sshurl')).toBe(revParse(sshUrl, 'main'));
  const coldRequests = onSshRepos(0);
  expect(coldRequests.length).toBeGreaterThan(0);
  expect(coldRequests.every(r => r.authorized)).toBe(true);
  // As actions/checkout: the submodule keeps the URL .gitmodules gives; only git's transport
  // is rewritten, so no https URL and no token lands in its config.
  const originOf = (dir: string) =>
    gitSync(path.join(cold.workspace, dir), ['config', 'remote.origin.url']);
  expect(originOf('libs/scp')).toBe(urls.scp);
  expect(originOf('libs/sshurl')).toBe(urls.sshurl);

  // A later step in the submodule fetches over https with the persisted rule and token.
  addCommits(scp, 'main', { commits: 1, seed: 'scp-later' });
  const later = await laterStepGit(cold, path.join(cold.workspace, 'libs/scp'), [
    'fetch',
    'origin'
  ]);
  expect(later).toMatchObject({ code: 0 });
  expect(gitSync(path.join(cold.workspace, 'libs/scp'), ['rev-parse', 'origin/main'])).toBe(
    revParse(scp, 'main')
  );
  const moduleConfig = gitSync(path.join(cold.workspace, 'libs/scp'), [
    'config',
    '--local',
    '--list'
  ]);
  expect(moduleConfig).toContain(`url.${fx.git.url}/.insteadof=git@${host}:`);
  expect(moduleConfig).not.toContain(base64Token);

  const post = await fx.post(cold);
  expect(post.exitCode).toBe(0);
  for (const dir of ['libs/scp', 'libs/sshurl']) {
    const config = gitSync(path.join(cold.workspace, dir), ['config', '--local', '--list']);
    expect(config).not.toMatch(/insteadof|includeif/i);
  }
  expect(fx.cache.entries.size).toBe(1);

  // Warm: the cached submodule repository, pointed at its ssh URL, fetches the new commit.
  addCommits(scp, 'main', { commits: 1, seed: 'scp-warm' });
  commitGitlinks(fx.origin, [...repos.gitlinks().slice(0, 2), ...sshGitlinks()]);
  const from = fx.git.requests.length;
  const warm = fx.newJob('warm');
  const warmMain = await fx.main(warm, { inputs });
  expect(warmMain.exitCode).toBe(0);
  expect(warmMain.outputs.seeded).toBe('true');
  expect(gitSync(path.join(warm.workspace, 'libs/scp'), ['rev-parse', 'HEAD'])).toBe(
    revParse(scp, 'main')
  );
  const warmRequests = onSshRepos(from);
  expect(warmRequests.map(r => r.path)).toContain('/acme/lib-scp/git-upload-pack');
  expect(warmRequests.every(r => r.authorized)).toBe(true);
});
