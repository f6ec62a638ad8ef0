import { afterEach, expect, test } from '@jest/globals';
import * as path from 'node:path';
import { Git, GitError, gitEnvironment } from '../../src/git/git.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();
const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

test('config passed to a command reaches git through the environment, not argv', async () => {
  const git = new Git(tempDir());
  const value = 'AUTHORIZATION: basic c2VjcmV0';
  const seen = await git.output(['config', '--get', 'http.https://example.com/.extraheader'], {
    config: [{ key: 'http.https://example.com/.extraheader', value }]
  });
  expect(seen).toBe(value);
  const env = gitEnvironment([{ key: 'k.x', value: 'v' }]);
  const last = Number(env.GIT_CONFIG_COUNT) - 1;
  expect(env[`GIT_CONFIG_KEY_${last}`]).toBe('k.x');
  expect(env[`GIT_CONFIG_VALUE_${last}`]).toBe('v');
  expect(env.GIT_CONFIG_KEY_0).toBe('checkout.workers');
  expect(env.GIT_TERMINAL_PROMPT).toBe('0');
  expect(env.GCM_INTERACTIVE).toBe('Never');
  expect(env.GIT_LFS_SKIP_SMUDGE).toBe('1');
  expect(env.GIT_NO_REPLACE_OBJECTS).toBe('1');
});

test('config inherited from the caller environment is not passed on', () => {
  process.env.GIT_CONFIG_KEY_5 = 'core.hooksPath';
  try {
    expect(gitEnvironment()).not.toHaveProperty('GIT_CONFIG_KEY_5');
  } finally {
    delete process.env.GIT_CONFIG_KEY_5;
  }
});

test("a failing command throws a GitError carrying git's own message", async () => {
  const git = new Git(tempDir());
  const error = await git.run(['rev-parse', '--verify', 'nope']).catch(e => e);
  expect(error).toBeInstanceOf(GitError);
  expect((error as GitError).result.exitCode).toBe(128);
  expect((error as GitError).message).toMatch(/^git rev-parse --verify nope failed: fatal: /);
});

test('git missing from PATH is a clear error', async () => {
  process.env.PATH = '/nonexistent';
  await expect(new Git(tempDir()).run(['--version'])).rejects.toThrow(/git was not found on PATH/);
});

test('a working folder that does not exist is named as such, not blamed on git', async () => {
  const missing = path.join(tempDir(), 'gone');
  await expect(new Git(missing).run(['status'])).rejects.toThrow(
    `git cannot run in ${missing}: the folder does not exist.`
  );
});
