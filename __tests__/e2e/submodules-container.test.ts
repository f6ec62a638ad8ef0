import { afterEach, expect, test } from '@jest/globals';
import * as path from 'node:path';
import {
  containerStep,
  containerStepGit,
  containerStepsUnavailable
} from '../support/container-step.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { addCommits } from '../support/repos.js';
import { addSubmodules } from '../support/submodule-repos.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const unavailable = containerStepsUnavailable();
if (unavailable) console.warn(`container step tests not run: ${unavailable}`);
const testInContainer = unavailable ? test.skip : test;

testInContainer(
  'a later step in a container (workspace at /github/workspace) fetches in the clone and in every submodule; after post it cannot',
  async () => {
    fx = await startFixture({ commits: 4 });
    const repos = addSubmodules(fx);
    const job = fx.newJob();
    const main = await fx.main(job, { inputs: { submodules: 'recursive' } });
    expect(main.exitCode).toBe(0);

    // The container sees neither the runner's path of the workspace nor its RUNNER_TEMP: only the
    // includes that name /github/... can give it the credentials.
    const absent = 'test ! -e "$0" && test ! -e "$1"';
    const hidden = await containerStep(job, ['sh', '-c', absent, job.workspace, job.runnerTemp]);
    expect(hidden.code).toBe(0);

    const tips = {
      '.': addCommits(fx.origin, 'side', { commits: 1, seed: 'side' }, 'main'),
      'libs/rel': addCommits(repos.rel, 'side', { commits: 1, seed: 'rel-side' }, 'main'),
      'libs/abs': addCommits(repos.abs, 'side', { commits: 1, seed: 'abs-side' }, 'main'),
      'libs/rel/deps/nested': addCommits(
        repos.nested,
        'side',
        { commits: 1, seed: 'n-side' },
        'main'
      )
    };
    for (const [dir, tip] of Object.entries(tips)) {
      const inContainer = path.posix.join('/github/workspace', dir);
      const fetch = await containerStepGit(job, inContainer, ['fetch', '-q', 'origin', 'side']);
      expect({ dir, ...fetch }).toMatchObject({ dir, code: 0, stderr: '' });
      expect(gitSync(path.join(job.workspace, dir), ['rev-parse', 'FETCH_HEAD'])).toBe(tip);
    }

    expect((await fx.post(job)).exitCode).toBe(0);
    for (const dir of Object.keys(tips)) {
      const inContainer = path.posix.join('/github/workspace', dir);
      const denied = await containerStepGit(job, inContainer, ['fetch', '-q', 'origin', 'side']);
      expect({ dir, code: denied.code }).toEqual({ dir, code: 128 });
      expect(denied.stderr).toMatch(/could not read Username|Authentication failed/);
    }
  }
);
