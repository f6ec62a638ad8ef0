import { expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { enforceEntryShape, MAX_EXPANSION } from '../../src/seed/entry-shape.js';
import { snapshotDir } from '../support/entry-dir.js';
import { useTempDir } from '../support/tmp.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const tempDir = useTempDir();

function entrySize(gitDir: string): number {
  return readdirSync(gitDir, { recursive: true })
    .map(name => statSync(path.join(gitDir, String(name))))
    .filter(stat => stat.isFile())
    .reduce((sum, stat) => sum + stat.size, 0);
}

test('a planted file of any name is dropped; files git derives from packs go without a word', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  const pack = `pack-${'c'.repeat(40)}`;
  for (const ext of ['pack', 'idx', 'rev']) {
    writeFileSync(path.join(gitDir, 'objects', 'pack', `${pack}.${ext}`), 'x');
  }
  writeFileSync(path.join(gitDir, 'objects', 'pack', 'zeros'), 'x');
  writeFileSync(path.join(gitDir, 'objects', 'pack', `pack-${'a'.repeat(40)}.idx`), 'x');
  writeFileSync(path.join(gitDir, 'description'), 'x');
  expect((await enforceEntryShape(gitDir, undefined)).sort()).toEqual(
    ['description', 'objects/pack/zeros', `objects/pack/pack-${'a'.repeat(40)}.idx`].sort()
  );
  expect(existsSync(path.join(gitDir, 'objects', 'pack', `${pack}.rev`))).toBe(false);
  expect(existsSync(path.join(gitDir, 'objects', 'pack', `${pack}.pack`))).toBe(true);
  expect(existsSync(path.join(gitDir, 'objects', 'pack', `${pack}.idx`))).toBe(true);
});

test('an entry that unpacks to far more than its archive is a bomb: refused', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  const archiveBytes = entrySize(gitDir);
  const bomb = path.join(gitDir, 'objects', 'pack', `pack-${'b'.repeat(40)}`);
  writeFileSync(`${bomb}.idx`, 'x');
  writeFileSync(`${bomb}.pack`, '');
  truncateSync(`${bomb}.pack`, archiveBytes * MAX_EXPANSION + 32 * 1024 * 1024); // sparse
  await expect(enforceEntryShape(gitDir, archiveBytes)).rejects.toThrow(
    /^the cached clone unpacks to \d+ bytes from a \d+-byte archive/
  );
});

test('the same entry within its archive bound is kept whole', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  expect(await enforceEntryShape(gitDir, entrySize(gitDir))).toEqual([]);
});

test.each([
  ['HEAD', 2048],
  ['config', 65 * 1024],
  ['refs/tags/v1', 2048]
])('a %s larger than such a file can be is refused', async (name, size) => {
  const { gitDir } = await snapshotDir(tempDir());
  writeFileSync(path.join(gitDir, name), '');
  truncateSync(path.join(gitDir, name), size);
  await expect(enforceEntryShape(gitDir, undefined)).rejects.toThrow(
    new RegExp(`^the cached clone's ${name} is ${size} bytes`)
  );
});

test('a shallow entry is refused', async () => {
  const { gitDir, tip } = await snapshotDir(tempDir());
  writeFileSync(path.join(gitDir, 'shallow'), `${tip}\n`);
  await expect(enforceEntryShape(gitDir, undefined)).rejects.toThrow(/shallow/);
});

test('LFS objects at their place in lfs/objects are kept; anything else under lfs/ is dropped', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  const oid = 'ab'.repeat(32);
  const kept = path.join('lfs', 'objects', 'ab', 'ab', oid);
  mkdirSync(path.dirname(path.join(gitDir, kept)), { recursive: true });
  writeFileSync(path.join(gitDir, kept), 'content');
  mkdirSync(path.join(gitDir, 'lfs', 'tmp'));
  writeFileSync(path.join(gitDir, 'lfs', 'tmp', 'partial'), 'x');
  writeFileSync(path.join(gitDir, 'lfs', 'objects', 'ab', 'ab', 'not-an-oid'), 'x');
  expect((await enforceEntryShape(gitDir, undefined)).sort()).toEqual([
    'lfs/objects/ab/ab/not-an-oid',
    'lfs/tmp/partial'
  ]);
  expect(existsSync(path.join(gitDir, kept))).toBe(true);
});
