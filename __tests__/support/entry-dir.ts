import * as path from 'node:path';
import { buildSnapshot } from '../../src/cache/snapshot.js';
import { createLocalClone, revParse } from './repos.js';

/** A cache entry's git directory exactly as the action saves one, from a fresh local clone. */
export async function snapshotDir(root: string): Promise<{ gitDir: string; tip: string }> {
  const { clone } = createLocalClone(root);
  const tip = revParse(clone, 'HEAD');
  const gitDir = path.join(root, 'entry.git');
  await buildSnapshot(clone, tip, gitDir, 'https://github.com/acme/widgets');
  return { gitDir, tip };
}
