import * as core from '@actions/core';
import { CachesApi, CachesApiError } from '../cache/caches-api.js';
import { entriesOf, planDeletions, type ListedEntry } from '../cache/superseded.js';
import { errorMessage } from '../errors.js';
import { withTimeout } from '../fs-util.js';
import { parseToken } from '../inputs/parse.js';

/** What the one info line names when the API refuses or fails. */
const PERMISSION = '`permissions: actions: write`';
/** A first save after years of entries deletes the rest over the next saves, not in one burst. */
const MAX_DELETIONS = 50;
const BUDGET_TIMEOUT_MS = 60_000;

interface BudgetScope {
  apiUrl: string;
  repository: string;
  ref: string;
  token: string;
}

/** Where to ask, from the runner's environment and the token input, or why it cannot. */
function budgetScope(env: NodeJS.ProcessEnv): BudgetScope | string {
  const apiUrl = env.GITHUB_API_URL || '';
  const repository = env.GITHUB_REPOSITORY || '';
  const ref = env.GITHUB_REF || '';
  if (!apiUrl || !repository || !ref) {
    return 'the runner did not set GITHUB_API_URL, GITHUB_REPOSITORY and GITHUB_REF';
  }
  let token = '';
  try {
    token = parseToken(core.getInput('token'));
  } catch {
    // The main step refused it already.
  }
  if (!token) return 'the token input is empty';
  core.setSecret(token);
  return { apiUrl, repository, ref, token };
}

function size(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
const totalBytes = (entries: readonly ListedEntry[]) =>
  entries.reduce((sum, entry) => sum + entry.sizeBytes, 0);

/** The one info line of a refusal or a failure: the cause, and the permission the job needs. */
function failureLine(prefix: string, error: unknown): string {
  const what = `superseded entries of ${prefix} were not deleted`;
  if (error instanceof CachesApiError && error.status === 403) {
    return `${what}: the token may not manage this repository's Actions caches (HTTP 403); to let the post step delete them, add ${PERMISSION} to the job`;
  }
  return `${what}: ${errorMessage(error)} (deleting them needs ${PERMISSION} in the job)`;
}

/** What the deletion got to, kept as it goes: a time bound or a failure reports the part done. */
interface Progress {
  listed?: ListedEntry[];
  deleted: ListedEntry[];
}

async function deleteSuperseded(
  api: CachesApi,
  scope: { prefix: string; ref: string; savedKey: string },
  progress: Progress
): Promise<void> {
  progress.listed = await api.list(`${scope.prefix}-`, scope.ref);
  const plan = planDeletions(progress.listed, scope);
  if (plan.note) core.info(`Clone cache: nothing deleted, ${plan.note}.`);
  // Oldest first: what a cut-off run leaves is the newest entries.
  for (const entry of [...plan.remove].reverse().slice(0, MAX_DELETIONS)) {
    const result = await api.remove(entry.id);
    progress.deleted.push(entry);
    core.info(
      result === 'gone'
        ? `The superseded cache entry ${entry.key} was already deleted.`
        : `Deleted the superseded cache entry ${entry.key} (${size(entry.sizeBytes)}).`
    );
  }
  if (plan.remove.length > MAX_DELETIONS) {
    core.info(
      `${plan.remove.length - MAX_DELETIONS} more superseded entries stay until the next save.`
    );
  }
}

/**
 * After a save: deletes the superseded entries of the prefix on the run's ref through the REST
 * API, and returns the line for the job summary. A refusal or any failure is one info line that
 * names the permission to add: never a warning, never a failure.
 */
export async function deleteSupersededEntries(prefix: string, savedKey: string): Promise<string> {
  const scope = budgetScope(process.env);
  if (typeof scope === 'string') {
    const line = `superseded entries are not looked for: ${scope}`;
    core.info(`Clone cache ${line}.`);
    return line;
  }
  const progress: Progress = { deleted: [] };
  let failure = '';
  try {
    await withTimeout(
      deleteSuperseded(new CachesApi(scope), { prefix, ref: scope.ref, savedKey }, progress),
      BUDGET_TIMEOUT_MS,
      'Deleting superseded cache entries'
    );
  } catch (error) {
    failure = failureLine(prefix, error);
    core.info(`Clone cache ${failure}.`);
    if (!progress.listed) return failure;
  }
  const { listed = [], deleted } = progress;
  const kept = entriesOf(listed, { prefix, ref: scope.ref }).filter(e => !deleted.includes(e));
  const noun = kept.length === 1 ? 'entry' : 'entries';
  const count = `${kept.length} ${noun} of ${prefix} on ${scope.ref}, ${size(totalBytes(kept))} in all`;
  const freed =
    deleted.length > 0
      ? ` (deleted ${deleted.length} superseded, ${size(totalBytes(deleted))})`
      : '';
  return failure ? `${count}${freed}; ${failure}` : `${count}${freed}`;
}
