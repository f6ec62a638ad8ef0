import { expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSnapshot } from '../../src/cache/snapshot.js';
import { gitConfigTemplate } from '../../src/git/config-template.js';
import { filesContaining } from '../support/archive.js';
import { gitSync } from '../support/git.js';
import { addCommits, createLocalClone, createTag } from '../support/repos.js';
import { useTempDir } from '../support/tmp.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const tempDir = useTempDir();
const URL = 'https://github.com/acme/widgets';

test('a snapshot holds history and origin refs only: no credentials, hooks, index or work tree', async () => {
  const root = tempDir();
  const { origin, clone, gitDir } = createLocalClone(root, { commits: 8 });
  addCommits(origin, 'topic', { commits: 2, seed: 't' }, 'main');
  createTag(origin, 'v1', 'main~1');
  gitSync(clone, [
    'fetch',
    '--quiet',
    'origin',
    '+refs/heads/*:refs/remotes/origin/*',
    '+refs/tags/*:refs/tags/*'
  ]);
  gitSync(clone, [
    'config',
    'http.https://github.com/.extraheader',
    'AUTHORIZATION: basic c2VjcmV0'
  ]);
  writeFileSync(path.join(gitDir, 'hooks', 'post-checkout'), '#!/bin/sh\n');
  writeFileSync(path.join(clone, 'build-output.bin'), 'artifact');
  const commit = gitSync(clone, ['rev-parse', 'HEAD']);

  const snapshot = path.join(root, 'snap', 'clone.git');
  await buildSnapshot(clone, commit, snapshot, URL);

  expect(readFileSync(path.join(snapshot, 'HEAD'), 'utf8')).toBe(`${commit}\n`);
  expect(readFileSync(path.join(snapshot, 'config'), 'utf8')).toBe(gitConfigTemplate(URL));
  expect(filesContaining(snapshot, 'c2VjcmV0')).toEqual([]);
  for (const absent of ['hooks', 'index', 'logs', 'FETCH_HEAD', 'build-output.bin']) {
    expect(existsSync(path.join(snapshot, absent))).toBe(false);
  }
  const refs = gitSync(snapshot, ['for-each-ref', '--format=%(refname)']).split('\n');
  expect(refs).toEqual(['refs/remotes/origin/main', 'refs/remotes/origin/topic', 'refs/tags/v1']);
  expect(gitSync(snapshot, ['fsck', '--no-progress', '--connectivity-only'])).toBe('');
  // Objects are hard links: no bytes copied.
  const packFile = objectFileIn(path.join(snapshot, 'objects'));
  expect(statSync(packFile).nlink).toBeGreaterThan(1);
});

test('a clone that borrows objects through alternates is not saved', async () => {
  const root = tempDir();
  const { clone, gitDir } = createLocalClone(root);
  writeFileSync(path.join(gitDir, 'objects', 'info', 'alternates'), '/elsewhere\n');
  const commit = gitSync(clone, ['rev-parse', 'HEAD']);
  await expect(buildSnapshot(clone, commit, path.join(root, 'snap'), URL)).rejects.toThrow(
    /alternates/
  );
});

/** Any object file (pack or loose) under an objects directory. */
function objectFileIn(dir: string): string {
  const name = readdirSync(dir, { recursive: true, encoding: 'utf8' }).find(file =>
    /^(pack\/.*\.pack|[0-9a-f]{2}\/[0-9a-f]{38})$/.test(file)
  );
  if (!name) throw new Error(`no object file in ${dir}`);
  return path.join(dir, name);
}
