import { gitSucceeds, runGit } from './exec.js';
import type { Repository } from './repository.js';

/** Points refs/remotes/origin/HEAD at origin's default branch, as `git clone` leaves it. */
export async function setOriginHead(repo: Repository, defaultBranch: string): Promise<void> {
  await runGit(repo.dir, [
    'symbolic-ref',
    'refs/remotes/origin/HEAD',
    `refs/remotes/origin/${defaultBranch}`
  ]);
}

/** Moves `ref` from `from` to `to`; git refuses when the ref has moved meanwhile. */
export async function moveRef(
  repo: Repository,
  ref: string,
  from: string,
  to: string,
  reason: string
): Promise<void> {
  await runGit(repo.dir, ['update-ref', '-m', reason, ref, to, from]);
}

/** Makes the local `branch` track origin's branch of the same name. */
export async function trackOriginBranch(repo: Repository, branch: string): Promise<void> {
  await runGit(repo.dir, [
    'branch',
    `--set-upstream-to=refs/remotes/origin/${branch}`,
    '--',
    branch
  ]);
}

/** True when git accepts `ref` as a ref name (`git check-ref-format`). */
export function isValidRefName(ref: string): Promise<boolean> {
  return gitSucceeds(process.cwd(), ['check-ref-format', ref]);
}

/** Deletes `ref` when it still names `expected`; git refuses when it has moved meanwhile. */
export async function deleteRef(repo: Repository, ref: string, expected: string): Promise<void> {
  await runGit(repo.dir, ['update-ref', '-d', ref, expected]);
}

/** The branch refs/remotes/origin/HEAD points at, or '' when it points nowhere. */
export async function originHeadBranch(repo: Repository): Promise<string> {
  const result = await runGit(repo.dir, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], {
    allowFailure: true
  });
  const ref = result.stdout.trim();
  return result.exitCode === 0 && ref.startsWith('refs/remotes/origin/')
    ? ref.slice('refs/remotes/origin/'.length)
    : '';
}
