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
