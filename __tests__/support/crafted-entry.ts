import { craftEntry, type CraftOptions } from './archive.js';
import type { CacheEntry } from './cache-server.js';
import type { Fixture } from './fixture.js';
import type { Job, RunOptions, StepResult } from './runner.js';

export interface CraftedRunOptions extends CraftOptions {
  /** The folder craftEntry works in; the fixture's root unless given. */
  workDir?: string;
  /** The job's name (the fixture numbers its jobs unless given). */
  job?: string;
  /** How the main step runs. */
  run?: RunOptions;
}

type Change = (gitDir: string, root: string) => void;
type CraftedRun = { job: Job; main: StepResult; key: string };

/**
 * A poisoned-entry test's step: stores the copy of `entry` that `change` crafted (see craftEntry)
 * as the newest entry, then runs a new job's main step, which restores it.
 */
export async function mainOnCraftedEntry(
  fx: Fixture,
  entry: CacheEntry,
  change: Change
): Promise<CraftedRun>;
export async function mainOnCraftedEntry(
  fx: Fixture,
  entry: CacheEntry,
  options: CraftedRunOptions,
  change: Change
): Promise<CraftedRun>;
export async function mainOnCraftedEntry(
  fx: Fixture,
  entry: CacheEntry,
  ...args: [Change] | [CraftedRunOptions, Change]
): Promise<CraftedRun> {
  const [options, change] = args.length === 1 ? [{}, args[0]] : args;
  const key = craftEntry(fx.cache, entry, options.workDir ?? fx.root, change, options);
  const job = fx.newJob(options.job);
  return { job, main: await fx.main(job, options.run), key };
}
