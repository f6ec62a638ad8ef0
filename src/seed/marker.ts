import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * A clone the action made (seeded or cloned) carries this file in its `.git`. Only such a clone
 * is reset and cleaned by later runs; a clone the user made is never cleaned.
 */
const MARKER = 'clone-cache-action';

export async function markAsActionClone(gitDir: string): Promise<void> {
  await fs.writeFile(path.join(gitDir, MARKER), `made by the clone cache action\n`);
}

export async function isActionClone(gitDir: string): Promise<boolean> {
  const stat = await fs.lstat(path.join(gitDir, MARKER)).catch(() => undefined);
  return stat?.isFile() ?? false;
}
