import { expect, test } from '@jest/globals';
import { mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { checkResolvedPaths, resolvedPath } from '../src/resolved-paths.js';
import { parseSettings } from '../src/inputs/settings.js';
import { readRunnerContext } from '../src/runner-context.js';
import { useTempDir } from './support/tmp.js';

const tempDir = useTempDir();

test('a path is judged where its links lead, even below a folder that does not exist yet', () => {
  const root = tempDir();
  mkdirSync(path.join(root, 'real'));
  symlinkSync(path.join(root, 'real'), path.join(root, 'link'));
  expect(resolvedPath(path.join(root, 'link', 'not', 'yet'))).toBe(
    path.join(root, 'real', 'not', 'yet')
  );
});

test.each([
  ['path through a link that leaves the workspace', { path: 'out/clone' }, "Input 'path'"],
  [
    'worktree-path through a link into the clone',
    { branch: 'b', 'worktree-path': 'wt' },
    'overlaps'
  ]
])('%s is refused', (_label, inputs: Record<string, string>, message) => {
  const root = tempDir();
  const workspace = path.join(root, 'ws');
  mkdirSync(path.join(workspace, 'clone'), { recursive: true });
  mkdirSync(path.join(root, 'outside'));
  symlinkSync(path.join(root, 'outside'), path.join(workspace, 'out'));
  symlinkSync(path.join(workspace, 'clone'), path.join(root, 'wt'));
  const context = readRunnerContext({ GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'o/r' });
  const values: Record<string, string> = { path: 'clone', ...inputs };
  if (values['worktree-path']) values['worktree-path'] = path.join(root, values['worktree-path']);
  const settings = parseSettings(name => values[name] ?? '', context);
  expect(() => checkResolvedPaths(settings)).toThrow(message);
});
