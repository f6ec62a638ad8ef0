import { describe, expect, test } from '@jest/globals';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { seedClone } from '../../src/seed/seed.js';
import { isActionClone } from '../../src/seed/marker.js';
import { gitSync } from '../support/git.js';
import { snapshotDir } from '../support/entry-dir.js';
import { useTempDir } from '../support/tmp.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const tempDir = useTempDir();
const SHM = '/dev/shm';
const shmUsable = existsSync(SHM) && statSync(SHM).dev !== statSync(tmpdir()).dev;
const shmDir = useTempDir(shmUsable ? SHM : tmpdir());
const URL = 'https://github.com/acme/widgets';

/** A restored .git in a staging folder of `root`, as the cache backend leaves it. */
async function stagedClone(root: string) {
  const { gitDir, tip } = await snapshotDir(root);
  const staged = path.join(root, 'staging', 'clone.git');
  mkdirSync(path.dirname(staged), { recursive: true });
  renameSync(gitDir, staged);
  return { staged, head: tip };
}

describe('seedClone', () => {
  test('renames the staged .git into place on one file system and marks it', async () => {
    const root = tempDir();
    const { staged, head } = await stagedClone(root);
    const target = path.join(root, 'workspace', 'deep', 'clone');
    const outcome = await seedClone(staged, target, URL, 60_000);
    expect(outcome).toEqual({ seeded: true, method: 'rename', cachedCommit: head });
    expect(existsSync(staged)).toBe(false);
    expect(await isActionClone(path.join(target, '.git'))).toBe(true);
    expect(gitSync(target, ['remote', 'get-url', 'origin'])).toBe(URL);
  });

  if (!shmUsable) {
    console.warn(
      'SKIPPED: /dev/shm is missing or shares a file system with the temp dir, so a cross-file-system seed cannot be produced on this machine'
    );
  }
  (shmUsable ? test : test.skip)(
    'copies when the staging directory is on another file system (tmpfs)',
    async () => {
      const { staged, head } = await stagedClone(shmDir());
      const target = path.join(tempDir(), 'clone');
      const outcome = await seedClone(staged, target, URL, 60_000);
      expect(outcome).toEqual({ seeded: true, method: 'copy', cachedCommit: head });
      expect(existsSync(staged)).toBe(false);
      expect(gitSync(target, ['cat-file', '-t', head])).toBe('commit');
    }
  );

  test('a timeout removes exactly what the seed created', async () => {
    const root = tempDir();
    const { staged } = await stagedClone(root);
    const workspace = path.join(root, 'workspace');
    mkdirSync(workspace);
    writeFileSync(path.join(workspace, 'keep.txt'), 'user file');
    const outcome = await seedClone(staged, path.join(workspace, 'new', 'clone'), URL, 1);
    expect(outcome.seeded).toBe(false);
    expect(outcome.seeded || outcome.failure.reason).toMatch(
      /^Seeding the workspace did not finish within 0 s/
    );
    expect(readdirSync(workspace)).toEqual(['keep.txt']);
  });

  test('a staged .git without objects fails verification and leaves nothing behind', async () => {
    const root = tempDir();
    const { staged } = await stagedClone(root);
    for (const entry of readdirSync(path.join(staged, 'objects'))) {
      if (entry !== 'info') rmSync(path.join(staged, 'objects', entry), { recursive: true });
    }
    const target = path.join(root, 'clone-target');
    mkdirSync(target);
    const outcome = await seedClone(staged, target, URL, 60_000);
    expect(outcome.seeded).toBe(false);
    expect(outcome.seeded || outcome.failure.reason).toMatch(
      /HEAD of the cached clone does not resolve/
    );
    expect(readdirSync(target)).toEqual([]);
  });
});
