// Profiles the warm cache-dir task worktree: runs the main and post steps N times with
// GIT_TRACE2_EVENT and prints, per run, the wall time and every git process (start offset from the
// step's start, duration, argv); the gaps between them are Node's own time. Usage:
// tsx bench/profile-task-worktree.ts <preset> <runs>; PROFILE_ORIGIN=<dir> keeps the generated
// origin between invocations, PROFILE_CPU=<dir> writes a V8 CPU profile of each traced step.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startGitServer } from '../__tests__/support/git-server.js';
import { bundlePath, createJob, stepEnv } from '../__tests__/support/runner.js';

// PROFILE_DIST=<dir>: another build's bundles (<dir>/main, <dir>/post) instead of dist/.
const bundle = (step: 'main' | 'post') =>
  process.env.PROFILE_DIST
    ? path.join(process.env.PROFILE_DIST, step, 'index.js')
    : bundlePath(step);
import { measure } from './measure.js';
import { bareName, generateRepository, PRESETS } from './workload.js';

const preset = process.argv[2] ?? 'small';
const runs = Number(process.argv[3] ?? 3);
const keep = process.env.PROFILE_ORIGIN; // reuse a generated origin between invocations
const TOKEN = 'bench-token';
const root = mkdtempSync(path.join(os.tmpdir(), 'clone-cache-profile-'));
const originRoot = keep ?? path.join(root, 'origin');
const bare = bareName(originRoot);
if (!existsSync(bare)) await generateRepository(bare, PRESETS[preset]);
const git = await startGitServer(originRoot, TOKEN);
const url = `${git.url}/acme/widgets`;
const hostDir = path.join(root, 'host-cache');
const localClone = path.join(root, 'local-clone');
execFileSync('git', ['clone', '--quiet', bare, localClone]);
let n = 0;
const step = async (which: 'main' | 'post', trace?: string) => {
  const job = createJob(path.join(root, 'jobs', `job${++n}`), { repository: 'acme/widgets' });
  const env = stepEnv(which, job, {
    inputs: { 'origin-url': url, 'cache-dir': hostDir, branch: 'main' },
    token: TOKEN,
    env: trace ? { GIT_TRACE2_EVENT: trace } : {}
  });
  const started = Date.now();
  const nodeArgs =
    trace && process.env.PROFILE_CPU
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_CPU}`]
      : [];
  const main = await measure(process.execPath, [...nodeArgs, bundle('main')], {
    cwd: job.workspace,
    env
  });
  const postEnv = stepEnv('post', job, { inputs: { 'cache-dir': hostDir, branch: 'main' } });
  await measure(process.execPath, [bundle('post')], { cwd: job.workspace, env: postEnv });
  return { main, started };
};
await step('main');
const tip = execFileSync('git', ['-C', bare, 'rev-parse', 'main']).toString().trim();
for (let run = 0; run < runs; run++) {
  const trace = path.join(root, `trace-${run}.json`);
  const { main, started } = await step('main', trace);
  const wtDir = path.join(root, `floor-${run}`);
  const floor = await measure('git', [
    ...['-c', 'checkout.workers=0', '-c', 'core.deltaBaseCacheLimit=256m'],
    ...['-C', localClone, 'worktree', 'add', '--quiet', '--detach', wtDir, tip]
  ]);
  execFileSync('git', ['-C', localClone, 'worktree', 'remove', '--force', wtDir]);
  const events = readFileSync(trace, 'utf8')
    .trim()
    .split('\n')
    .map(line => JSON.parse(line) as Record<string, unknown>);
  const starts = new Map<string, { t: number; argv: string[] }>();
  const rows: { t: number; ms: number; argv: string }[] = [];
  for (const e of events) {
    const sid = String(e.sid);
    if (sid.includes('/')) continue; // a child of a git process
    if (e.event === 'start') {
      starts.set(sid, { t: Date.parse(String(e.time)), argv: e.argv as string[] });
    } else if (e.event === 'exit') {
      const s = starts.get(sid);
      if (s)
        rows.push({
          t: s.t - started,
          ms: Number(e.t_abs) * 1000,
          argv: s.argv.slice(1).join(' ')
        });
    }
  }
  rows.sort((a, b) => a.t - b.t);
  console.log(
    `\nrun ${run}: main ${main.ms.toFixed(0)} ms, floor worktree add ${floor.ms.toFixed(0)} ms`
  );
  const add = rows.find(r => r.argv.startsWith('worktree add'));
  if (add) {
    const before = rows.filter(r => r.t + r.ms <= add.t).length;
    const after = rows.filter(r => r.t >= add.t + add.ms).length;
    console.log(
      `git processes: ${rows.length}; ended before worktree add: ${before}; started after it: ${after}`
    );
  }
  for (const r of rows)
    console.log(
      `${String(r.t).padStart(6)} +${r.ms.toFixed(0).padStart(5)}  ${r.argv.slice(0, 150)}`
    );
}
await git.close();
rmSync(root, { recursive: true, force: true });
process.exit();
