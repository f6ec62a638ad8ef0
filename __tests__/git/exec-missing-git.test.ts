import { afterEach, expect, test } from '@jest/globals';
import { runGit } from '../../src/git/exec.js';
import { useTempDir } from '../support/tmp.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

// A file of its own: the runner looks git up once per process (module), and every other test
// of it finds git first.

const tempDir = useTempDir();
const originalPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = originalPath;
});

test('git missing from PATH is a clear error, and git is found once it is there', async () => {
  process.env.PATH = '/nonexistent';
  await expect(runGit(tempDir(), ['--version'])).rejects.toThrow(
    'git was not found on PATH; install git 2.29 or newer on the runner.'
  );
  process.env.PATH = originalPath;
  await expect(runGit(tempDir(), ['--version'])).resolves.toMatchObject({ exitCode: 0 });
});
