import * as core from '@actions/core';
import { promises as fs, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { errorMessage, type Fallback } from '../errors.js';
import { copyTree, exists, withTimeout } from '../fs-util.js';
import { Repository } from '../git/repository.js';
import { markAsActionClone } from './marker.js';
import { sanitizeGitDir } from './sanitize.js';

/** A seed either placed the cached `.git`, or gave up and left nothing of it behind. */
export type SeedOutcome =
  | {
      seeded: true;
      /** How the `.git` got into place: a rename (no bytes copied) or a copy across file systems. */
      method: 'rename' | 'copy';
      /** The commit the cached clone was at. */
      cachedCommit: string;
    }
  | { seeded: false; failure: Fallback };

/** The outermost directory of `target` that does not exist yet (what mkdir -p will create). */
async function firstMissingAncestor(target: string): Promise<string | undefined> {
  let missing: string | undefined;
  for (let dir = target; !(await exists(dir)); dir = path.dirname(dir)) {
    missing = dir;
    if (path.dirname(dir) === dir) break;
  }
  return missing;
}

/** A copy in progress; a leftover one (from a killed job) is removed by the next seed. */
export const PARTIAL_SUFFIX = '.clone-cache-partial';

async function moveIntoPlace(staged: string, target: string, signal: AbortSignal) {
  try {
    await fs.rename(staged, target);
    return 'rename' as const;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  // Copied beside the target and renamed into place, so a killed copy never looks like a .git.
  const partial = `${target}${PARTIAL_SUFFIX}`;
  await fs.rm(partial, { recursive: true, force: true });
  await copyTree(staged, partial, signal);
  await fs.rename(partial, target);
  await fs.rm(staged, { recursive: true, force: true });
  return 'copy' as const;
}

/**
 * The seeded clone must be a repository of its own whose HEAD names a commit with a tree, and
 * whose refs name objects it has.
 */
async function verifyClone(
  clonePath: string,
  gitDir: string,
  tips: { ref: string; object: string }[]
): Promise<string> {
  const clone = new Repository(clonePath);
  const actualGitDir = await clone.absoluteGitDir();
  if (realpathSync(actualGitDir) !== realpathSync(gitDir)) {
    throw new Error(`git resolves ${clonePath} to ${actualGitDir}, not to the seeded .git`);
  }
  const commit = await clone.resolveCommit('HEAD');
  if (!commit) throw new Error('HEAD of the cached clone does not resolve to a commit');
  if (!(await clone.hasTree(commit))) {
    throw new Error(`the tree of the cached commit ${commit} is missing`);
  }
  const missing = new Set(await clone.missingObjects(tips.map(tip => tip.object)));
  const dangling = tips.find(tip => missing.has(tip.object));
  if (dangling) {
    throw new Error(
      `the cached clone has a bad ref: ${JSON.stringify(dangling.ref)} names the missing object ${dangling.object}`
    );
  }
  return commit;
}

/**
 * Puts a restored `.git` at `<clonePath>/.git`, sanitized and verified. Any failure, a timeout
 * included, removes exactly what the seed created and reports why; the caller then clones.
 */
export async function seedClone(
  stagedGitDir: string,
  clonePath: string,
  originUrl: string,
  timeoutMs: number,
  archiveBytes?: number,
  filter = ''
): Promise<SeedOutcome> {
  const target = path.join(clonePath, '.git');
  const createdRoot = await firstMissingAncestor(clonePath);
  const abort = new AbortController();
  let placed = false;
  const work = (async (): Promise<SeedOutcome> => {
    const { removed, tips } = await sanitizeGitDir(stagedGitDir, originUrl, archiveBytes, filter);
    if (removed.length > 0) {
      core.warning(`The cached clone carried ${removed.join(', ')}; removed before use.`, {
        title: 'Clone cache sanitized'
      });
    }
    await fs.mkdir(clonePath, { recursive: true });
    placed = true;
    const method = await moveIntoPlace(stagedGitDir, target, abort.signal);
    const cachedCommit = await verifyClone(clonePath, target, tips);
    await markAsActionClone(target);
    core.info(
      method === 'rename'
        ? `Seeded ${target}: the restored .git was renamed into place.`
        : `Seeded ${target}: the restored .git was copied (the staging folder is on another file system).`
    );
    return { seeded: true as const, method, cachedCommit };
  })();
  try {
    return await withTimeout(work, timeoutMs, 'Seeding the workspace', () => abort.abort());
  } catch (error) {
    // Let in-flight work stop before removing what it wrote.
    await withTimeout(
      work.catch(() => undefined),
      30_000,
      'Stopping the seed'
    ).catch(() => undefined);
    if (placed) {
      await fs.rm(createdRoot ?? target, { recursive: true, force: true });
      await fs.rm(`${target}${PARTIAL_SUFFIX}`, { recursive: true, force: true });
    }
    return { seeded: false, failure: { reason: errorMessage(error), cause: error } };
  }
}
