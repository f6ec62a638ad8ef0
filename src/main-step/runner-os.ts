import { ActionError } from '../errors.js';
import type { RunnerContext } from '../runner-context.js';

/** Only Linux runners for now: elsewhere the step stops before it touches anything. */
export function requireLinuxRunner(context: RunnerContext): void {
  if (context.runnerOs === 'Linux') return;
  throw new ActionError(
    'Linux runners only',
    `This action supports Linux runners only for now; this job runs on ${context.runnerOs}. Use actions/checkout on ${context.runnerOs} runners (its inputs and outputs are the same).`
  );
}
