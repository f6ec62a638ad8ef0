import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Target } from '../../src/clone/ref.js';
import type { MainResult } from '../../src/main-step/result.js';
import { checkedOut, outputsOf, stateOf, summaryRowsOf } from '../../src/main-step/views.js';
import { parseSettings } from '../../src/inputs/settings.js';
import type { RunnerContext } from '../../src/runner-context.js';
import { ROOT } from '../support/runner.js';

const SHA = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);

const seededHosted: MainResult = {
  mode: 'hosted-cache',
  cache: {
    source: 'actions-cache',
    matchedKey: `clone-cache-Linux-o-r-${OTHER}`,
    archiveBytes: 3 * 1024 * 1024,
    seeded: true,
    pathHeldClone: false
  },
  clonePath: '/w/r',
  target: { kind: 'branch', name: 'main', commit: SHA },
  isDefaultBranch: true,
  staleCommits: 4,
  credentials: {
    file: '/t/clone-cache-credentials-1.config',
    includes: [
      {
        scope: 'local',
        repoDir: '/w/r',
        key: 'includeIf.gitdir:/w/r/.git.path',
        value: '/t/clone-cache-credentials-1.config'
      }
    ]
  },
  shallow: false,
  seconds: 1.234,
  phaseSeconds: { restore: 0.5, seed: 0.01, fetch: 0.2, checkout: 0.3 }
};

const clonedOnMiss: MainResult = {
  ...seededHosted,
  cache: {
    source: 'actions-cache',
    matchedKey: '',
    seeded: false,
    fallback: { reason: 'no cache entry' },
    pathHeldClone: false
  },
  staleCommits: null,
  phaseSeconds: { clone: 0.01, fetch: 2 }
};

const hostWorktree: MainResult = {
  mode: 'host-worktree',
  cache: {
    source: 'host-dir',
    matchedKey: 'host-dir:r-1234abcd',
    seeded: true,
    pathHeldClone: false
  },
  clonePath: '/cache/r-1234abcd',
  target: { kind: 'branch', name: 'agent/task-1', commit: SHA },
  isDefaultBranch: false,
  staleCommits: 0,
  shallow: false,
  worktree: {
    branch: 'agent/task-1',
    path: '/w/_wt/r/agent_task-1-0123456789',
    mode: 'created',
    commit: SHA,
    lease: 'clone-cache-lease:x',
    repoDir: '/cache/r-1234abcd',
    removeOnExit: true,
    hostLock: '/cache/r-1234abcd.lock',
    folderExisted: false
  },
  seconds: 0.9,
  phaseSeconds: { fetch: 0.3, worktree: 0.5 }
};

const hostedWithWorktree: MainResult = {
  ...seededHosted,
  target: { kind: 'tag', name: 'v1', commit: OTHER },
  worktree: { ...hostWorktree.worktree!, commit: SHA, repoDir: '/w/r', hostLock: undefined }
};

describe('outputs', () => {
  test.each([
    [
      'seeded from the hosted cache',
      seededHosted,
      {
        'cache-hit': 'true',
        'cache-matched-key': `clone-cache-Linux-o-r-${OTHER}`,
        'cache-source': 'actions-cache',
        seeded: 'true',
        'fallback-reason': '',
        'clone-path': '/w/r',
        'worktree-path': '',
        commit: SHA,
        'stale-commits': '4',
        seconds: '1.23'
      }
    ],
    [
      'cloned on a miss',
      clonedOnMiss,
      {
        'cache-hit': 'false',
        seeded: 'false',
        'fallback-reason': 'no cache entry',
        'stale-commits': ''
      }
    ],
    [
      'task worktree from the host clone',
      hostWorktree,
      {
        'cache-hit': 'true',
        'cache-matched-key': 'host-dir:r-1234abcd',
        'cache-source': 'host-dir',
        'clone-path': '/cache/r-1234abcd',
        'worktree-path': '/w/_wt/r/agent_task-1-0123456789',
        'stale-commits': '0'
      }
    ],
    ['hosted, with a task worktree: commit is the worktree’s', hostedWithWorktree, { commit: SHA }]
  ] as [string, MainResult, Record<string, string>][])('%s', (_label, result, expected) => {
    expect(outputsOf(result)).toMatchObject(expected);
  });

  test.each([
    ['a branch', { kind: 'branch', name: 'feature/x', commit: SHA }, 'refs/heads/feature/x'],
    ['a tag', { kind: 'tag', name: 'v1', commit: SHA }, 'refs/tags/v1'],
    [
      'a pull request ref',
      { kind: 'ref', name: 'refs/pull/1/merge', commit: SHA },
      'refs/pull/1/merge'
    ],
    ['a commit', { kind: 'commit', name: SHA, commit: SHA }, '']
  ] as [string, Target, string][])('ref: %s', (_label, target, ref) => {
    expect(outputsOf({ ...seededHosted, target }).ref).toBe(ref);
  });

  test('ref: with a task worktree, its branch (as commit is its commit)', () => {
    expect(outputsOf(hostedWithWorktree).ref).toBe('refs/heads/agent/task-1');
    expect(outputsOf(hostWorktree).ref).toBe('refs/heads/agent/task-1');
  });

  test('every output action.yml declares is set, and nothing else', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      outputs: Record<string, unknown>;
    };
    expect(Object.keys(outputsOf(seededHosted)).sort()).toEqual(Object.keys(action.outputs).sort());
  });
});

