import { runGit } from './exec.js';
import type { Repository } from './repository.js';

/**
 * The objects of the commits' trees that a partial clone does not hold, found without fetching
 * them: `rev-list --missing=print` lists each absent object (`?<id>`) where any other read would
 * ask the promisor remote for it, one object at a time.
 */
export async function missingObjectsOfCommits(
  repo: Repository,
  commits: readonly string[]
): Promise<string[]> {
  const listed = await runGit(repo.dir, [
    'rev-list',
    '--objects',
    '--no-walk',
    '--missing=print',
    ...commits,
    '--'
  ]);
  return listed.stdout
    .split('\n')
    .filter(line => line.startsWith('?'))
    .map(line => line.slice(1).trim());
}
