import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errorMessage } from '../errors.js';

/** Half-built or swapped-out clones of a holder that was killed (only a lock holder makes them). */
export async function removeLeftovers(cacheDir: string, scope: string): Promise<void> {
  for (const name of await fs.readdir(cacheDir)) {
    if (name.startsWith(`.${scope}.tmp-`) || name.startsWith(`.${scope}.old-`)) {
      core.info(`Removing ${name}, left in ${cacheDir} by a job that was killed.`);
      // A git process that outlived its killed job may still be writing there: retry, and if it
      // is still busy, leave it for the next job rather than fail this one.
      await fs
        .rm(path.join(cacheDir, name), { recursive: true, force: true, maxRetries: 5 })
        .catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOTEMPTY' && error.code !== 'EBUSY') throw error;
          core.warning(
            `Could not remove ${name} from ${cacheDir} yet (${errorMessage(error)}); the next refresh tries again.`
          );
        });
    }
  }
}

/**
 * Lock files that only a fetch, gc or config write into the host clone makes: those run only under
 * the host clone's lock, so any found while holding it were left by a killed job. (Lock files of
 * local branches are not touched: jobs commit in their worktrees without the host lock.)
 */
export async function removeStaleGitLocks(dir: string): Promise<void> {
  // A job's own git commands (a push updating a tracking ref) hold these for milliseconds:
  // only one older than a minute is a leftover.
  const removeIfOld = async (file: string) => {
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > 60_000) await fs.rm(file, { force: true });
  };
  for (const name of ['packed-refs.lock', 'config.lock', 'shallow.lock', 'HEAD.lock', 'gc.pid']) {
    await removeIfOld(path.join(dir, name));
  }
  for (const refs of ['refs/remotes', 'refs/tags']) {
    const root = path.join(dir, refs);
    const entries = await fs.readdir(root, { recursive: true }).catch(() => [] as string[]);
    for (const entry of entries) {
      if (String(entry).endsWith('.lock')) await removeIfOld(path.join(root, String(entry)));
    }
  }
}
