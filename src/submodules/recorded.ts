import { gitmodulesNames, stagedGitlinks } from '../git/submodules.js';
import type { Repository } from '../git/repository.js';

/** A submodule the superproject's index records: where it goes and at which commit. */
export interface RecordedSubmodule {
  path: string;
  commit: string;
  /** Its name in .gitmodules (the folder under `modules/`), or '' when .gitmodules has none. */
  name: string;
}

/** The gitlinks of the index, with their names from the checked-out .gitmodules. */
export async function recordedSubmodules(repo: Repository): Promise<RecordedSubmodule[]> {
  const gitlinks = await stagedGitlinks(repo);
  if (gitlinks.length === 0) return [];
  const names = await gitmodulesNames(repo);
  return gitlinks.map(link => ({ ...link, name: names.get(link.path) ?? '' }));
}
