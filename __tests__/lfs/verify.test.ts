import { expect, test } from '@jest/globals';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { lfsObjectPath } from '../../src/lfs/objects.js';
import { verifyLfsStore } from '../../src/lfs/verify.js';
import { lfsContent, oidOf } from '../support/lfs-content.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();

function put(gitDir: string, oid: string, content: Buffer | string): string {
  const file = lfsObjectPath(gitDir, oid);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

test('objects whose SHA-256 is their name stay; a mismatch, a misplaced file and a link go', async () => {
  const gitDir = tempDir();
  const good = lfsContent('good', 3 * 1024 * 1024 + 7);
  const goodFile = put(gitDir, oidOf(good), good);
  const forged = oidOf(Buffer.from('what the name promises'));
  const forgedFile = put(gitDir, forged, 'other bytes');
  const misplaced = path.join(gitDir, 'lfs', 'objects', '00', '00', oidOf(good));
  mkdirSync(path.dirname(misplaced), { recursive: true });
  writeFileSync(misplaced, good);
  const linked = oidOf(Buffer.from('x'));
  mkdirSync(path.dirname(lfsObjectPath(gitDir, linked)), { recursive: true });
  symlinkSync(goodFile, lfsObjectPath(gitDir, linked));

  const check = await verifyLfsStore(gitDir);
  expect(check.dropped.sort()).toEqual(
    [
      path.relative(path.join(gitDir, 'lfs', 'objects'), forgedFile),
      path.join('00', '00', oidOf(good)),
      path.join(linked.slice(0, 2), linked.slice(2, 4), linked)
    ].sort()
  );
  expect(check.checked).toBe(2); // the misplaced file and the link are not read
  expect(existsSync(goodFile)).toBe(true);
  expect(existsSync(forgedFile)).toBe(false);
});

test('with oids, only those objects are hashed; absent ones are not an error', async () => {
  const gitDir = tempDir();
  const wanted = lfsContent('wanted', 1000);
  put(gitDir, oidOf(wanted), wanted);
  const other = oidOf(Buffer.from('other'));
  const otherFile = put(gitDir, other, 'not the content');
  const check = await verifyLfsStore(gitDir, [oidOf(wanted), 'f'.repeat(64)]);
  expect(check).toEqual({ checked: 1, bytes: 1000, dropped: [] });
  expect(existsSync(otherFile)).toBe(true);
});

test('a repository without an LFS store has nothing to check', async () => {
  expect(await verifyLfsStore(tempDir())).toEqual({ checked: 0, bytes: 0, dropped: [] });
});
