import { describe, expect, test } from '@jest/globals';
import { classifyFailure } from '../../src/permissions/classify.js';
import { GitError } from '../../src/git/exec.js';

function gitError(stderr: string): GitError {
  return new GitError(['fetch'], { exitCode: 128, stdout: '', stderr });
}

function errno(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: operation failed, open '${path}'`), { code, path });
}

describe('classifyFailure', () => {
  test.each([
    ['EACCES', errno('EACCES', '/w/.git/config'), 'permission', '/w/.git/config'],
    ['EPERM', errno('EPERM', '/w/x'), 'permission', '/w/x'],
    ['EROFS', errno('EROFS', '/ro/x'), 'read-only', '/ro/x'],
    [
      'could not lock config file',
      gitError('error: could not lock config file /w/.git/config: Permission denied'),
      'permission',
      '/w/.git/config'
    ],
    [
      'could not create leading directories',
      gitError("fatal: could not create leading directories of '/r/_wt/x/.git': Permission denied"),
      'permission',
      '/r/_wt/x/.git'
    ],
    [
      'unable to create file',
      gitError('error: unable to create file src/a.txt: Permission denied'),
      'permission',
      '/repo/src/a.txt'
    ],
    [
      'insufficient permission',
      gitError(
        'error: insufficient permission for adding an object to repository database ./objects'
      ),
      'permission',
      '/repo/objects'
    ],
    [
      'unable to unlink',
      gitError("warning: unable to unlink 'old.txt': Permission denied"),
      'permission',
      '/repo/old.txt'
    ],
    [
      'cannot lock ref (permission)',
      gitError(
        "error: cannot lock ref 'refs/heads/x': Unable to create '/repo/.git/refs/heads/x.lock': Permission denied"
      ),
      'permission',
      '/repo/.git/refs/heads/x.lock'
    ],
    [
      'unable to write new index file',
      gitError('fatal: unable to write new index file'),
      'permission',
      ''
    ],
    [
      'tar',
      gitError('tar: .clone-cache-staging/clone.git: Cannot mkdir: Permission denied'),
      'permission',
      '/repo/.clone-cache-staging/clone.git'
    ],
    [
      'read-only via git',
      gitError('error: could not lock config file /ro/.git/config: Read-only file system'),
      'read-only',
      '/ro/.git/config'
    ],
    [
      'dubious ownership',
      gitError(
        "fatal: detected dubious ownership in repository at '/w/src'\nTo add an exception..."
      ),
      'dubious-ownership',
      '/w/src'
    ]
  ])('%s', (_label, error, kind, path) => {
    const failure = classifyFailure(error, '/repo');
    expect(failure.kind).toBe(kind);
    expect(failure.path).toBe(path);
  });

  test.each([
    gitError("fatal: cannot lock ref 'refs/heads/x': reference already exists"),
    gitError('fatal: repository not found'),
    gitError(
      'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.'
    ),
    gitError("fatal: couldn't find remote ref refs/heads/nope"),
    new Error('ENOSPC: no space left on device'),
    'a string'
  ])('everything else is "other" and names no path: %s', error => {
    const failure = classifyFailure(error, '/repo');
    expect(failure.kind).toBe('other');
    expect(failure.path).toBe('');
  });
});
