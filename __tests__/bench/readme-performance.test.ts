import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderMarkdown, type MethodResult } from '../../bench/report.js';
import { ROOT } from '../support/runner.js';

interface BenchJson {
  machine: Record<string, string | number>;
  workload: Record<string, string | number | undefined>;
  results: MethodResult[];
}

const run = JSON.parse(
  readFileSync(path.join(ROOT, 'bench', 'results', 'large.json'), 'utf8')
) as BenchJson;
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const block = /<!-- performance:start -->\n([\s\S]*?)<!-- performance:end -->/.exec(readme)?.[1];

const rowsOf = (markdown: string) =>
  markdown
    .split('\n')
    .filter(line => line.startsWith('|'))
    .map(line => line.split('|').map(cell => (/^\s*-+\s*$/.test(cell) ? '---' : cell.trim())));

test("the README's Performance table is the committed run's, as the bench renders it", () => {
  expect(block).toBeDefined();
  expect(rowsOf(block ?? '')).toEqual(
    rowsOf(renderMarkdown(run.results, run.machine, run.workload))
  );
});

test('every figure the Performance text cites is one of that run', () => {
  const seconds = new Set<string>();
  const ratios = new Set<string>();
  const addSeconds = (ms: number) => seconds.add((ms / 1000).toFixed(2));
  for (const r of run.results) {
    for (const ms of [r.medianMs, r.minMs, r.maxMs, r.overheadMs ?? NaN]) addSeconds(ms);
    for (const ms of Object.values(r.phasesMedianMs ?? {})) addSeconds(ms);
    ratios.add(r.ratioToClone.toFixed(1));
    if (r.ratioToFloor !== null) ratios.add(r.ratioToFloor.toFixed(2));
  }
  // Differences and ratios of two medians that the text works out.
  const median = (name: string) => run.results.find(r => r.method === name)?.medianMs ?? NaN;
  const worktree = median('action, warm cache-dir, task worktree');
  ratios.add((worktree / median('floor: git worktree add from a local clone')).toFixed(2));
  addSeconds(
    median('action, warm hosted, entry 50 commits stale') - median('action, warm hosted cache')
  );
  const prose = (block ?? '')
    .split('\n')
    .filter(line => !line.startsWith('|'))
    .join('\n');
  const cited = {
    seconds: [...prose.matchAll(/(\d+\.\d+) s\b/g)].map(m => m[1]),
    ratios: [...prose.matchAll(/(\d+(?:\.\d+)?)x\b/g)].map(m => m[1])
  };
  expect(cited.seconds.length).toBeGreaterThan(10);
  expect(cited.seconds.filter(value => !seconds.has(value))).toEqual([]);
  const known = (value: string) =>
    ratios.has(value) ||
    [...ratios].some(r => Number(r).toFixed(1) === value || Number(r).toFixed(0) === value);
  expect(cited.ratios.filter(value => !known(value))).toEqual([]);
});

test('the before and after figures of the drop-in work are the medians of their two runs', () => {
  const medians = ['before', 'after'].map(when => {
    const file = path.join(ROOT, 'bench', 'results', `warm-${when}-drop-in.json`);
    const results = (JSON.parse(readFileSync(file, 'utf8')) as BenchJson).results;
    return new Set(results.map(r => (r.medianMs / 1000).toFixed(2)));
  });
  const bullet = /- The drop-in work for actions\/checkout[\s\S]*?\n\n/.exec(readme)?.[0] ?? '';
  const pairs = [...bullet.matchAll(/(\d+\.\d+) s\s+(?:before\s+)?and\s+(\d+\.\d+) s/g)];
  expect(pairs).toHaveLength(5);
  for (const [, before, after] of pairs) {
    expect([before, after].map((value, i) => medians[i].has(value))).toEqual([true, true]);
  }
});

test("the github.com-path table and its text are the committed blob-store run's", () => {
  const blobStore = JSON.parse(
    readFileSync(path.join(ROOT, 'bench', 'results', 'warm-blob-store.json'), 'utf8')
  ) as BenchJson;
  const section =
    /<!-- performance-blob-store:start -->\n([\s\S]*?)<!-- performance-blob-store:end -->/.exec(
      readme
    )?.[1];
  expect(section).toBeDefined();
  expect(rowsOf(section ?? '')).toEqual(
    rowsOf(renderMarkdown(blobStore.results, blobStore.machine, blobStore.workload))
  );
  const seconds = new Set<string>();
  for (const r of blobStore.results) {
    for (const ms of [r.medianMs, ...Object.values(r.phasesMedianMs ?? {})]) {
      seconds.add((ms / 1000).toFixed(2));
    }
  }
  const medians = blobStore.results.map(r => r.medianMs);
  const ratios = new Set(medians.flatMap(a => medians.map(b => (a / b).toFixed(2))));
  const prose = (section ?? '')
    .split('\n')
    .filter(line => !line.startsWith('|'))
    .join('\n');
  const citedSeconds = [...prose.matchAll(/(\d+\.\d+) s\b/g)].map(m => m[1]);
  expect(citedSeconds.length).toBeGreaterThan(8);
  expect(citedSeconds.filter(value => !seconds.has(value))).toEqual([]);
  const citedRatios = [...prose.matchAll(/(\d+\.\d+)x\b/g)].map(m => m[1]);
  expect(citedRatios.length).toBe(2);
  expect(citedRatios.filter(value => !ratios.has(value))).toEqual([]);
});
