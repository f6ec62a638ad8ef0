import { limits } from '../limits.js';
import { gitOutput, runGit, type ConfigEntry } from './exec.js';
import type { Repository } from './repository.js';

const BRANCH_REFSPEC = '+refs/heads/*:refs/remotes/origin/*';
const TAG_REFSPEC = '+refs/tags/*:refs/tags/*';

/** How a fetch from origin transfers: every one of them defaults to today's full, tagged, visible fetch. */
export interface TransferOptions {
  /** false: no tags beyond those a refspec names (`--no-tags`, no tag refspec). */
  tags?: boolean;
  /** false: git's progress is neither asked for nor streamed to the log. */
  progress?: boolean;
  /** N: a shallow fetch of depth N; 'unshallow': complete a shallow clone's history. */
  depth?: number | 'unshallow';
  /** A partial clone filter (blob:none): commits and trees, no blobs. */
  filter?: string;
}

export interface OriginFetch extends TransferOptions {
  /** Drop remote-tracking branches and tags that origin no longer has. */
  prune: boolean;
  /** Refs beyond branches and tags, e.g. a pull request's. */
  extraRefspecs?: readonly string[];
}

function transferArgs({ tags = true, progress = true, depth, filter }: TransferOptions): string[] {
  const args = [progress ? '--progress' : '--no-progress'];
  if (filter) args.push(`--filter=${filter}`);
  if (!tags) args.push('--no-tags');
  if (depth === 'unshallow') args.push('--unshallow');
  else if (depth) args.push(`--depth=${depth}`);
  return args;
}

/**
 * The repository's auth, and a bound on a transfer that stalls: curl ends one that receives less
 * than a byte a second for the fetch stall bound ("Operation too slow"), which the caller
 * retries. No faster rate is demanded: a server counting a large repository's objects sends
 * little more than its progress lines for a while.
 */
export function originConfig(repo: Repository): ConfigEntry[] {
  const stallSeconds = Math.max(1, Math.ceil(limits().fetchStallMs / 1000));
  return [
    ...repo.auth,
    { key: 'http.lowSpeedLimit', value: '1' },
    { key: 'http.lowSpeedTime', value: String(stallSeconds) }
  ];
}

/**
 * Fetches every branch and tag of origin (negotiation sends only what the repository lacks) plus
 * the extra refspecs, showing git's progress unless told not to.
 */
export async function fetchBranchesAndTags(repo: Repository, options: OriginFetch): Promise<void> {
  const args = [
    'fetch',
    ...transferArgs(options),
    '--no-auto-gc',
    '--no-recurse-submodules',
    '--no-write-fetch-head'
  ];
  if (options.prune) args.push('--prune');
  args.push('origin', BRANCH_REFSPEC);
  if (options.tags !== false) args.push(TAG_REFSPEC);
  args.push(...(options.extraRefspecs ?? []));
  await runGit(repo.dir, args, {
    config: originConfig(repo),
    progress: options.progress !== false
  });
}

/** Fetches one commit of origin by its id, showing git's progress unless told not to. */
export async function fetchOneCommit(
  repo: Repository,
  commit: string,
  options: TransferOptions = {}
): Promise<void> {
  await runGit(
    repo.dir,
    ['fetch', ...transferArgs(options), '--no-auto-gc', '--no-write-fetch-head', 'origin', commit],
    { config: originConfig(repo), progress: options.progress !== false }
  );
}

/** Fetches one tag of origin by its name (when other tags are not fetched). */
export async function fetchOneTag(
  repo: Repository,
  name: string,
  options: TransferOptions = {}
): Promise<void> {
  const args = [
    'fetch',
    ...transferArgs({ ...options, tags: false }),
    '--no-auto-gc',
    '--no-write-fetch-head',
    'origin',
    `+refs/tags/${name}:refs/tags/${name}`
  ];
  await runGit(repo.dir, args, {
    config: originConfig(repo),
    progress: options.progress !== false
  });
}

/**
 * Fetches objects of origin by their ids (the blobs a blobless clone is about to check out), in
 * one request, as git's own on-demand fetch does: no negotiation, no refs, no tags.
 */
export async function fetchObjectsById(
  repo: Repository,
  ids: readonly string[],
  options: TransferOptions = {}
): Promise<void> {
  const args = [
    'fetch',
    ...transferArgs({ ...options, tags: false, depth: undefined }),
    '--no-auto-gc',
    '--no-write-fetch-head',
    '--no-recurse-submodules',
    '--stdin',
    'origin'
  ];
  await runGit(repo.dir, args, {
    config: [...originConfig(repo), { key: 'fetch.negotiationAlgorithm', value: 'noop' }],
    progress: options.progress !== false,
    input: ids.join('\n') + '\n'
  });
}

/** The branch origin's HEAD names, asked of the server; '' when it names none. */
export async function askDefaultBranch(repo: Repository): Promise<string> {
  const listed = await runGit(repo.dir, ['ls-remote', '--symref', 'origin', 'HEAD'], {
    config: originConfig(repo)
  });
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(listed.stdout);
  return match ? match[1] : '';
}

/** Copies the local branches of the repository at `sourceDir` (on this machine) as they are. */
export async function fetchLocalBranchesFrom(repo: Repository, sourceDir: string): Promise<void> {
  await runGit(repo.dir, [
    'fetch',
    '--quiet',
    '--no-tags',
    '--no-write-fetch-head',
    sourceDir,
    '+refs/heads/*:refs/heads/*'
  ]);
}

/** The names of the configured remotes. */
export async function remoteNames(repo: Repository): Promise<string[]> {
  return (await gitOutput(repo.dir, ['remote'])).split('\n');
}

/** The URL git fetches origin from, or with `push` the one it pushes to. */
export function readOriginUrl(repo: Repository, use: 'fetch' | 'push'): Promise<string> {
  return gitOutput(repo.dir, [
    'remote',
    'get-url',
    ...(use === 'push' ? ['--push'] : []),
    'origin'
  ]);
}

/** What origin says of some branches, in one round trip. */
export interface OriginTips {
  /** The branch origin's HEAD names; '' when it names none. */
  defaultBranch: string;
  /** The tip of each asked branch that origin has, by branch name. */
  tips: Map<string, string>;
}

/** Asks origin for its HEAD and the tips of `branches` (`git ls-remote --symref`). */
export async function askOriginTips(repo: Repository, branches: string[]): Promise<OriginTips> {
  const refs = branches.map(branch => `refs/heads/${branch}`);
  const listed = await runGit(repo.dir, ['ls-remote', '--symref', 'origin', 'HEAD', ...refs], {
    config: originConfig(repo)
  });
  const defaultBranch = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(listed.stdout)?.[1] ?? '';
  const tips = new Map<string, string>();
  for (const line of listed.stdout.split('\n')) {
    const [object, ref] = line.split('\t');
    // ls-remote matches patterns against the tail of a ref name: only exact names count.
    if (ref && refs.includes(ref) && /^[0-9a-f]{40,64}$/.test(object)) {
      tips.set(ref.slice('refs/heads/'.length), object);
    }
  }
  return { defaultBranch, tips };
}
