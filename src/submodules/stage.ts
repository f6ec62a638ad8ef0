import { Repository } from '../git/repository.js';
import type { Job } from '../main-step/job.js';
import { sshToHttpsRewrites } from './ssh-rewrite.js';
import { updateSubmodules } from './update.js';

export interface SubmoduleStage {
  /** The clone was seeded from a cache entry: its submodule repositories are verified first. */
  fromCache: boolean;
  /** The superproject is shallow (fetch-depth on a miss): submodules get the same depth. */
  shallow: boolean;
  /** For a task worktree: the main clone's git directory, whose submodule repositories it copies. */
  localSource?: string;
}

/**
 * The submodules input's stage: nothing when it is false. Its git commands get the superproject's
 * auth and, with the token, the rule that fetches ssh submodule URLs of origin's host over https.
 */
export async function checkOutSubmodules(
  job: Job,
  superproject: Repository,
  { fromCache, shallow, localSource }: SubmoduleStage
): Promise<void> {
  const { settings, stages } = job;
  if (settings.submodules === 'none') return;
  const withRewrites = new Repository(superproject.dir, [
    ...superproject.auth,
    ...sshToHttpsRewrites(settings.originUrl, settings.ssh !== undefined)
  ]);
  await stages.run(
    'checkout',
    `Checking out submodules${settings.submodules === 'recursive' ? ' (recursive)' : ''} in ${superproject.dir}`,
    () =>
      updateSubmodules(withRewrites, {
        recursive: settings.submodules === 'recursive',
        verifyCached: fromCache,
        depth: shallow ? settings.fetchDepth : 0,
        progress: settings.showProgress,
        localSource,
        hostSource: settings.cacheDir
          ? { cacheDir: settings.cacheDir, progress: settings.showProgress }
          : undefined
      }),
    { cwd: superproject.dir, writing: superproject.dir }
  );
}
