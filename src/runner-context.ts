import * as path from 'node:path';
import { readFileSync } from 'node:fs';

/**
 * A pull request's head as the event payload names it, for the fork pull request guard: read
 * from `pull_request_target` payloads and from `workflow_run` payloads of a pull request run.
 */
export interface PullRequestHead {
  /** payload `repository.id`: the repository the workflow runs in. */
  baseRepoId: number | undefined;
  headRepoId: number | undefined;
  /** owner/name of the head's repository; '' when the payload does not say. */
  headRepoFullName: string;
  /** Commits that are the head's code (lower case): its head sha, and the merge commit's. */
  headShas: string[];
}

/** What the runner tells every step through its environment. */
export interface RunnerContext {
  workspace: string;
  runnerTemp: string;
  runnerOs: string;
  serverUrl: string;
  /** owner/name of the repository the workflow runs in. */
  workflowRepository: string;
  /** GITHUB_EVENT_NAME: push, pull_request_target, workflow_run... */
  eventName: string;
  /** The event's ref (refs/heads/x, refs/pull/1/merge, refs/tags/v1) and commit. */
  eventRef: string;
  eventSha: string;
  /** Default branch named in the event payload, when the payload says. */
  eventDefaultBranch: string;
  /** The pull request head the event is about, when it is about one. */
  pullRequestHead?: PullRequestHead;
}

type Payload = Record<string, unknown>;

function readPayload(eventPath: string | undefined): Payload {
  if (!eventPath) return {};
  try {
    const payload: unknown = JSON.parse(readFileSync(eventPath, 'utf8'));
    return typeof payload === 'object' && payload !== null ? (payload as Payload) : {};
  } catch {
    return {};
  }
}

/** The value at a dotted path of the payload, or undefined. */
function at(payload: Payload, dotted: string): unknown {
  let value: unknown = payload;
  for (const name of dotted.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Payload)[name];
  }
  return value;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const id = (value: unknown) => (typeof value === 'number' ? value : undefined);
const shas = (...values: unknown[]) =>
  values
    .map(text)
    .filter(Boolean)
    .map(sha => sha.toLowerCase());

function pullRequestHead(eventName: string, payload: Payload): PullRequestHead | undefined {
  const baseRepoId = id(at(payload, 'repository.id'));
  if (eventName === 'pull_request_target') {
    return {
      baseRepoId,
      headRepoId: id(at(payload, 'pull_request.head.repo.id')),
      headRepoFullName: text(at(payload, 'pull_request.head.repo.full_name')),
      headShas: shas(
        at(payload, 'pull_request.head.sha'),
        at(payload, 'pull_request.merge_commit_sha')
      )
    };
  }
  if (eventName === 'workflow_run') {
    const triggeredBy = text(at(payload, 'workflow_run.event'));
    if (!triggeredBy.startsWith('pull_request')) return undefined;
    return {
      baseRepoId,
      headRepoId: id(at(payload, 'workflow_run.head_repository.id')),
      headRepoFullName: text(at(payload, 'workflow_run.head_repository.full_name')),
      headShas: shas(
        at(payload, 'workflow_run.head_commit.id'),
        // After a pull_request_target run, head_sha is the base's default branch, not the head.
        triggeredBy === 'pull_request_target' ? undefined : at(payload, 'workflow_run.head_sha')
      )
    };
  }
  return undefined;
}

export function readRunnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const eventName = env.GITHUB_EVENT_NAME || '';
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  return {
    workspace: path.resolve(workspace),
    runnerTemp: path.resolve(env.RUNNER_TEMP || path.join(workspace, '..', '_temp')),
    runnerOs: env.RUNNER_OS || 'Linux',
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    workflowRepository: env.GITHUB_REPOSITORY || '',
    eventName,
    eventRef: env.GITHUB_REF || '',
    eventSha: env.GITHUB_SHA || '',
    eventDefaultBranch: text(at(payload, 'repository.default_branch')),
    pullRequestHead: pullRequestHead(eventName, payload)
  };
}
