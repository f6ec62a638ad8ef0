import { expect } from '@jest/globals';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Fixture } from './fixture.js';
import { gitSync } from './git.js';
import { revParse } from './repos.js';
import type { Job, StepResult } from './runner.js';

/** The step fell back to a full clone and still produced a correct workspace. */
export function expectFallback(fx: Fixture, main: StepResult, job: Job, reason: RegExp): void {
  expect(main.exitCode).toBe(0);
  expect(main.annotations.filter(a => a.level === 'error')).toEqual([]);
  expect(main.annotations.filter(a => a.level === 'warning').length).toBeGreaterThanOrEqual(1);
  expect(main.outputs.seeded).toBe('false');
  expect(main.outputs['fallback-reason']).toMatch(reason);
  expect(revParse(job.workspace, 'HEAD')).toBe(revParse(fx.origin, 'refs/heads/main'));
  expect(gitSync(job.workspace, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  expect(existsSync(path.join(job.workspace, '.clone-cache-staging'))).toBe(false);
}

/**
 * Every file of `commit` in `origin` is in `dir` with origin's bytes: each is hashed again and
 * compared with the tree's blob id (`git status` trusts the index, which a poisoned store wrote).
 */
export function expectFilesOf(dir: string, origin: string, commit: string): void {
  const entries = gitSync(origin, ['ls-tree', '-r', '-z', commit])
    .split('\0')
    .filter(Boolean)
    .map(line => ({ file: line.split('\t')[1], blob: line.split('\t')[0].split(' ')[2] }));
  const present = entries.filter(({ file }) => existsSync(path.join(dir, file)));
  const hashes = gitSync(origin, [
    'hash-object',
    '--no-filters',
    '--',
    ...present.map(({ file }) => path.join(dir, file))
  ]).split('\n');
  const wrong = entries
    .filter(entry => hashes[present.indexOf(entry)] !== entry.blob)
    .map(({ file }) => file);
  expect(wrong).toEqual([]);
}

/** The step made a clean task worktree at `commit` (on `branch`, or `HEAD` when detached). */
export function expectWorktreeAt(result: StepResult, commit: string, branch?: string): string {
  expect(result.annotations.filter(a => a.level === 'error')).toEqual([]);
  expect(result.exitCode).toBe(0);
  const worktree = result.outputs['worktree-path'];
  expect(revParse(worktree, 'HEAD')).toBe(commit);
  expect(gitSync(worktree, ['status', '--porcelain'])).toBe('');
  if (branch) expect(gitSync(worktree, ['rev-parse', '--abbrev-ref', 'HEAD'])).toBe(branch);
  return worktree;
}
