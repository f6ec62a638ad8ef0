import { afterEach, beforeEach } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A temporary directory per test, removed after it. Call at the top of a test file. */
export function useTempDir(base = tmpdir()): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(base, 'clone-cache-unit-'));
    made.push(dir);
    return dir;
  };
}

/**
 * A HOME of its own per test (the global git config is read from it), restored after the test.
 * Returns the function that gives the current test's HOME. Call at the top of a test file.
 */
export function useTempHome(tempDir: () => string): () => string {
  let home = '';
  const saved = process.env.HOME;
  beforeEach(() => {
    home = tempDir();
    process.env.HOME = home;
  });
  afterEach(() => {
    process.env.HOME = saved;
  });
  return () => home;
}
