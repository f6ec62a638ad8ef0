import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './errors.js';
import { isInside } from './fs-util.js';
import { checkOverlaps, type Settings } from './inputs/settings.js';

/** Where `target` leads once every symbolic link on the way is followed (it may not exist yet). */
export function resolvedPath(target: string): string {
  const rest: string[] = [];
  for (let dir = target; ; dir = path.dirname(dir)) {
    try {
      return path.join(realpathSync(dir), ...rest.reverse());
    } catch {
      if (path.dirname(dir) === dir) return target;
      rest.push(path.basename(dir));
    }
  }
}

/**
 * The path inputs, judged by where they lead rather than by their text: an earlier step can
 * have made `path` (or a folder on the way) a symbolic link to anywhere.
 */
export function checkResolvedPaths(settings: Settings): void {
  const workspace = resolvedPath(settings.workspace);
  const clonePath = resolvedPath(settings.clonePath);
  if (!isInside(workspace, clonePath)) {
    throw new InputError(
      'path',
      `${settings.clonePath} resolves to ${clonePath} through a symbolic link, outside the workspace ${workspace}; give a path inside it.`
    );
  }
  checkOverlaps({
    ...settings,
    workspace,
    clonePath,
    cacheDir: settings.cacheDir && resolvedPath(settings.cacheDir),
    worktreePath: settings.worktreePath && resolvedPath(settings.worktreePath)
  });
}
