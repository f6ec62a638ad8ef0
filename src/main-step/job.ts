import type { Settings } from '../inputs/settings.js';
import type { RunnerContext } from '../runner-context.js';
import type { MainResult } from './result.js';
import type { StageRunner } from './stage.js';

/** What every stage of the main step works from. */
export interface Job {
  settings: Settings;
  context: RunnerContext;
  stages: StageRunner;
}

/** A mode's part of the result; the step adds the timings. */
export type ModeResult = Omit<MainResult, 'seconds' | 'phaseSeconds' | 'credentials'>;
