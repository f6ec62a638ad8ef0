import { globEscape, type IncludeLine } from '../clone/credentials.js';
import type { ConfigEntry } from '../git/exec.js';
import { checkedOutSubmodules } from '../git/submodules.js';
import { Repository } from '../git/repository.js';

/**
 * The lines that give each checked-out submodule (nested ones too) of the superprojects the
 * credentials file, as actions/checkout configures submodules for later steps: a submodule reads
 * its own config, not the superproject's. The file's header is scoped to origin's host, so
 * submodules elsewhere still get nothing. `rewrites` (the ssh-to-https rule of a token job) go
 * into each submodule's own config too, as checkout puts them; the post step takes them back.
 */
export async function submoduleIncludes(
  superprojects: readonly string[],
  file: string,
  rewrites: readonly ConfigEntry[] = []
): Promise<IncludeLine[]> {
  const includes: IncludeLine[] = [];
  for (const superproject of superprojects) {
    for (const dir of await checkedOutSubmodules(new Repository(superproject))) {
      const gitDir = await new Repository(dir).absoluteGitDir();
      const local = (key: string, value: string) =>
        includes.push({ scope: 'local', repoDir: dir, key, value });
      local(`includeIf.gitdir:${globEscape(gitDir)}.path`, file);
      for (const { key, value } of rewrites) local(key, value);
    }
  }
  return includes;
}
