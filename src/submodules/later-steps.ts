import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { globEscape, type IncludeLine } from '../clone/credentials.js';
import type { ConfigEntry } from '../git/exec.js';
import { checkedOutSubmodules } from '../git/submodules.js';
import { Repository } from '../git/repository.js';
import { isInside } from '../fs-util.js';

/** Where a container step sees the workspace and RUNNER_TEMP (the runner mounts them there). */
const CONTAINER_WORKSPACE = '/github/workspace';
const CONTAINER_RUNNER_TEMP = '/github/runner_temp';

export interface SubmoduleLaterSteps {
  /** GITHUB_WORKSPACE on the runner: git directories inside it get a container include too. */
  workspace: string;
  /** The ssh-to-https rule of a token job, or none. */
  rewrites: readonly ConfigEntry[];
}

/**
 * `gitDir` as a container step sees it, or undefined when it is outside the workspace (a task
 * worktree's default folder): no container sees it. git reports git directories with symbolic
 * links resolved, so the workspace is tried both as given and resolved.
 */
function containerGitDir(gitDir: string, workspaces: readonly string[]): string | undefined {
  const workspace = workspaces.find(dir => isInside(dir, gitDir));
  if (workspace === undefined) return undefined;
  const relative = path.relative(workspace, gitDir).split(path.sep).join('/');
  return path.posix.join(CONTAINER_WORKSPACE, relative);
}

/**
 * The lines that give each checked-out submodule (nested ones too) of the superprojects the
 * credentials file, as actions/checkout configures submodules for later steps: a submodule reads
 * its own config, not the superproject's. As for the main clone, a second include names the
 * git directory and the file as a container step sees them. The file's header is scoped to
 * origin's host, so submodules elsewhere still get nothing. The rewrites go into each
 * submodule's own config too, as checkout puts them; the post step takes every line back.
 */
export async function submoduleIncludes(
  superprojects: readonly string[],
  file: string,
  { workspace, rewrites }: SubmoduleLaterSteps
): Promise<IncludeLine[]> {
  const workspaces = [workspace, await fs.realpath(workspace).catch(() => workspace)];
  const fileInContainer = path.posix.join(CONTAINER_RUNNER_TEMP, path.basename(file));
  const includes: IncludeLine[] = [];
  for (const superproject of superprojects) {
    for (const dir of await checkedOutSubmodules(new Repository(superproject))) {
      const gitDir = await new Repository(dir).absoluteGitDir();
      const local = (key: string, value: string) =>
        includes.push({ scope: 'local', repoDir: dir, key, value });
      local(`includeIf.gitdir:${globEscape(gitDir)}.path`, file);
      const inContainer = containerGitDir(gitDir, workspaces);
      if (inContainer) local(`includeIf.gitdir:${globEscape(inContainer)}.path`, fileInContainer);
      for (const { key, value } of rewrites) local(key, value);
    }
  }
  return includes;
}
