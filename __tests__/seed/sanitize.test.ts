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
import { snapshotDir } from '../support/entry-dir.js';
import { useTempDir } from '../support/tmp.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const tempDir = useTempDir();
const URL = 'https://github.com/acme/widgets';

test('an entry as the action saves it passes untouched: nothing removed, nothing named', async () => {
  const { gitDir, tip } = await snapshotDir(tempDir());
  const { removed, tips } = await sanitizeGitDir(gitDir, URL);
  expect(removed).toEqual([]);
  expect(tips).toContainEqual({ ref: 'refs/remotes/origin/main', object: tip });
});

test('config is rebuilt from the template; hooks, alternates and worktrees are removed', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  mkdirSync(path.join(gitDir, 'hooks'));
  writeFileSync(path.join(gitDir, 'hooks', 'post-checkout'), '#!/bin/sh\ntouch /tmp/pwned\n');
  chmodSync(path.join(gitDir, 'hooks', 'post-checkout'), 0o755);
  writeFileSync(
    path.join(gitDir, 'config'),
    '[core]\n\tfsmonitor = evil\n[include]\n\tpath = /etc/evil\n'
  );
  mkdirSync(path.join(gitDir, 'objects', 'info'), { recursive: true });
  writeFileSync(path.join(gitDir, 'objects', 'info', 'alternates'), '/elsewhere/objects\n');
  mkdirSync(path.join(gitDir, 'worktrees', 'old'), { recursive: true });
  writeFileSync(path.join(gitDir, 'worktrees', 'old', 'gitdir'), '/elsewhere\n');
  const { removed } = await sanitizeGitDir(gitDir, URL);
  expect(removed.sort()).toEqual(
    [
      'core.fsmonitor',
      'hooks/post-checkout',
      'include.path',
      'objects/info/alternates',
      'worktrees/old/gitdir'
    ].sort()
  );
  expect(readFileSync(path.join(gitDir, 'config'), 'utf8')).toBe(gitConfigTemplate(URL));
  expect(readdirSync(path.join(gitDir, 'hooks'))).toEqual([]);
  expect(existsSync(path.join(gitDir, 'objects', 'info', 'alternates'))).toBe(false);
  expect(existsSync(path.join(gitDir, 'worktrees'))).toBe(false);
});

test('a config whose only poison is a key is still reported', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  writeFileSync(path.join(gitDir, 'config'), '[diff "x"]\n\ttextconv = evil\n[user]\n\tname = a\n');
  expect((await sanitizeGitDir(gitDir, URL)).removed).toEqual(['diff.x.textconv']);
});

test('what the action never saves is dropped and named: worktree config, info/, local branches', async () => {
  const { gitDir, tip } = await snapshotDir(tempDir());
  writeFileSync(path.join(gitDir, 'config.worktree'), '[core]\n\tfsmonitor = evil\n');
  mkdirSync(path.join(gitDir, 'info'));
  writeFileSync(path.join(gitDir, 'info', 'exclude'), '*\n');
  mkdirSync(path.join(gitDir, 'refs', 'heads', 'agent'), { recursive: true });
  writeFileSync(path.join(gitDir, 'refs', 'heads', 'agent', 'task-123'), `${tip}\n`);
  writeFileSync(path.join(gitDir, 'index'), 'x');
  const { removed } = await sanitizeGitDir(gitDir, URL);
  expect(removed.sort()).toEqual(
    ['config.worktree', 'index', 'info/exclude', 'refs/heads/agent/task-123'].sort()
  );
  expect(readdirSync(gitDir).sort()).toEqual(
    ['HEAD', 'config', 'hooks', 'objects', 'packed-refs', 'refs'].sort()
  );
});

test('a symlinked objects directory is refused, never followed', async () => {
  const root = tempDir();
  const { gitDir } = await snapshotDir(root);
  renameSync(path.join(gitDir, 'objects'), path.join(root, 'elsewhere'));
  symlinkSync(path.join(root, 'elsewhere'), path.join(gitDir, 'objects'));
  await expect(sanitizeGitDir(gitDir, URL)).rejects.toThrow(/has no objects directory/);
  expect(readdirSync(path.join(root, 'elsewhere')).length).toBeGreaterThan(0);
});

test('a config that is a symlink is refused, its target untouched', async () => {
  const root = tempDir();
  const { gitDir } = await snapshotDir(root);
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
