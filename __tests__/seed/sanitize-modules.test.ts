import { expect, test } from '@jest/globals';
import { cpSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gitConfigTemplate } from '../../src/git/config-template.js';
import { sanitizeGitDir } from '../../src/seed/sanitize.js';
import { useCapturedLog } from '../support/captured-log.js';
import { snapshotDir } from '../support/entry-dir.js';
import { useTempDir } from '../support/tmp.js';

useCapturedLog();
const tempDir = useTempDir();
const URL = 'https://github.com/acme/widgets';

/** An entry with a submodule git directory (a snapshot too) at `modules/<name>`. */
async function entryWithModules(...names: string[]): Promise<string> {
  const { gitDir } = await snapshotDir(tempDir());
  const module = `${gitDir}-module`;
  cpSync(gitDir, module, { recursive: true });
  writeFileSync(path.join(module, 'config'), gitConfigTemplate(''));
  for (const name of names) cpSync(module, path.join(gitDir, 'modules', name), { recursive: true });
  return gitDir;
}

test('a submodule git directory as the action saves it passes untouched, its config the template', async () => {
  const gitDir = await entryWithModules('libs/rel');
  const { removed } = await sanitizeGitDir(gitDir, URL);
  expect(removed).toEqual([]);
  const config = readFileSync(path.join(gitDir, 'modules', 'libs', 'rel', 'config'), 'utf8');
  expect(config).toContain('url = ""');
});

test("a submodule git directory gets the main one's sanitizing, named under its folder", async () => {
  const gitDir = await entryWithModules('rel');
  const moduleDir = path.join(gitDir, 'modules', 'rel');
  writeFileSync(
    path.join(moduleDir, 'config'),
    '[core]\n\tworktree = /elsewhere\n\tsshCommand = evil\n'
  );
  writeFileSync(
    path.join(moduleDir, 'packed-refs'),
    `${'a'.repeat(40)} refs/replace/${'b'.repeat(40)}\n`,
    {
      flag: 'a'
    }
  );
  writeFileSync(path.join(moduleDir, 'objects', 'info', 'alternates'), '/elsewhere/objects\n');
  const { removed } = await sanitizeGitDir(gitDir, URL);
  expect(removed).toEqual(
    expect.arrayContaining([
      'modules/rel: objects/info/alternates',
      'modules/rel: core.worktree',
      'modules/rel: core.sshcommand',
      `modules/rel: refs/replace/${'b'.repeat(40)}`
    ])
  );
  expect(existsSync(path.join(moduleDir, 'objects', 'info', 'alternates'))).toBe(false);
  expect(readFileSync(path.join(moduleDir, 'config'), 'utf8')).not.toMatch(/worktree|sshCommand/);
});

test('the size bound counts the submodules too: each under it, together over it, the entry is refused', async () => {
  const gitDir = await entryWithModules('a', 'b');
  for (const name of ['a', 'b']) {
    const pack = path.join(gitDir, 'modules', name, 'objects', 'pack', `pack-${'c'.repeat(40)}`);
    writeFileSync(`${pack}.pack`, '');
    writeFileSync(`${pack}.idx`, '');
    truncateSync(`${pack}.pack`, 10 * 1024 * 1024); // sparse: no disk used
  }
  await expect(sanitizeGitDir(gitDir, URL, 64 * 1024)).rejects.toThrow(
    /and its submodules unpack to \d+ bytes from a 65536-byte archive/
  );
});
