import { expect, test } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { trustDirectory } from '../src/safe-directories.js';
import { useCapturedLog } from './support/captured-log.js';
import { useTempDir, useTempHome } from './support/tmp.js';

const log = useCapturedLog();
const tempDir = useTempDir();
const home = useTempHome(tempDir);

test('a directory is added to the global config once, however often it is trusted', async () => {
  await trustDirectory('/w/a');
  await trustDirectory('/w/a');
  const config = readFileSync(path.join(home(), '.gitconfig'), 'utf8');
  expect(config.match(/directory = \/w\/a$/gm)).toHaveLength(1);
});

test('a global config that cannot be written is a warning, not a failure', async () => {
  mkdirSync(path.join(home(), '.gitconfig')); // git can neither read nor lock it
  await expect(trustDirectory('/w/b')).resolves.toBeUndefined();
  expect(log.lines().filter(line => line.startsWith('::warning'))).toEqual([
    expect.stringContaining('Could not add /w/b to git')
  ]);
});
