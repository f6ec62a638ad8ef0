// Submodules for the benchmark (--submodules): generated repositories beside origin, served by the
// same loopback git server, recorded by origin's tip at relative URLs; one holds a nested one.
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { commitGitlinks } from '../__tests__/support/submodule-repos.js';
import { generateRepository, PRESETS, type Preset } from './workload.js';

const tipOf = (bare: string) =>
  execFileSync('git', ['-C', bare, 'rev-parse', 'main']).toString().trim();

/** A submodule repository: its name beside origin, its history, and where the parent holds it. */
interface SubmoduleSpec {
  name: string;
  preset: Preset;
  seed: number;
  path: string;
}

// Histories of a few thousand commits: libraries of a product, not products themselves.
const UI: SubmoduleSpec = { name: 'lib-ui', preset: PRESETS.small, seed: 2, path: 'libs/ui' };
const CORE: SubmoduleSpec = { name: 'lib-core', preset: PRESETS.small, seed: 3, path: 'libs/core' };
const VENDOR: SubmoduleSpec = {
  name: 'lib-vendor',
  preset: PRESETS.smoke,
  seed: 4,
  path: 'deps/vendor'
};

/** Paths of every submodule of the superproject's tip, nested ones included. */
export const SUBMODULE_PATHS = ['libs/ui', 'libs/core', 'libs/core/deps/vendor'];

/**
 * Generates the submodule repositories beside `bare` (origin), has lib-core record lib-vendor
 * and origin's main record lib-ui and lib-core, all by relative URL; returns origin's new tip.
 */
export async function addSubmoduleRepos(bare: string): Promise<string> {
  const beside = (spec: SubmoduleSpec) => path.join(path.dirname(bare), `${spec.name}.git`);
  for (const spec of [UI, CORE, VENDOR]) {
    await generateRepository(beside(spec), spec.preset, spec.seed);
  }
  const link = (spec: SubmoduleSpec) => ({
    name: spec.path,
    path: spec.path,
    url: `../${spec.name}`,
    commit: tipOf(beside(spec))
  });
  commitGitlinks(beside(CORE), [link(VENDOR)]);
  return commitGitlinks(bare, [link(UI), link(CORE)]);
}

/**
 * The commands actions/checkout runs after its checkout for `submodules: recursive` at its
 * default depth 1 (sh, in the clone).
 */
export const CHECKOUT_SUBMODULES_SCRIPT = [
  'git submodule sync --recursive',
  'git -c protocol.version=2 submodule update --init --force --depth=1 --recursive',
  "git submodule foreach --recursive 'git config --local gc.auto 0' >/dev/null"
].join(' && ');
