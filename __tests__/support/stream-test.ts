import { afterEach, expect } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { useCapturedLog } from './captured-log.js';
import { childProcesses } from './children.js';
import { startStreamFixture, type StreamFixture } from './streamed-entry.js';
import { useTempDir } from './tmp.js';

/**
 * A streamed-restore test file's setup; call it at the file's top. `start` makes this test's
 * stream fixture in a temporary folder (both are gone after the test); `log` is what the action
 * wrote during the test.
 */
export function useStreamFixture(): {
  start(compression: 'zstd' | 'gzip'): Promise<StreamFixture>;
  log: ReturnType<typeof useCapturedLog>;
} {
  const tempDir = useTempDir();
  const log = useCapturedLog();
  let current: StreamFixture | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    async start(compression) {
      current = await startStreamFixture(tempDir(), compression);
      return current;
    },
    log
  };
}

/**
 * RUNNER_TEMP holds no extraction folder but the one `gitDir` was restored into (none without a
 * restore), and no tar, zstd or other child process runs.
 */
export function expectNothingLeft(fixture: StreamFixture, gitDir?: string): void {
  const folders = readdirSync(fixture.runnerTemp).filter(n => n.startsWith('clone-cache-'));
  expect(folders).toHaveLength(gitDir ? 1 : 0);
  if (gitDir) expect(gitDir.startsWith(`${fixture.runnerTemp}/${folders[0]}/`)).toBe(true);
  expect(childProcesses()).toEqual([]);
}
