import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Deletes the refs of a `.git` (loose files and `packed-refs` lines) that `keep` refuses, without
 * running git in it. Returns the deleted ref names.
 */
export async function removeRefs(
  gitDir: string,
  keep: (ref: string) => boolean
): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs
      .readdir(path.join(gitDir, relative), { withFileTypes: true })
      .catch(() => []);
    for (const entry of entries) {
      const name = `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(name);
      // A link is never a ref of ours: removed (the link itself; nothing is followed).
      else if (entry.isSymbolicLink() || !keep(name)) {
        await fs.rm(path.join(gitDir, name), { force: true });
        removed.push(name);
      }
    }
  };
  await walk('refs');

  const packedFile = path.join(gitDir, 'packed-refs');
  const packed = await fs.readFile(packedFile, 'utf8').catch(() => undefined);
  if (packed !== undefined) {
    const kept: string[] = [];
    let keptLast = false;
    let dropped = false;
    for (const line of packed.split('\n')) {
      if (!line) continue;
      if (line.startsWith('#')) kept.push(line);
      else if (line.startsWith('^')) {
        if (keptLast) kept.push(line); // the peeled value of the ref above
      } else {
        const ref = line.slice(line.indexOf(' ') + 1);
        keptLast = keep(ref);
        if (keptLast) kept.push(line);
        else {
          removed.push(ref);
          dropped = true;
        }
      }
    }
    if (dropped) {
      await fs.writeFile(packedFile, kept.map(l => `${l}\n`).join(''));
    }
  }
  return removed;
}
