import * as core from '@actions/core';
import * as io from '@actions/io';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActionError, errorMessage } from '../errors.js';
import type { ConfigEntry } from '../git/exec.js';
import { sshCommand, sshConfig } from '../git/ssh-command.js';
import type { SshSettings } from '../inputs/origin.js';

/** github.com's published host keys, always trusted (as actions/checkout does). */
export const GITHUB_KNOWN_HOSTS = [
  'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
  'github.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=',
  'github.com ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCj7ndNxQowgcQnjshcLrqPEiiphnt+VTTvDP6mHBL9j1aNUkY4Ue1gvwnGLVlOhGeYrnZaMgRK6+PKCUXaDbC7qtbW8gIkhL7aGCsOr/C56SJMy/BCZfxd1nWzAOxSDPgVsmerOBYfNqltV9/hWCqBywINIR+5dIg6JTJ72pcEpEjcYgXkE2YEFXV1JHnsKgbLWNlhScqb2UmyRkQyytRLtL+38TGxkxCflmO+5Z8CSSNY7GidjMIZ7Q4zMjA2n1nGrlTDkzwDCsw+wqFPGQA179cnfGWOWRVruj16z6XyvxvjJwbz0wQZ75XK5tKSb7FNyeIEs4TT4jk+S4dhPeAUC5y+bDYirYgM4GC7uEnztnZyaVWQ7B381AK4Qdrwt51ZqExKbQpTUNn+EjqoTwvqNj4kqx5QUCI0ThS/YkOxJCXmPUWZbhjpCg56i+2aB6CmK2JGhn57K5mj0MNdBXA4/WnwH6XoPWJzK5Nyu2zB3nAZp+S5hpQs+p1vN1/wsjk='
];

/** The deploy key and known_hosts written under RUNNER_TEMP, and the command that uses them. */
export interface SshKey {
  /** Both files, for the post step (or a failed main step) to remove. */
  files: string[];
  /** The `core.sshCommand` value. */
  command: string;
}

const MISSING_SSH =
  'ssh-key is set but ssh was not found on PATH; install the OpenSSH client on the runner ' +
  '(the openssh-client package on Debian and Ubuntu).';

/** The known_hosts file: the user's own, then the input's lines, then github.com's keys. */
export function knownHostsText(userKnownHosts: string, inputLines: string): string {
  const parts: string[] = [];
  if (userKnownHosts.trim()) parts.push(userKnownHosts.replace(/\n*$/, ''));
  if (inputLines.trim()) parts.push(inputLines.trim().replace(/\r\n?/g, '\n'));
  parts.push(...GITHUB_KNOWN_HOSTS);
  return `${parts.join('\n')}\n`;
}

/**
 * Masks the key's body line by line: a line of it can reach the log on its own (an ssh error
 * quoting the file). The armor lines and short remnants are public or meaningless alone.
 */
export function maskSshKey(key: string): void {
  for (const line of key.split(/\r?\n/).map(l => l.trim())) {
    if (line.length >= 16 && !line.startsWith('-----')) core.setSecret(line);
  }
}

async function readUserKnownHosts(home: string): Promise<string> {
  try {
    return await fs.readFile(path.join(home, '.ssh', 'known_hosts'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** Removes the files (absent ones are fine); throws the first failure after trying all. */
export async function removeSshFiles(files: readonly string[]): Promise<void> {
  const failures: string[] = [];
  for (const file of files) {
    await fs.rm(file, { force: true }).catch(error => {
      failures.push(`${file}: ${errorMessage(error)}`);
    });
  }
  if (failures.length) throw new Error(`could not remove ${failures.join('; ')}`);
}

/**
 * Writes the deploy key (mode 0600) and a known_hosts file under RUNNER_TEMP with unique names;
 * nothing is left behind when a write fails.
 */
export async function writeSshKey(
  ssh: SshSettings,
  runnerTemp: string,
  home = os.homedir()
): Promise<SshKey> {
  const sshPath = await io.which('ssh', false);
  if (!sshPath) throw new ActionError('ssh not found', MISSING_SSH);
  const base = path.join(runnerTemp, `clone-cache-ssh-${randomUUID()}`);
  const key = base;
  const knownHosts = `${base}_known_hosts`;
  const files = [key, knownHosts];
  await fs.mkdir(runnerTemp, { recursive: true });
  try {
    // 'wx': a new file, never one planted there (or a link to one).
    await fs.writeFile(key, `${ssh.key.trim()}\n`, { mode: 0o600, flag: 'wx' });
    const text = knownHostsText(await readUserKnownHosts(home), ssh.knownHosts);
    await fs.writeFile(knownHosts, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    await removeSshFiles(files).catch(() => undefined);
    throw error;
  }
  core.info(`Wrote the ssh key to ${key} and its known hosts to ${knownHosts}.`);
  return { files, command: sshCommand({ ssh: sshPath, key, knownHosts, strict: ssh.strict }) };
}

/** The config entries for the action's own git commands (and a persisted credentials file). */
export function sshKeyConfig(sshKey: SshKey | undefined): ConfigEntry[] {
  return sshKey ? sshConfig(sshKey.command) : [];
}
