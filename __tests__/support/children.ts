import { execFileSync } from 'node:child_process';

/** The programs this process has started that still run (tar, zstd...), but the `ps` asking. */
export function childProcesses(): string[] {
  const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], {
    encoding: 'utf8'
  });
  return out
    .split('\n')
    .map(line => line.trim())
    .filter(line => line && !/^\d+ ps$/.test(line));
}
