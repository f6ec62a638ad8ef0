import { describe, expect, test } from '@jest/globals';
import type { Settings } from '../../src/inputs/settings.js';
import { forkPrCheckout, refuseUnsafePrCheckout } from '../../src/main-step/pr-guard.js';
import type { PullRequestHead, RunnerContext } from '../../src/runner-context.js';

const HEAD = 'c'.repeat(40);
const MERGE = 'd'.repeat(64);
const forkHead: PullRequestHead = {
  baseRepoId: 1,
  headRepoId: 2,
  headRepoFullName: 'mallory/widgets',
  headShas: [HEAD, MERGE]
};

function contextOf(eventName: string, head: PullRequestHead | undefined): RunnerContext {
  return {
    workspace: '/w',
    runnerTemp: '/t',
    runnerOs: 'Linux',
    serverUrl: 'https://github.com',
    workflowRepository: 'acme/widgets',
    eventName,
    eventRef: 'refs/heads/main',
    eventSha: 'e'.repeat(40),
    eventDefaultBranch: 'main',
    pullRequestHead: head
  };
}

type Case = [
  string,
  string,
  PullRequestHead | undefined,
  { repository?: string; ref?: string },
  string
];

describe('a fork pull request head is checked out', () => {
  test.each<Case>([
    ['the default self-checkout', 'pull_request_target', forkHead, {}, ''],
    ['the default self-checkout, workflow_run', 'workflow_run', forkHead, {}, ''],
    [
      'refs/pull/N/merge',
      'pull_request_target',
      forkHead,
      { ref: 'refs/pull/7/merge' },
      'pull_request_target'
    ],
    ['refs/pull/N/head', 'workflow_run', forkHead, { ref: 'refs/pull/7/head' }, 'workflow_run'],
    ['the head sha', 'pull_request_target', forkHead, { ref: HEAD }, 'pull_request_target'],
    [
      'the head sha in upper case',
      'pull_request_target',
      forkHead,
      { ref: HEAD.toUpperCase() },
      'pull_request_target'
    ],
    [
      'the merge sha (sha-256)',
      'pull_request_target',
      forkHead,
      { ref: MERGE },
      'pull_request_target'
    ],
    [
      'the fork repository, no ref',
      'pull_request_target',
      forkHead,
      { repository: 'Mallory/Widgets' },
      'pull_request_target'
    ],
    [
      'the fork repository, a branch',
      'workflow_run',
      forkHead,
      { repository: 'mallory/widgets', ref: 'topic' },
      'workflow_run'
    ],
    ['a branch of the base', 'pull_request_target', forkHead, { ref: 'main' }, ''],
    ['another commit of the base', 'pull_request_target', forkHead, { ref: 'f'.repeat(40) }, ''],
    [
      'a pull ref of another form',
      'pull_request_target',
      forkHead,
      { ref: 'refs/pull/7/other' },
      ''
    ],
    ['another repository', 'pull_request_target', forkHead, { repository: 'acme/tools' }, ''],
    [
      'a same-repository pull request',
      'pull_request_target',
      { ...forkHead, headRepoId: 1, headRepoFullName: 'acme/widgets' },
      { ref: 'refs/pull/7/merge' },
      ''
    ],
    [
      'a pull_request event (its token is the fork’s, read-only)',
      'pull_request',
      forkHead,
      { ref: 'refs/pull/7/merge' },
      ''
    ],
    ['a push', 'push', undefined, { ref: 'refs/pull/7/merge' }, ''],
    [
      'workflow_run after a push (no head)',
      'workflow_run',
      undefined,
      { ref: 'refs/pull/7/merge' },
      ''
    ],
    [
      'no base repository id in the payload',
      'pull_request_target',
      { ...forkHead, baseRepoId: undefined },
      { ref: HEAD },
      ''
    ],
    [
      'no head repository id in the payload',
      'pull_request_target',
      { ...forkHead, headRepoId: undefined },
      { ref: HEAD },
      ''
    ]
  ])('%s (%s)', (_label, eventName, head, inputs, expected) => {
    const settings = { repository: 'acme/widgets', ref: '', ...inputs };
    expect(forkPrCheckout(settings, contextOf(eventName, head))).toBe(expected);
  });
});

describe('the refusal', () => {
  const settings = (allowUnsafePrCheckout: boolean) =>
    ({ repository: 'acme/widgets', ref: 'refs/pull/7/merge', allowUnsafePrCheckout }) as Settings;
  const context = contextOf('pull_request_target', forkHead);

  test('says what it refuses, why, and the opt-in', () => {
    let thrown: unknown;
    try {
      refuseUnsafePrCheckout(settings(false), context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      name: 'ActionError',
      title: 'Fork pull request checkout refused'
    });
    const message = (thrown as Error).message;
    expect(message).toContain("in a 'pull_request_target' run");
    expect(message).toContain('token, secrets');
    expect(message).toContain("'allow-unsafe-pr-checkout: true'");
    expect(message).toContain('never saves a cache entry');
  });

  test('allow-unsafe-pr-checkout lets it through', () => {
    expect(() => refuseUnsafePrCheckout(settings(true), context)).not.toThrow();
  });
});
