import { afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GITHUB_KNOWN_HOSTS } from '../../src/clone/ssh-key.js';
import { filesContaining, unpackEntry } from '../support/archive.js';
import { startFixture, type Fixture } from '../support/fixture.js';
import { gitSync } from '../support/git.js';
import { expectWorktreeAt } from '../support/expectations.js';
import { hostCloneIn, worktreeInputs } from '../support/host-clone.js';
import { addCommits, revParse } from '../support/repos.js';
import type { Job, StepResult } from '../support/runner.js';
import { installSshStandIn, standInPath, type SshStandIn } from '../support/ssh-standin.js';

// No sshd runs on the test machines: a stand-in `ssh` first on PATH (support/ssh-standin.ts)
// records how git called it and runs git-upload-pack locally, so the fetches are real git over
// the ssh transport, and what the action handed ssh (key, options, known_hosts) is checked.

let fx: Fixture;
afterEach(async () => fx?.close());

/** A fresh deploy key; its body lines are what must never leak. */
function newKey(dir: string): { text: string; body: string[] } {
  const file = path.join(mkdtempSync(path.join(dir, 'key-')), 'id');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'deploy', '-f', file]);
  const text = readFileSync(file, 'utf8');
  return { text, body: text.split('\n').filter(l => l.length >= 16 && !l.startsWith('-----')) };
}

function setUp(): { standIn: SshStandIn; key: { text: string; body: string[] } } {
  return {
    standIn: installSshStandIn(path.join(fx.root, 'ssh'), path.join(fx.root, 'origin')),
    key: newKey(fx.root)
  };
}

const sshFilesIn = (job: Job) =>
  readdirSync(job.runnerTemp).filter(name => name.startsWith('clone-cache-ssh-'));

/** What the log shows once the runner has applied the masks. */
const visibleLog = (...steps: StepResult[]) =>
  steps
    .flatMap(s => [s.stdout, s.stderr])
    .join('\n')
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n');

