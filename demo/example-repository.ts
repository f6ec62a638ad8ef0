// The bare repository the demo's origin serves, generated and packed as a server keeps it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { HistoryGenerator, type HistoryShape } from './history.js';

export interface ExampleRepository {
  /** The bare repository. */
  dir: string;
  history: HistoryGenerator;
  seconds: number;
}

export interface PackFacts {
  objects: number;
  packBytes: number;
}

const git = (dir: string, args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();

/** Generates `commits` commits of `shape` into `<projectRoot>/<slug>.git`. */
export async function createExampleRepository(
  projectRoot: string,
  slug: string,
  shape: HistoryShape,
  commits: number
): Promise<ExampleRepository> {
  const started = performance.now();
  const dir = path.join(projectRoot, `${slug}.git`);
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '--quiet', '--bare', '--initial-branch=main']);
  git(dir, ['config', 'uploadpack.allowFilter', 'true']);
  git(dir, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  const history = new HistoryGenerator(shape);
  await history.append(dir, commits);
  // One pack with a reachability bitmap, as a hosting server keeps a repository after gc; the
  // deltas fast-import made are kept (-a without -f), which is what makes this quick.
  git(dir, ['repack', '-a', '-d', '-q', '--write-bitmap-index']);
  return { dir, history, seconds: (performance.now() - started) / 1000 };
}

/** Objects and pack bytes of a repository (packed and loose). */
export function packFacts(dir: string): PackFacts {
  const counts = Object.fromEntries(
    git(dir, ['count-objects', '-v'])
      .split('\n')
      .map(line => line.split(': '))
      .map(([name, value]) => [name, Number(value)])
  );
  return {
    objects: counts['in-pack'] + counts.count,
    packBytes: (counts['size-pack'] + counts.size) * 1024
  };
}
