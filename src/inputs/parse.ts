import * as path from 'node:path';
import { STAGING_ROOT } from '../cache/backend.js';
import { InputError } from '../errors.js';
import { isInside } from '../fs-util.js';
import type { RunnerContext } from '../runner-context.js';

export type SavePolicy = 'auto' | 'always' | 'never';
export const SAVE_POLICIES: readonly SavePolicy[] = ['auto', 'always', 'never'];

/** @actions/cache refuses keys over 512 characters; entries are `<prefix>-<40-hex sha>`. */
const MAX_KEY_PREFIX_LENGTH = 512 - 41;

export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(name, `'${raw}' is not a boolean; allowed values: true, false.`);
}

export function parseRepository(raw: string, context: RunnerContext): [string, string] {
  const value = raw.trim() || context.workflowRepository;
  if (!value) {
    throw new InputError(
      'repository',
      'is empty and GITHUB_REPOSITORY is not set; give owner/name.'
    );
  }
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value);
  if (!match || match[1].startsWith('.') || match[2] === '.' || match[2] === '..') {
    throw new InputError('repository', `'${value}' is not of the form owner/name.`);
  }
  return [match[1], match[2]];
}

/**
 * Only ASCII whitespace is trimmed (as actions/checkout 7 does): String.trim would also strip a
 * leading BOM or no-break space, turning a branch named BOM + 40 hex digits into a bare sha that
 * the fork pull request guard would not recognise. What is left is refused by the test below.
 */
export function parseRef(raw: string): string {
  const value = raw.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f~^:?*[\\]/.test(value) || value.includes('..') || value.startsWith('-')) {
    throw new InputError(
      'ref',
      `'${value}' is not a valid branch, tag, ref or commit (no spaces, control characters, '..', or leading '-').`
    );
  }
  return value;
}

export function parseToken(raw: string): string {
  const value = raw.trim();
  if (/[\r\n]/.test(value)) {
    throw new InputError('token', 'contains a line break; give the token on one line.');
  }
  return value;
}

/** `path` resolves against the workspace and must stay inside it. */
export function resolveInsideWorkspace(name: string, raw: string, workspace: string): string {
  const value = raw.trim() || '.';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) {
    throw new InputError(name, 'contains control characters.');
  }
  const resolved = path.resolve(workspace, value);
  if (!isInside(workspace, resolved)) {
    throw new InputError(
      name,
      `'${value}' resolves to ${resolved}, outside the workspace ${workspace}; give a path inside it.`
    );
  }
  if (isInside(path.join(workspace, STAGING_ROOT), resolved)) {
    throw new InputError(
      name,
      `'${value}' is inside ${STAGING_ROOT}, the action's own staging folder, which it empties.`
    );
  }
  return resolved;
}

/**
 * The key prefix. Blobless entries get a default of their own that no full prefix is a prefix of
 * (and the reverse), so full and blobless jobs of one repository never restore each other's.
 */
export function parseCacheKey(
  raw: string,
  context: RunnerContext,
  owner: string,
  repo: string,
  filter = ''
): string {
  const kind = filter ? 'blobless-' : '';
  const value = raw.trim() || `clone-cache-${kind}${context.runnerOs}-${owner}-${repo}`;
  if (value.includes(',')) {
    throw new InputError('cache-key', `'${value}' contains a comma; cache keys cannot.`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) {
    throw new InputError('cache-key', 'contains control characters.');
  }
  if (value.length > MAX_KEY_PREFIX_LENGTH) {
    throw new InputError(
      'cache-key',
      `is ${value.length} characters; at most ${MAX_KEY_PREFIX_LENGTH} (the commit sha is appended and keys are limited to 512).`
    );
  }
  return value;
}

export function parseSavePolicy(raw: string): SavePolicy {
  const value = raw.trim().toLowerCase() || 'auto';
  if (!(SAVE_POLICIES as readonly string[]).includes(value)) {
    throw new InputError(
      'save-cache',
      `'${raw.trim()}' is not allowed; allowed values: ${SAVE_POLICIES.join(', ')}.`
    );
  }
  return value as SavePolicy;
}

/** A whole number of at most nine digits; empty gives `fallback`. */
export function parseWholeNumber(
  name: string,
  raw: string,
  fallback: number,
  what: string
): number {
  const value = raw.trim();
  if (value === '') return fallback;
  if (!/^\d{1,9}$/.test(value)) {
    throw new InputError(name, `'${value}' is not a whole number of ${what} (0 or more).`);
  }
  return Number(value);
}

export function parseAbsoluteDir(name: string, raw: string, workspace: string): string {
  const value = raw.trim();
  if (value === '') return '';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) throw new InputError(name, 'contains control characters.');
  const resolved = path.resolve(workspace, value);
  if (resolved === path.parse(resolved).root) {
    throw new InputError(name, `'${value}' is the file system root; give a directory of its own.`);
  }
  return resolved;
}
