import * as core from '@actions/core';
import * as path from 'node:path';
import { ActionsCacheBackend } from '../cache/actions-cache.js';
import { entryKey } from '../cache/backend.js';
import { cacheTokenAllowsWrites, READ_ONLY_TOKEN } from '../cache/cache-mode.js';
import { buildSnapshot } from '../cache/snapshot.js';
import { withTimeout } from '../fs-util.js';
import { mismatchedObjectsInStore } from '../git/object-check.js';
import { Repository } from '../git/repository.js';
import { lfsObjectsOf } from '../lfs/objects.js';
import { verifyLfsStoreAndReport } from '../lfs/verify.js';
import { limits } from '../limits.js';
import { findModuleDirs } from '../seed/module-dirs.js';
import type { MainState } from '../state.js';
import { decideSave } from './save-policy.js';

/** One line for the log and the summary, and whether an entry was saved. */
export interface SaveOutcome {
  line: string;
  saved: boolean;
}

const notSaved = (line: string): SaveOutcome => ({ line, saved: false });

/** Every object of the snapshot's store and of each submodule repository's in it, re-hashed. */
async function mismatchedObjectsInStores(gitDir: string): Promise<string[]> {
  const mismatched = await mismatchedObjectsInStore(new Repository(gitDir));
  for (const name of (await findModuleDirs(gitDir)).dirs) {
    mismatched.push(...(await mismatchedObjectsInStores(path.join(gitDir, 'modules', name))));
  }
  return mismatched;
}

/** The snapshot, re-hashed whole (an object other than its id says would spread), then saved. */
async function snapshotCheckAndSave(
  state: MainState,
  backend: ActionsCacheBackend,
  key: string
): Promise<SaveOutcome> {
  const clone = new Repository(state.clonePath);
  const lfsOids = state.lfs ? await lfsObjectsOf(clone, state.commit) : [];
  await buildSnapshot(state.clonePath, state.commit, backend.stagingDir, state.originUrl, {
    lfsOids,
    filter: state.filter ?? ''
  });
  // An LFS object other than its name says is left out of the entry (and said so).
  if (lfsOids.length > 0) await verifyLfsStoreAndReport(backend.stagingDir);
  const started = performance.now();
  const mismatched = await mismatchedObjectsInStores(backend.stagingDir);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (mismatched.length > 0) {
    const message = `not saved: the object store holds ${mismatched.length} object(s) whose content does not match the id (${mismatched.slice(0, 3).join(', ')})`;
    core.warning(`Clone cache ${message}`, { title: 'Clone cache post step' });
    return notSaved(message);
  }
  core.info(`Every object of the store was re-hashed in ${seconds} s.`);
  const result = await backend.save(key);
  if (result.writeDenied) return notSaved(result.message);
  if (!result.saved && !result.otherJob) {
    core.warning(`Clone cache not saved: ${result.message}`, { title: 'Clone cache post step' });
  }
  return result.saved
    ? { line: result.message, saved: true }
    : notSaved(`not saved: ${result.message}`);
}

/** Saves a new entry when the policy says so. */
export async function saveEntry(state: MainState): Promise<SaveOutcome> {
  const key = entryKey(state.keyPrefix, state.commit);
  const decision = decideSave(state, key);
  if (!decision.save) return notSaved(`not saved: ${decision.reason}`);
  if (!cacheTokenAllowsWrites()) return notSaved(READ_ONLY_TOKEN);
  core.startGroup('Saving the clone cache');
  core.info(`Saving ${key}: ${decision.reason}.`);
  const backend = new ActionsCacheBackend(
    state.workspace,
    state.runnerTemp,
    limits().restoreTimeoutMs
  );
  try {
    const work = snapshotCheckAndSave(state, backend, key);
    return await withTimeout(work, limits().saveTimeoutMs, 'Saving the cache');
  } finally {
    await backend.cleanStaging();
    core.endGroup();
  }
}
