import * as path from 'node:path';
import { gitOutput, gitSucceeds, runGit, type ConfigEntry } from './exec.js';

/** The object a ref names. */
export interface RefTip {
  object: string;
  ref: string;
}

/**
 * A repository (or one of its worktrees) and the auth that its network operations send to
 * origin. What can be asked of it is here; what changes it lives beside it, one concern a file
 * (remote, refs, checkout, worktrees, config, maintenance).
 */
export class Repository {
  constructor(
    readonly dir: string,
    readonly auth: readonly ConfigEntry[] = []
  ) {}

  /** Another directory (a worktree, a staging clone) with the same auth. */
  at(dir: string): Repository {
    return new Repository(dir, this.auth);
  }

  /** The commit a revision names, or '' when it names none. */
  async resolveCommit(revision: string): Promise<string> {
    const result = await runGit(
      this.dir,
      ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`],
      { allowFailure: true }
    );
    return result.exitCode === 0 ? result.stdout.trim() : '';
  }

  /** How many commits `to` has that `from` has not. */
  async countCommits(from: string, to: string): Promise<number> {
    return Number(await gitOutput(this.dir, ['rev-list', '--count', `${from}..${to}`, '--']));
  }

  /** True when the repository's history is cut off (a shallow clone). */
  async isShallow(): Promise<boolean> {
    return (await gitOutput(this.dir, ['rev-parse', '--is-shallow-repository'])) === 'true';
  }

  /** The absolute path of the git directory (`.git`, or the repository itself when bare). */
  absoluteGitDir(): Promise<string> {
    return gitOutput(this.dir, ['rev-parse', '--absolute-git-dir']);
  }

  /** The absolute path of the directory the main worktree and all linked ones share. */
  async commonDir(): Promise<string> {
    return path.resolve(this.dir, await gitOutput(this.dir, ['rev-parse', '--git-common-dir']));
  }

  /** The id of the tree `commit` records. */
  treeOf(commit: string): Promise<string> {
    return gitOutput(this.dir, ['rev-parse', '--verify', `${commit}^{tree}`]);
  }

  /** True when the tree of `commit` can be read. */
  hasTree(commit: string): Promise<boolean> {
    return gitSucceeds(this.dir, ['cat-file', '-e', `${commit}^{tree}`]);
  }

  /** The refs under the given prefixes (all refs when none is given). */
  async refTips(...prefixes: string[]): Promise<RefTip[]> {
    const listed = await gitOutput(this.dir, [
      'for-each-ref',
      '--format=%(objectname) %(refname)',
      ...prefixes
    ]);
    return listed
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const [object, ref] = line.split(' ');
        return { object, ref };
      });
  }

  /** The ids among `objects` that the object store does not hold. */
  async missingObjects(objects: readonly string[]): Promise<string[]> {
    const checked = await gitOutput(this.dir, ['cat-file', '--batch-check'], {
      input: objects.join('\n')
    });
    return checked
      .split('\n')
      .filter(line => line.endsWith(' missing'))
      .map(line => line.split(' ')[0]);
  }

  /** Tracked files whose content differs from HEAD (staged or not). */
  async changedTrackedFiles(): Promise<string[]> {
    return (await gitOutput(this.dir, ['diff', '--name-only', 'HEAD', '--']))
      .split('\n')
      .filter(Boolean);
  }
}

/** Makes `repo.dir` (an existing folder) an empty repository, without the system's template. */
export async function initRepository(repo: Repository): Promise<void> {
  // An empty template directory: no sample hooks, no info/exclude.
  await runGit(repo.dir, ['init', '--quiet', '--template=', '--', repo.dir]);
}

/** Makes `repo.dir` (not there yet) an empty bare repository, without the system's template. */
export async function initBareRepository(repo: Repository): Promise<void> {
  await runGit(path.dirname(repo.dir), [
    'init',
    '--quiet',
    '--bare',
    '--template=',
    '--',
    repo.dir
  ]);
}
