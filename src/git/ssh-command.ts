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
 * The command actions/checkout configures: `"<ssh>" -i "<key>" [-o StrictHostKeyChecking=yes
 * -o CheckHostIP=no] -o "UserKnownHostsFile=<file>"`, with absolute paths.
 */
export function sshCommand(parts: SshCommandParts): string {
  const words = [shellWord(parts.ssh), '-i', shellWord(parts.key)];
  if (parts.strict) words.push('-o', 'StrictHostKeyChecking=yes', '-o', 'CheckHostIP=no');
  words.push('-o', shellWord(`UserKnownHostsFile=${parts.knownHosts}`));
  return words.join(' ');
}

/** Config that makes git's ssh transport use the command; passed in the environment only. */
export function sshConfig(command: string): ConfigEntry[] {
  return [{ key: SSH_COMMAND_KEY, value: command }];
}
