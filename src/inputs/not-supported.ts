import { InputError } from '../errors.js';
import type { InputReader } from './origin.js';

/**
 * actions/checkout inputs that this action does not serve yet. Left at checkout's default they
 * change nothing; any other value is refused, never silently ignored.
 */
const NOT_YET: readonly { name: string; neutral: readonly string[]; what: string }[] = [
  { name: 'lfs', neutral: ['', 'false'], what: 'download Git LFS files' },
  { name: 'sparse-checkout', neutral: [''], what: 'make sparse checkouts' },
  { name: 'filter', neutral: [''], what: 'make partial clones' }
];

export function refuseNotSupported(read: InputReader): void {
  for (const input of NOT_YET) {
    const value = read(input.name).trim();
    if (input.neutral.includes(value.toLowerCase())) continue;
    throw new InputError(
      input.name,
      `'${value}' is not supported yet: this action does not ${input.what}. Remove the input, or keep actions/checkout for this job.`
    );
  }
  // Cone mode only means something with patterns, which are refused above.
  const cone = read('sparse-checkout-cone-mode').trim().toLowerCase();
  if (!['', 'true', 'false'].includes(cone)) {
    throw new InputError(
      'sparse-checkout-cone-mode',
      `'${cone}' is not a boolean; allowed values: true, false.`
    );
  }
}
