// A/B of the warm cache-dir task worktree: two builds of the main bundle and `git worktree add`
// alone, interleaved, on one origin and one host clone. Prints each method's median and its ratio
// to the floor. Usage: tsx bench/compare-task-worktree.ts <bare origin> <runs> <distA> <distB>...
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startGitServer } from '../__tests__/support/git-server.js';
import { createJob, stepEnv } from '../__tests__/support/runner.js';
import { measure } from './measure.js';

const [bare, runsText, ...dists] = process.argv.slice(2);
const runs = Number(runsText);
const TOKEN = 'bench-token';
const root = mkdtempSync(path.join(os.tmpdir(), 'clone-cache-compare-'));
// The server serves <root>/<owner>/<name>.git.
const git = await startGitServer(path.dirname(path.dirname(bare)), TOKEN);
const url = `${git.url}/acme/widgets`;
const hostDir = path.join(root, 'host-cache');
const localClone = path.join(root, 'local-clone');
execFileSync('git', ['clone', '--quiet', bare, localClone]);
const tip = execFileSync('git', ['-C', bare, 'rev-parse', 'main']).toString().trim();
let n = 0;
const inputs = { 'origin-url': url, 'cache-dir': hostDir, branch: 'main' };
async function action(dist: string): Promise<number> {
  const job = createJob(path.join(root, 'jobs', `job${++n}`), { repository: 'acme/widgets' });
  const env = stepEnv('main', job, { inputs, token: TOKEN });
  const m = await measure(process.execPath, [path.join(dist, 'main', 'index.js')], {
    cwd: job.workspace,
    env
  });
  if (!m.stdout.includes(`at ${tip}`)) throw new Error(`not at ${tip}: ${m.stdout.slice(-2000)}`);
  const postEnv = stepEnv('post', job, { inputs });
  await measure(process.execPath, [path.join(dist, 'post', 'index.js')], {
    cwd: job.workspace,
    env: postEnv
  });
  rmSync(job.dir, { recursive: true, force: true });
  return m.ms;
}
async function floor(): Promise<number> {
  const dir = path.join(root, 'floor');
  const m = await measure('git', [
    ...['-c', 'checkout.workers=0', '-c', 'core.deltaBaseCacheLimit=256m'],
    ...['-C', localClone, 'worktree', 'add', '--quiet', '--detach', dir, tip]
  ]);
  execFileSync('git', ['-C', localClone, 'worktree', 'remove', '--force', dir]);
  return m.ms;
}
await action(dists[0]); // makes the host clone
const samples = new Map<string, number[]>();
const add = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), ms]);
for (let round = 0; round < runs + 1; round++) {
  const order = round % 2 ? [...dists].reverse() : dists;
  const floorMs = await floor();
  const results = [];
  for (const dist of order) results.push([dist, await action(dist)] as const);
  if (round === 0) continue; // warm-up
  add('floor', floorMs);
  for (const [dist, ms] of results) add(dist, ms);
  process.stderr.write(
    `round ${round}: floor ${floorMs.toFixed(0)} ${results.map(r => `${r[0]} ${r[1].toFixed(0)}`).join(' ')}\n`
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floorMedian = median(samples.get('floor')!);
for (const [name, xs] of samples) {
  console.log(
    `${name}: median ${median(xs).toFixed(0)} ms, ratio to floor ${(median(xs) / floorMedian).toFixed(3)}; per-round ratios ${xs.map((x, i) => (x / samples.get('floor')![i]).toFixed(2)).join(' ')}`
  );
}
await git.close();
rmSync(root, { recursive: true, force: true });
process.exit();
