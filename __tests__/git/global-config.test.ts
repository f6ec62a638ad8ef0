import { expect, test } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  addGlobalConfigValue,
  globalConfigValues,
  removeGlobalConfigValue
} from '../../src/git/global-config.js';
import { useCapturedLog } from '../support/captured-log.js';
import { useTempDir, useTempHome } from '../support/tmp.js';

useCapturedLog();
const tempDir = useTempDir();
const home = useTempHome(tempDir);

test('a value is added, and removing it removes that value only (regex characters taken literally)', async () => {
  await addGlobalConfigValue('safe.directory', '/srv/mine');
  await addGlobalConfigValue('safe.directory', '/w/a+b (1)');
  await addGlobalConfigValue('safe.directory', '/w/aab (1)');
  await removeGlobalConfigValue('safe.directory', '/w/a+b (1)');
  expect(await globalConfigValues('safe.directory')).toEqual(['/srv/mine', '/w/aab (1)']);
  // Already gone is not an error.
  await expect(removeGlobalConfigValue('safe.directory', '/w/a+b (1)')).resolves.toBeUndefined();
});

test('a write that finds the lock taken waits for it (several runners share one HOME)', async () => {
  const lock = path.join(home(), '.gitconfig.lock');
  writeFileSync(lock, ''); // another runner's git config, mid-write
  setTimeout(() => rmSync(lock), 300);
  await addGlobalConfigValue('safe.directory', '/w/job');
  expect(readFileSync(path.join(home(), '.gitconfig'), 'utf8')).toContain('/w/job');
});

test('two equal lines (two jobs added the same value at once) become one, then none', async () => {
  await addGlobalConfigValue('safe.directory', '/w/same');
  await addGlobalConfigValue('safe.directory', '/w/same');
  await removeGlobalConfigValue('safe.directory', '/w/same');
  expect(await globalConfigValues('safe.directory')).toEqual(['/w/same']);
  await removeGlobalConfigValue('safe.directory', '/w/same');
  expect(await globalConfigValues('safe.directory')).toEqual([]);
});
