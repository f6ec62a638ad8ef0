import { expect, test } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { enforceEntryShape, isBloblessEntry } from '../../src/seed/entry-shape.js';
import { snapshotDir } from '../support/entry-dir.js';
import { useCapturedLog } from '../support/captured-log.js';
import { useTempDir } from '../support/tmp.js';

useCapturedLog();
const tempDir = useTempDir();

const packFile = (gitDir: string, name: string) => path.join(gitDir, 'objects', 'pack', name);

test('an empty .promisor mark beside its pack and index is kept, and makes the entry blobless', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  expect(await isBloblessEntry(gitDir)).toBe(false);
  const pack = `pack-${'c'.repeat(40)}`;
  for (const ext of ['pack', 'idx']) writeFileSync(packFile(gitDir, `${pack}.${ext}`), 'x');
  writeFileSync(packFile(gitDir, `${pack}.promisor`), '');
  expect(await enforceEntryShape(gitDir, undefined)).toEqual([]);
  expect(existsSync(packFile(gitDir, `${pack}.promisor`))).toBe(true);
  expect(await isBloblessEntry(gitDir)).toBe(true);
});

test('a .promisor mark without its pack is dropped, and then the entry is not blobless', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  const lonely = `pack-${'d'.repeat(40)}.promisor`;
  writeFileSync(packFile(gitDir, lonely), '');
  expect(await enforceEntryShape(gitDir, undefined)).toEqual([`objects/pack/${lonely}`]);
  expect(await isBloblessEntry(gitDir)).toBe(false);
});

test('a .promisor mark with content (the action writes it empty) refuses the entry', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  const pack = `pack-${'e'.repeat(40)}`;
  for (const ext of ['pack', 'idx']) writeFileSync(packFile(gitDir, `${pack}.${ext}`), 'x');
  writeFileSync(packFile(gitDir, `${pack}.promisor`), `${'1'.repeat(40)} refs/heads/x\n`);
  await expect(enforceEntryShape(gitDir, undefined)).rejects.toThrow(
    new RegExp(`^the cached clone's objects/pack/${pack}.promisor is 54 bytes`)
  );
});

test.each(['promisor.pack', `pack-${'f'.repeat(40)}.promisor.keep`, 'pack-xyz.promisor'])(
  'a look-alike %s is dropped',
  async name => {
    const { gitDir } = await snapshotDir(tempDir());
    writeFileSync(packFile(gitDir, name), '');
    expect(await enforceEntryShape(gitDir, undefined)).toEqual([`objects/pack/${name}`]);
  }
);
