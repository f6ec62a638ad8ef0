import { InputError } from '../errors.js';
import { isInside } from '../fs-util.js';
import type { RunnerContext } from '../runner-context.js';
import { validateBranchName } from '../worktree/names.js';
import { parseFilter, type CloneFilter } from './filter.js';
import { refuseNotSupported } from './not-supported.js';
import { parseSubmodules, type SubmoduleMode } from './submodules.js';
import {
  parseOriginUrl,
  parseServerUrl,
  parseSsh,
  type InputReader,
  type SshSettings
} from './origin.js';
import {
  parseAbsoluteDir,
  parseBoolean,
  parseCacheKey,
  parseRef,
  parseRepository,
  parseSavePolicy,
  parseToken,
  parseWholeNumber,
  resolveInsideWorkspace,
  type SavePolicy
} from './parse.js';
import { parseSparseCheckout, type SparseCheckout } from './sparse.js';

export type { InputReader } from './origin.js';
export { resolveInsideWorkspace, SAVE_POLICIES, type SavePolicy } from './parse.js';

/** Every input, parsed and validated once. */
export interface Settings {
  repository: string;
  repoName: string;
  /** The ref as given; empty means "the event's commit, else the default branch". */
  ref: string;
  token: string;
  /** Keep auth for later steps, in a RUNNER_TEMP file that the post step removes. */
  persistCredentials: boolean;
  /** A deploy key for an ssh origin, or undefined. */
  ssh: SshSettings | undefined;
  /** Add the clone (and task worktree) to safe.directory, for this step and later ones. */
  setSafeDirectory: boolean;
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
  /** false: untracked files in a clone the action made are kept. */
  clean: boolean;
  /** false: no tags beyond the ref's own. */
  fetchTags: boolean;
  /** Stream git's transfer progress to the log. */
  showProgress: boolean;
  /** 0: full history; N: a clone of depth N when no cache entry was restored. */
  fetchDepth: number;
  /** Git LFS files smudged in the clone and the task worktree, their objects kept in the cache. */
  lfs: boolean;
  /** Opt in to fetching a fork's pull request head in pull_request_target / workflow_run. */
  allowUnsafePrCheckout: boolean;
  /** sparse-checkout patterns for the clone at path and the task worktree; undefined: whole. */
  sparseCheckout: SparseCheckout | undefined;
  /** 'blob:none': a blobless clone and entry (origin the promisor remote); '': full history. */
  filter: CloneFilter;
  /** Submodules checked out at the commits the superproject records (and theirs, recursive). */
  submodules: SubmoduleMode;
}

export const DEFAULT_REFRESH_AFTER = 50;

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
  refuseNotSupported(read);
  const [owner, repoName] = parseRepository(read('repository'), context);
  const repository = `${owner}/${repoName}`;
  const ssh = parseSsh(read);
  const serverUrl = parseServerUrl(read('github-server-url'), context);
  const filter = parseFilter(read('filter'));
  const cacheDir = parseAbsoluteDir('cache-dir', read('cache-dir'), context.workspace);
  const settings: Settings = {
    repository,
    repoName,
    ref: parseRef(read('ref')),
    token: parseToken(read('token')),
    persistCredentials: parseBoolean('persist-credentials', read('persist-credentials'), true),
    ssh,
    setSafeDirectory: parseBoolean('set-safe-directory', read('set-safe-directory'), true),
    originUrl: parseOriginUrl(read('origin-url'), serverUrl, repository, ssh),
    clonePath: resolveInsideWorkspace('path', read('path'), context.workspace),
    workspace: context.workspace,
    cacheKeyPrefix: parseCacheKey(read('cache-key'), context, owner, repoName, filter),
    saveCache: parseSavePolicy(read('save-cache')),
    refreshAfter: parseWholeNumber(
      'refresh-after',
      read('refresh-after'),
      DEFAULT_REFRESH_AFTER,
      'commits'
    ),
    branch: read('branch').trim(),
    base: read('base').trim(),
    worktreePath: parseAbsoluteDir('worktree-path', read('worktree-path'), context.workspace),
    removeWorktree: parseBoolean('remove-worktree', read('remove-worktree'), true),
    cacheDir,
    diagnosePermissions: parseBoolean('diagnose-permissions', read('diagnose-permissions'), true),
    fixOwnership: parseBoolean('fix-ownership', read('fix-ownership'), false),
    clean: parseBoolean('clean', read('clean'), true),
    fetchTags: parseBoolean('fetch-tags', read('fetch-tags'), true),
    showProgress: parseBoolean('show-progress', read('show-progress'), true),
    fetchDepth: parseWholeNumber('fetch-depth', read('fetch-depth'), 0, 'commits'),
    lfs: parseBoolean('lfs', read('lfs'), false),
    allowUnsafePrCheckout: parseBoolean(
      'allow-unsafe-pr-checkout',
      read('allow-unsafe-pr-checkout'),
      false
    ),
    sparseCheckout: parseSparseCheckout(read('sparse-checkout'), read('sparse-checkout-cone-mode')),
    filter,
    submodules: parseSubmodules(read('submodules'))
  };
  checkOverlaps(settings);
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
