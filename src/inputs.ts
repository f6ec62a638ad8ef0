import * as path from 'node:path';
import { InputError } from './errors.js';
import { STAGING_ROOT } from './cache/backend.js';
import { isInside } from './fs-util.js';
import type { RunnerContext } from './runner-context.js';
import { validateBranchName } from './worktree/names.js';

export type SavePolicy = 'auto' | 'always' | 'never';
export const SAVE_POLICIES: readonly SavePolicy[] = ['auto', 'always', 'never'];

/** Every input, parsed and validated once. */
export interface Settings {
  repository: string;
  repoName: string;
  /** The ref as given; empty means "the event's commit, else the default branch". */
  ref: string;
  token: string;
  persistCredentials: boolean;
  originUrl: string;
  /** Absolute path of the main clone, inside the workspace. */
  clonePath: string;
  workspace: string;
  cacheKeyPrefix: string;
  saveCache: SavePolicy;
  refreshAfter: number;
  /** Task branch: when set, a task worktree is created for it. */
  branch: string;
  /** Start point of a new task branch; '' means origin's default branch. */
  base: string;
  /** Explicit worktree folder (absolute), or '' for `<parent of workspace>/_wt/<repo>/<branch>`. */
  worktreePath: string;
  removeWorktree: boolean;
  /** Persistent host directory for the clone cache (absolute), or '' to use @actions/cache. */
  cacheDir: string;
  /** Kill switch: false leaves every error exactly as git or Node raised it. */
  diagnosePermissions: boolean;
  /** Opt-in: chown the offending tree when the runner is root or has passwordless sudo. */
  fixOwnership: boolean;
}

export const DEFAULT_REFRESH_AFTER = 50;
/** @actions/cache refuses keys over 512 characters; entries are `<prefix>-<40-hex sha>`. */
const MAX_KEY_PREFIX_LENGTH = 512 - 41;

export type InputReader = (name: string) => string;

function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(name, `'${raw}' is not a boolean; allowed values: true, false.`);
}

function parseRepository(raw: string, context: RunnerContext): [string, string] {
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

function parseRef(raw: string): string {
  const value = raw.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f~^:?*[\\]/.test(value) || value.includes('..') || value.startsWith('-')) {
    throw new InputError(
      'ref',
      `'${value}' is not a valid branch, tag, ref or commit (no spaces, control characters, '..', or leading '-').`
    );
  }
  return value;
}

function parseToken(raw: string): string {
  const value = raw.trim();
  if (/[\r\n]/.test(value)) {
    throw new InputError('token', 'contains a line break; give the token on one line.');
  }
  return value;
}

function parseOriginUrl(raw: string, context: RunnerContext, repository: string): string {
  const value = raw.trim() || `${context.serverUrl}/${repository}`;
  // eslint-disable-next-line no-control-regex
  if (/[\s\x00-\x1f\x7f]/.test(value)) {
    throw new InputError('origin-url', 'contains whitespace or control characters.');
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new InputError('origin-url', `'${value}' is not a valid URL.`);
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'file:'].includes(url.protocol)) {
      throw new InputError(
        'origin-url',
        `scheme '${url.protocol}' is not supported; allowed: https, http, ssh, git, file.`
      );
    }
    // A token in the URL would reach .git/config, the cache archive and every log line.
    if (url.password || (url.username && /^https?:$/.test(url.protocol))) {
      throw new InputError(
        'origin-url',
        'embeds credentials; remove them from the URL and pass the secret through the token input.'
      );
    }
    return value;
  }
  if (/^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^-]/.test(value)) return value;
  throw new InputError(
    'origin-url',
    `'${value}' is not a URL (https://host/owner/name, ssh://..., or git@host:owner/name).`
  );
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

