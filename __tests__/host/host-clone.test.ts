import { expect, test } from '@jest/globals';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ActionError } from '../../src/errors.js';
import { authConfig } from '../../src/git/auth.js';
import { GitError } from '../../src/git/exec.js';
import { Repository } from '../../src/git/repository.js';
import { corruptionReported, hostClonePaths, refreshHostClone } from '../../src/host/host-clone.js';
import { addCommits, createOrigin, revParse } from '../support/repos.js';
import { useCapturedLog } from '../support/captured-log.js';
import { startGitServer } from '../support/git-server.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();

const log = useCapturedLog();

/** A failed fetch as the fetch error mapping throws it: its message does not quote git. */
function fetchFailure(stderr: string): ActionError {
  const git = new GitError(['fetch', 'origin'], { exitCode: 128, stdout: '', stderr });
  return new ActionError('Ref not found', 'origin has no ref main.', { cause: git });
}

test("corruption is judged from git's stderr, reached through the error's cause", () => {
  const corrupt = 'fatal: loose object c76f (stored in ./objects/c7/6f) is corrupt\n';
  expect(corruptionReported(fetchFailure(corrupt))).toBe(corrupt.trim());
  expect(corruptionReported(fetchFailure('fatal: unable to access origin: timed out'))).toBe(
    undefined
  );
  expect(corruptionReported(new Error('ECONNRESET'))).toBe(undefined);
});

test('a fetch that finds the host clone corrupt rebuilds it, with git saying why', async () => {
  const root = tempDir();
  // Few objects: the first fetch leaves them loose, one file each.
  const origin = createOrigin(path.join(root, 'origin'), 'acme/widgets', { commits: 2 });
  const paths = hostClonePaths(path.join(root, 'cache'), 'widgets', origin);
  const hostClone = new Repository(paths.dir);
  expect((await refreshHostClone(paths, origin, hostClone)).created).toBe(true);

  // The refs still name commits that are there, so only the fetch can find the damage.
  const tree = revParse(paths.dir, 'refs/remotes/origin/main^{tree}');
  const loose = path.join(paths.dir, 'objects', tree.slice(0, 2), tree.slice(2));
  expect(existsSync(loose)).toBe(true);
  chmodSync(loose, 0o644);
  writeFileSync(loose, 'not a git object');
  const tip = addCommits(origin, 'main', { commits: 1, seed: 'later' });
  log.clear();

  const refreshed = await refreshHostClone(paths, origin, hostClone);
  expect(refreshed.created).toBe(true);
  const warnings = log.lines().filter(line => line.startsWith('::warning'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain('title=Host clone rebuilt');
  expect(warnings[0]).toMatch(/failed \(.*is corrupt.*\); rebuilding it/);
  expect(warnings[0]).not.toContain('Could not fetch from');
  expect(revParse(paths.dir, 'refs/remotes/origin/main')).toBe(tip);
});

test("the host clone's first clone and its refresh retry origin's transient failures", async () => {
  process.env.CLONE_CACHE_RETRY_BACKOFF_SECONDS = '0.1';
  const root = tempDir();
  const origin = createOrigin(path.join(root, 'origin'), 'acme/widgets', { commits: 2 });
  const server = await startGitServer(path.join(root, 'origin'), 'host-token');
  try {
    const originUrl = `${server.url}/acme/widgets`;
    const paths = hostClonePaths(path.join(root, 'cache'), 'widgets', originUrl);
    const hostClone = new Repository(paths.dir, authConfig(originUrl, 'host-token'));
    const retries = () => log.lines().filter(line => line.startsWith('Attempt '));

    server.failNext(2, 500);
    expect((await refreshHostClone(paths, originUrl, hostClone)).created).toBe(true);
    expect(retries()).toHaveLength(2);
    expect(retries()[0]).toContain(`to fetch from ${originUrl} failed:`);

    const tip = addCommits(origin, 'main', { commits: 1, seed: 'later' });
    log.clear();
    server.failNext(2, 502, 'upload-pack');
    const refreshed = await refreshHostClone(paths, originUrl, hostClone);
    expect(refreshed.created).toBe(false);
    expect(refreshed.defaultBranch).toBe('main');
    expect(revParse(paths.dir, 'refs/remotes/origin/main')).toBe(tip);
    expect(retries()).toHaveLength(2);
    expect(retries().join('')).toContain('returned error: 502');
  } finally {
    delete process.env.CLONE_CACHE_RETRY_BACKOFF_SECONDS;
    await server.close();
  }
});
