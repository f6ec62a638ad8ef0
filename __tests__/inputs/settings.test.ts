import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { parseSettings, validateBranchInputs } from '../../src/inputs/settings.js';
import type { RunnerContext } from '../../src/runner-context.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const context: RunnerContext = {
  workspace: '/home/runner/work/widgets/widgets',
  runnerTemp: '/home/runner/work/_temp',
  runnerOs: 'Linux',
  serverUrl: 'https://github.com',
  workflowRepository: 'acme/widgets',
  eventName: 'push',
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
      persistCredentials: true,
      ssh: undefined,
      setSafeDirectory: true,
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
      fixOwnership: false,
      clean: true,
      fetchTags: true,
      showProgress: true,
      fetchDepth: 0,
      lfs: false,
      allowUnsafePrCheckout: false,
      sparseCheckout: undefined,
      filter: '',
      submodules: 'none'
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
      'persist-credentials': 'FALSE',
      'save-cache': 'Never',
      'refresh-after': '0',
      'origin-url': 'git@example.com:acme/widgets.git'
    });
    expect(settings.clonePath).toBe(`${context.workspace}/sub/dir`);
    expect(settings.persistCredentials).toBe(false);
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
    // A leading BOM or no-break space would otherwise trim to a bare sha (see parseRef).
    ['ref', `\uFEFF${'a'.repeat(40)}`, /not a valid branch/],
    ['ref', `\u00A0${'a'.repeat(40)}`, /not a valid branch/],
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
    ['worktree-path', 'sub/wt', /overlaps the clone at path/],
    ['set-safe-directory', 'no', /allowed values: true, false/],
    ['clean', 'nope', /allowed values: true, false/],
    ['fetch-tags', '2', /allowed values: true, false/],
    ['show-progress', 'x', /allowed values: true, false/],
    ['allow-unsafe-pr-checkout', 'yes', /allowed values: true, false/],
    ['fetch-depth', '-1', /not a whole number/],
    ['fetch-depth', 'all', /not a whole number/],
    ['github-server-url', 'ftp://ghes.example.com', /not the base URL/],
    ['github-server-url', 'https://u:p@ghes.example.com', /not the base URL/],
    ['ssh-key', 'not a key', /not a private key/],
    ['ssh-known-hosts', 'host ssh-ed25519 AAAA', /ssh-key is empty/],
    ['ssh-user', 'a b', /not a user name/],
    ['ssh-strict', 'sometimes', /allowed values: true, false/],
    ['submodules', 'yes', /allowed values: false, true, recursive/],
    ['lfs', 'yes', /allowed values: true, false/],
    ['sparse-checkout', '/src', /starts with \//],
    ['filter', 'tree:0', /'tree:0' is not supported: .*\(filter: blob:none\) or full ones/],
    ['filter', 'blob:limit=1m', /is not supported: .*blob:none/],
    ['sparse-checkout-cone-mode', 'maybe', /allowed values: true, false/]
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

  test("checkout's defaults of the inputs not served yet are accepted", () => {
    const neutral = {
      submodules: 'false',
      lfs: 'false',
      'sparse-checkout': '',
      'sparse-checkout-cone-mode': 'true',
      filter: ''
    };
    expect(parse(neutral)).toEqual(parse({}));
  });

  test('lfs is a boolean, false by default, as in actions/checkout', () => {
    expect(parse({ lfs: 'true' }).lfs).toBe(true);
    expect(parse({ lfs: 'false' }).lfs).toBe(false);
  });

  test('filter: blob:none is served, with a default key prefix no full prefix shares', () => {
    const blobless = parse({ filter: ' Blob:None ' });
    expect(blobless.filter).toBe('blob:none');
    expect(blobless.cacheKeyPrefix).toBe('clone-cache-blobless-Linux-acme-widgets');
    expect(parse({ filter: 'blob:none', 'cache-key': 'mine' }).cacheKeyPrefix).toBe('mine');
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

describe('where origin points', () => {
  const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----';

  test('github-server-url is the base of the default origin, as in actions/checkout', () => {
    expect(parse({ 'github-server-url': 'https://ghes.example.com/' }).originUrl).toBe(
      'https://ghes.example.com/acme/widgets'
    );
  });

  test('with an ssh-key, origin defaults to <ssh-user>@<host>:<owner>/<name>.git', () => {
    const settings = parse({ 'ssh-key': key, 'ssh-user': 'deploy' });
    expect(settings.originUrl).toBe('deploy@github.com:acme/widgets.git');
    expect(settings.ssh).toEqual({ key, knownHosts: '', strict: true, user: 'deploy' });
  });

  test('origin-url wins over the ssh default', () => {
    const settings = parse({ 'ssh-key': key, 'origin-url': 'ssh://git@10.0.0.1:2222/a/b.git' });
    expect(settings.originUrl).toBe('ssh://git@10.0.0.1:2222/a/b.git');
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
