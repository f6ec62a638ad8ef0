import { expect, test } from '@jest/globals';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkEntryRefs } from '../../src/seed/entry-refs.js';
import { snapshotDir } from '../support/entry-dir.js';
import { useTempDir } from '../support/tmp.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const tempDir = useTempDir();
const GONE = '1'.repeat(40);

test('only origin branches and tags stay; local branches and replace refs are dropped by name', async () => {
  const { gitDir, tip } = await snapshotDir(tempDir());
  appendFileSync(
    path.join(gitDir, 'packed-refs'),
    `${tip} refs/heads/main\n${tip} refs/replace/${tip}\n`
  );
  mkdirSync(path.join(gitDir, 'refs', 'notes'), { recursive: true });
  writeFileSync(path.join(gitDir, 'refs', 'notes', 'commits'), `${tip}\n`);
  const refs = await checkEntryRefs(gitDir);
  expect(refs.dropped.sort()).toEqual([
    'refs/heads/main',
    'refs/notes/commits',
    `refs/replace/${tip}`
  ]);
  expect(readFileSync(path.join(gitDir, 'packed-refs'), 'utf8')).not.toMatch(
    /refs\/(heads|replace)/
  );
  expect(refs.tips.map(t => t.ref)).toContain('refs/remotes/origin/main');
});

test.each([
  ['a packed ref named like a lock', (tip: string) => `${tip} refs/remotes/origin/x.lock\n`],
  ['a packed ref that climbs', (tip: string) => `${tip} refs/remotes/origin/../../../x\n`],
  ['a packed line that is not a ref', () => 'garbage\n'],
  ['a packed ref with a short id', () => 'abc refs/remotes/origin/short\n']
])('%s refuses the entry', async (_label, line) => {
  const { gitDir, tip } = await snapshotDir(tempDir());
  appendFileSync(path.join(gitDir, 'packed-refs'), line(tip));
  await expect(checkEntryRefs(gitDir)).rejects.toThrow(/^the cached clone has a bad ref: /);
});

test.each([
  ['empty', ''],
  ['garbage', 'not a sha\n']
])('a loose ref that is %s refuses the entry', async (_label, content) => {
  const { gitDir } = await snapshotDir(tempDir());
  mkdirSync(path.join(gitDir, 'refs', 'remotes', 'origin'), { recursive: true });
  writeFileSync(path.join(gitDir, 'refs', 'remotes', 'origin', 'bad'), content);
  await expect(checkEntryRefs(gitDir)).rejects.toThrow(/^the cached clone has a bad ref: /);
});

test('a loose ref naming any id is reported as a tip, for the seed to look up', async () => {
  const { gitDir } = await snapshotDir(tempDir());
  mkdirSync(path.join(gitDir, 'refs', 'remotes', 'origin'), { recursive: true });
  writeFileSync(path.join(gitDir, 'refs', 'remotes', 'origin', 'gone'), `${GONE}\n`);
  expect((await checkEntryRefs(gitDir)).tips).toContainEqual({
    ref: 'refs/remotes/origin/gone',
    object: GONE
  });
});
