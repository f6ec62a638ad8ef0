import { expect, test } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeHostCloneTrustworthy } from '../../src/host/trust.js';
import { MAIN_WORKTREE_CONFIG } from '../../src/host/worktree-config.js';
import { useCapturedLog } from '../support/captured-log.js';
import { gitSync } from '../support/git.js';
import { createOrigin } from '../support/repos.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();
useCapturedLog();

/** A bare host clone with one linked worktree made sparse by git itself. */
function hostWithSparseWorktree(root: string) {
  const origin = createOrigin(path.join(root, 'origin'), 'acme/widgets', { commits: 3 });
  const host = path.join(root, 'host');
  gitSync(root, ['clone', '--quiet', '--bare', '--template=', origin, host]);
  const worktree = path.join(root, 'wt');
  gitSync(host, ['worktree', 'add', '--quiet', '--detach', worktree, 'main']);
  gitSync(worktree, ['sparse-checkout', 'set', 'src/dir1']);
  const record = path.join(host, 'worktrees', 'wt', 'config.worktree');
  return { origin, host, worktree, record };
}

const list = (file: string) => gitSync(path.dirname(file), ['config', '--file', file, '--list']);

test("git's own layout for a sparse worktree is kept as it is, and nothing is reported", async () => {
  const { origin, host, worktree, record } = hostWithSparseWorktree(tempDir());
  // git moved core.bare into the main worktree's config.worktree when it turned the extension on.
  expect(readFileSync(path.join(host, 'config.worktree'), 'utf8')).toBe(MAIN_WORKTREE_CONFIG);
  expect(await makeHostCloneTrustworthy(host, origin)).toEqual([]);
  expect(list(path.join(host, 'config'))).toMatch(/extensions\.worktreeconfig=true/);
  expect(list(path.join(host, 'config'))).not.toMatch(/core\.bare/);
  expect(list(record)).toBe('core.sparsecheckout=true\ncore.sparsecheckoutcone=true');
  expect(gitSync(host, ['rev-parse', '--is-bare-repository'])).toBe('true');
  expect(gitSync(worktree, ['rev-parse', '--is-bare-repository'])).toBe('false');
  expect(gitSync(worktree, ['sparse-checkout', 'list'])).toBe('src/dir1');
});

test('planted keys in a worktree record and in the main config.worktree go; the sparse keys stay', async () => {
  const { origin, host, worktree, record } = hostWithSparseWorktree(tempDir());
  writeFileSync(record, `${readFileSync(record, 'utf8')}\thooksPath = /tmp/evil\n`);
  writeFileSync(path.join(host, 'config.worktree'), '[core]\n\tbare = true\n\tfsmonitor = evil\n');
  const removed = await makeHostCloneTrustworthy(host, origin);
  expect(removed).toEqual(
    expect.arrayContaining(['worktrees/wt/config.worktree core.hookspath', 'config.worktree'])
  );
  expect(list(record)).toBe('core.sparsecheckout=true\ncore.sparsecheckoutcone=true');
  expect(readFileSync(path.join(host, 'config.worktree'), 'utf8')).toBe(MAIN_WORKTREE_CONFIG);
  const planted = ['config', '--get-regexp', 'core\\.(hookspath|fsmonitor)'];
  expect(() => gitSync(worktree, planted)).toThrow();
});

test('with no sparse worktree left, the extension goes and core.bare is back in the config', async () => {
  const { origin, host, worktree, record } = hostWithSparseWorktree(tempDir());
  gitSync(worktree, ['sparse-checkout', 'disable']);
  expect(await makeHostCloneTrustworthy(host, origin)).toEqual([]);
  expect(list(path.join(host, 'config'))).not.toMatch(/worktreeconfig/);
  expect(list(path.join(host, 'config'))).toMatch(/core\.bare=true/);
  expect(existsSync(path.join(host, 'config.worktree'))).toBe(false);
  // What git's `disable` wrote there stays, and is read no more.
  expect(list(record)).toMatch(/^core\.sparsecheckout=false$/m);
  expect(gitSync(worktree, ['rev-parse', '--is-bare-repository'])).toBe('false');
  expect(gitSync(worktree, ['status', '--porcelain'])).toBe('');
});
