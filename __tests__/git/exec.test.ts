import { expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { GitError, gitEnvironment, gitOutput, runGit } from '../../src/git/exec.js';
import { useCapturedLog } from '../support/captured-log.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();
const realGit = execFileSync('sh', ['-c', 'command -v git']).toString().trim();

const log = useCapturedLog();

test('config passed to a command reaches git through the environment, not argv', async () => {
  const value = 'AUTHORIZATION: basic c2VjcmV0';
  const seen = await gitOutput(
    tempDir(),
    ['config', '--get', 'http.https://example.com/.extraheader'],
    { config: [{ key: 'http.https://example.com/.extraheader', value }] }
  );
  expect(seen).toBe(value);
  expect(log.lines().join('')).not.toContain('c2VjcmV0');
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

test("a job's GIT_SSH_COMMAND, which outranks core.sshCommand, is dropped only when one is passed", () => {
  process.env.GIT_SSH_COMMAND = 'ssh -i /somewhere/else';
  try {
    expect(gitEnvironment().GIT_SSH_COMMAND).toBe('ssh -i /somewhere/else');
    expect(gitEnvironment([{ key: 'core.sshCommand', value: 'ssh -i k' }])).not.toHaveProperty(
      'GIT_SSH_COMMAND'
    );
  } finally {
    delete process.env.GIT_SSH_COMMAND;
  }
});

test('every command is echoed to the log; its output is captured, not logged', async () => {
  const dir = tempDir();
  const id = await gitOutput(dir, ['hash-object', '--stdin'], { input: 'logged?\n' });
  expect(id).toMatch(/^[0-9a-f]{40}$/);
  expect(log.lines()).toEqual([`[command]${realGit} hash-object --stdin\n`]);
});

test("git's stderr reaches the log as it arrives only when the command shows progress", async () => {
  const dir = tempDir();
  const quiet = await runGit(dir, ['rev-parse', '--verify', 'nope'], { allowFailure: true });
  expect(quiet.stderr).toContain('fatal: ');
  expect(log.lines().join('')).not.toContain('fatal: ');
  log.clear();
  const shown = await runGit(dir, ['rev-parse', '--verify', 'nope'], {
    allowFailure: true,
    progress: true
  });
  expect(log.lines()[0]).toMatch(/^\[command\].* rev-parse --verify nope\n$/);
  expect(log.lines().slice(1).join('')).toBe(shown.stderr);
});

test("git's stdin is closed: a command that reads it ends at once", async () => {
  const dir = tempDir();
  // The id of the empty blob: git read an empty standard input to its end.
  expect(await gitOutput(dir, ['hash-object', '--stdin'])).toBe(
    'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'
  );
  await runGit(dir, ['init', '--quiet']);
  expect(await gitOutput(dir, ['cat-file', '--batch-check'])).toBe('');
}, 10_000);

test('a git that exits without reading its input does not bring the process down', async () => {
  // Without a listener on the child's stdin, the broken pipe would crash this test worker.
  const input = 'x'.repeat(8 << 20);
  const version = await gitOutput(tempDir(), ['--version'], { input });
  expect(version).toMatch(/^git version /);
});

test("a failing command throws a GitError carrying git's own message", async () => {
  const error = await runGit(tempDir(), ['rev-parse', '--verify', 'nope']).catch(e => e);
  expect(error).toBeInstanceOf(GitError);
  expect((error as GitError).args).toEqual(['rev-parse', '--verify', 'nope']);
  expect((error as GitError).result.exitCode).toBe(128);
  expect((error as GitError).message).toMatch(/^git rev-parse --verify nope failed: fatal: /);
});

test('a working folder that does not exist is named as such, not blamed on git', async () => {
  const missing = path.join(tempDir(), 'gone');
  await expect(runGit(missing, ['status'])).rejects.toThrow(
    `git cannot run in ${missing}: the folder does not exist.`
  );
});
