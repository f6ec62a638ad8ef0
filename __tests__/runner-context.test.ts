import { describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { readRunnerContext } from '../src/runner-context.js';
import {
  BASE_REPO_ID,
  eventEnv,
  FORK_REPO_ID,
  pullRequestTargetPayload,
  workflowRunPayload
} from './support/events.js';
import { useTempDir } from './support/tmp.js';

const tempDir = useTempDir();
const HEAD = 'A'.repeat(40);
const MERGE = 'b'.repeat(40);
const fork = { base: 'acme/widgets', head: 'mallory/widgets', headSha: HEAD };

describe('the event payload', () => {
  test('pull_request_target: the head repository and both commits, in lower case', () => {
    const env = eventEnv(
      tempDir(),
      'pull_request_target',
      pullRequestTargetPayload({ ...fork, mergeSha: MERGE, defaultBranch: 'trunk' })
    );
    const context = readRunnerContext(env);
    expect(context.eventName).toBe('pull_request_target');
    expect(context.eventDefaultBranch).toBe('trunk');
    expect(context.pullRequestHead).toEqual({
      baseRepoId: BASE_REPO_ID,
      headRepoId: FORK_REPO_ID,
      headRepoFullName: 'mallory/widgets',
      headShas: [HEAD.toLowerCase(), MERGE]
    });
  });

  test.each([
    ['pull_request', [HEAD.toLowerCase(), HEAD.toLowerCase()]],
    // After pull_request_target, head_sha is the base's default branch: not the head's code.
    ['pull_request_target', [HEAD.toLowerCase()]]
  ])('workflow_run after %s', (triggeredBy, headShas) => {
    const env = eventEnv(tempDir(), 'workflow_run', workflowRunPayload({ ...fork, triggeredBy }));
    expect(readRunnerContext(env).pullRequestHead).toEqual({
      baseRepoId: BASE_REPO_ID,
      headRepoId: FORK_REPO_ID,
      headRepoFullName: 'mallory/widgets',
      headShas
    });
  });

  test.each([
    [
      'workflow_run after a push',
      'workflow_run',
      workflowRunPayload({ ...fork, triggeredBy: 'push' })
    ],
    ['a pull_request event', 'pull_request', pullRequestTargetPayload(fork)],
    ['a push', 'push', { repository: { id: BASE_REPO_ID } }]
  ])('%s names no pull request head', (_label, name, payload) => {
    expect(readRunnerContext(eventEnv(tempDir(), name, payload)).pullRequestHead).toBeUndefined();
  });

  test('no payload file, or one that is not JSON, gives no facts and no failure', () => {
    expect(readRunnerContext({ GITHUB_EVENT_NAME: 'pull_request_target' })).toMatchObject({
      eventDefaultBranch: '',
      pullRequestHead: { baseRepoId: undefined, headRepoId: undefined, headShas: [] }
    });
    const env = eventEnv(tempDir(), 'push', {});
    writeFileSync(env.GITHUB_EVENT_PATH!, '{not json');
    expect(readRunnerContext(env).eventDefaultBranch).toBe('');
  });
});
