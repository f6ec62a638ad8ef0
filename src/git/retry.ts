import * as core from '@actions/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { limits } from '../limits.js';
import { gitStderrOf } from './exec.js';

/** How many times a fetch from origin is tried, as actions/checkout does. */
export const FETCH_ATTEMPTS = 3;

/**
 * git's and curl's words for a failure of the network or of the server, not of the request: the
 * same command may well succeed a few seconds later.
 */
const TRANSIENT = [
  /The requested URL returned error: (5\d\d|408|429)\b/,
  /RPC failed/,
  /early EOF/,
  /the remote end hung up unexpectedly/,
  /unexpected disconnect while reading sideband packet/,
  /transfer closed with outstanding read data remaining/,
  /bytes of body are still expected/,
  /Could not resolve (host|proxy)/,
  /Failed to connect to/,
  /Couldn't connect to server/,
  /Connection (refused|reset|timed out|closed by)/i,
  /Operation (too slow|timed out)/,
  /Empty reply from server/,
  /(Recv|Send) failure/,
  /SSL_ERROR_SYSCALL|gnutls_handshake\(\) failed|TLS connection was non-properly terminated/,
  /HTTP\/2 stream \d+ was not closed cleanly/
];

/**
 * Words that say the request itself cannot succeed (credentials, a missing repository or ref, the
 * local disk or object store): another try cannot help, whatever else git said.
 */
const PERMANENT = [
  /Authentication failed/i,
  /could not read (Username|Password)/,
  /terminal prompts disabled/,
  /couldn't find remote ref/,
  /not our ref/,
  /Repository not found|repository '[^']*' not found|does not appear to be a git repository/i,
  /Permission denied|EACCES|EPERM|Read-only file system|No space left on device/,
  /insufficient permission|unable to create|could not create|could not lock|cannot lock ref/i,
  /unable to (write|unlink)|dubious ownership/i,
  /certificate/i,
  /bad object|is corrupt|did not send all necessary objects|missing (blob|tree|commit|object)/
];

/** An HTTP status worth another try: the server, or a proxy before it, is down or overloaded. */
function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/**
 * The line of git's stderr that shows `error` is transient (a network failure, a 5xx, a transfer
 * cut short or stalled); undefined for every other failure, including ones git's words do not
 * explain, and for errors that are not git's.
 */
export function transientCause(error: unknown): string | undefined {
  const stderr = gitStderrOf(error);
  if (stderr === undefined) return undefined;
  const lines = stderr
    .split(/\r\n|\r|\n/)
    .map(line => line.trim())
    .filter(line => line !== '');
  if (lines.some(line => PERMANENT.some(words => words.test(line)))) return undefined;
  const statuses = [...stderr.matchAll(/returned error: (\d{3})|RPC failed; HTTP (\d{3})/g)].map(
    match => Number(match[1] ?? match[2])
  );
  if (statuses.some(status => !isTransientStatus(status))) return undefined;
  return lines.find(line => TRANSIENT.some(words => words.test(line)));
}

/**
 * Runs `operation` (a git command that talks to origin) up to FETCH_ATTEMPTS times while it fails
 * transiently, waiting the backoff bound to twice it (at random, so that jobs failed by the same
 * outage do not come back together) between attempts. Each retry is logged with its cause; a
 * permanent failure, or the last attempt's, is thrown as it is. `what` completes "to ...".
 */
export async function withRetries<T>(what: string, operation: () => Promise<T>): Promise<T> {
  const { fetchRetryBackoffMs } = limits();
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const cause = transientCause(error);
      if (cause === undefined || attempt === FETCH_ATTEMPTS) throw error;
      const waitMs = Math.round(fetchRetryBackoffMs * (1 + Math.random()));
      core.info(
        `Attempt ${attempt} of ${FETCH_ATTEMPTS} to ${what} failed: ${cause}. Trying again in ${(waitMs / 1000).toFixed(1)} s.`
      );
      await sleep(waitMs);
    }
  }
}
