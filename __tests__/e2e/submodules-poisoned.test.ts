import { afterEach, expect, test } from '@jest/globals';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import * as path from 'node:path';
import type { CacheEntry } from '../support/cache-server.js';
import { mainOnCraftedEntry } from '../support/crafted-entry.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { looseObjectsOnly, substituteBlob } from '../support/poison.js';
import { revParse } from '../support/repos.js';
import { addSubmodules, type SubmoduleRepos } from '../support/submodule-repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const inputs = { submodules: 'recursive' };
/** How the warm job that restores a crafted entry runs. */
const warm = { job: 'warm', run: { inputs } };

/** A cold job with submodules that saves the one entry. */
async function saveEntryWithSubmodules(): Promise<{ entry: CacheEntry; repos: SubmoduleRepos }> {
  fx = await startFixture({ commits: 5 });
  const repos = addSubmodules(fx);
  const cold = fx.newJob('cold');
  expect((await fx.main(cold, { inputs })).exitCode).toBe(0);
  expect((await fx.post(cold)).exitCode).toBe(0);
  return { entry: [...fx.cache.entries.values()][0], repos };
}

test('hooks and config planted in a submodule git directory of an entry run nothing', async () => {
  const { entry, repos } = await saveEntryWithSubmodules();
  const marker = path.join(fx.root, 'ran');
  const script = `#!/bin/sh\necho "$0" >> ${marker}\n`;
  const { job, main } = await mainOnCraftedEntry(fx, entry, warm, gitDir => {
    for (const module of ['modules/rel', 'modules/rel/modules/nested']) {
      const dir = path.join(gitDir, module);
      mkdirSync(path.join(dir, 'hooks'), { recursive: true });
      for (const hook of ['post-checkout', 'reference-transaction', 'pre-auto-gc']) {
        writeFileSync(path.join(dir, 'hooks', hook), script);
        chmodSync(path.join(dir, 'hooks', hook), 0o755);
      }
      mkdirSync(path.join(dir, 'elsewhere'));
      writeFileSync(path.join(dir, 'elsewhere', 'post-checkout'), script, { mode: 0o755 });
      appendFileSync(
        path.join(dir, 'config'),
        `[core]\n\thooksPath = ${path.join(dir, 'elsewhere')}\n\tfsmonitor = ${path.join(dir, 'elsewhere', 'post-checkout')}\n`
      );
    }
    writeFileSync(path.join(gitDir, 'modules', 'planted'), 'stray');
  });
  expect(main.exitCode).toBe(0);
  expect(main.outputs.seeded).toBe('true');
  expect(existsSync(marker)).toBe(false);
  const sanitized = main.annotations.find(a => a.title === 'Clone cache sanitized');
  expect(sanitized?.message).toContain('modules/rel: hooks/post-checkout');
  expect(sanitized?.message).toContain('modules/rel: core.hookspath');
  expect(sanitized?.message).toContain('modules/rel/modules/nested: core.fsmonitor');
  expect(sanitized?.message).toContain('modules/planted');
  const at = (dir: string) => gitSync(path.join(job.workspace, dir), ['rev-parse', 'HEAD']);
  expect(at('libs/rel')).toBe(revParse(repos.rel, 'main'));
  expect(at('libs/rel/deps/nested')).toBe(revParse(repos.nested, 'main'));
  const relConfig = readFileSync(path.join(job.workspace, '.git/modules/rel/config'), 'utf8');
  expect(relConfig).not.toMatch(/hooksPath|fsmonitor/);
  // The URL comes from the superproject's .gitmodules, never from the entry.
  expect(relConfig).toContain(`url = ${fx.git.url}/acme/lib-rel`);
});

test('a symbolic link in a submodule git directory refuses the entry: a full clone', async () => {
  const { entry, repos } = await saveEntryWithSubmodules();
  const outside = path.join(fx.root, 'outside');
  mkdirSync(outside);
  const { job, main } = await mainOnCraftedEntry(fx, entry, warm, gitDir => {
    const refs = path.join(gitDir, 'modules', 'abs', 'refs', 'tags');
    rmSync(refs, { recursive: true, force: true });
    symlinkSync(outside, refs);
  });
  expect(main.exitCode).toBe(0);
  expect(main.outputs.seeded).toBe('false');
  expect(main.outputs['fallback-reason']).toMatch(/modules\/abs\/refs\/tags|not a plain file/);
  expect(gitSync(path.join(job.workspace, 'libs/abs'), ['rev-parse', 'HEAD'])).toBe(
    revParse(repos.abs, 'main')
  );
  expect(readdirSync(outside)).toEqual([]);
});

test('other content under a blob id in a cached submodule: that submodule is cloned, never checked out from the entry', async () => {
  const { entry, repos } = await saveEntryWithSubmodules();
  const tip = revParse(repos.abs, 'main');
  const listed = gitSync(repos.abs, ['ls-tree', '-r', tip]).split('\n')[0];
  const [, , blob] = listed.split('\t')[0].split(' ');
  const file = listed.split('\t')[1];
  const from = fx.git.requests.length;
  const { job, main } = await mainOnCraftedEntry(fx, entry, warm, gitDir => {
    const moduleDir = path.join(gitDir, 'modules', 'abs');
    looseObjectsOnly(moduleDir);
    substituteBlob(moduleDir, blob, 'evil content under a legitimate id\n');
  });
  expect(main.exitCode).toBe(0);
  expect(main.outputs.seeded).toBe('true');
  const refused = main.annotations.filter(a => a.title === 'Clone cache not used');
  expect(refused).toHaveLength(1);
  expect(refused[0].message).toContain(`submodule libs/abs is not used: the object ${blob}`);
  const abs = path.join(job.workspace, 'libs/abs');
  expect(readFileSync(path.join(abs, file), 'utf8')).not.toContain('evil');
  expect(gitSync(abs, ['rev-parse', 'HEAD'])).toBe(tip);
  expect(gitSync(abs, ['status', '--porcelain'])).toBe('');
  // Cloned again: its pack came from origin.
  const asked = fx.git.requests.slice(from).map(r => r.path);
  expect(asked).toContain('/acme/lib-abs/git-upload-pack');
});
