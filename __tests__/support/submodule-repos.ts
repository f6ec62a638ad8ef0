import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Fixture } from './fixture.js';
import { gitSync } from './git.js';
import { createOrigin, revParse } from './repos.js';

export interface Gitlink {
  name: string;
  path: string;
  /** As .gitmodules gives it: relative (`../lib`) or absolute. */
  url: string;
  commit: string;
}

/** Commits `.gitmodules` and the gitlinks to `branch` of the bare repository; returns the tip. */
export function commitGitlinks(bare: string, gitlinks: Gitlink[], branch = 'main'): string {
  const work = mkdtempSync(path.join(path.dirname(bare), 'gitlinks-'));
  try {
    gitSync(work, ['clone', '--quiet', '--branch', branch, bare, '.']);
    const modules = gitlinks
      .map(link => `[submodule "${link.name}"]\n\tpath = ${link.path}\n\turl = ${link.url}\n`)
      .join('');
    writeFileSync(path.join(work, '.gitmodules'), modules);
    gitSync(work, ['add', '.gitmodules']);
    for (const link of gitlinks) {
      gitSync(work, ['update-index', '--add', '--cacheinfo', `160000,${link.commit},${link.path}`]);
    }
    gitSync(work, [
      'commit',
      '--quiet',
      '-m',
      `submodules at ${gitlinks.map(l => l.commit.slice(0, 7))}`
    ]);
    gitSync(work, ['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`]);
    return revParse(bare, `refs/heads/${branch}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The fixture's submodule repositories, as bare repositories beside its origin. */
export interface SubmoduleRepos {
  /** Relative URL `../lib-rel`; it holds `nested` (relative to itself) as `deps/nested`. */
  rel: string;
  /** Absolute URL on origin's host. */
  abs: string;
  /** The submodule of `rel`, for recursive. */
  nested: string;
  /** The gitlinks the superproject records, to commit again after a submodule moves. */
  gitlinks(): Gitlink[];
}

/**
 * Gives the fixture's origin three submodule repositories served by the same loopback server:
 * `libs/rel` (relative URL), `libs/abs` (absolute URL), and `libs/rel/deps/nested` inside rel.
 * `extra` gitlinks (another host's, say) are recorded too. The superproject's tip records them.
 */
export function addSubmodules(fx: Fixture, extra: Gitlink[] = []): SubmoduleRepos {
  const root = path.join(fx.root, 'origin');
  const nested = createOrigin(root, 'acme/lib-nested', { commits: 4, seed: 'nested' });
  const rel = createOrigin(root, 'acme/lib-rel', { commits: 6, seed: 'rel' });
  const abs = createOrigin(root, 'acme/lib-abs', {
    commits: 40,
    blobBytes: 4000,
    seed: 'abs'
  });
  commitGitlinks(rel, [
    { name: 'nested', path: 'deps/nested', url: '../lib-nested', commit: revParse(nested, 'main') }
  ]);
  const gitlinks = (): Gitlink[] => [
    { name: 'rel', path: 'libs/rel', url: '../lib-rel', commit: revParse(rel, 'main') },
    {
      name: 'abs',
      path: 'libs/abs',
      url: `${fx.git.url}/acme/lib-abs`,
      commit: revParse(abs, 'main')
    },
    ...extra
  ];
  commitGitlinks(fx.origin, gitlinks());
  return { rel, abs, nested, gitlinks };
}
