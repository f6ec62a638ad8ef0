import { InputError } from '../errors.js';
import type { RunnerContext } from '../runner-context.js';
import { parseBoolean } from './parse.js';

export type InputReader = (name: string) => string;

/** A deploy key for an ssh origin (checkout's ssh-* inputs). */
export interface SshSettings {
  /** The private key, as given (a secret). */
  key: string;
  /** Extra known_hosts lines. */
  knownHosts: string;
  /** StrictHostKeyChecking=yes (checkout's default). */
  strict: boolean;
  /** The user of the default ssh origin, `<user>@<host>:<owner>/<name>.git`. */
  user: string;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/** github-server-url: the instance to clone from; empty means the one the workflow runs on. */
export function parseServerUrl(raw: string, context: RunnerContext): string {
  const value = raw.trim();
  if (value === '') return context.serverUrl;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || /\s/.test(value)) {
    throw new InputError(
      'github-server-url',
      `'${value}' is not the base URL of a GitHub instance (https://host, no credentials).`
    );
  }
  return value.replace(/\/+$/, '');
}

export function parseSsh(read: InputReader): SshSettings | undefined {
  const key = read('ssh-key').trim();
  const user = read('ssh-user').trim() || 'git';
  if (!/^[A-Za-z0-9_.-]+$/.test(user)) {
    throw new InputError('ssh-user', `'${user}' is not a user name (letters, digits, _ . -).`);
  }
  const knownHosts = read('ssh-known-hosts');
  const strict = parseBoolean('ssh-strict', read('ssh-strict'), true);
  if (!key) {
    if (knownHosts.trim()) {
      throw new InputError('ssh-known-hosts', 'is set but ssh-key is empty; set ssh-key too.');
    }
    return undefined;
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) {
    throw new InputError(
      'ssh-key',
      'is not a private key in OpenSSH or PEM form (a "-----BEGIN ... PRIVATE KEY-----" block).'
    );
  }
  if (CONTROL.test(knownHosts.replace(/[\r\n\t]/g, ''))) {
    throw new InputError('ssh-known-hosts', 'contains control characters.');
  }
  return { key, knownHosts, strict, user };
}

/**
 * Where origin points: origin-url as given, else what actions/checkout writes: the server URL and
 * owner/name with no `.git`, or with an ssh-key `<ssh-user>@<host>:<owner>/<name>.git`.
 */
export function parseOriginUrl(
  raw: string,
  serverUrl: string,
  repository: string,
  ssh: SshSettings | undefined
): string {
  const fallback = ssh
    ? `${ssh.user}@${new URL(serverUrl).hostname}:${repository}.git`
    : `${serverUrl}/${repository}`;
  const value = raw.trim() || fallback;
  if (/\s/.test(value) || CONTROL.test(value)) {
    throw new InputError('origin-url', 'contains whitespace or control characters.');
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new InputError('origin-url', `'${value}' is not a valid URL.`);
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'file:'].includes(url.protocol)) {
      throw new InputError(
        'origin-url',
        `scheme '${url.protocol}' is not supported; allowed: https, http, ssh, git, file.`
      );
    }
    // A token in the URL would reach .git/config, the cache archive and every log line.
    if (url.password || (url.username && /^https?:$/.test(url.protocol))) {
      throw new InputError(
        'origin-url',
        'embeds credentials; remove them from the URL and pass the secret through the token input.'
      );
    }
    return value;
  }
  if (/^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^-]/.test(value)) return value;
  throw new InputError(
    'origin-url',
    `'${value}' is not a URL (https://host/owner/name, ssh://..., or git@host:owner/name).`
  );
}
