import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  GITHUB_KNOWN_HOSTS,
  knownHostsText,
  maskSshKey,
  removeSshFiles,
  sshKeyConfig,
  writeSshKey
} from '../../src/clone/ssh-key.js';
import { ActionError } from '../../src/errors.js';
import { useCapturedLog } from '../support/captured-log.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();
const log = useCapturedLog();

const KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACDeployKeyBodyLineTwoForTheUnitTestOnlyAAAAAAAAAAAAAAAAAA',
  'AAAA',
  '-----END OPENSSH PRIVATE KEY-----'
].join('\n');

const settings = { key: `\n${KEY}\n\n`, knownHosts: '', strict: true, user: 'git' };

let home: string; // no ~/.ssh/known_hosts unless a test writes one
let savedPath: string | undefined;
beforeEach(() => {
  home = tempDir();
  savedPath = process.env.PATH;
});
afterEach(() => {
  process.env.PATH = savedPath;
});

test('the key is written with mode 0600 and one trailing newline, under RUNNER_TEMP', async () => {
  const temp = path.join(tempDir(), 'not-there-yet');
  const sshKey = await writeSshKey(settings, temp, home);
  const [key, knownHosts] = sshKey.files;
  expect(path.dirname(key)).toBe(temp);
  expect(path.dirname(knownHosts)).toBe(temp);
  expect(statSync(key).mode & 0o777).toBe(0o600);
  expect(readFileSync(key, 'utf8')).toBe(`${KEY}\n`);
  expect(readdirSync(temp).sort()).toEqual([key, knownHosts].map(f => path.basename(f)).sort());
  const ssh = execFileSync('sh', ['-c', 'command -v ssh']).toString().trim();
  expect(sshKey.command).toBe(
    `"${ssh}" -i "${key}" -o StrictHostKeyChecking=yes -o CheckHostIP=no -o "UserKnownHostsFile=${knownHosts}" -o ServerAliveInterval=15 -o ServerAliveCountMax=4`
  );
  expect(sshKeyConfig(sshKey)).toEqual([{ key: 'core.sshCommand', value: sshKey.command }]);
  expect(sshKeyConfig(undefined)).toEqual([]);
  // The log names the files, never the key.
  expect(log.lines().join('')).toContain(key);
  expect(log.lines().join('')).not.toContain(KEY.split('\n')[1]);
});

test('every job gets its own files', async () => {
  const temp = tempDir();
  const first = await writeSshKey(settings, temp, home);
  const second = await writeSshKey(settings, temp, home);
  expect(new Set([...first.files, ...second.files]).size).toBe(4);
});

test("known_hosts: the user's file, then the input's lines, then github.com's keys", async () => {
  mkdirSync(path.join(home, '.ssh'));
  writeFileSync(path.join(home, '.ssh', 'known_hosts'), 'mine.example ssh-ed25519 AAAAmine\n');
  const sshKey = await writeSshKey(
    {
      ...settings,
      knownHosts: 'git.example ssh-ed25519 AAAAinput\r\nother.example ssh-rsa AAAAo\n'
    },
    tempDir(),
    home
  );
  expect(readFileSync(sshKey.files[1], 'utf8')).toBe(
    [
      'mine.example ssh-ed25519 AAAAmine',
      'git.example ssh-ed25519 AAAAinput',
      'other.example ssh-rsa AAAAo',
      ...GITHUB_KNOWN_HOSTS,
      ''
    ].join('\n')
  );
  expect(knownHostsText('', '')).toBe(`${GITHUB_KNOWN_HOSTS.join('\n')}\n`);
});

test("github.com's lines are the keys GitHub publishes (by their fingerprints)", () => {
  const file = path.join(tempDir(), 'known_hosts');
  writeFileSync(file, knownHostsText('', ''));
  const fingerprints = execFileSync('ssh-keygen', ['-l', '-f', file]).toString();
  expect(fingerprints.split('\n').filter(Boolean)).toEqual([
    '256 SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU github.com (ED25519)',
    '256 SHA256:p2QAMXNIC1TJYWeIOttrVc98/R1BUFWu3/LiyKgUfQM github.com (ECDSA)',
    '3072 SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s github.com (RSA)'
  ]);
});

test('no ssh on PATH: an error that names the package, and no file written', async () => {
  const temp = tempDir();
  process.env.PATH = tempDir();
  const written = writeSshKey(settings, temp, home);
  await expect(written).rejects.toThrow(ActionError);
  await expect(written).rejects.toThrow(/ssh was not found on PATH.*openssh-client/);
  expect(readdirSync(temp)).toEqual([]);
});

test('a failed write leaves nothing behind', async () => {
  const temp = tempDir();
  mkdirSync(path.join(home, '.ssh', 'known_hosts'), { recursive: true }); // unreadable as a file
  await expect(writeSshKey(settings, temp, home)).rejects.toThrow(/EISDIR/);
  expect(readdirSync(temp)).toEqual([]);
});

test('removal takes what is there and tolerates what is gone', async () => {
  const sshKey = await writeSshKey(settings, tempDir(), home);
  await removeSshFiles([...sshKey.files, '/nonexistent/clone-cache-ssh-x']);
  expect(sshKey.files.filter(f => existsSync(f))).toEqual([]);
  await expect(removeSshFiles(sshKey.files)).resolves.toBeUndefined();
});

test("the key's body is masked line by line; the armor and short remnants are not", () => {
  maskSshKey(KEY);
  const masks = log
    .lines()
    .join('')
    .split('\n')
    .filter(l => l.startsWith('::add-mask::'));
  expect(masks).toEqual([`::add-mask::${KEY.split('\n')[1]}`, `::add-mask::${KEY.split('\n')[2]}`]);
});
