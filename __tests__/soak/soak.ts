// The concurrency soak: rounds of many jobs at once on one cache-dir, mixing branches and
// same-branch pairs, new commits on origin between rounds, and random SIGKILLs of running jobs.
import { startFixture } from '../support/fixture.js';
import { hostLeftovers } from '../support/host-clone.js';
import { addCommits, revParse } from '../support/repos.js';
import type { StepResult } from '../support/runner.js';
import { startJobProcess } from '../support/job-process.js';

export interface SoakOptions {
  rounds: number;
  jobsPerRound: number;
  /** Share of jobs killed with SIGKILL while running. */
  killRate: number;
  seed: number;
  log?: (line: string) => void;
}

export interface SoakTotals {
  jobs: number;
  kills: number;
  killedBeforeExit: number;
  locksReclaimed: number;
  failures: string[];
  /** Registered worktrees, lock files and fsck output left after the final prune. */
  leftovers: string[];
  seconds: number;
}

/** A small deterministic PRNG, so a failing soak can be replayed with its seed. */
function prng(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const BRANCHES = ['main', 'feat/a', 'feat/b', 'fix/c', 'topic-d'];

export async function runSoak(options: SoakOptions): Promise<SoakTotals> {
  const log = options.log ?? (() => undefined);
  const random = prng(options.seed);
  const started = Date.now();
  // Every job uses cache-dir, never the Actions cache: no blob store (Azurite) to start.
  const fx = await startFixture({ commits: 30 }, { cachePath: 'plain' });
  const totals: SoakTotals = {
    jobs: 0,
    kills: 0,
    killedBeforeExit: 0,
    locksReclaimed: 0,
    failures: [],
    leftovers: [],
    seconds: 0
  };
  try {
    for (const branch of BRANCHES.slice(1))
      addCommits(fx.origin, branch, { commits: 2, seed: branch }, 'main');
    for (let round = 0; round < options.rounds; round++) {
      const tips = Object.fromEntries(
        BRANCHES.map(b => [b, revParse(fx.origin, `refs/heads/${b}`)])
      );
      const plan = Array.from({ length: options.jobsPerRound }, (_, i) => {
        // Every few jobs: a branch that does not exist yet, or a path seeded with no branch.
        const kind = i % 8 === 7 ? 'new' : i % 8 === 6 ? 'seed' : 'branch';
        const branch =
          kind === 'new' ? `new/r${round}-j${i}` : BRANCHES[Math.floor(random() * BRANCHES.length)];
        const kill = random() < options.killRate;
        return { kind, branch, kill, killAfterMs: 50 + Math.floor(random() * 1500) };
      });
      const results = await Promise.all(
        plan.map(async (p, i) => {
          const job = fx.newJob(`r${round}-j${i}`);
          const inputs: Record<string, string> = { 'cache-dir': fx.hostDir };
          if (p.kind !== 'seed') inputs.branch = p.branch;
          const runner = startJobProcess();
          let killed = false;
          const timer = p.kill
            ? setTimeout(() => {
                killed = true;
                runner.kill();
              }, p.killAfterMs)
            : undefined;
          const result: StepResult = await runner.run('main', job, fx.defaults({ inputs }));
          clearTimeout(timer);
          // A kill that lands after main ended still ends the job: no post step then.
          return { p, job, result, runner, killed };
        })
      );
      for (const { p, job, result, runner, killed } of results) {
        totals.jobs++;
        if (p.kill) totals.kills++;
        totals.locksReclaimed += result.annotations.filter(
          a => a.title === 'Stale lock reclaimed'
        ).length;
        if (killed) {
          totals.killedBeforeExit++;
          continue;
        }
        if (result.exitCode !== 0) runner.end();
        const label = `round ${round} ${job.dir.split('/').pop()} (${p.kind} ${p.branch})`;
        if (result.exitCode !== 0) {
          totals.failures.push(
            `${label}: exit ${result.exitCode}: ${result.annotations.map(a => a.message).join(' | ') || result.stderr.slice(-500)}`
          );
          continue;
        }
        const where = p.kind === 'seed' ? job.workspace : result.outputs['worktree-path'];
        const expected = p.kind === 'branch' ? tips[p.branch] : tips.main;
        let head: string;
        try {
          head = revParse(where, 'HEAD');
        } catch (error) {
          head = `unreadable (${String(error)})`;
        }
        if (head !== expected) totals.failures.push(`${label}: HEAD ${head}, expected ${expected}`);
        const post = await runner.run('post', job, fx.defaults());
        runner.end();
        if (post.exitCode !== 0 || post.annotations.length > 0) {
          totals.failures.push(
            `${label}: post step exit ${post.exitCode}: ${post.annotations.map(a => a.message).join(' | ')}`
          );
        }
      }
      log(
        `round ${round + 1}/${options.rounds}: ${totals.jobs} jobs, ${totals.kills} kills, ${totals.failures.length} failures`
      );
      for (const branch of BRANCHES)
        addCommits(fx.origin, branch, { commits: 1, seed: `${branch}-${round}` });
    }
    // Final prune: one more job reaps whatever the killed jobs left, then ends normally.
    const last = fx.newJob('final');
    const final = await fx.main(last, { inputs: { 'cache-dir': fx.hostDir, branch: 'main' } });
    if (final.exitCode !== 0) totals.failures.push(`final job: exit ${final.exitCode}`);
    await fx.post(last);
    totals.leftovers.push(...hostLeftovers(fx.hostDir));
  } finally {
    await fx.close();
    totals.seconds = (Date.now() - started) / 1000;
  }
  return totals;
}
