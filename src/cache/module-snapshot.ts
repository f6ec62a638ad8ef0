import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errorMessage } from '../errors.js';
import { Repository } from '../git/repository.js';
import { findModuleDirs } from '../seed/module-dirs.js';

type SnapshotOne = (
  repo: Repository,
  gitDir: string,
  commit: string,
  snapshotDir: string,
  originUrl: string
) => Promise<void>;

/**
 * Adds each submodule repository of `gitDir` (and theirs) to the snapshot as `modules/<name>`, at
 * the commit it has checked out, with the template config and no URL: the job that restores it
 * sets the URL from its own .gitmodules. One that cannot be saved (shallow, never checked out)
 * is left out with an info line; that job clones it.
 */
export async function snapshotModules(
  gitDir: string,
  snapshotDir: string,
  snapshotOne: SnapshotOne
): Promise<void> {
  for (const name of (await findModuleDirs(gitDir)).dirs) {
    const moduleDir = path.join(gitDir, 'modules', name);
    const target = path.join(snapshotDir, 'modules', name);
    const repo = new Repository(moduleDir);
    try {
      const commit = await repo.resolveCommit('HEAD');
      if (!commit) throw new Error('it has no commit checked out');
      await snapshotOne(repo, moduleDir, commit, target, '');
      await snapshotModules(moduleDir, target, snapshotOne);
    } catch (error) {
      await fs.rm(target, { recursive: true, force: true });
      core.info(`Submodule repository ${name} is not saved: ${errorMessage(error)}`);
    }
  }
}