describe('job summary', () => {
  test.each([
    [seededHosted, 'Checked out', `branch main at ${SHA}`],
    [seededHosted, 'Archive size', '3.0 MiB'],
    [seededHosted, 'Restore (s)', '0.50'],
    [seededHosted, 'Clone init (s)', ''],
    [clonedOnMiss, 'Clone init (s)', '0.01'],
    [clonedOnMiss, 'Archive size', ''],
    [hostedWithWorktree, 'Checked out', `branch agent/task-1 at ${SHA}`],
    [hostWorktree, 'Task worktree', '/w/_wt/r/agent_task-1-0123456789 (created)'],
    [hostWorktree, 'Total (s)', '0.90']
  ] as [MainResult, string, string][])('%#: %s', (result, item, value) => {
    expect(Object.fromEntries(summaryRowsOf(result))[item]).toBe(value);
  });

  test('a checkout without a worktree names the kind of ref', () => {
    expect(checkedOut({ ...seededHosted, target: { kind: 'tag', name: 'v2', commit: SHA } })).toBe(
      'tag v2'
    );
  });
});

describe('state for the post step', () => {
  const context: RunnerContext = {
    workspace: '/w',
    runnerTemp: '/t',
    runnerOs: 'Linux',
    serverUrl: 'https://github.com',
    workflowRepository: 'o/r',
    eventName: 'push',
    eventRef: 'refs/heads/main',
    eventSha: SHA,
    eventDefaultBranch: 'main'
  };
  const inputs = (values: Record<string, string>) =>
    parseSettings(name => values[name] ?? '', context);

  test('hosted: the synced commit (not the worktree’s) is what an entry would be saved at', () => {
    const state = stateOf(hostedWithWorktree, inputs({ path: 'r', branch: 'x' }), context);
    expect(state).toMatchObject({
      version: 3,
      mode: 'hosted-cache',
      clonePath: '/w/r',
      commit: OTHER,
      matchedKey: `clone-cache-Linux-o-r-${OTHER}`,
      keyPrefix: 'clone-cache-Linux-o-r',
      saveCache: 'auto',
      refreshAfter: 50,
      isDefaultBranch: true,
      staleCommits: 4,
      pathHeldClone: false,
      worktree: {
        path: hostedWithWorktree.worktree!.path,
        repoDir: '/w/r',
        lease: 'clone-cache-lease:x'
      }
    });
  });

  test('the host worktree: the matched key is the same in the outputs and the state', () => {
    const state = stateOf(
      hostWorktree,
      inputs({ 'cache-dir': '/cache', branch: 'agent/task-1' }),
      context
    );
    expect(state.matchedKey).toBe(outputsOf(hostWorktree)['cache-matched-key']);
    expect(state.mode).toBe('host-worktree');
    expect(state.worktree?.hostLock).toBe('/cache/r-1234abcd.lock');
    // The host worktree never writes path: the diagnosis may not scan or chown the workspace.
    expect(state.diagnosis.roots).not.toContain('/w');
    expect(state.diagnosis.roots).toContain('/cache');
  });

  test('a shallow clone reaches the post step with the depth it was fetched at', () => {
    const shallow = { ...clonedOnMiss, shallow: true };
    expect(stateOf(shallow, inputs({ 'fetch-depth': '3' }), context).shallowDepth).toBe(3);
    expect(stateOf(clonedOnMiss, inputs({ 'fetch-depth': '3' }), context).shallowDepth).toBe(0);
  });

  test('a fork pull request head checked out with the opt-in is recorded, so the post step never saves', () => {
    const forkRun: RunnerContext = {
      ...context,
      eventName: 'pull_request_target',
      pullRequestHead: { baseRepoId: 1, headRepoId: 2, headRepoFullName: 'm/r', headShas: [] }
    };
    const optIn = { 'allow-unsafe-pr-checkout': 'true' };
    expect(stateOf(seededHosted, inputs(optIn), forkRun).forkPrCheckout).toBe('');
    expect(
      stateOf(seededHosted, inputs({ ...optIn, ref: 'refs/pull/7/merge' }), forkRun).forkPrCheckout
    ).toBe('pull_request_target');
  });

  test('what later steps were given and the diagnosis switches reach the post step', () => {
    const state = stateOf(seededHosted, inputs({ 'diagnose-permissions': 'false' }), context);
    expect(state.credentials).toEqual(seededHosted.credentials);
    expect(state.diagnosis.enabled).toBe(false);
  });
});
