import { expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import {
  chownTarget,
  containingRoot,
  describeOwner,
  nearestExisting
} from '../../src/permissions/ownership.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();
const someoneElse = { uid: 4242, gid: 4242 };

test('describeOwner names root and unknown uids', () => {
  expect(describeOwner({ uid: 0, gid: 0 })).toBe('root (0:0)');
  expect(describeOwner({ uid: 4242, gid: 4243 })).toBe('uid 4242 (4242:4243)');
});

test('nearestExisting climbs to an existing parent', async () => {
  const dir = tempDir();
  const found = await nearestExisting(path.join(dir, 'a', 'b', 'c'));
  expect(found.path).toBe(dir);
});

test('chownTarget: the topmost foreign directory inside the root, never above it', async () => {
  const dir = tempDir();
  const root = path.join(dir, '_wt');
  mkdirSync(path.join(root, 'widgets'), { recursive: true });
  // Everything here is owned by the test's user, so for "someone else" it is all foreign.
  expect(await chownTarget(path.join(root, 'widgets', 'feat', '.git'), someoneElse, [root])).toBe(
    root
  );
  expect(
    await chownTarget(path.join(root, 'widgets', 'feat'), someoneElse, [path.join(root, 'widgets')])
  ).toBe(path.join(root, 'widgets'));
});

test('containingRoot picks the innermost root', () => {
  expect(containingRoot(['/a', '/a/b'], '/a/b/c')).toBe('/a/b');
  expect(containingRoot(['/a'], '/ab')).toBeUndefined();
});
