import { InputError } from '../errors.js';
import { parseBoolean } from './parse.js';

/** sparse-checkout and sparse-checkout-cone-mode, as actions/checkout reads them. */
export interface SparseCheckout {
  /** One pattern per line of the input, blank lines left out. */
  patterns: string[];
  /** Cone mode: each pattern is a directory (with everything under it). */
  cone: boolean;
}

const GLOB_SPECIAL = /[*?[\]\\]/;

/**
 * git refuses these in cone mode with a message that names `--skip-checks`; the action passes
 * patterns on standard input (where git does not check them), so it refuses them itself.
 */
function coneProblem(pattern: string): string {
  if (pattern.startsWith('/')) return 'starts with /: give directories as src/app, not /src/app';
  if (pattern.startsWith('!')) return "starts with '!': cone mode takes directories, not negations";
  if (GLOB_SPECIAL.test(pattern)) {
    return 'holds one of * ? [ ] \\: cone mode takes directories, not patterns (set sparse-checkout-cone-mode: false for patterns)';
  }
  if (pattern.split('/').some(part => part === '..' || part === '.')) {
    return "holds a '.' or '..' segment; give the directory's path from the repository's top";
  }
  return '';
}

/**
 * The patterns, one per line (blank lines and surrounding spaces dropped, as checkout's
 * getMultilineInput does), or undefined when there are none: the clone is whole.
 */
export function parseSparseCheckout(
  rawPatterns: string,
  rawCone: string
): SparseCheckout | undefined {
  const cone = parseBoolean('sparse-checkout-cone-mode', rawCone, true);
  const patterns = rawPatterns
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '');
  if (patterns.length === 0) return undefined;
  for (const pattern of patterns) {
    // eslint-disable-next-line no-control-regex
    const problem = /[\x00-\x1f\x7f]/.test(pattern)
      ? 'holds a control character'
      : cone
        ? coneProblem(pattern)
        : '';
    if (problem) {
      throw new InputError('sparse-checkout', `the pattern '${pattern}' ${problem}.`);
    }
  }
  return { patterns, cone };
}
