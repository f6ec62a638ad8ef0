import { expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expectUsageError, runScript } from '../demo/npm-script.js';
import { ROOT } from '../support/runner.js';

// Each method's name, cache path and entry shape.
const METHODS = [
  'actions/checkout fetch-depth: 0 (full clone) | none (git fetch) | none',
  'actions/checkout default (fetch --depth=1) | none (git fetch) | none',
  'git clone --filter=blob:none | none (git fetch) | none (blob:none clone)',
  'git clone --reference --dissociate | local mirror | full',
  'action, cold (miss: clone) | blob-store | none (miss)',
  'action, cold: post step save (separately) | blob-store | full (saved)',
  'action, warm hosted cache | blob-store | full',
  'action, warm hosted cache, sparse (2 of 48 files, 4.2%) | blob-store | full',
  'action, warm hosted, blob:none entry | blob-store | blob:none',
  'action, warm cache-dir, seeded path | cache-dir (host clone) | full',
  'action, warm cache-dir, task worktree | cache-dir (host clone) | full',
  'action, warm hosted, entry 3 commits stale | blob-store | full',
  'floor: tar extract of the same archive | local file | full',
  'floor: @actions/cache restore alone | blob-store (Azure SDK) | full',
  'floor: git worktree add from a local clone | local clone | full'
];

// Checks the benchmark's shape on the smoke preset, at two bandwidths in one run; its timings
// are never asserted.
test('npm run bench on the smoke preset writes the table and the JSON', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'clone-cache-bench-test-'));
  const stderrOf = { text: '' };
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          'node_modules/tsx/dist/cli.mjs',
          'bench/bench.ts',
          '--preset',
          'smoke',
          '--runs',
          '1',
          '--mbytes-per-sec',
          '0,90',
          '--warmup',
          '0',
          '--stale',
          '3',
          '--sparse',
          '5',
          '--out',
          out
        ],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }
      );
      child.stderr.on('data', chunk => (stderrOf.text += chunk));
      child.on('error', reject);
      child.on('close', status => {
        if (status !== 0) process.stderr.write(stderrOf.text);
        resolve(status);
      });
    });
    expect(code).toBe(0);
    expect(stderrOf.text).toContain(
      `Wrote ${path.join(out, 'bench.md')} and ${path.join(out, 'bench.json')}.`
    );
    const markdown = readFileSync(path.join(out, 'bench.md'), 'utf8');
    const rows = markdown
      .split('\n')
      .filter(line => line.startsWith('| ') && !line.startsWith('| method'));
    const cells = rows.map(row =>
      row
        .split('|')
        .slice(1, -1)
        .map(cell => cell.trim())
    );
    // Every method at each bandwidth, in the order given.
    expect(cells.map(row => row.slice(0, 4).join(' | '))).toEqual([
      ...METHODS.map(method => `${method} | unlimited`),
      ...METHODS.map(method => `${method} | 90 MB/s`)
    ]);
    for (const row of cells) {
      expect(row).toHaveLength(11);
      expect(row[4]).toMatch(/^\d+\.\d\d$/);
      expect(row[5]).toMatch(/^\d+\.\d\d-\d+\.\d\d$/);
      expect(row[8]).toMatch(/^\d+$/);
    }
    // Ratios are taken within one bandwidth: each full clone row is its bandwidth's 1.0.
    expect(cells.filter(row => row[0] === METHODS[0].split(' | ')[0]).map(row => row[6])).toEqual([
      '1.0',
      '1.0'
    ]);
    expect(markdown).toMatch(/^Machine: .*cores.*; zstd (\d+\.\d+\.\d+|absent \(gzip\))$/m);
    // The smoke preset's sizes are below 1 MiB: they must not print as 0 MiB.
    expect(markdown).toMatch(
      /pack [1-9]\d* KiB, cache archive [1-9]\d* KiB \(blob:none [1-9]\d* KiB\),/
    );
    const json = JSON.parse(readFileSync(path.join(out, 'bench.json'), 'utf8'));
    expect(json.results).toHaveLength(2 * METHODS.length);
    expect(json.results[METHODS.length]).toMatchObject({
      method: 'actions/checkout fetch-depth: 0 (full clone)',
      cachePath: 'none (git fetch)',
      entry: 'none',
      bandwidth: '90 MB/s',
      samples: [expect.any(Number)]
    });
    expect(json.workload).toMatchObject({
      preset: 'smoke',
      staleCommits: 3,
      runs: 1,
      cachePath: 'blob-store',
      bandwidth: 'unlimited and 90 MB/s'
    });
    expect(markdown).toContain(', cache path blob-store,');
    expect(markdown).toContain('; sparse checkout of src/mod0, src/mod1 (2 of 48 files, 4.2%)');
    expect(json.workload.bloblessArchiveBytes).toBeGreaterThan(0);
    // Every target is judged on this run: each row the targets need was measured.
    const targets = readFileSync(path.join(out, 'targets.md'), 'utf8')
      .split('\n')
      .filter(line => line.startsWith('| ') && !line.startsWith('| target'));
    expect(targets).toHaveLength(12);
    for (const line of targets) expect(line).toMatch(/ \| (met|not met) \|$/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 300_000);

