import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  bundlePath,
  parseAnnotations,
  parseRunnerFile,
  stepEnv,
  type Job,
  type RunOptions,
  type StepResult
} from './runner.js';

/**
 * Stands for a job's runner process: it lives from the main step to the end of the post step and
 * is the parent of both (the action leases its worktree to this process). Killing it kills the
 * whole job, as a runner that dies would.
 */
const WORKER = `
const { spawn } = require('child_process');
const fs = require('fs');
const readline = require('readline');
readline.createInterface({ input: process.stdin }).on('line', line => {
  const { bundle, env, cwd, out } = JSON.parse(line);
  const stdout = fs.openSync(out + '.stdout', 'w');
  const stderr = fs.openSync(out + '.stderr', 'w');
  const child = spawn(process.execPath, [bundle], { env, cwd, stdio: ['ignore', stdout, stderr] });
  child.on('exit', code => process.stdout.write('done ' + (code === null ? -1 : code) + '\\n'));
});
`;

export interface JobProcess {
  run(step: 'main' | 'post', job: Job, options?: RunOptions): Promise<StepResult>;
  /** SIGKILL to the runner process and every step it runs. */
  kill(): void;
  /** The job ends normally: the runner process exits. */
  end(): void;
}

export function startJobProcess(): JobProcess {
  const worker: ChildProcess = spawn(process.execPath, ['-e', WORKER], {
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true // its own process group, so kill() reaches the steps too
  });
  const waiting: ((code: number) => void)[] = [];
  let buffered = '';
  worker.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
      const line = buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      const match = /^done (-?\d+)$/.exec(line);
      if (match) waiting.shift()?.(Number(match[1]));
    }
  });
  let exited = false;
  worker.on('exit', () => {
    exited = true;
    for (const resolve of waiting.splice(0)) resolve(-1);
  });
  let steps = 0;
  return {
    run(step, job, options = {}) {
      const out = path.join(job.dir, `${step}-${++steps}`);
      const summaryBefore = readFileSync(job.files.summary, 'utf8');
      return new Promise(resolve => {
        if (exited) {
          resolve({
            exitCode: -1,
            stdout: '',
            stderr: '',
            outputs: {},
            annotations: [],
            summary: ''
          });
          return;
        }
        waiting.push(code => {
          const read = (file: string) => {
            try {
              return readFileSync(file, 'utf8');
            } catch {
              return '';
            }
          };
          const stdout = read(`${out}.stdout`);
          resolve({
            exitCode: code,
            stdout,
            stderr: read(`${out}.stderr`),
            outputs: parseRunnerFile(job.files.output),
            annotations: parseAnnotations(stdout),
            summary: read(job.files.summary).slice(summaryBefore.length)
          });
        });
        writeFileSync(`${out}.stdout`, '');
        worker.stdin?.on('error', () => undefined);
        worker.stdin?.write(
          `${JSON.stringify({ bundle: bundlePath(step), env: stepEnv(step, job, options), cwd: job.workspace, out })}\n`
        );
      });
    },
    kill() {
      try {
        process.kill(-(worker.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
    },
    end() {
      worker.stdin?.end();
    }
  };
}
