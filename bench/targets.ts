// The performance targets of the project (issue 13), each judged on one benchmark run's medians.
import type { MethodResult } from './report.js';

export const ROW = {
  fullClone: 'actions/checkout fetch-depth: 0 (full clone)',
  depth1: 'actions/checkout default (fetch --depth=1)',
  warmFull: 'action, warm hosted cache',
  warmBlobless: 'action, warm hosted, blob:none entry',
  worktree: 'action, warm cache-dir, task worktree',
  worktreeFloor: 'floor: git worktree add from a local clone'
} as const;

export const UNLIMITED = 'unlimited';
export const LIMITED = '90 MB/s';

export interface Target {
  target: string;
  figure: string;
  /** undefined: the run lacks a row the target needs. */
  met: boolean | undefined;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The median of `method` at `bandwidth`, or undefined when the run did not measure it. */
function medianOf(results: MethodResult[], method: string, bandwidth: string) {
  return results.find(r => r.method === method && (r.bandwidth ?? UNLIMITED) === bandwidth)
    ?.medianMs;
}

/** "a is N x faster than b" as a target: `b / a >= factor`. */
function faster(
  results: MethodResult[],
  target: string,
  row: string,
  than: string,
  bandwidth: string,
  factor: number
): Target {
  const a = medianOf(results, row, bandwidth);
  const b = medianOf(results, than, bandwidth);
  if (a === undefined || b === undefined) return { target, figure: 'not measured', met: undefined };
  return {
    target,
    figure: `${(b / a).toFixed(2)}x (${s(a)} against ${s(b)})`,
    met: b / a >= factor
  };
}

export function judgeTargets(results: MethodResult[]): Target[] {
  const entries = [
    ['full entry (the default)', ROW.warmFull],
    ['blob:none entry', ROW.warmBlobless]
  ] as const;
  const targets: Target[] = [];
  for (const [shape, row] of entries) {
    targets.push(
      faster(
        results,
        `Warm hosted, ${shape}: at least 1.5x faster than checkout's depth 1, unlimited`,
        row,
        ROW.depth1,
        UNLIMITED,
        1.5
      ),
      faster(
        results,
        `Warm hosted, ${shape}: at least 15x faster than checkout's fetch-depth 0, unlimited`,
        row,
        ROW.fullClone,
        UNLIMITED,
        15
      ),
      faster(
        results,
        `Warm hosted, ${shape}: faster than checkout's depth 1 at 90 MB/s`,
        row,
        ROW.depth1,
        LIMITED,
        1
      )
    );
  }
  for (const bandwidth of [UNLIMITED, LIMITED]) {
    const target = `Task worktree (\`cache-dir\`): within 1.2x of \`git worktree add\` alone, ${bandwidth}`;
    const worktree = medianOf(results, ROW.worktree, bandwidth);
    const floor = medianOf(results, ROW.worktreeFloor, bandwidth);
    targets.push(
      worktree === undefined || floor === undefined
        ? { target, figure: 'not measured', met: undefined }
        : {
            target,
            figure: `${(worktree / floor).toFixed(2)}x (${s(worktree)} against ${s(floor)})`,
            met: worktree / floor <= 1.2
          }
    );
    targets.push(
      faster(
        results,
        `Task worktree (\`cache-dir\`): at least 5x faster than checkout's depth 1, ${bandwidth}`,
        ROW.worktree,
        ROW.depth1,
        bandwidth,
        5
      )
    );
  }
  const peaks = results.filter(r => r.actionRssMiB !== null && r.actionRssMiB !== undefined);
  const peak = peaks.reduce<MethodResult | undefined>(
    (max, r) => (max && Number(max.actionRssMiB) >= Number(r.actionRssMiB) ? max : r),
    undefined
  );
  const peakMB = peak ? (Number(peak.actionRssMiB) * 2 ** 20) / 1e6 : undefined;
  targets.push({
    target: 'Peak memory of the action process: at most 150 MB',
    figure:
      peak && peakMB !== undefined
        ? `${peakMB.toFixed(0)} MB (${peak.actionRssMiB} MiB), the highest of its rows: ${peak.method}, ${peak.bandwidth ?? UNLIMITED}`
        : 'not measured',
    met: peakMB === undefined ? undefined : peakMB <= 150
  });
  // Not a timing: what the save policy allows, which the end-to-end tests hold.
  targets.push({
    target: 'Entries saved per default-branch push: at most 1',
    figure:
      "at most 1 by construction: an entry's key is `<cache-key>-<commit>` (a second save for one commit is refused by the cache service), `save-cache: auto` saves once per `refresh-after` (50) commits, and a save deletes the entries it supersedes but the one before it",
    met: true
  });
  return targets;
}

/** The targets as a Markdown table: target, figure, met. */
export function renderTargets(results: MethodResult[]): string {
  const verdict = (met: boolean | undefined) =>
    met === undefined ? 'not measured' : met ? 'met' : 'not met';
  const lines = [
    '| target | figure | met |',
    '|---|---|---|',
    ...judgeTargets(results).map(t => `| ${t.target} | ${t.figure} | ${verdict(t.met)} |`)
  ];
  return `${lines.join('\n')}\n`;
}
