import * as core from '@actions/core';
import { ActionsCacheBackend } from '../cache/actions-cache.js';
import { entryKey } from '../cache/backend.js';
import { buildSnapshot } from '../cache/snapshot.js';
import { withTimeout } from '../fs-util.js';
import { objectStoreProblems } from '../git/object-check.js';
import { Repository } from '../git/repository.js';
import { limits } from '../limits.js';
import type { MainState } from '../state.js';
import { decideSave } from './save-policy.js';

/** Saves a new entry when the policy says so; returns one line for the log and the summary. */
export async function saveEntry(state: MainState): Promise<string> {
  const key = entryKey(state.keyPrefix, state.commit);
  const decision = decideSave(state, key);
  if (!decision.save) return `not saved: ${decision.reason}`;
  core.startGroup('Saving the clone cache');
  core.info(`Saving ${key}: ${decision.reason}.`);
  const backend = new ActionsCacheBackend(
    state.workspace,
    state.runnerTemp,
    limits().restoreTimeoutMs
  );
  try {
    await buildSnapshot(state.clonePath, state.commit, backend.stagingDir, state.originUrl);
    // A store that holds an object other than its id says would spread to every later job.
    const started = performance.now();
    const problems = await objectStoreProblems(new Repository(backend.stagingDir));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (problems) {
      const message = `not saved: the object store fails its check (${problems})`;
      core.warning(`Clone cache ${message}`, { title: 'Clone cache post step' });
      return message;
    }
    core.info(`The object store passed git fsck in ${seconds} s.`);
    const result = await withTimeout(backend.save(key), limits().saveTimeoutMs, 'Saving the cache');
    if (!result.saved && !result.otherJob) {
      core.warning(`Clone cache not saved: ${result.message}`, { title: 'Clone cache post step' });
    }
    return result.saved ? result.message : `not saved: ${result.message}`;
  } finally {
    await backend.cleanStaging();
    core.endGroup();
  }
}
