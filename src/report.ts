import * as core from '@actions/core';
import type { CacheSource } from './cache/backend.js';
import type { PhaseTimer } from './timing.js';

/** What the main step did: the source of its outputs and its job summary. */
export interface MainReport {
  cacheSource: CacheSource;
  cacheHit: boolean;
  matchedKey: string;
  archiveBytes?: number;
  seeded: boolean;
  fallbackReason: string;
  clonePath: string;
  commit: string;
  refDescription: string;
  staleCommits: number | null;
  /** The task worktree, '' when no branch was given. */
  worktreePath: string;
  worktreeMode: string;
  seconds: number;
  phases: PhaseTimer;
}

export function setOutputs(report: MainReport): void {
  core.setOutput('cache-hit', String(report.cacheHit));
  core.setOutput('cache-matched-key', report.matchedKey);
  core.setOutput('cache-source', report.cacheSource);
  core.setOutput('seeded', String(report.seeded));
  core.setOutput('fallback-reason', report.fallbackReason);
  core.setOutput('clone-path', report.clonePath);
  core.setOutput('commit', report.commit);
  core.setOutput('worktree-path', report.worktreePath);
  core.setOutput('stale-commits', report.staleCommits === null ? '' : String(report.staleCommits));
  core.setOutput('seconds', report.seconds.toFixed(2));
}

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

export async function writeSummary(report: MainReport): Promise<void> {
  const rows: [string, string][] = [
    ['Cache source', report.cacheSource],
    ['Cache hit', String(report.cacheHit)],
    ['Matched key', report.matchedKey],
    ['Archive size', formatBytes(report.archiveBytes)],
    ['Seeded', String(report.seeded)],
    ['Fallback reason', report.fallbackReason],
    ['Checked out', `${report.refDescription} at ${report.commit}`],
    ['Task worktree', report.worktreePath && `${report.worktreePath} (${report.worktreeMode})`],
    ['Stale commits', report.staleCommits === null ? '' : String(report.staleCommits)],
    ['Restore (s)', report.phases.seconds('restore')],
    ['Seed (s)', report.phases.seconds('seed')],
    ['Clone init (s)', report.phases.seconds('clone')],
    ['Fetch (s)', report.phases.seconds('fetch')],
    ['Checkout (s)', report.phases.seconds('checkout')],
    ['Worktree (s)', report.phases.seconds('worktree')],
    ['Total (s)', report.seconds.toFixed(2)]
  ];
  await core.summary
    .addHeading('Clone cache', 3)
    .addTable([
      [
        { data: 'Item', header: true },
        { data: 'Value', header: true }
      ],
      ...rows.map(([item, value]) => [item, value || '-'])
    ])
    .write();
}

export async function writeSaveSummary(line: string): Promise<void> {
  await core.summary.addRaw(`Clone cache post step: ${line}`, true).write();
}
