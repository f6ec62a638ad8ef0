import { InputError } from '../errors.js';
import type { InputReader } from './origin.js';

/**
 * actions/checkout inputs that this action does not serve yet. Left at checkout's default they
 * change nothing; any other value is refused, never silently ignored.
 */
const NOT_YET: readonly { name: string; neutral: readonly string[]; what: string }[] = [];

export function refuseNotSupported(read: InputReader): void {
  for (const input of NOT_YET) {
    const value = read(input.name).trim();
    if (input.neutral.includes(value.toLowerCase())) continue;
    throw new InputError(
      input.name,
      `'${value}' is not supported yet: this action does not ${input.what}. Remove the input, or keep actions/checkout for this job.`
    );
  }
}
