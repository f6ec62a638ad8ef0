import { expect, test } from '@jest/globals';
import { expectUsageError, runScript } from './npm-script.js';

test('npm run demo -- --help documents every option and exits 0', async () => {
  const result = await runScript('demo/demo.ts', ['--help']);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  for (const option of [
    '--commits <n>',
    '--files <n>',
    '--new-commits <n>',
    '--tag-every <n>',
    '--seed <n>',
    '--keep',
    '-h, --help'
  ]) {
    expect(result.stdout).toContain(option);
  }
});

test.each([
  [['--blob-kib', '20'], "unknown option '--blob-kib'"],
  [['--commits', 'many'], "--commits takes a whole number from 1 to 1000000, not 'many'"],
  [['--commits', '0'], "--commits takes a whole number from 1 to 1000000, not '0'"],
  [['--keep=yes'], "option '--keep' does not take an argument"],
  [['big'], "unexpected argument 'big'"]
])('npm run demo -- %j is one line and exit code 2', async (args, message) => {
  expectUsageError(await runScript('demo/demo.ts', args), 'demo', message);
});

/** The cold and warm columns of the demo's "main step (s)" rows, by row label. */
function phaseColumns(stdout: string): Map<string, [number, number]> {
  const lines = stdout.split('\n');
  const start = lines.indexOf('  main step (s)');
  const end = lines.findIndex(line => line.startsWith('  post step (s)'));
  const value = (cell: string) => (cell === '-' ? 0 : Number(cell));
  return new Map(
    lines.slice(start + 1, end).map(line => {
      const match = /^ {4}(.+?)\s+(-|\d+\.\d\d)\s+(-|\d+\.\d\d)$/.exec(line);
      if (!match) throw new Error(`not a phase row: '${line}'`);
      return [match[1], [value(match[2]), value(match[3])]];
    })
  );
}

const secondsOf = (stdout: string, row: RegExp) => {
  const match = new RegExp(`^  ${row.source}\\s+(\\d+\\.\\d\\d) s`, 'm').exec(stdout);
  if (!match) throw new Error(`no row ${row} in:\n${stdout}`);
  return Number(match[1]);
};

// The README's quick start: `npm run demo` with its defaults.
test('npm run demo: the warm job beats a full clone, and the phase rows add up to the total', async () => {
  const result = await runScript('demo/demo.ts', []);
  if (result.code !== 0) process.stderr.write(result.stdout + result.stderr);
  expect(result.code).toBe(0);
  const { stdout } = result;
  expect(stdout).toMatch(/^ {2}cache hit\s+false\s+true$/m);
  expect(stdout).toMatch(/^ {2}seeded from the cache\s+false\s+true$/m);
  expect(stdout).toMatch(/^ {2}commits fetched on top of it\s+-\s+5$/m);
  expect(stdout).toMatch(/^ {2}warm job's post step: not saved: /m);

  const phases = phaseColumns(stdout);
  expect([...phases.keys()]).toEqual(
    expect.arrayContaining(['restore', 'seed', 'fetch', 'checkout', 'total'])
  );
  const total = phases.get('total') as [number, number];
  const other = phases.get('other (start-up, bookkeeping)') as [number, number];
  for (const column of [0, 1]) {
    const sum = [...phases]
      .filter(([label]) => label !== 'total')
      .reduce((s, [, values]) => s + values[column], 0);
    expect(Math.abs(sum - total[column])).toBeLessThan(0.005);
    expect(other[column]).toBeGreaterThanOrEqual(0);
  }

  const warm = secondsOf(stdout, /warm job \(hit: seed, fetch 5 new commits\)/);
  const fullClone = secondsOf(stdout, /git clone \(full history\)/);
  const shallow = secondsOf(stdout, /git clone --depth=1 \(tip only, no history\)/);
  expect(warm).toBeLessThan(fullClone);
  expect(shallow).toBeLessThan(fullClone);
  expect(stdout).toMatch(
    /The warm job has the whole history \(.*\) \d+\.\dx faster than a full clone/
  );
}, 240_000);
