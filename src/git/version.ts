import { ActionError } from '../errors.js';
import { Git } from './git.js';

/** The oldest git the action works with (`fetch --no-write-fetch-head` arrived in 2.29). */
export const MINIMUM_GIT = [2, 29] as const;

export function parseGitVersion(output: string): [number, number] | undefined {
  const match = /git version (\d+)\.(\d+)/.exec(output);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** Fails with a clear error when git is missing or older than the minimum. */
export async function requireGit(): Promise<string> {
  const output = await new Git(process.cwd()).output(['--version']).catch(error => {
    throw new ActionError('git not found', String(error instanceof Error ? error.message : error));
  });
  const version = parseGitVersion(output);
  const [major, minor] = MINIMUM_GIT;
  if (!version || version[0] < major || (version[0] === major && version[1] < minor)) {
    throw new ActionError(
      'git is too old',
      `This action needs git ${major}.${minor} or newer; the runner has ${output.trim() || 'an unknown git'}. Install a newer git before this step.`
    );
  }
  return output.trim();
}
