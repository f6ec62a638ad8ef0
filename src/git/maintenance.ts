import { runGit } from './exec.js';
import type { Repository } from './repository.js';

/**
 * `git gc --auto` in the foreground (a detached gc would outlive the lock it runs under). A
 * failure is ignored: the next run tries again.
 */
export async function collectGarbageIfDue(repo: Repository): Promise<void> {
  await runGit(repo.dir, ['-c', 'gc.autoDetach=false', 'gc', '--auto', '--quiet'], {
    allowFailure: true
  });
}
