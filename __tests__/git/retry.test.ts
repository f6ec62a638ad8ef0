import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { ActionError } from '../../src/errors.js';
import { GitError, runGit } from '../../src/git/exec.js';
import { FETCH_ATTEMPTS, transientCause, withRetries } from '../../src/git/retry.js';
import { useCapturedLog } from '../support/captured-log.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();
const log = useCapturedLog();

function failure(stderr: string): GitError {
  return new GitError(['fetch', 'origin'], { exitCode: 128, stdout: '', stderr });
}

// git 2.39.5's own words: captured against the loopback server (its faults, a wrong token, a
// missing ref or repository, a refused port), except where a comment says otherwise.
const URL = "'http://127.0.0.1:46725/acme/widgets/'";
const TRANSIENT: [string, string, string][] = [
  [
    '500 on the ref listing',
    `remote: injected failure 500\nfatal: unable to access ${URL}: The requested URL returned error: 500\n`,
    `fatal: unable to access ${URL}: The requested URL returned error: 500`
  ],
  [
    '502 on the upload-pack POST',
    'error: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502\nfatal: expected flush after ref listing\n',
    'error: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502'
  ],
  [
    '429 (rate limited)',
    `fatal: unable to access ${URL}: The requested URL returned error: 429\n`,
    `fatal: unable to access ${URL}: The requested URL returned error: 429`
  ],
  [
    'a pack that stalls (http.lowSpeedTime)',
    'error: RPC failed; curl 28 Operation too slow. Less than 1 bytes/sec transferred the last 2 seconds\nerror: 114 bytes of body are still expected\nremote: Coun\rfetch-pack: unexpected disconnect while reading sideband packet\nfatal: protocol error: bad pack header\n',
    'error: RPC failed; curl 28 Operation too slow. Less than 1 bytes/sec transferred the last 2 seconds'
  ],
  [
    'connection refused',
    "fatal: unable to access 'http://127.0.0.1:9/acme/widgets/': Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server\n",
    "fatal: unable to access 'http://127.0.0.1:9/acme/widgets/': Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server"
  ],
  [
    'an unknown host',
    "fatal: unable to access 'http://no-such-host.invalid/acme/widgets/': Could not resolve host: no-such-host.invalid\n",
    "fatal: unable to access 'http://no-such-host.invalid/acme/widgets/': Could not resolve host: no-such-host.invalid"
  ],
  // The next ones are as git and curl word them (reported from the field), not captured here.
  [
    'a connection cut mid-pack',
    'error: RPC failed; curl 18 transfer closed with outstanding read data remaining\nfetch-pack: unexpected disconnect while reading sideband packet\nfatal: early EOF\nfatal: fetch-pack: invalid index-pack output\n',
    'error: RPC failed; curl 18 transfer closed with outstanding read data remaining'
  ],
  [
    'early EOF alone',
    'fatal: the remote end hung up unexpectedly\nfatal: early EOF\nfatal: index-pack failed\n',
    'fatal: the remote end hung up unexpectedly'
  ],
  [
    'an HTTP/2 stream reset',
    'error: RPC failed; curl 92 HTTP/2 stream 5 was not closed cleanly: CANCEL (err 8)\n',
    'error: RPC failed; curl 92 HTTP/2 stream 5 was not closed cleanly: CANCEL (err 8)'
  ],
  [
    'a TLS connection reset',
    "fatal: unable to access 'https://github.com/acme/widgets/': OpenSSL SSL_read: SSL_ERROR_SYSCALL, errno 104\n",
    "fatal: unable to access 'https://github.com/acme/widgets/': OpenSSL SSL_read: SSL_ERROR_SYSCALL, errno 104"
  ],
  [
    'an ssh connection timeout',
    'ssh: connect to host github.com port 22: Connection timed out\nfatal: Could not read from remote repository.\n',
    'ssh: connect to host github.com port 22: Connection timed out'
  ]
];

