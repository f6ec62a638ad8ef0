import type { ClassifiedFailure } from './classify.js';
import {
  chownTarget,
  containingRoot,
  describeOwner,
  nearestExisting,
  runnerIdentity
} from './ownership.js';
import { findForeignEntry } from './scan.js';

export interface Report {
  title: string;
  message: string;
  /** The directory whose ownership fix would cure the failure ('' when chown is not the cure). */
  fixDir: string;
}

export function troubleshootingLink(env: NodeJS.ProcessEnv = process.env): string {
  const repo = env.GITHUB_ACTION_REPOSITORY;
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return repo
    ? `${server}/${repo}#troubleshooting`
    : "the Troubleshooting section of the action's README";
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map(line => line.trim())
      .find(line => /denied|permission|read-only|dubious|unable|could not|cannot/i.test(line)) ??
    text.split('\n')[0]
  );
}

/**
 * The help for a permission-class failure: what failed, the path, its owner, the runner's
 * uid:gid, the one command that fixes it, the fix-ownership alternative, and where to read more.
 */
export async function buildReport(
  stage: string,
  failure: ClassifiedFailure,
  fallbackPath: string,
  roots: readonly string[]
): Promise<Report> {
  const runner = runnerIdentity() ?? { uid: 0, gid: 0 };
  let offending = failure.path || fallbackPath;
  let existing = await nearestExisting(offending);
  if (existing.owner.uid === runner.uid && failure.kind === 'permission') {
    // The directory is the runner's: the culprit is something inside it (e.g. a root-owned
    // build folder that stops `git worktree remove`).
    const inside = await findForeignEntry([existing.path], runner);
    if (inside) {
      offending = inside.path;
      existing = { path: inside.path, owner: inside.owner };
    }
  }
  const owner = describeOwner(existing.owner);
  const ownerName = owner.replace(/ \(.*$/, '');
  const you = describeOwner(runner);
  const original = `Original error: ${firstLine(failure.text)}`;
  const more = `More: ${troubleshootingLink()}`;

  if (failure.kind === 'read-only') {
    return {
      title: `Read-only file system: ${offending}`,
      message: [
        `${stage} failed: ${offending} is on a read-only file system.`,
        `Mount it read-write, or point the action at a writable directory (path, worktree-path, cache-dir).`,
        more,
        original
      ].join('\n'),
      fixDir: ''
    };
  }
  if (failure.kind === 'dubious-ownership') {
    return {
      title: `Dubious ownership: ${offending}`,
      message: [
        `${stage} failed: git refuses to work in ${offending} because it is owned by ${owner} and this job runs as ${you}.`,
        `Fix: sudo chown -R ${runner.uid}:${runner.gid} ${offending}`,
        `Or, if that owner is expected: git config --global --add safe.directory ${offending}`,
        'Or set fix-ownership: true to let the action change the owner (needs root or passwordless sudo).',
        more,
        original
      ].join('\n'),
      fixDir: offending
    };
  }
  const inRoots = containingRoot(roots, existing.path) !== undefined;
  // Outside the action's folders only the one path is named, never a recursive chown.
  const fixDir = inRoots ? await chownTarget(offending, runner, roots) : existing.path;
  const ownedByRunner = existing.owner.uid === runner.uid;
  return {
    title: ownedByRunner
      ? `Permission denied: ${offending}`
      : `Permission denied: ${offending} is owned by ${ownerName}`,
    message: [
      `${stage} failed: permission denied on ${offending}.`,
      `${existing.path} is owned by ${owner}; this job runs as ${you}.`,
      ownedByRunner
        ? `Fix: chmod -R u+rwX ${fixDir}`
        : `This usually means an earlier job or container ran as another user and left files behind.\nFix: sudo chown ${inRoots ? '-R ' : ''}${runner.uid}:${runner.gid} ${fixDir}`,
      'Or set fix-ownership: true to let the action do it (needs root or passwordless sudo).',
      more,
      original
    ].join('\n'),
    fixDir: ownedByRunner || !inRoots ? '' : fixDir
  };
}
