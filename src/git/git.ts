import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A config value passed to one git command through the environment, never through argv. */
export interface ConfigEntry {
  key: string;
  value: string;
}

export interface GitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface GitRunOptions {
  /** Stream git's stderr (progress) to the log as it arrives. */
  showProgress?: boolean;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  /** Extra config, e.g. the auth header; never appears in argv or in any file. */
  config?: readonly ConfigEntry[];
  /** Text written to git's standard input. */
  input?: string;
}

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult
  ) {
    const detail = result.stderr.trim() || result.stdout.trim() || `exit code ${result.exitCode}`;
    super(`git ${args.join(' ')} failed: ${detail}`);
    this.name = 'GitError';
  }
}

/**
 * Checkout speed (measured by the benchmark): write files with one worker per core, and keep
 * more delta bases in memory while rebuilding files from long delta chains.
 */
const SPEED_CONFIG: readonly ConfigEntry[] = [
  { key: 'checkout.workers', value: '0' },
  { key: 'core.deltaBaseCacheLimit', value: '256m' }
];

/** Environment every git command gets: never prompt, never open an editor or pager. */
export function gitEnvironment(config: readonly ConfigEntry[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'Never',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_EDITOR: 'true',
    GIT_PAGER: 'cat',
    // The checkout writes LFS pointers, not LFS objects, even where git-lfs is set up globally.
    GIT_LFS_SKIP_SMUDGE: '1',
    // What the action checks out is what the commit holds, whatever refs/replace/* says.
    GIT_NO_REPLACE_OBJECTS: '1',
    LC_ALL: 'C'
  };
  for (const name of Object.keys(env)) {
    if (name.startsWith('GIT_CONFIG_KEY_') || name.startsWith('GIT_CONFIG_VALUE_'))
      delete env[name];
  }
  delete env.GIT_CONFIG_PARAMETERS;
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  delete env.GIT_INDEX_FILE;
  const all = [...SPEED_CONFIG, ...config];
  env.GIT_CONFIG_COUNT = String(all.length);
  all.forEach((entry, index) => {
    env[`GIT_CONFIG_KEY_${index}`] = entry.key;
    env[`GIT_CONFIG_VALUE_${index}`] = entry.value;
  });
  return env;
}

/** The one small interface over git: every git command of the action goes through here. */
export class Git {
  constructor(readonly cwd: string) {}

  /** The same interface, run in another directory (a worktree of this repository). */
  at(cwd: string): Git {
    return new Git(cwd);
  }

  run(args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', [...args], {
        cwd: this.cwd,
        env: gitEnvironment(options.config),
        stdio: ['pipe', 'pipe', 'pipe']
      });
      child.stdin.on('error', () => undefined); // git may exit before reading all of it
      child.stdin.end(options.input ?? '');
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr.push(chunk);
        if (options.showProgress) process.stdout.write(chunk);
      });
      child.on('error', error => {
        const code = (error as NodeJS.ErrnoException).code;
        // spawn says ENOENT for a missing working directory too: tell the two apart.
        const missingDir = code === 'ENOENT' && !existsSync(this.cwd);
        reject(
          missingDir
            ? new Error(`git cannot run in ${this.cwd}: the folder does not exist.`)
            : code === 'ENOENT'
              ? new Error('git was not found on PATH; install git 2.29 or newer on the runner.')
              : error
        );
      });
      child.on('close', code => {
        const result: GitResult = {
          exitCode: code ?? 128,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8')
        };
        if (result.exitCode !== 0 && !options.allowFailure) reject(new GitError(args, result));
        else resolve(result);
      });
    });
  }

  /** Runs git and returns its trimmed stdout. */
  async output(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
    return (await this.run(args, options)).stdout.trim();
  }

  /** True when `git <args>` exits 0. */
  async succeeds(args: readonly string[]): Promise<boolean> {
    return (await this.run(args, { allowFailure: true })).exitCode === 0;
  }

  /** The commit a revision names, or '' when it names none. */
  async resolveCommit(revision: string): Promise<string> {
    const result = await this.run(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
      allowFailure: true
    });
    return result.exitCode === 0 ? result.stdout.trim() : '';
  }
}
