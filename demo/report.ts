// What the demo prints: the example repository, both jobs' phases, and the side-by-side times.
import type { TimedStep } from './loopback.js';

export interface JobSteps {
  main: TimedStep;
  post: TimedStep;
}

export interface Comparison {
  cold: JobSteps;
  warm: JobSteps;
  newCommits: number;
  fullClone: number;
  shallowClone: number;
  commits: number;
  tags: number;
  objects: number;
  archiveBytes: number;
}

const PHASES = ['Restore', 'Seed', 'Clone init', 'Fetch', 'Verify', 'Checkout', 'Worktree'];
const OTHER = 'other (start-up, bookkeeping)';

export const grouped = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');
/** `1 tag`, `120 tags`, `30 000 commits`. */
export const count = (n: number, noun: string) => `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;
export const mebibytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const seconds = (hundredths: number) => (hundredths / 100).toFixed(2);
const hundredths = (s: number) => Math.round(s * 100);
const jobSeconds = (job: JobSteps) => job.main.wallSeconds + job.post.wallSeconds;

/** The job summary's item/value rows. */
export function summaryRows(summary: string): Map<string, string> {
  return new Map(
    [...summary.matchAll(/<tr><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(
      ([, item, value]) => [item, value]
    )
  );
}

/**
 * The main step's phases in hundredths of a second, each as the job summary rounds it, then
 * `other` and the total: the step's wall time from start to exit. `other` is what is left, so
 * the rows add up to the total exactly as printed.
 */
export function phaseRows(step: TimedStep): [string, number | undefined][] {
  const rows = summaryRows(step.summary);
  const phases = PHASES.map((phase): [string, number | undefined] => {
    const value = rows.get(`${phase} (s)`);
    return [phase.toLowerCase(), value && value !== '-' ? hundredths(Number(value)) : undefined];
  });
  const total = hundredths(step.wallSeconds);
  const inPhases = phases.reduce((sum, [, value]) => sum + (value ?? 0), 0);
  return [...phases, [OTHER, total - inPhases], ['total', total]];
}

/** Both jobs' facts and phases in two columns. */
export function jobsTable(cold: JobSteps, warm: JobSteps): string[] {
  const row = (label: string, a: string, b: string) =>
    `  ${label.padEnd(32)}${a.padStart(10)}${b.padStart(12)}`;
  const fact = (job: JobSteps, item: string) => summaryRows(job.main.summary).get(item) ?? '-';
  const coldPhases = phaseRows(cold.main);
  const warmPhases = phaseRows(warm.main);
  const lines = [
    row('', 'cold job', 'warm job'),
    row('cache hit', fact(cold, 'Cache hit'), fact(warm, 'Cache hit')),
    row('seeded from the cache', fact(cold, 'Seeded'), fact(warm, 'Seeded')),
    row('commits fetched on top of it', fact(cold, 'Stale commits'), fact(warm, 'Stale commits')),
    '  main step (s)'
  ];
  coldPhases.forEach(([label, coldValue], i) => {
    const warmValue = warmPhases[i][1];
    if (coldValue === undefined && warmValue === undefined) return;
    const show = (value: number | undefined) => (value === undefined ? '-' : seconds(value));
    lines.push(row(`  ${label}`, show(coldValue), show(warmValue)));
  });
  lines.push(
    row(
      'post step (s)',
      seconds(hundredths(cold.post.wallSeconds)),
      seconds(hundredths(warm.post.wallSeconds))
    ),
    `  cold job's post step: ${postLine(cold.post)}`,
    `  warm job's post step: ${postLine(warm.post)}`
  );
  return lines;
}

function postLine(post: TimedStep): string {
  return /Clone cache post step: (.*)/.exec(post.summary)?.[1].trim() ?? '(no summary)';
}

/** How a time compares with the full clone's. */
function versus(time: number, fullClone: number): string {
  const ratio = fullClone / time;
  if (ratio >= 1.05) return `${ratio.toFixed(1)}x faster`;
  if (ratio <= 0.95) return `${(1 / ratio).toFixed(1)}x slower`;
  return 'about the same';
}

/** The side-by-side times and one sentence that says what they mean. */
export function comparisonTable(c: Comparison): string[] {
  const warm = jobSeconds(c.warm);
  const row = (label: string, time: number, note: string) =>
    `  ${label.padEnd(48)}${time.toFixed(2).padStart(7)} s   ${note}`;
  const lines = [
    'Getting the repository, side by side (wall time; a job is its main and post steps):',
    row(
      'cold job (miss: full clone, post step saves)',
      jobSeconds(c.cold),
      versus(jobSeconds(c.cold), c.fullClone)
    ),
    row(
      `warm job (hit: seed, fetch ${count(c.newCommits, 'new commit')})`,
      warm,
      versus(warm, c.fullClone)
    ),
    row('git clone (full history)', c.fullClone, 'the reference'),
    row(
      'git clone --depth=1 (tip only, no history)',
      c.shallowClone,
      versus(c.shallowClone, c.fullClone)
    ),
    ''
  ];
  const history = `the whole history (${count(c.commits, 'commit')}, ${count(c.tags, 'tag')})`;
  const shallow =
    c.shallowClone < warm
      ? `a depth-1 clone is cheaper still (${c.shallowClone.toFixed(2)} s) when a job never looks at history`
      : `even a depth-1 clone, which has no history, takes longer here (${c.shallowClone.toFixed(2)} s)`;
  if (warm < c.fullClone) {
    lines.push(
      `The warm job has ${history} ${(c.fullClone / warm).toFixed(1)}x faster than a full clone: ` +
        `it restores one ${mebibytes(c.archiveBytes)} archive that holds the history already ` +
        `packed and indexed, where a clone must receive, check and index all ` +
        `${grouped(c.objects)} objects again; ${shallow}.`
    );
  } else {
    lines.push(
      `Here the warm job is not faster than a full clone: with ${grouped(c.objects)} objects, ` +
        `${history} costs little to clone over loopback, and the cache pays off on histories ` +
        `of many more objects; ${shallow}.`
    );
  }
  return lines;
}
