import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const quietEnv = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  // Tests inspect clones that the action made as another uid.
  GIT_CONFIG_COUNT: '1',
  GIT_CONFIG_KEY_0: 'safe.directory',
  GIT_CONFIG_VALUE_0: '*'
};

/** Runs git synchronously; only for commands that do not talk to an in-process server. */
export function gitSync(cwd: string, args: string[], input?: string | Buffer): string {
  return execFileSync('git', args, {
    cwd,
    env: quietEnv,
    input,
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'pipe']
  })
    .toString('utf8')
    .trim();
}

/** Runs git without blocking the event loop (servers in this process keep answering). */
export function gitAsync(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {}
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, env: { ...quietEnv, ...env }, maxBuffer: 1 << 30 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`git ${args.join(' ')}: ${stderr}`)) : resolve(stdout.trim())
    );
  });
}

/**
 * A `git` on a PATH of its own that runs `script` (sh) in front of the real git, which the script
 * reaches as "$REAL_GIT". Returns the env entry that puts it first on PATH.
 */
export function gitWrapper(dir: string, script: string): NodeJS.ProcessEnv {
  mkdirSync(dir, { recursive: true });
  const real = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
  writeFileSync(path.join(dir, 'git'), `#!/bin/sh\nREAL_GIT=${real}\n${script}\n`, {
    mode: 0o755
  });
  return { PATH: `${dir}:${process.env.PATH}` };
}
