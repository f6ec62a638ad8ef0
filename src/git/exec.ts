import * as exec from '@actions/exec';
import * as io from '@actions/io';
import { spawn, type ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import * as path from 'node:path';
import { Writable } from 'node:stream';

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
  progress?: boolean;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  /** Extra config, e.g. the auth header; never appears in argv or in any file. */
  config?: readonly ConfigEntry[];
  /** Text written to git's standard input (which is closed either way). */
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

/** git's stderr when `error` is (or was caused by) a failed git command, else undefined. */
export function gitStderrOf(error: unknown): string | undefined {
  if (error instanceof GitError) return error.result.stderr;
  if (error instanceof Error && error.cause !== undefined) return gitStderrOf(error.cause);
  return undefined;
}

/**
 * Checkout speed (measured by the benchmark): write files with one worker per core, and keep
 * more delta bases in memory while rebuilding files from long delta chains.
 */
const SPEED_CONFIG: readonly ConfigEntry[] = [
  { key: 'checkout.workers', value: '0' },
  { key: 'core.deltaBaseCacheLimit', value: '256m' }
];

/** safe.directory entries every command of this process gets (set-safe-directory). */
const trusted: ConfigEntry[] = [];

/**
 * Lets this process's git commands work in `dir` whoever owns it, as actions/checkout's temporary
 * global config does: command-line config is protected config, which git reads safe.directory from.
 */
export function trustDirectoryForThisProcess(dir: string): void {
  if (!trusted.some(entry => entry.value === dir))
    trusted.push({ key: 'safe.directory', value: dir });
}

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
  // GIT_SSH_COMMAND outranks core.sshCommand: a job's own would bypass the deploy key.
  if (config.some(entry => entry.key.toLowerCase() === 'core.sshcommand')) {
    delete env.GIT_SSH_COMMAND;
  }
  const all = [...SPEED_CONFIG, ...trusted, ...config];
  env.GIT_CONFIG_COUNT = String(all.length);
  all.forEach((entry, index) => {
    env[`GIT_CONFIG_KEY_${index}`] = entry.key;
    env[`GIT_CONFIG_VALUE_${index}`] = entry.value;
  });
  return env;
}

const MISSING_GIT = 'git was not found on PATH; install git 2.29 or newer on the runner.';

let lookup: Promise<string> | undefined;
let gitPath: string | undefined;

/** The git executable, looked up on PATH once per process. */
function gitExecutable(): Promise<string> {
  lookup ??= io.which('git', true).then(
    found => (gitPath = path.resolve(found)), // as exec spawns it, for the guard below
    () => {
      lookup = undefined;
      throw new Error(MISSING_GIT);
    }
  );
  return lookup;
}

/**
 * @actions/exec writes `input` to the child's stdin without listening for errors on it: a git
 * that exits before reading it (most commands read nothing, and `git --version` is quick) breaks
 * the pipe, and the EPIPE would crash the action. The write's error is emitted on a later tick;
 * this listener, queued when the child is created, is in place before it.
 */
subscribe('child_process', message => {
  const child = (message as { process: ChildProcess }).process;
  process.nextTick(() => {
    if (child.spawnfile === gitPath) child.stdin?.on('error', () => undefined);
  });
});

/** Passes on only the first write, exec's `[command]...` line; git's output stays out of the log. */
function commandLineOnly(): Writable {
  let echoed = false;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!echoed) process.stdout.write(chunk);
      echoed = true;
      done();
    }
  });
}

function stringEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)
  );
}

/** Errors of exec itself (not of git), in the words the action has always used. */
function startError(error: unknown, cwd: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message === `The cwd: ${cwd} does not exist!`) {
    return new Error(`git cannot run in ${cwd}: the folder does not exist.`);
  }
  if (message.startsWith('Unable to locate executable file')) return new Error(MISSING_GIT);
  // "...failed to start. Error: spawn /usr/bin/git EACCES": keep the errno for the diagnosis.
  const code = / (E[A-Z]+)$/.exec(message)?.[1];
  return code ? Object.assign(new Error(message), { code }) : (error as Error);
}

/**
 * Runs one git command in `cwd` through @actions/exec: the command line is echoed to the log
 * (credentials travel in the environment, never in argv), git's output is captured, not logged.
 */
export async function runGit(
  cwd: string,
  args: readonly string[],
  options: GitRunOptions = {}
): Promise<GitResult> {
  const git = await gitExecutable();
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let exitCode: number | null;
  try {
    exitCode = await exec.exec(`"${git}"`, [...args], {
      cwd,
      env: stringEnvironment(gitEnvironment(options.config)),
      input: Buffer.from(options.input ?? '', 'utf8'),
      ignoreReturnCode: true,
      outStream: commandLineOnly(),
      listeners: {
        stdout: chunk => stdout.push(chunk),
        stderr: chunk => {
          stderr.push(chunk);
          if (options.progress) process.stdout.write(chunk);
        }
      }
    });
  } catch (error) {
    throw startError(error, cwd);
  }
  const result: GitResult = {
    exitCode: exitCode ?? 128, // killed by a signal
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8')
  };
  if (result.exitCode !== 0 && !options.allowFailure) throw new GitError(args, result);
  return result;
}

/** Runs git and returns its trimmed stdout. */
export async function gitOutput(
  cwd: string,
  args: readonly string[],
  options: GitRunOptions = {}
): Promise<string> {
  return (await runGit(cwd, args, options)).stdout.trim();
}

/** True when `git <args>` exits 0. */
export async function gitSucceeds(cwd: string, args: readonly string[]): Promise<boolean> {
  return (await runGit(cwd, args, { allowFailure: true })).exitCode === 0;
}

/**
 * Runs one git command whose stdout is large binary data (`cat-file --batch` of a whole tree),
 * handing it to `onStdout` as it arrives. Not through @actions/exec, which decodes every chunk
 * as text to split it into lines (0.2 s per 20 MB, measured); the command line is echoed the
 * same way.
 */
export async function streamGit(
  cwd: string,
  args: readonly string[],
  input: string,
  onStdout: (chunk: Buffer) => void
): Promise<void> {
  const git = await gitExecutable();
  process.stdout.write(`[command]${git} ${args.join(' ')}\n`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(git, [...args], { cwd, env: gitEnvironment() });
    const stderr: Buffer[] = [];
    child.stdin.on('error', () => undefined); // git may exit before reading all of it
    child.stdin.end(input);
    child.stdout.on('data', onStdout);
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', error => reject(startError(error, cwd)));
    child.on('close', code => {
      const result = {
        exitCode: code ?? 128,
        stdout: '',
        stderr: Buffer.concat(stderr).toString()
      };
      if (code === 0) resolve();
      else reject(new GitError(args, result));
    });
  });
}
