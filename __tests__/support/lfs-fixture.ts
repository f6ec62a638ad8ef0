import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, TOKEN, type Fixture } from './fixture.js';
import { gitSync } from './git.js';
import { commitLfsFiles, lfsContent } from './lfs-content.js';
import { createLfsServer, type LfsServer } from './lfs-server.js';

export interface LfsFixture {
  fx: Fixture;
  lfs: LfsServer;
  /** The LFS files of origin's main branch, path -> content. */
  files: Record<string, Buffer>;
}

/** A fixture whose origin serves LFS at `<origin>.git/info/lfs`, with two LFS files on main. */
export async function startLfsFixture(): Promise<LfsFixture> {
  const fx = await startFixture({ commits: 5 });
  const lfs = createLfsServer(path.join(fx.root, 'lfs-store'), TOKEN);
  fx.git.routes.push(lfs.handle);
  const files = {
    'assets/a.bin': lfsContent('a', 300 * 1024),
    'assets/b.bin': lfsContent('b', 40 * 1024)
  };
  commitLfsFiles(fx.origin, 'main', lfs, files);
  return { fx, lfs, files };
}

/** The files whose working-tree content is not `files` says (a pointer, say); [] when all are. */
export function unsmudged(worktree: string, files: Record<string, Buffer>): string[] {
  return Object.entries(files)
    .filter(([file, content]) => {
      const full = path.join(worktree, file);
      return !existsSync(full) || !readFileSync(full).equals(content);
    })
    .map(([file]) => file);
}

/** `git status --porcelain` of a worktree: '' when the smudged files match the index. */
export function statusOf(worktree: string): string {
  return gitSync(worktree, ['status', '--porcelain', '--untracked-files=all']);
}
