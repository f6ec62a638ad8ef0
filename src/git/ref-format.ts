/** A full object id: SHA-1 (40 hex digits) or SHA-256 (64). */
export const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * git's rules for a ref name (`git check-ref-format`), checked without running git: an entry or a
 * host clone can carry thousands of refs.
 */
export function isWellFormedRefName(name: string): boolean {
  if (!name.startsWith('refs/') || name.endsWith('/') || name.endsWith('.')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\//.test(name)) return false;
  return name
    .split('/')
    .every(part => part !== '' && !part.startsWith('.') && !part.endsWith('.lock') && part !== '@');
}
