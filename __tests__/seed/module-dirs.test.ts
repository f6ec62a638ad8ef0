import { afterEach, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findModuleDirs } from '../../src/seed/module-dirs.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function gitDirAt(dir: string) {
  mkdirSync(path.join(dir, 'objects'), { recursive: true });
  writeFileSync(path.join(dir, 'HEAD'), 'ref: refs/heads/main\n');
}

test('finds submodule git directories by their HEAD, names with slashes included', async () => {
  root = mkdtempSync(path.join(tmpdir(), 'module-dirs-'));
  gitDirAt(path.join(root, 'modules', 'rel'));
  gitDirAt(path.join(root, 'modules', 'libs', 'deep', 'abs'));
  // A nested submodule's directory belongs to its parent's own search.
  gitDirAt(path.join(root, 'modules', 'rel', 'modules', 'nested'));
  writeFileSync(path.join(root, 'modules', 'libs', 'planted'), 'x');
  const found = await findModuleDirs(root);
  expect(found.dirs.sort()).toEqual(['libs/deep/abs', 'rel']);
  expect(found.strays).toEqual(['modules/libs/planted']);
});

test('no modules folder: nothing found', async () => {
  root = mkdtempSync(path.join(tmpdir(), 'module-dirs-'));
  expect(await findModuleDirs(root)).toEqual({ dirs: [], strays: [] });
});

test.each([
  ['modules itself', (r: string) => symlinkSync(tmpdir(), path.join(r, 'modules'))],
  [
    'a part of a name',
    (r: string) => {
      mkdirSync(path.join(r, 'modules'));
      symlinkSync(tmpdir(), path.join(r, 'modules', 'libs'));
    }
  ]
])('a symbolic link as %s refuses the entry', async (_what, plant) => {
  root = mkdtempSync(path.join(tmpdir(), 'module-dirs-'));
  plant(root);
  await expect(findModuleDirs(root)).rejects.toThrow(/not a plain (file|directory)/);
});
