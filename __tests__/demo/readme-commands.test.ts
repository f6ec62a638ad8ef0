import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/runner.js';
import { runScript } from './npm-script.js';

const ENTRIES = { demo: 'demo/demo.ts', bench: 'bench/bench.ts' } as const;

/** Every `npm run demo` or `npm run bench` command the README shows, with its environment. */
function readmeCommands() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/(BENCH_REPO=\S+ )?npm run (demo|bench)\b(?: -- ([^`\n]*))?/g)].map(
    ([command, benchRepo, script, args]) => ({
      command,
      script: script as keyof typeof ENTRIES,
      args: args ? args.trim().split(/\s+/) : [],
      // The README's path is a placeholder; any existing folder stands for it.
      env: benchRepo ? { BENCH_REPO: ROOT } : {}
    })
  );
}

// The demo itself runs in demo.test.ts and the benchmark in bench.test.ts; here each command's
// options are checked: --help exits 0 only once every option and value given with it is valid.
test('every npm run demo and npm run bench command in the README takes its options', async () => {
  const commands = readmeCommands();
  expect(commands.map(c => c.script)).toEqual(expect.arrayContaining(['demo', 'bench']));
  const results = await Promise.all(
    commands.map(async c => {
      const result = await runScript(ENTRIES[c.script], [...c.args, '--help'], c.env);
      return { command: c.command, code: result.code, stderr: result.stderr };
    })
  );
  expect(results).toEqual(commands.map(c => ({ command: c.command, code: 0, stderr: '' })));
});
