import { InputError } from '../errors.js';

/** What `filter` may ask for: '' (full history) or a blobless clone. */
export type CloneFilter = '' | 'blob:none';

const SUPPORTED: readonly CloneFilter[] = ['blob:none'];

/**
 * actions/checkout's `filter`: a partial clone filter. Only `blob:none` is served (commits and
 * trees of the whole history, the blobs of what is checked out, the rest fetched on demand).
 */
export function parseFilter(raw: string): CloneFilter {
  const value = raw.trim();
  if (value === '') return '';
  const match = SUPPORTED.find(filter => filter === value.toLowerCase());
  if (match) return match;
  throw new InputError(
    'filter',
    `'${value}' is not supported: this action makes blobless clones (filter: blob:none) or full ones (filter empty, the default); other partial clone filters are refused.`
  );
}
