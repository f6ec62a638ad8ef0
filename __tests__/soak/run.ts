// npm run soak -- [--rounds 10] [--jobs 16] [--kill-rate 0.2] [--seed 1]
import { parseArgs } from 'node:util';
import { runSoak } from './soak.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '10' },
    jobs: { type: 'string', default: '16' },
    'kill-rate': { type: 'string', default: '0.2' },
    seed: { type: 'string', default: String(Date.now() % 100000) }
  }
});
const totals = await runSoak({
  rounds: Number(values.rounds),
  jobsPerRound: Number(values.jobs),
  killRate: Number(values['kill-rate']),
  seed: Number(values.seed),
  log: line => console.log(line)
});
console.log(
  `Soak (seed ${values.seed}): ${totals.jobs} jobs, ${totals.kills} kills (${totals.killedBeforeExit} died before finishing), ${totals.locksReclaimed} locks reclaimed, ${totals.failures.length} failures, ${totals.leftovers.length} leftovers, ${totals.seconds.toFixed(0)} s`
);
for (const line of [...totals.failures, ...totals.leftovers]) console.log(`  ${line}`);
process.exit(totals.failures.length + totals.leftovers.length > 0 ? 1 : 0);
