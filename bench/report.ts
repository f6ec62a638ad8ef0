import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import type { Measurement } from './measure.js';

export interface MethodResult {
  method: string;
  /** How the row's history travelled: a cache path (blob-store, plain), git alone, a local copy. */
  cachePath?: string;
  /** The shape of the cache entry or clone the row starts from: full, blob:none, none. */
  entry?: string;
  /** The bandwidth of both links during the row's runs. */
  bandwidth?: string;
  samples: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  ratioToClone: number;
  ratioToFloor: number | null;
  peakRssMiB: number;
  actionRssMiB: number | null;
  overheadMs: number | null;
  /** Median of each phase of the action's runs. */
  phasesMedianMs: Record<string, number> | null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export type Sample = Measurement & {
  actionRssMiB?: number;
  overheadMs?: number;
  /** The action's own phases (restore, seed, fetch...) from its job summary. */
  phasesMs?: Record<string, number>;
};

function phaseMedians(list: Sample[]): Record<string, number> | null {
  const names = [...new Set(list.flatMap(sample => Object.keys(sample.phasesMs ?? {})))];
  if (names.length === 0) return null;
  return Object.fromEntries(
    names.map(name => [
      name,
      median(
        list.map(sample => sample.phasesMs?.[name]).filter((ms): ms is number => ms !== undefined)
      )
    ])
  );
}

export interface MethodLabel {
  name: string;
  floor: 'tar' | 'worktree' | '';
  cachePath: string;
  entry: string;
}

/**
 * One row per method, from the samples taken at one bandwidth (`bandwidth`, as the row names
 * it); the ratios compare medians of that bandwidth only.
 */
export function summarize(
  methods: MethodLabel[],
  samples: Map<string, Sample[]>,
  coldPosts: Measurement[],
  bandwidth: string
): MethodResult[] {
  const medianOf = (name: string) => median((samples.get(name) ?? []).map(s => s.ms));
  const clone = medianOf(methods[0].name);
  const floors = {
    tar: medianOf(methods.find(m => m.name.startsWith('floor: tar'))?.name ?? ''),
    worktree: medianOf(methods.find(m => m.name.startsWith('floor: git worktree'))?.name ?? '')
  };
  const rows = methods.map(method => {
    const list = samples.get(method.name) ?? [];
    const ms = list.map(s => s.ms);
    const rss = list.map(s => s.actionRssMiB).filter((v): v is number => v !== undefined);
    const overhead = list.map(s => s.overheadMs).filter((v): v is number => v !== undefined);
    const medianMs = median(ms);
    return {
      method: method.name,
      cachePath: method.cachePath,
      entry: method.entry,
      bandwidth,
      samples: ms,
      medianMs,
      minMs: Math.min(...ms),
      maxMs: Math.max(...ms),
      ratioToClone: clone / medianMs,
      ratioToFloor: method.floor ? medianMs / floors[method.floor] : null,
      peakRssMiB: Math.max(...list.map(s => s.rssKiB)) / 1024,
      actionRssMiB: rss.length ? Math.max(...rss) : null,
      overheadMs: overhead.length ? median(overhead) : null,
      phasesMedianMs: phaseMedians(list)
    };
  });
  if (coldPosts.length > 0) {
    const ms = coldPosts.map(s => s.ms);
    const cold = rows.findIndex(row => row.method.startsWith('action, cold'));
    rows.splice(cold + 1, 0, {
      method: 'action, cold: post step save (separately)',
      cachePath: rows[cold].cachePath,
      entry: 'full (saved)',
      bandwidth,
      samples: ms,
      medianMs: median(ms),
      minMs: Math.min(...ms),
      maxMs: Math.max(...ms),
      ratioToClone: clone / median(ms),
      ratioToFloor: null,
      peakRssMiB: Math.max(...coldPosts.map(s => s.rssKiB)) / 1024,
      actionRssMiB: null,
      overheadMs: null,
      phasesMedianMs: null
    });
  }
  return rows;
}

const s = (ms: number) => (ms / 1000).toFixed(2);

/** 405 MiB, 3.2 MiB, 340 KiB: enough digits to tell a small repository's sizes apart. */
export function formatBytes(bytes: number): string {
  const mib = bytes / 2 ** 20;
  if (mib >= 10) return `${mib.toFixed(0)} MiB`;
  if (mib >= 1) return `${mib.toFixed(1)} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}

/** The machine and the tools the numbers depend on, as the report's first line names them. */
export function describeMachine(): Record<string, string | number> {
  let zstd = 'absent (gzip)';
  try {
    // `zstd --version` prints a banner: *** Zstandard CLI (64-bit) v1.5.4, by Yann Collet ***
    const banner = execFileSync('zstd', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
    zstd = /v(\d+\.\d+\.\d+)/.exec(banner.toString())?.[1] ?? banner.toString().trim();
  } catch {
    // no zstd: @actions/cache compresses with gzip
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    git: execFileSync('git', ['--version']).toString().trim(),
    zstd
  };
}

export function renderMarkdown(
  results: MethodResult[],
  machine: Record<string, string | number>,
  workload: Record<string, string | number | undefined>
): string {
  const lines = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.git}; node ${machine.node}; zstd ${machine.zstd}`,
    `Workload: ${workload.preset}, pack ${formatBytes(Number(workload.packBytes))}, cache archive ${formatBytes(Number(workload.archiveBytes))}${workload.bloblessArchiveBytes === undefined ? '' : ` (blob:none ${formatBytes(Number(workload.bloblessArchiveBytes))})`}${workload.lfsMbytes ? `, LFS assets ${workload.lfsMbytes} MB` : ''}, bandwidth ${workload.bandwidth}${workload.cachePath ? `, cache path ${workload.cachePath}` : ''}, ${workload.runs} counted ${Number(workload.runs) === 1 ? 'run' : 'runs'} after ${workload.warmup} warm-up${workload.sparse ? `; sparse checkout of ${workload.sparse}` : ''}`,
    '',
    '| method | cache path | entry | bandwidth | median (s) | min-max (s) | x faster than full clone | x the floor | peak RSS (MiB) | action process RSS (MiB) | action overhead (s) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      r =>
        `| ${r.method} | ${r.cachePath ?? ''} | ${r.entry ?? ''} | ${r.bandwidth ?? workload.bandwidth} | ${s(r.medianMs)} | ${s(r.minMs)}-${s(r.maxMs)} | ${r.ratioToClone.toFixed(1)} | ${r.ratioToFloor === null ? '' : r.ratioToFloor.toFixed(2)} | ${r.peakRssMiB.toFixed(0)} | ${r.actionRssMiB ?? ''} | ${r.overheadMs === null ? '' : s(r.overheadMs)} |`
    )
  ];
  return `${lines.join('\n')}\n`;
}
