import { expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/runner.js';

const METHODS = [
  'git clone (full)',
  'actions/checkout default (fetch --depth=1)',
  'git clone --filter=blob:none',
  'git clone --reference --dissociate',
  'action, cold (miss: clone)',
  'action, cold: post step save (separately)',
  'action, warm hosted cache',
  'action, warm cache-dir, seeded path',
  'action, warm cache-dir, task worktree',
  'action, warm hosted, entry 3 commits stale',
  'floor: tar extract of the same archive',
  'floor: @actions/cache restore alone',
  'floor: git worktree add from a local clone'
];

// Checks the benchmark's shape on the smoke preset; its timings are never asserted.
test('npm run bench on the smoke preset writes the table and the JSON', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'clone-cache-bench-test-'));
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
          '2',
          '--warmup',
          '0',
          '--stale',
          '3',
          '--out',
          out
        ],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }
      );
      let stderr = '';
      child.stderr.on('data', chunk => (stderr += chunk));
      child.on('error', reject);
      child.on('close', status => {
        if (status !== 0) process.stderr.write(stderr);
        resolve(status);
      });
    });
    expect(code).toBe(0);
    const markdown = readFileSync(path.join(out, 'bench.md'), 'utf8');
    const rows = markdown
      .split('\n')
      .filter(line => line.startsWith('| ') && !line.startsWith('| method'));
    expect(rows.map(row => row.split(' | ')[0].slice(2))).toEqual(METHODS);
    for (const row of rows) {
      const cells = row
        .split('|')
        .slice(1, -1)
        .map(cell => cell.trim());
      expect(cells).toHaveLength(8);
      expect(cells[1]).toMatch(/^\d+\.\d\d$/);
      expect(cells[2]).toMatch(/^\d+\.\d\d-\d+\.\d\d$/);
      expect(cells[5]).toMatch(/^\d+$/);
    }
    expect(markdown).toMatch(/^Machine: .*cores/m);
    const json = JSON.parse(readFileSync(path.join(out, 'bench.json'), 'utf8'));
    expect(json.results).toHaveLength(METHODS.length);
    expect(json.results[0]).toMatchObject({
      method: 'git clone (full)',
      samples: [expect.any(Number), expect.any(Number)]
    });
    expect(json.workload).toMatchObject({ preset: 'smoke', staleCommits: 3, runs: 2 });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 300_000);
