import { ActionError } from '../errors.js';
import { gitOutput } from './exec.js';

/** The oldest git the action works with (`fetch --no-write-fetch-head` arrived in 2.29). */
export const MINIMUM_GIT = [2, 29] as const;

export type GitVersion = readonly [number, number];

export function parseGitVersion(output: string): [number, number] | undefined {
  const match = /git version (\d+)\.(\d+)/.exec(output);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export function versionAtLeast(version: GitVersion | undefined, wanted: GitVersion): boolean {
  if (!version) return false;
  return version[0] > wanted[0] || (version[0] === wanted[0] && version[1] >= wanted[1]);
}

let probed: Promise<string> | undefined;

/** `git --version`, asked once per process. */
function gitVersionOutput(): Promise<string> {
  probed ??= gitOutput(process.cwd(), ['--version']);
  return probed;
}

/** True when the runner's git is at least `wanted`; false when git cannot say. */
export async function gitAtLeast(wanted: GitVersion): Promise<boolean> {
  const output = await gitVersionOutput().catch(() => '');
  return versionAtLeast(parseGitVersion(output), wanted);
}

/** Fails with a clear error when git is missing or older than the minimum. */
export async function requireGit(): Promise<string> {
  const output = await gitVersionOutput().catch(error => {
    throw new ActionError('git not found', String(error instanceof Error ? error.message : error));
  });
  const [major, minor] = MINIMUM_GIT;
  if (!versionAtLeast(parseGitVersion(output), MINIMUM_GIT)) {
    throw new ActionError(
      'git is too old',
      `This action needs git ${major}.${minor} or newer; the runner has ${output.trim() || 'an unknown git'}. Install a newer git before this step.`
    );
  }
  return output.trim();
}
