import * as path from 'node:path';
import { readFileSync } from 'node:fs';

/** What the runner tells every step through its environment. */
export interface RunnerContext {
  workspace: string;
  runnerTemp: string;
  runnerOs: string;
  serverUrl: string;
  /** owner/name of the repository the workflow runs in. */
  workflowRepository: string;
  /** The event's ref (refs/heads/x, refs/pull/1/merge, refs/tags/v1) and commit. */
  eventRef: string;
  eventSha: string;
  /** Default branch named in the event payload, when the payload says. */
  eventDefaultBranch: string;
}

function eventDefaultBranch(eventPath: string | undefined): string {
  if (!eventPath) return '';
  try {
    const payload = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      repository?: { default_branch?: unknown };
    };
    const branch = payload.repository?.default_branch;
    return typeof branch === 'string' ? branch : '';
  } catch {
    return '';
  }
}

export function readRunnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  return {
    workspace: path.resolve(workspace),
    runnerTemp: path.resolve(env.RUNNER_TEMP || path.join(workspace, '..', '_temp')),
    runnerOs: env.RUNNER_OS || 'Linux',
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    workflowRepository: env.GITHUB_REPOSITORY || '',
    eventRef: env.GITHUB_REF || '',
    eventSha: env.GITHUB_SHA || '',
    eventDefaultBranch: eventDefaultBranch(env.GITHUB_EVENT_PATH)
  };
}
