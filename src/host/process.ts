import { readFileSync, readlinkSync } from 'node:fs';
import * as os from 'node:os';

/** Who does something on shared host state: enough to tell whether it is still alive. */
export interface ProcessIdentity {
  host: string;
  pid: number;
  /** The process start time from /proc (clock ticks since boot), '' where there is no /proc. */
  startTime: string;
  /** The GitHub job, for humans reading a "held by" message. */
  job: string;
  /** The pid namespace (containers on one host share a host name but not pids); '' if unknown. */
  pidNamespace?: string;
}

function pidNamespace(pid: number | 'self'): string {
  try {
    return readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return '';
  }
}

/** Start time of a process, so a recycled pid is not mistaken for the original process. */
export function processStartTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may contain spaces, so count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

export function jobDescription(env: NodeJS.ProcessEnv = process.env): string {
  const parts = [
    env.GITHUB_REPOSITORY,
    env.GITHUB_RUN_ID && `run ${env.GITHUB_RUN_ID}`,
    env.GITHUB_JOB,
    env.RUNNER_NAME
  ];
  return parts.filter(Boolean).join(' / ') || 'local';
}

export function identityOf(pid: number): ProcessIdentity {
  return {
    host: os.hostname(),
    pid,
    startTime: processStartTime(pid),
    job: jobDescription(),
    pidNamespace: pidNamespace('self')
  };
}

/**
 * False only when the process is known to be gone: same host and pid namespace and no such pid,
 * or the pid now belongs to a process that started at another time. A process elsewhere is
 * presumed alive (its lock or lease then expires by age).
 */
export function isAlive(
  identity: Pick<ProcessIdentity, 'host' | 'pid' | 'startTime' | 'pidNamespace'>
): boolean {
  if (identity.host !== os.hostname() || !(identity.pid > 1)) return true;
  // Another pid namespace (a container with the host's name): its pids mean nothing here.
  const ours = pidNamespace('self');
  if (identity.pidNamespace && ours && identity.pidNamespace !== ours) return true;
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (identity.startTime) {
    const now = processStartTime(identity.pid);
    if (now && now !== identity.startTime) return false;
  }
  // A zombie (exited, not yet reaped by a container without an init) is gone too.
  try {
    const stat = readFileSync(`/proc/${identity.pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
  } catch {
    // no /proc: presumed alive
  }
  return true;
}

/** True when isAlive's answer is certain: the holder is on this host, in this pid namespace. */
export function livenessIsKnown(
  identity: Pick<ProcessIdentity, 'host' | 'pid' | 'pidNamespace'>
): boolean {
  if (identity.host !== os.hostname() || !(identity.pid > 1)) return false;
  const ours = pidNamespace('self');
  return !identity.pidNamespace || !ours || identity.pidNamespace === ours;
}

export function describeHolder(identity: ProcessIdentity & { since?: string }): string {
  const since = identity.since ? ` since ${identity.since}` : '';
  return `pid ${identity.pid} on ${identity.host} (${identity.job})${since}`;
}
