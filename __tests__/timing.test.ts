import { expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './support/runner.js';

/** Runs peakMemoryMiB() in a fresh node process forked by this (deliberately big) process. */
function childPeak(): Promise<number> {
  const timing = path.join(ROOT, 'src', 'timing.ts');
  const code = `import { peakMemoryMiB } from ${JSON.stringify(timing)}; console.log(peakMemoryMiB());`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit']
    });
    let out = '';
    child.stdout.on('data', chunk => (out += chunk));
    child.on('error', reject);
    child.on('close', () => resolve(Number(out.trim())));
  });
}

test("the action's peak memory is its own, not that of the big runner process that forked it", async () => {
  const ballast = Buffer.alloc(200 * 1024 * 1024, 1); // resident: every page written
  const peak = await childPeak();
  expect(ballast[ballast.length - 1]).toBe(1);
  expect(peak).toBeGreaterThan(10);
  expect(peak).toBeLessThan(150);
});