describe('ssh-key', () => {
  test('the default ssh origin is fetched with the deploy key; the post step removes it', async () => {
    fx = await startFixture({ commits: 12 });
    const { standIn, key } = setUp();
    const tip = revParse(fx.origin, 'main');
    const job = fx.newJob('ssh', { extraEnv: { PATH: standInPath(standIn) } });
    const main = await fx.main(job, { inputs: { 'origin-url': '', 'ssh-key': key.text } });
    expect(main.annotations).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(main.outputs.commit).toBe(tip);
    expect(revParse(job.workspace, 'HEAD')).toBe(tip);
    expect(gitSync(job.workspace, ['remote', 'get-url', 'origin'])).toBe(
      'git@github.com:acme/widgets.git'
    );
    expect(fx.git.requests).toEqual([]); // nothing went over http

    const calls = standIn.calls();
    expect(calls.length).toBeGreaterThan(0);
    const [keyFile, knownHostsFile] = sshFilesIn(job)
      .sort((a, b) => a.length - b.length)
      .map(name => path.join(job.runnerTemp, name));
    for (const call of calls) {
      expect(call.argv.slice(0, 9)).toEqual([
        '-i',
        keyFile,
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        'CheckHostIP=no',
        '-o',
        `UserKnownHostsFile=${knownHostsFile}`,
        '-o'
      ]);
      expect(call.argv.slice(-2)).toEqual(['git@github.com', "git-upload-pack 'acme/widgets.git'"]);
      // A server that stops answering ends the fetch after a minute (then it is retried).
      expect(call.argv).toEqual(
        expect.arrayContaining(['ServerAliveInterval=15', 'ServerAliveCountMax=4'])
      );
      expect(call.keyMode).toBe('600');
      expect(call.keyText).toBe(key.text.trim() + '\n');
      expect(call.knownHostsText).toContain(GITHUB_KNOWN_HOSTS.join('\n'));
    }
    // persist-credentials (true): the key stays for later steps, outside the clone; the clone's
    // own config never names it, the included credentials file does, until the post step.
    expect(existsSync(keyFile)).toBe(true);
    expect(gitSync(job.workspace, ['config', '--local', '--no-includes', '--list'])).not.toMatch(
      /sshCommand|clone-cache-ssh-/i
    );
    expect(gitSync(job.workspace, ['config', 'core.sshCommand'])).toContain(`-i "${keyFile}"`);

    const post = await fx.post(job);
    expect(gitSync(job.workspace, ['config', '--list'])).not.toMatch(
      /sshCommand|clone-cache-ssh-/i
    );
    expect(post.exitCode).toBe(0);
    expect(post.annotations).toEqual([]);
    expect(sshFilesIn(job)).toEqual([]);
    const entries = [...fx.cache.entries.values()];
    expect(entries).toHaveLength(1);
    const unpacked = path.join(fx.root, 'unpacked');
    unpackEntry(entries[0], unpacked);
    for (const line of key.body) {
      expect(filesContaining(unpacked, line)).toEqual([]);
      expect(filesContaining(path.join(job.workspace, '.git'), line)).toEqual([]);
      expect(visibleLog(main, post)).not.toContain(line);
    }
    expect(filesContaining(unpacked, 'sshCommand')).toEqual([]);
    expect(filesContaining(unpacked, 'clone-cache-ssh-')).toEqual([]);
  });

  test("a warm run over ssh with ssh-strict false: checkout's options are left out, the input's known hosts are used", async () => {
    fx = await startFixture({ commits: 10 });
    await fx.saveEntry();
    const tip = addCommits(fx.origin, 'main', { commits: 3, seed: 'later' });
    const { standIn, key } = setUp();
    const job = fx.newJob('warm', {
      // A job's own GIT_SSH_COMMAND would outrank core.sshCommand: not for the action's fetches.
      extraEnv: { PATH: standInPath(standIn), GIT_SSH_COMMAND: 'false' }
    });
    const line = 'git.example.invalid ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIStandInHostKey';
    const main = await fx.main(job, {
      inputs: {
        'origin-url': 'git@git.example.invalid:acme/widgets.git',
        'ssh-key': key.text,
        'ssh-strict': 'false',
        'ssh-known-hosts': line,
        'persist-credentials': 'false'
      }
    });
    expect(main.annotations).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(main.outputs).toMatchObject({ seeded: 'true', 'stale-commits': '3', commit: tip });
    const calls = standIn.calls();
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.argv.join(' ')).not.toMatch(/StrictHostKeyChecking|CheckHostIP/);
      expect(call.argv[0]).toBe('-i');
      expect(call.knownHostsText).toContain(`${line}\n${GITHUB_KNOWN_HOSTS[0]}`);
      expect(call.argv.slice(-2)).toEqual([
        'git@git.example.invalid',
        "git-upload-pack 'acme/widgets.git'"
      ]);
    }
    // persist-credentials false: nothing is kept past the main step, as actions/checkout does.
    expect(sshFilesIn(job)).toEqual([]);
    expect((await fx.post(job)).annotations).toEqual([]);
  });

  test('strict checking of a host known nowhere fails the step and removes the key at once; its known-hosts line lets it through', async () => {
    fx = await startFixture({ commits: 5 });
    const { standIn, key } = setUp();
    const inputs = {
      'origin-url': `ssh://git@git.example.invalid${fx.origin}`,
      'ssh-key': key.text
    };
    const env = { extraEnv: { PATH: standInPath(standIn) } };
    const refused = fx.newJob('refused', env);
    const failed = await fx.main(refused, { inputs });
    expect(failed.exitCode).toBe(1);
    expect(failed.annotations.map(a => a.level)).toEqual(['error']);
    expect(failed.annotations[0].message).toContain('Host key verification failed.');
    expect(failed.annotations[0].message).toContain('add its line with ssh-known-hosts');
    expect(sshFilesIn(refused)).toEqual([]);
    for (const l of key.body) expect(visibleLog(failed)).not.toContain(l);
    expect((await fx.post(refused)).annotations).toEqual([]);

    const known = fx.newJob('known', env);
    const ok = await fx.main(known, {
      inputs: {
        ...inputs,
        'ssh-known-hosts': 'git.example.invalid ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIStandIn'
      }
    });
    expect(ok.annotations).toEqual([]);
    expect(ok.outputs.commit).toBe(revParse(fx.origin, 'main'));
    expect(standIn.calls().at(-1)?.argv.slice(-2)).toEqual([
      'git@git.example.invalid',
      `git-upload-pack '${fx.origin}'`
    ]);
  });

  test('the host clone in cache-dir fetches over ssh and keeps neither the key nor the command', async () => {
    fx = await startFixture({ commits: 6 });
    const { standIn, key } = setUp();
    const feature = addCommits(fx.origin, 'feature/ssh', { commits: 2, seed: 's' }, 'main');
    const job = fx.newJob('host', { extraEnv: { PATH: standInPath(standIn) } });
    const main = await fx.main(
      job,
      worktreeInputs(fx, 'feature/ssh', { 'origin-url': '', 'ssh-key': key.text })
    );
    const worktree = expectWorktreeAt(main, feature, 'feature/ssh');
    expect(fx.git.requests).toEqual([]);
    expect(standIn.calls().length).toBeGreaterThan(0);
    const hostClone = hostCloneIn(fx.hostDir);
    expect(gitSync(hostClone, ['config', '--list', '--show-origin'])).not.toMatch(
      /sshCommand|clone-cache-ssh-/i
    );
    for (const line of key.body) {
      expect(filesContaining(hostClone, line)).toEqual([]);
      expect(filesContaining(worktree, line)).toEqual([]);
    }
    expect((await fx.post(job)).annotations).toEqual([]);
    expect(sshFilesIn(job)).toEqual([]);
  });
});