const PERMANENT: [string, string][] = [
  [
    'a wrong token (401)',
    "fatal: could not read Username for 'http://127.0.0.1:46725': terminal prompts disabled\n"
  ],
  [
    '403',
    `remote: injected failure 403\nfatal: unable to access ${URL}: The requested URL returned error: 403\n`
  ],
  ['404', `remote: injected failure 404\nfatal: repository ${URL} not found\n`],
  ['a missing ref', "fatal: couldn't find remote ref refs/heads/nope\n"],
  [
    'a commit the server does not have',
    'fatal: remote error: upload-pack: not our ref abababababababababababababababababababab\n'
  ],
  // As git words them, not captured here.
  ['a rejected password', "fatal: Authentication failed for 'https://github.com/acme/widgets/'\n"],
  [
    'GitHub: repository not found',
    "remote: Repository not found.\nfatal: repository 'https://github.com/acme/nope/' not found\n"
  ],
  [
    'an ssh key refused',
    'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n'
  ],
  [
    'a 403 on the POST, worded like a transient one',
    'error: RPC failed; HTTP 403 curl 22 The requested URL returned error: 403\nfatal: the remote end hung up unexpectedly\n'
  ],
  [
    'a local permission problem after a cut connection',
    'error: unable to create temporary file: Permission denied\nfatal: early EOF\nfatal: index-pack failed\n'
  ],
  [
    'a full disk',
    'fatal: write error: No space left on device\nfatal: the remote end hung up unexpectedly\n'
  ],
  ['a corrupt local store', 'error: did not send all necessary objects\n'],
  ['a certificate problem', "fatal: unable to access 'https://x/': SSL certificate problem\n"],
  ['words git has not used before', 'fatal: something entirely new\n'],
  ['no words at all', '']
];

describe('transientCause', () => {
  test.each(TRANSIENT)('%s is transient, named by its line', (_label, stderr, cause) => {
    expect(transientCause(failure(stderr))).toBe(cause);
  });

  test.each(PERMANENT)('%s is permanent', (_label, stderr) => {
    expect(transientCause(failure(stderr))).toBeUndefined();
  });

  test("git's failure is read through the causes an error wraps it in", () => {
    const wrapped = new ActionError('Fetch from origin failed', 'x', {
      cause: failure(TRANSIENT[0][1])
    });
    expect(transientCause(wrapped)).toBe(TRANSIENT[0][2]);
  });

  test('an error that is not git’s is permanent', () => {
    expect(transientCause(new Error('Could not resolve host: x'))).toBeUndefined();
    expect(transientCause('early EOF')).toBeUndefined();
  });
});

describe('withRetries', () => {
  beforeEach(() => {
    process.env.CLONE_CACHE_RETRY_BACKOFF_SECONDS = '0.1';
  });
  afterEach(() => {
    delete process.env.CLONE_CACHE_RETRY_BACKOFF_SECONDS;
  });
  const retryLines = () => log.lines().filter(line => line.startsWith('Attempt '));
  const refusedPort = ['ls-remote', 'http://127.0.0.1:9/acme/widgets'];

  test('a real transient failure is tried three times, each retry logged with its cause and wait', async () => {
    let attempts = 0;
    const started = Date.now();
    const error = await withRetries('reach port 9', () => {
      attempts++;
      return runGit(tempDir(), refusedPort);
    }).catch((thrown: unknown) => thrown);
    expect(attempts).toBe(FETCH_ATTEMPTS);
    expect(error).toBeInstanceOf(GitError);
    const lines = retryLines();
    expect(lines).toHaveLength(FETCH_ATTEMPTS - 1);
    lines.forEach((line, index) =>
      expect(line).toMatch(
        new RegExp(
          `^Attempt ${index + 1} of 3 to reach port 9 failed: fatal: unable to access 'http://127.0.0.1:9/acme/widgets/': Failed to connect to .*\\. Trying again in 0\\.[12] s\\.\\n$`
        )
      )
    );
    // Two waits of 0.1 to 0.2 s each.
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  test('a success after a transient failure returns its value', async () => {
    let attempts = 0;
    const value = await withRetries('reach port 9', async () => {
      if (++attempts === 1) await runGit(tempDir(), refusedPort);
      return 'second';
    });
    expect(value).toBe('second');
    expect(attempts).toBe(2);
    expect(retryLines()).toHaveLength(1);
  });

  test('a permanent failure is thrown at once, as it is', async () => {
    let attempts = 0;
    const error = await withRetries('read a missing repository', () => {
      attempts++;
      return runGit(tempDir(), ['ls-remote', tempDir() + '/missing']);
    }).catch((thrown: unknown) => thrown);
    expect(attempts).toBe(1);
    expect((error as GitError).result.stderr).toMatch(/does not appear to be a git repository/);
    expect(retryLines()).toEqual([]);
  });

  test('the wait between attempts is the backoff bound to twice it', async () => {
    process.env.CLONE_CACHE_RETRY_BACKOFF_SECONDS = '0.3';
    const started = Date.now();
    await withRetries('reach port 9', () => runGit(tempDir(), refusedPort)).catch(() => undefined);
    const waited = retryLines().map(line => Number(/in (\d+\.\d) s\.$/m.exec(line)?.[1]));
    expect(waited).toHaveLength(2);
    for (const seconds of waited) {
      expect(seconds).toBeGreaterThanOrEqual(0.3);
      expect(seconds).toBeLessThanOrEqual(0.6);
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });
});
