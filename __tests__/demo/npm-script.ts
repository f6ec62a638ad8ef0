import { expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { ROOT } from '../support/runner.js';

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry as `npm run <script> -- <args>` does (through tsx), from the project root. */
export function runScript(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv = {}
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', entry, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}

/** What a user's mistake must look like: exit code 2 and one line naming the help, no stack. */
export function expectUsageError(result: ScriptResult, script: string, mentions: string): void {
  const lines = result.stderr.trimEnd().split('\n');
  expect({ code: result.code, lines: lines.length, stdout: result.stdout }).toEqual({
    code: 2,
    lines: 1,
    stdout: ''
  });
  expect(lines[0]).toMatch(
    new RegExp(`^${script}: .*${mentions}.*\\. See: npm run ${script} -- --help$`)
  );
}