function parseCacheKey(raw: string, context: RunnerContext, owner: string, repo: string): string {
  const value = raw.trim() || `clone-cache-${context.runnerOs}-${owner}-${repo}`;
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

function parseSavePolicy(raw: string): SavePolicy {
  const value = raw.trim().toLowerCase() || 'auto';
  if (!(SAVE_POLICIES as readonly string[]).includes(value)) {
    throw new InputError(
      'save-cache',
      `'${raw.trim()}' is not allowed; allowed values: ${SAVE_POLICIES.join(', ')}.`
    );
  }
  return value as SavePolicy;
}

function parseRefreshAfter(raw: string): number {
  const value = raw.trim();
  if (value === '') return DEFAULT_REFRESH_AFTER;
  if (!/^\d{1,9}$/.test(value)) {
    throw new InputError(
      'refresh-after',
      `'${value}' is not a whole number of commits (0 or more).`
    );
  }
  return Number(value);
}

function parseAbsoluteDir(name: string, raw: string, workspace: string): string {
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

function overlaps(a: string, b: string): boolean {
  return isInside(a, b) || isInside(b, a);
}

/** Directories that must stay apart: a worktree inside the clone, or a cache inside a workspace, break both. */
export function checkOverlaps(settings: Settings): void {
  if (settings.cacheDir && overlaps(settings.cacheDir, settings.workspace)) {
    throw new InputError(
      'cache-dir',
      `${settings.cacheDir} overlaps the workspace ${settings.workspace}; give a persistent directory outside it.`
    );
  }
  if (settings.worktreePath) {
    for (const [what, dir] of [
      ['the clone at path', settings.clonePath],
      ['cache-dir', settings.cacheDir]
    ] as const) {
      if (dir && overlaps(settings.worktreePath, dir)) {
        throw new InputError(
          'worktree-path',
          `${settings.worktreePath} overlaps ${what} (${dir}).`
        );
      }
    }
  }
}

export function parseSettings(read: InputReader, context: RunnerContext): Settings {
  const [owner, repoName] = parseRepository(read('repository'), context);
  const repository = `${owner}/${repoName}`;
  const settings: Settings = {
    repository,
    repoName,
    ref: parseRef(read('ref')),
    token: parseToken(read('token')),
    persistCredentials: parseBoolean('persist-credentials', read('persist-credentials'), false),
    originUrl: parseOriginUrl(read('origin-url'), context, repository),
    clonePath: resolveInsideWorkspace('path', read('path'), context.workspace),
    workspace: context.workspace,
    cacheKeyPrefix: parseCacheKey(read('cache-key'), context, owner, repoName),
    saveCache: parseSavePolicy(read('save-cache')),
    refreshAfter: parseRefreshAfter(read('refresh-after')),
    branch: read('branch').trim(),
    base: read('base').trim(),
    worktreePath: parseAbsoluteDir('worktree-path', read('worktree-path'), context.workspace),
    removeWorktree: parseBoolean('remove-worktree', read('remove-worktree'), true),
    cacheDir: parseAbsoluteDir('cache-dir', read('cache-dir'), context.workspace),
    diagnosePermissions: parseBoolean('diagnose-permissions', read('diagnose-permissions'), true),
    fixOwnership: parseBoolean('fix-ownership', read('fix-ownership'), false)
  };
  checkOverlaps(settings);
  if (settings.persistCredentials && settings.cacheDir && settings.branch) {
    throw new InputError(
      'persist-credentials',
      'cannot be true with cache-dir and branch: the worktree shares the host clone, whose config every job on the host reads.'
    );
  }
  return settings;
}

/** Checks that need git: branch names are validated exactly as git validates them. */
export async function validateBranchInputs(settings: Settings): Promise<void> {
  if (settings.branch) await validateBranchName('branch', settings.branch);
  if (settings.base) await validateBranchName('base', settings.base);
  if (!settings.branch && (settings.base || settings.worktreePath)) {
    const input = settings.base ? 'base' : 'worktree-path';
    throw new InputError(
      input,
      'is set but branch is empty; set branch to create a task worktree.'
    );
  }
}
