import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderMarkdown, type MethodResult } from '../../bench/report.js';
import { renderTargets } from '../../bench/targets.js';
import { ROOT } from '../support/runner.js';

interface BenchJson {
  machine: Record<string, string | number>;
  workload: Record<string, string | number | undefined>;
  results: MethodResult[];
}

const readRun = (name: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results', name), 'utf8')) as BenchJson;
// The main table: github.com's path (blob-store), unlimited and 90 MB/s in one run.
const production = readRun('production.json');
// The secondary table: the plain-URL path (GHES and other cache servers).
const plain = readRun('plain.json');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blockOf = (name: string) =>
  new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme)?.[1];
const block = blockOf('performance');

const rowsOf = (markdown: string) =>
  markdown
    .split('\n')
    .filter(line => line.startsWith('|'))
    .map(line => line.split('|').map(cell => (/^\s*-+\s*$/.test(cell) ? '---' : cell.trim())));
const proseOf = (markdown: string) =>
  markdown
    .split('\n')
    .filter(line => !line.startsWith('|'))
    .join('\n');

test("the README's Performance table is the committed production-path run's, as the bench renders it", () => {
  expect(block).toBeDefined();
  expect(production.workload).toMatchObject({
    cachePath: 'blob-store',
    bandwidth: 'unlimited and 90 MB/s'
  });
  expect(rowsOf(block ?? '')).toEqual(
    rowsOf(renderMarkdown(production.results, production.machine, production.workload))
  );
  // Each row says which path and entry shape it used, and at which bandwidth.
  for (const row of production.results) {
    expect([row.cachePath, row.entry, row.bandwidth].every(Boolean)).toBe(true);
  }
});

test('the command the Performance section gives is the one the committed run used', () => {
  const intro = /\n## Performance\n([\s\S]*?)<!-- performance:start -->/.exec(readme)?.[1] ?? '';
  const command = /Measured with\s+`(npm run bench -- [^`]*)`/.exec(intro)?.[1];
  expect(command).toBeDefined();
  const words = (command ?? '').replace(/\s+/g, ' ');
  const w = production.workload;
  expect(words).toContain(`--preset ${w.preset} --runs ${w.runs} --warmup ${w.warmup}`);
  expect(words).toContain(`--stale ${w.staleCommits}`);
  expect(words).toContain('--mbytes-per-sec 0,90');
  expect(words).toMatch(/--sparse \d+/);
});

test('the Targets table is the one bench/targets.ts judges on the committed run', () => {
  const targets = blockOf('performance-targets');
  expect(targets).toBeDefined();
  expect(rowsOf(targets ?? '')).toEqual(rowsOf(renderTargets(production.results)));
});

test('every figure the Performance text cites is one of the committed runs', () => {
  const seconds = new Set<string>();
  const ratios = new Set<string>();
  const addSeconds = (ms: number) => seconds.add((ms / 1000).toFixed(2));
  for (const run of [production, plain]) {
    for (const r of run.results) {
      for (const ms of [r.medianMs, r.minMs, r.maxMs, r.overheadMs ?? NaN]) addSeconds(ms);
      for (const ms of Object.values(r.phasesMedianMs ?? {})) addSeconds(ms);
      ratios.add(r.ratioToClone.toFixed(1));
      if (r.ratioToFloor !== null) ratios.add(r.ratioToFloor.toFixed(2));
    }
    // Ratios of two medians of one bandwidth, which the text works out.
    for (const a of run.results) {
      for (const b of run.results) {
        if (a.bandwidth === b.bandwidth) ratios.add((a.medianMs / b.medianMs).toFixed(2));
      }
    }
  }
  const prose = [block, blockOf('performance-targets'), blockOf('performance-plain')]
    .map(text => proseOf(text ?? ''))
    .join('\n');
  const cited = {
    seconds: [...prose.matchAll(/(\d+\.\d+) s\b/g)].map(m => m[1]),
    ratios: [...prose.matchAll(/(\d+(?:\.\d+)?)x\b/g)].map(m => m[1])
  };
  expect(cited.seconds.length).toBeGreaterThan(10);
  expect(cited.seconds.filter(value => !seconds.has(value))).toEqual([]);
  const known = (value: string) =>
    ratios.has(value) || [...ratios].some(r => Number(r).toFixed(1) === value);
  expect(cited.ratios.filter(value => !known(value))).toEqual([]);
});

test("the plain-URL path's table is the committed plain run's", () => {
  const section = blockOf('performance-plain');
  expect(section).toBeDefined();
  expect(plain.workload.cachePath).toBe('plain');
  expect(rowsOf(section ?? '')).toEqual(
    rowsOf(renderMarkdown(plain.results, plain.machine, plain.workload))
  );
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
