import type { ConfigEntry } from './exec.js';

export const SSH_COMMAND_KEY = 'core.sshCommand';

/** What `core.sshCommand` names: the ssh program, the deploy key and the known_hosts file. */
export interface SshCommandParts {
  ssh: string;
  key: string;
  knownHosts: string;
  /** StrictHostKeyChecking=yes and CheckHostIP=no; false leaves both to ssh's own config. */
  strict: boolean;
}

/** One word for the shell git runs `core.sshCommand` with: double-quoted, `$ \` " \\` escaped. */
export function shellWord(word: string): string {
  return `"${word.replace(/[$`"\\]/g, '\\$&')}"`;
}

/**
 * ssh ends a connection whose server stops answering after 4 keep-alives 15 s apart: a stalled
 * ssh fetch ends after a minute, as an http one does at the fetch stall bound, and is retried.
 */
const KEEP_ALIVE = ['-o', 'ServerAliveInterval=15', '-o', 'ServerAliveCountMax=4'];

/**
 * The command actions/checkout configures: `"<ssh>" -i "<key>" [-o StrictHostKeyChecking=yes
 * -o CheckHostIP=no] -o "UserKnownHostsFile=<file>"`, with absolute paths, and the keep-alives.
 */
export function sshCommand(parts: SshCommandParts): string {
  const words = [shellWord(parts.ssh), '-i', shellWord(parts.key)];
  if (parts.strict) words.push('-o', 'StrictHostKeyChecking=yes', '-o', 'CheckHostIP=no');
  words.push('-o', shellWord(`UserKnownHostsFile=${parts.knownHosts}`), ...KEEP_ALIVE);
  return words.join(' ');
}

/** Config that makes git's ssh transport use the command; passed in the environment only. */
export function sshConfig(command: string): ConfigEntry[] {
  return [{ key: SSH_COMMAND_KEY, value: command }];
}
