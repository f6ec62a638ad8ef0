import { InputError } from '../errors.js';

/** The submodules input, as actions/checkout reads it. */
export type SubmoduleMode = 'none' | 'top' | 'recursive';

/** `false` (none), `true` (the superproject's own submodules), `recursive` (theirs too). */
export function parseSubmodules(raw: string): SubmoduleMode {
  const value = raw.trim().toLowerCase();
  const mode: SubmoduleMode | undefined =
    value === '' || value === 'false'
      ? 'none'
      : value === 'true'
        ? 'top'
        : value === 'recursive'
          ? 'recursive'
          : undefined;
  if (!mode) {
    throw new InputError(
      'submodules',
      `'${raw.trim()}' is not allowed; allowed values: false, true, recursive.`
    );
  }
  return mode;
}