test('npm run bench -- --help documents every option and exits 0', async () => {
  const result = await runScript('bench/bench.ts', ['--help']);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  for (const option of [
    '--preset <name>',
    'smoke',
    'small',
    'large',
    'monorepo',
    '--runs <n>',
    '--warmup <n>',
    '--stale <n>',
    '--mbytes-per-sec <n>',
    '--cache-path <path>',
    'blob-store',
    'plain',
    '--out <dir>',
    '--only <regex>',
    '--sparse <percent>',
    '--lfs-mbytes <n>',
    '--lfs-mbytes-per-sec <n>',
    '--lfs-request-ms <n>',
    '--git-request-ms <n>',
    '--submodules',
    '-h, --help',
    'BENCH_REPO=<path>'
  ]) {
    expect(result.stdout).toContain(option);
  }
});

test.each([
  [['--nope'], "unknown option '--nope'"],
  [['--preset', 'huge'], "--preset takes one of smoke, small, large, monorepo, not 'huge'"],
  [['--runs', 'many'], "--runs takes a whole number from 1 to 1000, not 'many'"],
  [['--runs'], 'argument missing'],
  [['--mbytes-per-sec', '-5'], 'argument is ambiguous'],
  [['--mbytes-per-sec', '0,fast'], "--mbytes-per-sec takes a number of 0 or more, not 'fast'"],
  [['--mbytes-per-sec', '90,0,90'], "--mbytes-per-sec lists a bandwidth twice: '90,0,90'"],
  [['--only', '('], "--only takes a regular expression, not '\\('"],
  [['--sparse', '101'], "--sparse takes a whole number from 0 to 100, not '101'"],
  [
    ['--cache-path', 'ftp'],
    "--cache-path takes one of blob-store, blob-store-plain-get, plain, not 'ftp'"
  ],
  [
    ['--lfs-mbytes-per-sec', 'fast'],
    "--lfs-mbytes-per-sec takes a number of 0 or more, not 'fast'"
  ],
  [['--lfs-request-ms', '1.5'], "--lfs-request-ms takes a whole number from 0 to 60000, not '1.5'"],
  [['--git-request-ms', 'x'], "--git-request-ms takes a whole number from 0 to 60000, not 'x'"],
  [['--submodules=yes'], "option '--submodules' does not take an argument"],
  [['smoke'], "unexpected argument 'smoke'"]
])('npm run bench -- %j is one line and exit code 2', async (args, message) => {
  expectUsageError(await runScript('bench/bench.ts', args), 'bench', message);
});
