import { describe, expect, test } from '@jest/globals';
import { GitError } from '../../src/git/exec.js';
import { Diagnoser, PermissionError } from '../../src/permissions/diagnose.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const notPermission = () =>
  new GitError(['fetch'], {
    exitCode: 128,
    stdout: '',
    stderr: "fatal: couldn't find remote ref refs/heads/nope"
  });
const permission = () =>
  Object.assign(new Error("EACCES: permission denied, mkdir '/nowhere/_wt'"), {
    code: 'EACCES',
    path: '/nowhere/_wt'
  });

describe('Diagnoser.stage', () => {
  test('a failure that is not about permissions is rethrown as the very same error', async () => {
    const error = notPermission();
    const diagnoser = new Diagnoser({ enabled: true, fixOwnership: false, roots: ['/nowhere'] });
    const thrown = await diagnoser.stage('Fetching', () => Promise.reject(error)).catch(e => e);
    expect(thrown).toBe(error);
    expect(thrown.message).toBe(notPermission().message);
  });

  test('a permission failure becomes one titled error; with the kill switch it stays as raised', async () => {
    const on = new Diagnoser({ enabled: true, fixOwnership: false, roots: ['/nowhere'] });
    const helped = await on
      .stage('Creating the task worktree', () => Promise.reject(permission()))
      .catch(e => e);
    expect(helped).toBeInstanceOf(PermissionError);
    expect(helped.title).toMatch(/^Permission denied: \/nowhere/);

    const error = permission();
    const off = new Diagnoser({ enabled: false, fixOwnership: false, roots: ['/nowhere'] });
    const raw = await off
      .stage('Creating the task worktree', () => Promise.reject(error))
      .catch(e => e);
    expect(raw).toBe(error);
  });
});
