// Runs one command and measures its wall time and the peak RSS of its whole process tree.
import { spawn } from 'node:child_process';

export interface Measurement {
  ms: number;
  /** Peak resident memory of the largest process in the tree, in KiB. */
  rssKiB: number;
  stdout: string;
  stderr: string;
}

// getrusage(RUSAGE_CHILDREN) after the wait: the max RSS of every descendant that was waited for.
const WRAPPER = [
  'import resource, subprocess, sys, time',
  't = time.monotonic()',
  'r = subprocess.run(sys.argv[1:])',
  'ms = (time.monotonic() - t) * 1000',
  "sys.stderr.write('\\n@@measure %d %.1f\\n' % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, ms))",
  'sys.exit(r.returncode)'
].join('\n');

export function measure(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', WRAPPER, command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', reject);
    child.on('close', code => {
      const line = /@@measure (\d+) ([\d.]+)/.exec(stderr);
      if (code !== 0 || !line) {
        reject(
          new Error(
            `${command} ${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}${stdout.slice(-2000)}`
          )
        );
        return;
      }
      resolve({ ms: Number(line[2]), rssKiB: Number(line[1]), stdout, stderr });
    });
  });
}
