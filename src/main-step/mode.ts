import * as path from 'node:path';
import { hostClonePaths, type HostClonePaths } from '../host/host-clone.js';
import type { Settings } from '../inputs/settings.js';
import type { DiagnosisSettings } from '../permissions/diagnose.js';
import type { RunnerContext } from '../runner-context.js';
import { folderNameFor } from '../worktree/names.js';

/**
 * How this job gets its clone, chosen once from the settings and recorded in the state, so the
 * post step does what the mode needs without deriving it again:
 * - `hosted-cache`: @actions/cache restores an entry that seeds `path` (the post step may save one);
 * - `host-clone-seed`: the persistent host clone in `cache-dir` seeds `path`;
 * - `host-worktree`: the task worktree comes straight from the host clone; `path` is untouched.
 */
export type Mode =
  | { kind: 'hosted-cache' }
  | { kind: 'host-clone-seed'; hostClone: HostClonePaths }
  | { kind: 'host-worktree'; hostClone: HostClonePaths };

export type ModeKind = Mode['kind'];

export function chooseMode(settings: Settings): Mode {
  if (!settings.cacheDir) return { kind: 'hosted-cache' };
  const hostClone = hostClonePaths(settings.cacheDir, settings.repoName, settings.originUrl);
  return settings.branch
    ? { kind: 'host-worktree', hostClone }
    : { kind: 'host-clone-seed', hostClone };
}

/** `worktree-path`, or `<parent of the workspace>/_wt/<repo>/<safe branch folder>`. */
export function worktreeFolder(settings: Settings, context: RunnerContext): string {
  return (
    settings.worktreePath ||
    path.join(
      path.dirname(context.workspace),
      '_wt',
      settings.repoName,
      folderNameFor(settings.branch)
    )
  );
}

/** The directories the mode writes: the only ones the permission diagnosis may scan and fix. */
export function diagnosisSettings(
  mode: ModeKind,
  settings: Settings,
  context: RunnerContext
): DiagnosisSettings {
  const worktreeRoot = settings.branch
    ? settings.worktreePath || path.dirname(path.dirname(worktreeFolder(settings, context)))
    : '';
  const writesPath = mode !== 'host-worktree';
  const roots = [
    writesPath ? settings.workspace : '',
    writesPath ? settings.clonePath : '',
    worktreeRoot,
    settings.cacheDir
  ];
  return {
    enabled: settings.diagnosePermissions,
    fixOwnership: settings.fixOwnership,
    roots: roots.filter(Boolean)
  };
}
