// The action end to end on a built-in example, with no GitHub account and no network: a generated
// repository served by a loopback git server, a loopback cache service, and two jobs that run
// the committed bundles the way the runner does: a cold one (miss, clone, save) and a warm one
// (hit, seed, delta fetch). Prints both job summaries and a plain `git clone` for comparison.
//
//   npm run demo                          small example (a few MB)
//   npm run demo -- --commits 2000 --blob-kib 20   about 120 MB of history
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startFixture, TOKEN } from '../__tests__/support/fixture.js';
import { addCommits } from '../__tests__/support/repos.js';
import type { StepResult } from '../__tests__/support/runner.js';

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '300' },
    'blob-kib': { type: 'string', default: '4' },
    'new-commits': { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false }
  }
});
const commits = Number(values.commits);
const blobBytes = Math.round(Number(values['blob-kib']) * 1024);
const newCommits = Number(values['new-commits']);

function rows(summary: string): string {
  return [...summary.matchAll(/<tr><t[dh]>([^<]*)<\/t[dh]><t[dh]>([^<]*)<\/t[dh]><\/tr>/g)]
    .map(([, item, value]) => `  ${item.padEnd(16)} ${value}`)
    .join('\n');
}

function report(title: string, step: StepResult): void {
  console.log(`\n== ${title}: exit ${step.exitCode}`);
  for (const a of step.annotations)
    console.log(`  ${a.level}: ${a.title ? `${a.title}: ` : ''}${a.message}`);
  const table = rows(step.summary);
  if (table) console.log(table);
  else if (step.summary.trim()) console.log(`  ${step.summary.replace(/<[^>]+>/g, '').trim()}`);
  if (step.exitCode !== 0) {
    console.log(step.stdout);
    process.exitCode = 1;
  }
}

function timedGitClone(url: string, token: string, dir: string): Promise<number> {
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['clone', '--quiet', url, dir], {
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraheader',
        GIT_CONFIG_VALUE_0: header
      }
    });
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve((performance.now() - start) / 1000)
        : reject(new Error(`git clone exited ${code}`))
    );
  });
}

console.log(
  `Generating an example repository: ${commits} commits, 3 files of ${values['blob-kib']} KiB each per commit...`
);
const fx = await startFixture({ commits, blobBytes, fileCount: 400 });
try {
  const cold = fx.newJob('cold');
  report('Cold job, main step (no cache yet)', await fx.main(cold));
  report('Cold job, post step (saves the cache)', await fx.post(cold));

  addCommits(fx.origin, 'main', {
    commits: newCommits,
    blobBytes,
    fileCount: 400,
    seed: 'new work'
  });
  console.log(`\nPushed ${newCommits} new commits to origin.`);
  const warm = fx.newJob('warm');
  report('Warm job, main step (restores, seeds, fetches the delta)', await fx.main(warm));
  report('Warm job, post step', await fx.post(warm));

  const scratch = mkdtempSync(path.join(tmpdir(), 'clone-cache-demo-clone-'));
  const seconds = await timedGitClone(fx.originUrl, TOKEN, path.join(scratch, 'c'));
  rmSync(scratch, { recursive: true, force: true });
  console.log(`\nFor comparison, a plain git clone of the same origin: ${seconds.toFixed(2)} s`);
  if (values.keep) console.log(`Kept: ${fx.root}`);
} finally {
  if (!values.keep) await fx.close();
  else {
    await fx.git.close();
    await fx.cache.close();
  }
}
