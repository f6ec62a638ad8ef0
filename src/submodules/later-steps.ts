import { globEscape, type IncludeLine } from '../clone/credentials.js';
import { checkedOutSubmodules } from '../git/submodules.js';
import { Repository } from '../git/repository.js';

/**
 * The include lines that give each checked-out submodule (nested ones too) of the superprojects
 * the credentials file, as actions/checkout configures submodules for later steps: a submodule
 * reads its own config, not the superproject's. The file's header is scoped to origin's host, so
 * submodules elsewhere still get nothing.
 */
export async function submoduleIncludes(
  superprojects: readonly string[],
  file: string
): Promise<IncludeLine[]> {
  const includes: IncludeLine[] = [];
  for (const superproject of superprojects) {
    for (const dir of await checkedOutSubmodules(new Repository(superproject))) {
      const gitDir = await new Repository(dir).absoluteGitDir();
      includes.push({
        scope: 'local',
        repoDir: dir,
        key: `includeIf.gitdir:${globEscape(gitDir)}.path`,
        value: file
      });
    }
  }
  return includes;
}
