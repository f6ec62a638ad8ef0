import { afterEach, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, TOKEN, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { startOtherHost, type OtherHost } from '../support/other-host.js';
import { createOrigin, revParse } from '../support/repos.js';
import { addSubmodules, commitGitlinks } from '../support/submodule-repos.js';

let fx: Fixture;
let other: OtherHost | undefined;
afterEach(async () => {
  await other?.close();
  await fx?.close();
});

const basic = `basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;

test("cold job, submodules recursive: each at its recorded commit; the token reaches origin's host only", async () => {
  fx = await startFixture({ commits: 5 });
  other = await startOtherHost(fx.git.url, TOKEN);
  const external = createOrigin(path.join(fx.root, 'origin'), 'elsewhere/ext', {
    commits: 3,
    seed: 'ext'
  });
  const repos = addSubmodules(fx, [
    {
      name: 'ext',
      path: 'libs/ext',
      url: `${other.url}/elsewhere/ext`,
      commit: revParse(external, 'main')
    }
  ]);
  const job = fx.newJob();
  const main = await fx.main(job, { inputs: { submodules: 'recursive' } });
  expect(main.annotations.filter(a => a.level === 'error')).toEqual([]);
  expect(main.exitCode).toBe(0);

  const at = (dir: string) => gitSync(path.join(job.workspace, dir), ['rev-parse', 'HEAD']);
  expect(at('libs/rel')).toBe(revParse(repos.rel, 'main'));
  expect(at('libs/abs')).toBe(revParse(repos.abs, 'main'));
  expect(at('libs/rel/deps/nested')).toBe(revParse(repos.nested, 'main'));
  expect(at('libs/ext')).toBe(revParse(external, 'main'));
  expect(gitSync(job.workspace, ['status', '--porcelain'])).toBe('');

  // Same host (relative and absolute URLs): every request carried the token.
  const onOrigin = fx.git.requests.filter(r => /\/acme\/lib-(rel|abs|nested)\//.test(r.path));
  expect(onOrigin.length).toBeGreaterThan(0);
  expect(onOrigin.every(r => r.authorized)).toBe(true);
  // Another host: cloned without any Authorization header.
  expect(other.requests.length).toBeGreaterThan(0);
  expect(other.requests.map(r => r.authorization)).toEqual(other.requests.map(() => ''));
  expect(JSON.stringify(other.requests)).not.toContain(basic);
  // No token in any config the job leaves in the clone or its submodules.
  const configs = gitSync(job.workspace, [
    'submodule',
    'foreach',
    '--recursive',
    '--quiet',
    'cat "$(git rev-parse --git-dir)/config"'
  ]);
  expect(configs).toContain('[remote "origin"]');
  expect(configs).not.toContain(basic.split(' ')[1]);
});

test('submodules true checks out the first level only', async () => {
  fx = await startFixture({ commits: 5 });
  const repos = addSubmodules(fx);
  const job = fx.newJob();
  const main = await fx.main(job, { inputs: { submodules: 'true' } });
  expect(main.exitCode).toBe(0);
  expect(gitSync(path.join(job.workspace, 'libs/rel'), ['rev-parse', 'HEAD'])).toBe(
    revParse(repos.rel, 'main')
  );
  const nested = gitSync(job.workspace, ['-C', 'libs/rel', 'submodule', 'status']);
  expect(nested).toMatch(/^-/); // not initialized
});

test.each([
  ['file', (fx: Fixture) => `file://${path.join(fx.root, 'origin', 'acme', 'lib-rel.git')}`],
  ['ext', (fx: Fixture) => `ext::sh -c touch% ${path.join(fx.root, 'ext-ran')}`]
])("a %s submodule URL stays refused (git's default schemes only)", async (_scheme, url) => {
  fx = await startFixture({ commits: 5 });
  const repos = addSubmodules(fx, []);
  commitGitlinks(fx.origin, [
    ...repos.gitlinks(),
    { name: 'local', path: 'libs/local', url: url(fx), commit: revParse(repos.rel, 'main') }
  ]);
  const main = await fx.main(fx.newJob(), { inputs: { submodules: 'true' } });
  expect(main.exitCode).not.toBe(0);
  const error = main.annotations.find(a => a.level === 'error');
  expect(error?.title).toBe('Submodule update failed');
  expect(error?.message).toMatch(/transport '(file|ext)' not allowed/);
  expect(existsSync(path.join(fx.root, 'ext-ran'))).toBe(false);
});
