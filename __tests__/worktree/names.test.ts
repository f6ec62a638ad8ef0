import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { folderNameFor, slotName, validateBranchName } from '../../src/worktree/names.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

describe('folderNameFor', () => {
  test.each([
    ['main', 'main'],
    ['release-1.2', 'release-1.2'],
    ['snake_case', 'snake_case']
  ])('a plain name is its own folder: %s', (branch, folder) => {
    expect(folderNameFor(branch)).toBe(folder);
  });

  test.each([
    'a/b',
    'feature/x/y',
    '.hidden',
    '-x',
    'a..b',
    'ñandú',
    'x'.repeat(200),
    'with space'
  ])('anything else is sanitized and made unique: %s', branch => {
    const folder = folderNameFor(branch);
    expect(folder).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*-[0-9a-f]{10}$/);
    expect(folder).not.toContain('..');
    expect(folder.length).toBeLessThanOrEqual(80);
  });

  test('names that sanitize alike never share a folder', () => {
    const names = ['a/b', 'a_b', 'a-b', 'a//b', 'a/b/', 'A/b', 'a.b'];
    const folders = names.map(folderNameFor);
    expect(new Set(folders).size).toBe(names.length);
  });

  test('slots after the first carry +n, which no folder name contains', () => {
    expect(slotName('/r/feat', 1)).toBe('/r/feat');
    expect(slotName('/r/feat', 2)).toBe('/r/feat+2');
    expect(folderNameFor('feat+2')).not.toContain('+');
  });
});

describe('validateBranchName', () => {
  test.each(['main', 'feature/x', 'v1.0', 'ünï'])('accepts %s', async name => {
    await expect(validateBranchName('branch', name)).resolves.toBeUndefined();
  });

  test.each([
    '-rf',
    'a..b',
    'x.lock',
    'a@{1}',
    'has space',
    'trailing/',
    'HEAD',
    'refs/heads/x',
    'a\nb'
  ])('rejects %j naming the input', async name => {
    const error = await validateBranchName('base', name).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('base');
  });
});

describe('validateBranchName and the file system', () => {
  test("a part of 250 bytes is accepted; 251 (with git's .lock, over 255) is refused", async () => {
    await expect(validateBranchName('branch', `team/${'x'.repeat(250)}`)).resolves.toBeUndefined();
    await expect(validateBranchName('branch', `team/${'x'.repeat(251)}`)).rejects.toThrow(
      /part of 251 bytes.*255 bytes per name, so at most 250/
    );
  });

  test('bytes count, not characters', async () => {
    await expect(validateBranchName('branch', 'é'.repeat(126))).rejects.toThrow(InputError);
  });
});
