import { describe, expect, test } from '@jest/globals';
import { InputError } from '../src/errors.js';
import { parseSettings, validateBranchInputs } from '../src/inputs.js';
import type { RunnerContext } from '../src/runner-context.js';
import { useCapturedLog } from './support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const context: RunnerContext = {
  workspace: '/home/runner/work/widgets/widgets',
  runnerTemp: '/home/runner/work/_temp',
  runnerOs: 'Linux',
  serverUrl: 'https://github.com',
  workflowRepository: 'acme/widgets',
  eventRef: 'refs/heads/main',
  eventSha: 'a'.repeat(40),
  eventDefaultBranch: 'main'
};

const parse = (inputs: Record<string, string>) =>
  parseSettings(name => inputs[name] ?? '', context);

describe('defaults', () => {
  test('every input empty gives the documented defaults', () => {
    expect(parse({})).toEqual({
      repository: 'acme/widgets',
      repoName: 'widgets',
      ref: '',
      token: '',
      persistCredentials: false,
      originUrl: 'https://github.com/acme/widgets',
      clonePath: context.workspace,
      workspace: context.workspace,
      cacheKeyPrefix: 'clone-cache-Linux-acme-widgets',
      saveCache: 'auto',
      refreshAfter: 50,
      branch: '',
      base: '',
      worktreePath: '',
      removeWorktree: true,
      cacheDir: '',
      diagnosePermissions: true,
      fixOwnership: false
    });
  });

  test('origin-url defaults to exactly what actions/checkout writes (no .git suffix)', () => {
    expect(parse({ repository: 'Other/Repo.js' }).originUrl).toBe(
      'https://github.com/Other/Repo.js'
    );
  });

  test('values are trimmed and parsed', () => {
    const settings = parse({
      path: ' sub/dir ',
      'persist-credentials': 'TRUE',
      'save-cache': 'Never',
      'refresh-after': '0',
      'origin-url': 'git@example.com:acme/widgets.git'
    });
    expect(settings.clonePath).toBe(`${context.workspace}/sub/dir`);
    expect(settings.persistCredentials).toBe(true);
    expect(settings.saveCache).toBe('never');
    expect(settings.refreshAfter).toBe(0);
    expect(settings.originUrl).toBe('git@example.com:acme/widgets.git');
  });
});

describe('bad values fail with an error that names the input', () => {
  test.each([
    ['repository', 'just-a-name', /not of the form owner\/name/],
    ['repository', 'a/b/c', /not of the form owner\/name/],
    ['ref', 'main..evil', /not a valid branch/],
    ['ref', '-rf', /not a valid branch/],
    ['ref', 'has space', /not a valid branch/],
    ['token', 'abc\ndef', /line break/],
    ['persist-credentials', 'yes', /allowed values: true, false/],
    ['origin-url', 'ftp://example.com/x', /scheme 'ftp:' is not supported/],
    ['origin-url', 'https://user:secret@example.com/x', /embeds credentials/],
    ['origin-url', 'https://ghp_abc123@github.com/o/r', /embeds credentials/],
    ['origin-url', 'not a url', /whitespace/],
    ['origin-url', '-oProxyCommand=x', /is not a URL/],
    ['path', '../outside', /outside the workspace/],
    ['path', '/etc', /outside the workspace/],
    ['cache-key', 'a,b', /contains a comma/],
    ['cache-key', 'k'.repeat(472), /at most 471/],
    ['save-cache', 'sometimes', /allowed values: auto, always, never/],
    ['refresh-after', '-1', /not a whole number/],
    ['refresh-after', '1.5', /not a whole number/],
    ['remove-worktree', 'maybe', /allowed values: true, false/],
    ['diagnose-permissions', 'off', /allowed values: true, false/],
    ['fix-ownership', '1', /allowed values: true, false/],
    ['cache-dir', '/', /file system root/],
    ['cache-dir', 'inside', /overlaps the workspace/],
    ['worktree-path', 'sub/wt', /overlaps the clone at path/]
  ])('%s = %j', (input, value, message) => {
    let thrown: unknown;
    try {
      parse({ [input]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).input).toBe(input);
    expect((thrown as InputError).title).toBe(`Invalid input '${input}'`);
    expect((thrown as InputError).message).toMatch(new RegExp(`^Input '${input}': `));
    expect((thrown as InputError).message).toMatch(message);
  });

  test('persist-credentials with cache-dir and branch is refused', () => {
    expect(() =>
      parse({ 'cache-dir': '/srv/c', branch: 'x', 'persist-credentials': 'true' })
    ).toThrow(/Input 'persist-credentials': cannot be true with cache-dir and branch/);
  });

  test('worktree-path inside cache-dir is refused', () => {
    expect(() => parse({ 'cache-dir': '/srv/cache', 'worktree-path': '/srv/cache/wt' })).toThrow(
      /Input 'worktree-path': \/srv\/cache\/wt overlaps cache-dir/
    );
  });

  test('a cache-key of the longest allowed length is accepted', () => {
    expect(parse({ 'cache-key': 'k'.repeat(471) }).cacheKeyPrefix).toHaveLength(471);
  });

  test('no repository and no GITHUB_REPOSITORY', () => {
    expect(() => parseSettings(() => '', { ...context, workflowRepository: '' })).toThrow(
      /Input 'repository': is empty/
    );
  });
});

describe('inputs that need git', () => {
  test('base or worktree-path without branch is refused', async () => {
    await expect(validateBranchInputs(parse({ base: 'main' }))).rejects.toThrow(
      /Input 'base': is set but branch is empty/
    );
    await expect(validateBranchInputs(parse({ 'worktree-path': '/tmp/wt' }))).rejects.toThrow(
      /Input 'worktree-path': is set but branch is empty/
    );
  });

  test('branch and base are validated as git validates them', async () => {
    await expect(
      validateBranchInputs(parse({ branch: 'ok/name', base: 'bad..base' }))
    ).rejects.toThrow(/Input 'base': 'bad..base' is not a valid branch name/);
    await expect(
      validateBranchInputs(parse({ branch: 'ok/name', base: 'main' }))
    ).resolves.toBeUndefined();
  });
});
