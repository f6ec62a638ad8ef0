import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MethodResult } from '../../bench/report.js';
import { ROOT } from '../support/runner.js';

const run = JSON.parse(
  readFileSync(path.join(ROOT, 'bench', 'results', 'blobless.json'), 'utf8')
) as { workload: Record<string, number | string>; results: MethodResult[] };
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const paragraph = /Measured with `npm run bench -- [^`]*--only 'hosted\|cold'`[\s\S]*?\n\n/.exec(
  readme
)?.[0];

test("the Blobless section's figures are those of the committed run", () => {
  expect(paragraph).toBeDefined();
  const seconds = new Set([(Number(run.workload.bloblessSaveMs) / 1000).toFixed(2)]);
  for (const r of run.results) {
    seconds.add((r.medianMs / 1000).toFixed(2));
    for (const ms of Object.values(r.phasesMedianMs ?? {})) seconds.add((ms / 1000).toFixed(2));
  }
  const cited = [...(paragraph ?? '').matchAll(/(\d+\.\d+) s\b/g)].map(m => m[1]);
  expect(cited.length).toBeGreaterThanOrEqual(6);
  expect(cited.filter(value => !seconds.has(value))).toEqual([]);
  const mib = (key: string) => `${Math.round(Number(run.workload[key]) / 2 ** 20)} MiB`;
  expect(paragraph).toContain(`${mib('bloblessArchiveBytes')} against ${mib('archiveBytes')}`);
});
