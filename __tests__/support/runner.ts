import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Given to every step through NODE_OPTIONS: resolves *.blob.core.windows.net to loopback, so the
 * cache service's blob-store mode can hand out URLs on the production host name.
 */
export const BLOB_HOSTS_PRELOAD = path.join(ROOT, '__tests__', 'support', 'blob-hosts-preload.mjs');

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  line: string;
}

export interface StepResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  annotations: Annotation[];
  summary: string;
}

/** One simulated job: a workspace and the runner's files, shared by its main and post steps. */
export interface Job {
  dir: string;
  workspace: string;
  runnerTemp: string;
  files: { output: string; state: string; summary: string; env: string };
  /** Environment the runner gives every step of this job (without inputs). */
  env: NodeJS.ProcessEnv;
}

export interface JobOptions {
  repository: string;
  /** ACTIONS_RESULTS_URL of the cache service; omit for a job without one. */
  cacheUrl?: string;
  cacheToken?: string;
  extraEnv?: NodeJS.ProcessEnv;
}

export function createJob(dir: string, options: JobOptions): Job {
  const workspace = path.join(dir, 'work', 'repo');
  const runnerTemp = path.join(dir, 'temp');
  const home = path.join(dir, 'home');
  for (const d of [workspace, runnerTemp, home]) mkdirSync(d, { recursive: true });
  const files = {
    output: path.join(dir, 'github_output'),
    state: path.join(dir, 'github_state'),
    summary: path.join(dir, 'step_summary.md'),
    env: path.join(dir, 'github_env')
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    // Must stay github.com: @actions/cache falls back to the v1 protocol for other hosts.
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: options.repository,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    // A fetch that fails transiently waits 0.1 to 0.2 s before its next attempt, not 10 to 20 s.
    CLONE_CACHE_RETRY_BACKOFF_SECONDS: '0.1',
    NODE_OPTIONS: `--import=${pathToFileURL(BLOB_HOSTS_PRELOAD).href}`
  };
  if (options.cacheUrl) {
    env.ACTIONS_CACHE_SERVICE_V2 = 'true';
    env.ACTIONS_RESULTS_URL = options.cacheUrl;
    env.ACTIONS_RUNTIME_TOKEN = options.cacheToken ?? 'runtime-token';
  }
  Object.assign(env, options.extraEnv);
  return { dir, workspace, runnerTemp, files, env };
}

interface ActionInput {
  default?: string;
}

/** Inputs as the runner passes them: every declared input, its default unless given. */
export function inputEnv(
  inputs: Record<string, string>,
  context: { repository: string; token: string }
) {
  const declared = (
    parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, ActionInput>;
    }
  ).inputs;
  const env: NodeJS.ProcessEnv = {};
  for (const [name, spec] of Object.entries(declared)) {
    let value = inputs[name] ?? spec.default ?? '';
    value = value
      .replace('${{ github.repository }}', context.repository)
      .replace('${{ github.token }}', context.token);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in declared)) throw new Error(`input '${name}' is not declared in action.yml`);
  }
  return env;
}

/** Parses the runner's `name<<delimiter` file format (GITHUB_OUTPUT, GITHUB_STATE). */
export function parseRunnerFile(file: string): Record<string, string> {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) body.push(lines[i]);
      values[heredoc[1]] = body.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      values[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return values;
}

export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (!match) continue;
    const title = /title=([^,]*)/.exec(match[2] ?? '')?.[1] ?? '';
    annotations.push({
      level: match[1] as Annotation['level'],
      title: decodeURIComponent(title.replace(/%2C/g, ',').replace(/%3A/g, ':')),
      message: match[3].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'),
      line
    });
  }
  return annotations;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  token?: string;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
  /** Kill the step after this many milliseconds (a test's own guard against a hang). */
  killAfterMs?: number;
  /**
   * Start the step through a wrapper process that exits with it, as a runner that has died would leave it:
   * the step's parent (which stands for the job) is gone once the step ends.
   */
  viaShell?: boolean;
  /** Called with the child process right after it starts (e.g. to kill it). */
  onSpawn?: (child: ChildProcess) => void;
}

/** The environment the runner gives a step: the job's, the inputs, and (for post) the saved state. */
export function stepEnv(
  step: 'main' | 'post',
  job: Job,
  options: RunOptions = {}
): NodeJS.ProcessEnv {
  const repository = job.env.GITHUB_REPOSITORY ?? '';
  const env: NodeJS.ProcessEnv = {
    ...job.env,
    ...inputEnv(options.inputs ?? {}, { repository, token: options.token ?? '' }),
    ...options.env
  };
  if (step === 'post') {
    for (const [name, value] of Object.entries(parseRunnerFile(job.files.state))) {
      env[`STATE_${name}`] = value;
    }
  }
  return env;
}

export const bundlePath = (step: 'main' | 'post') => path.join(ROOT, 'dist', step, 'index.js');

/** Runs a committed bundle (dist/main or dist/post) the way the runner does. */
export function runStep(
  step: 'main' | 'post',
  job: Job,
  options: RunOptions = {}
): Promise<StepResult> {
  const env = stepEnv(step, job, options);
  const summaryBefore = readFileSync(job.files.summary, 'utf8');
  return new Promise((resolve, reject) => {
    const bundle = bundlePath(step);
    // The wrapper is node, not sh: shells drop variables like INPUT_ORIGIN-URL from the environment.
    const wrapper =
      "const c = require('child_process').spawn(process.execPath, [process.argv[1]], { stdio: 'inherit' });" +
      'c.on("exit", code => process.exit(code ?? 1));';
    const args = options.viaShell ? ['-e', wrapper, bundle] : [bundle];
    const child = spawn(process.execPath, args, {
      cwd: job.workspace,
      env,
      uid: options.uid,
      gid: options.gid,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    options.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    const timer = options.killAfterMs
      ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs)
      : undefined;
    child.on('error', reject);
    child.on('close', code => {
      clearTimeout(timer);
      resolve({
        exitCode: code ?? -1,
        stdout,
        stderr,
        outputs: parseRunnerFile(job.files.output),
        annotations: parseAnnotations(stdout),
        summary: readFileSync(job.files.summary, 'utf8').slice(summaryBefore.length)
      });
    });
  });
}
