import { expect, test } from '@jest/globals';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import * as path from 'node:path';
import { sanitizeGitDir } from '../../src/seed/sanitize.js';
import { gitConfigTemplate } from '../../src/git/config-template.js';
import { createLocalClone } from '../support/repos.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();
const URL = 'https://github.com/acme/widgets';

test('config is rebuilt from the template; hooks, alternates and worktrees are removed', async () => {
  const { gitDir } = createLocalClone(tempDir());
  writeFileSync(path.join(gitDir, 'hooks', 'post-checkout'), '#!/bin/sh\ntouch /tmp/pwned\n');
  chmodSync(path.join(gitDir, 'hooks', 'post-checkout'), 0o755);
  writeFileSync(
    path.join(gitDir, 'config'),
    '[core]\n\tfsmonitor = evil\n[include]\n\tpath = /etc/evil\n'
  );
  writeFileSync(path.join(gitDir, 'objects', 'info', 'alternates'), '/elsewhere/objects\n');
  mkdirSync(path.join(gitDir, 'worktrees', 'old'), { recursive: true });
  const removed = await sanitizeGitDir(gitDir, URL);
  expect(removed).toEqual(
    expect.arrayContaining([
      'hooks',
      'worktrees',
      'objects/info/alternates',
      'core.fsmonitor',
      'include.path'
    ])
  );
  expect(readFileSync(path.join(gitDir, 'config'), 'utf8')).toBe(gitConfigTemplate(URL));
  expect(readdirSync(path.join(gitDir, 'hooks'))).toEqual([]);
  expect(existsSync(path.join(gitDir, 'objects', 'info', 'alternates'))).toBe(false);
  expect(existsSync(path.join(gitDir, 'worktrees'))).toBe(false);
});

test('a config whose only poison is a key is still reported', async () => {
  const { gitDir } = createLocalClone(tempDir());
  rmSync(path.join(gitDir, 'hooks'), { recursive: true }); // git's sample hooks
  writeFileSync(path.join(gitDir, 'config'), '[diff "x"]\n\ttextconv = evil\n[user]\n\tname = a\n');
  expect(await sanitizeGitDir(gitDir, URL)).toEqual(['diff.x.textconv']);
});

test('a symlinked objects directory is refused, never followed', async () => {
  const root = tempDir();
  const { gitDir } = createLocalClone(root);
  renameSync(path.join(gitDir, 'objects'), path.join(root, 'elsewhere'));
  symlinkSync(path.join(root, 'elsewhere'), path.join(gitDir, 'objects'));
  await expect(sanitizeGitDir(gitDir, URL)).rejects.toThrow(
    /objects directory is not a plain directory/
  );
});

test('a config that is a symlink is refused, its target untouched', async () => {
  const root = tempDir();
  const { gitDir } = createLocalClone(root);
  const target = path.join(root, 'precious');
  writeFileSync(target, 'keep me');
  const config = path.join(gitDir, 'config');
  rmSync(config);
  symlinkSync(target, config);
  await expect(sanitizeGitDir(gitDir, URL)).rejects.toThrow(
    /holds config, which is not a plain file/
  );
  expect(readFileSync(target, 'utf8')).toBe('keep me');
});
