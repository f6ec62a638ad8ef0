import { expect, test } from '@jest/globals';
import { mismatchedObjects, objectsOfCommit } from '../../src/git/object-check.js';
import { Repository } from '../../src/git/repository.js';
import { gitSync } from '../support/git.js';
import { looseObjectsOnly, substituteBlob } from '../support/poison.js';
import { createLocalClone, revParse } from '../support/repos.js';
import { useTempDir } from '../support/tmp.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const tempDir = useTempDir();

test('every object of a commit is listed: the commit, its trees and its blobs', async () => {
  const { clone } = createLocalClone(tempDir());
  const tip = revParse(clone, 'HEAD');
  const ids = await objectsOfCommit(new Repository(clone), tip);
  const listed = gitSync(clone, ['ls-tree', '-r', '-t', '--object-only', tip]).split('\n');
  expect(ids.sort()).toEqual([tip, revParse(clone, `${tip}^{tree}`), ...listed].sort());
});

test('an intact store has no mismatched object', async () => {
  const { clone } = createLocalClone(tempDir(), { commits: 20 });
  const repo = new Repository(clone);
  expect(await mismatchedObjects(repo, await objectsOfCommit(repo, 'HEAD'))).toEqual([]);
});

test('a blob holding other content under its id is found; git itself reads it without a word', async () => {
  const { clone, gitDir } = createLocalClone(tempDir(), { commits: 20 });
  const tip = revParse(clone, 'HEAD');
  const [file] = gitSync(clone, ['ls-tree', '-r', '--name-only', tip]).split('\n');
  const blob = revParse(clone, `${tip}:${file}`);
  looseObjectsOnly(gitDir);
  substituteBlob(gitDir, blob, 'evil\n');
  expect(gitSync(clone, ['cat-file', 'blob', blob])).toBe('evil');
  const repo = new Repository(clone);
  expect(await mismatchedObjects(repo, await objectsOfCommit(repo, tip))).toEqual([blob]);
});

test('a missing object counts as a mismatch', async () => {
  const { clone } = createLocalClone(tempDir());
  expect(await mismatchedObjects(new Repository(clone), ['1'.repeat(40)])).toEqual([
    '1'.repeat(40)
  ]);
});
