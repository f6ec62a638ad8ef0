import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Repository } from '../git/repository.js';
import { refreshHostClone, withHostCloneLock, type HostClonePaths } from '../host/host-clone.js';
import {
  STAGING_RELATIVE,
  STAGING_ROOT,
  type CacheBackend,
  type RestoreResult
} from './backend.js';
import { buildSnapshot } from './snapshot.js';

/**
 * The self-hosted backend: the clone cache is a persistent clone in `cache-dir`, refreshed under
 * its lock by every job. "Restoring" links its objects into the staging folder (hard links, a
 * reflink or plain copy across file systems), so the seeded `path` owns its objects and stays
 * valid whatever later happens to the host clone (no alternates that could dangle).
 */
export class HostDirBackend implements CacheBackend {
  readonly source = 'host-dir' as const;
  private readonly stagingDir: string;
  private readonly hostClone: Repository;

  /** `clone` is any handle that carries origin's auth: the backend works at `paths.dir`. */
  constructor(
    private readonly paths: HostClonePaths,
    private readonly workspace: string,
    private readonly originUrl: string,
    clone: Repository,
    private readonly showProgress = true
  ) {
    this.stagingDir = path.join(workspace, STAGING_RELATIVE);
    this.hostClone = clone.at(paths.dir);
  }

  async available(): Promise<boolean> {
    return true;
  }

  async cleanStaging(): Promise<void> {
    await fs.rm(path.join(this.workspace, STAGING_ROOT), { recursive: true, force: true });
  }

  async restore(): Promise<RestoreResult> {
    await this.cleanStaging();
    return withHostCloneLock(this.paths.lock, this.paths.dir, async () => {
      const refresh = await refreshHostClone(this.paths, this.originUrl, this.hostClone, {
        progress: this.showProgress
      });
      const headRef = refresh.defaultBranch
        ? `refs/remotes/origin/${refresh.defaultBranch}`
        : 'HEAD';
      // HEAD of the seed is where the host clone was before this refresh, so stale-commits counts
      // what the refresh brought.
      const before = refresh.tipsBefore.get(headRef);
      const commit =
        (before && (await this.hostClone.resolveCommit(before))) ||
        (await this.hostClone.resolveCommit(headRef));
      await buildSnapshot(this.paths.dir, commit, this.stagingDir, this.originUrl);
      return {
        matchedKey: refresh.created ? '' : `host-dir:${this.paths.scope}`,
        gitDir: this.stagingDir
      };
    });
  }
}
