// Git LFS assets for the benchmark (--lfs-mbytes): origin's tip tracks them, a loopback LFS
// server (the tests' own) serves them behind the git server, as origin's LFS endpoint, on a link
// of its own (GitHub's LFS storage is another service than its git and its cache).
import type { GitServer } from '../__tests__/support/git-server.js';
import type { Bandwidth } from '../__tests__/support/throttle.js';
import { commitLfsFiles, lfsContent } from '../__tests__/support/lfs-content.js';
import { createLfsServer, type LfsServer } from '../__tests__/support/lfs-server.js';

/** The largest asset; more megabytes make more files. */
const ASSET_MBYTES = 10;

/** The LFS server's link: its bandwidth, and how long it holds each request (0: not at all). */
export interface LfsLink {
  bandwidth: Bandwidth;
  requestMs: number;
}

const LFS_REQUEST = /\/info\/lfs\//;

/**
 * Commits `mbytes` MB of incompressible LFS assets to main of `bare` (files of at most 10 MB in
 * `lfs-assets/`) and serves their objects (kept in `storeDir`) under the git server, over `link`.
 */
export function addLfsAssets(
  bare: string,
  git: GitServer,
  token: string,
  mbytes: number,
  storeDir: string,
  link: LfsLink
): LfsServer {
  const lfs = createLfsServer(storeDir, token, link.bandwidth);
  git.routes.push((req, res) => {
    if (!link.requestMs || !LFS_REQUEST.test(req.url ?? '')) return lfs.handle(req, res);
    // The request's body waits in its stream (nothing reads it before the handler does).
    setTimeout(() => {
      if (!lfs.handle(req, res)) res.writeHead(404).end();
    }, link.requestMs);
    return true;
  });
  const files: Record<string, Buffer> = {};
  let left = Math.round(mbytes * 1_000_000);
  for (let n = 0; left > 0; n++) {
    const bytes = Math.min(left, ASSET_MBYTES * 1_000_000);
    files[`lfs-assets/asset${n}.bin`] = lfsContent(`bench-lfs-${n}`, bytes);
    left -= bytes;
  }
  commitLfsFiles(bare, 'main', lfs, files, 'lfs-assets/**');
  return lfs;
}

/**
 * actions/checkout with `lfs: true` and its default depth 1, as its git commands run: an empty
 * repository, `git lfs install --local`, a depth-1 fetch, `git lfs fetch` of the commit, then a
 * checkout that smudges the LFS files from the local store.
 */
export const CHECKOUT_LFS_SCRIPT = [
  'git init -q "$1" && cd "$1"',
  'git lfs install --local >/dev/null',
  'git remote add origin "$2"',
  'git fetch -q --no-tags --prune --no-recurse-submodules --depth=1 origin "$3"',
  'git lfs fetch origin "$3" >/dev/null',
  'git checkout -q --force "$3"'
].join(' && ');
