import { expect, test } from '@jest/globals';
import * as path from 'node:path';
import { createExampleRepository } from '../../demo/example-repository.js';
import { gitSync } from '../support/git.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();

/** An example repository of 100 commits, then 5 more appended as the demo pushes them. */
async function example(root: string, name: string, seed: number) {
  const repo = await createExampleRepository(
    path.join(root, name),
    'acme/widgets',
    { files: 30, tagEvery: 20, seed },
    100
  );
  await repo.history.append(repo.dir, 5);
  return {
    dir: repo.dir,
    tip: gitSync(repo.dir, ['rev-parse', 'main']),
    tags: gitSync(repo.dir, [
      'for-each-ref',
      '--format=%(refname:short) %(objectname)',
      'refs/tags'
    ])
  };
}

test('the example history is the same for the same seed and another for another seed', async () => {
  const root = tempDir();
  const [first, again, other] = await Promise.all([
    example(root, 'first', 1),
    example(root, 'again', 1),
    example(root, 'other', 2)
  ]);
  expect({ tip: again.tip, tags: again.tags }).toEqual({ tip: first.tip, tags: first.tags });
  expect(other.tip).not.toBe(first.tip);
});

test('the example history is shaped like a project: small edits to a few files, tags, deltas', async () => {
  const { dir } = await example(tempDir(), 'shape', 7);
  expect(gitSync(dir, ['rev-list', '--count', 'main'])).toBe('105');
  expect(gitSync(dir, ['tag', '--list']).split('\n')).toEqual([
    'v1.1.0',
    'v1.2.0',
    'v1.3.0',
    'v1.4.0',
    'v1.5.0'
  ]);
  expect(gitSync(dir, ['cat-file', '-t', 'v1.1.0'])).toBe('tag');
  expect(gitSync(dir, ['ls-tree', '-r', '--name-only', 'main']).split('\n')).toHaveLength(30);
  // Every commit after the first edits 1 to 30 files (and may add one); most edit one to three.
  const touched = gitSync(dir, ['log', '--format=format:@', '--name-only', 'main~104..main'])
    .split('@')
    .slice(1)
    .map(files => files.trim().split('\n').length);
  expect(touched).toHaveLength(104);
  expect(Math.min(...touched)).toBeGreaterThanOrEqual(1);
  expect(Math.max(...touched)).toBeLessThanOrEqual(31);
  expect(touched.filter(count => count <= 3).length).toBeGreaterThan(104 / 2);
  // Most blobs are stored as deltas of another version, as in a packed real history.
  const blobs = gitSync(dir, [
    'cat-file',
    '--batch-all-objects',
    '--batch-check=%(objecttype) %(deltabase)'
  ])
    .split('\n')
    .filter(line => line.startsWith('blob '));
  const deltas = blobs.filter(line => !/ 0+$/.test(line));
  expect(deltas.length / blobs.length).toBeGreaterThan(0.7);
});
