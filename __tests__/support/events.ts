import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Repository ids in the payloads: the base repository's, and a fork's. */
export const BASE_REPO_ID = 1001;
export const FORK_REPO_ID = 2002;

export interface PullRequestEventOptions {
  /** owner/name of the base repository (the workflow's). */
  base: string;
  /** owner/name of the head's repository: the base itself for a same-repository pull request. */
  head: string;
  headSha: string;
  mergeSha?: string;
  defaultBranch?: string;
}

const headRepoId = (options: PullRequestEventOptions) =>
  options.head === options.base ? BASE_REPO_ID : FORK_REPO_ID;

const repository = (options: PullRequestEventOptions) => ({
  id: BASE_REPO_ID,
  full_name: options.base,
  default_branch: options.defaultBranch ?? 'main'
});

/** A pull_request_target payload, with the fields GitHub sends that the guard reads. */
export function pullRequestTargetPayload(options: PullRequestEventOptions): object {
  return {
    action: 'opened',
    number: 7,
    repository: repository(options),
    pull_request: {
      number: 7,
      head: {
        sha: options.headSha,
        ref: 'topic',
        repo: { id: headRepoId(options), full_name: options.head }
      },
      base: { ref: options.defaultBranch ?? 'main', repo: repository(options) },
      merge_commit_sha: options.mergeSha ?? null
    }
  };
}

/** A workflow_run payload after a run triggered by `triggeredBy` (pull_request, push...). */
export function workflowRunPayload(
  options: PullRequestEventOptions & { triggeredBy: string }
): object {
  return {
    action: 'completed',
    repository: repository(options),
    workflow_run: {
      event: options.triggeredBy,
      head_sha: options.headSha,
      head_branch: 'topic',
      head_commit: { id: options.headSha },
      head_repository: { id: headRepoId(options), full_name: options.head }
    }
  };
}

/** Writes the payload into `dir` and returns the runner's event variables for it. */
export function eventEnv(dir: string, name: string, payload: object): NodeJS.ProcessEnv {
  const file = path.join(dir, `event-${name}.json`);
  writeFileSync(file, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file };
}
