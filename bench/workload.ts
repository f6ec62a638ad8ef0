// Deterministic generated repositories for the benchmark, written with git fast-import.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';

export interface Preset {
  commits: number;
  /** Text files (edited a line at a time: history that deltas well). */
  textFiles: number;
  /** Binary assets rewritten with incompressible content (history that does not). */
  assets: number;
  /** Bytes of each new asset version; one asset is rewritten every `assetEvery` commits. */
  assetBytes: number;
  assetEvery: number;
}

export const PRESETS: Record<string, Preset> = {
  // For the smoke test in npm test: seconds.
  smoke: { commits: 60, textFiles: 40, assets: 5, assetBytes: 4_096, assetEvery: 3 },
  small: { commits: 2_000, textFiles: 400, assets: 50, assetBytes: 16_384, assetEvery: 2 },
  // Comparable to a mid-size project: tens of thousands of commits, thousands of files, a pack
  // of several hundred MB.
  large: { commits: 30_000, textFiles: 3_000, assets: 400, assetBytes: 24_576, assetEvery: 2 },
  // A monorepo's shape: a wide tree (40 directories of 1,000 files) and a short history, where
  // writing the working tree, not restoring the history, is most of a job (see --sparse).
  monorepo: { commits: 300, textFiles: 40_000, assets: 20, assetBytes: 16_384, assetEvery: 4 }
};

/** xorshift128+: fast, deterministic bytes (crypto would be slow and not reproducible). */
class Random {
  private s0 = 0x9e3779b9n;
  private s1 = 0x243f6a88n;
  constructor(seed: number) {
    this.s0 ^= BigInt(seed);
  }
  private next(): bigint {
    let s1 = this.s0;
    const s0 = this.s1;
    this.s0 = s0;
    s1 ^= (s1 << 23n) & 0xffffffffffffffffn;
    this.s1 = s1 ^ s0 ^ (s1 >> 17n) ^ (s0 >> 26n);
    return (this.s1 + s0) & 0xffffffffffffffffn;
  }
  int(limit: number): number {
    return Number(this.next() % BigInt(limit));
  }
  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    // Fill 8 bytes at a time from a fast 32-bit LCG seeded by the generator.
    let state = Number(this.next() & 0xffffffffn) >>> 0;
    for (let i = 0; i < length; i += 4) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      out.writeUInt32LE(state, Math.min(i, length - 4));
    }
    return out;
  }
}

const WORDS =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau'.split(
    ' '
  );

function textLine(random: Random): string {
  const words = Array.from({ length: 8 + random.int(8) }, () => WORDS[random.int(WORDS.length)]);
  return `${words.join(' ')}\n`;
}

/** Creates a bare repository at `dir` with the preset's history on main; returns its tip. */
export async function generateRepository(dir: string, preset: Preset, seed = 1): Promise<string> {
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir]);
  for (const [key, value] of [
    ['uploadpack.allowFilter', 'true'],
    ['uploadpack.allowAnySHA1InWant', 'true']
  ]) {
    execFileSync('git', ['-C', dir, 'config', key, value]);
  }
  const random = new Random(seed);
  const texts = Array.from({ length: preset.textFiles }, () =>
    Array.from({ length: 30 }, () => textLine(random))
  );
  const importer = spawn('git', ['-C', dir, 'fast-import', '--quiet'], {
    stdio: ['pipe', 'inherit', 'inherit']
  });
  const write = (chunk: string | Buffer) =>
    importer.stdin.write(chunk)
      ? Promise.resolve()
      : new Promise(resolve => importer.stdin.once('drain', resolve));
  for (let n = 0; n < preset.commits; n++) {
    const message = `commit ${n}\n`;
    await write(
      `commit refs/heads/main\ncommitter Bench <bench@example.com> ${1_600_000_000 + n * 60} +0000\ndata ${message.length}\n${message}`
    );
    if (n === 0) {
      for (let f = 0; f < preset.textFiles; f++) {
        const content = texts[f].join('');
        await write(
          `M 100644 inline src/mod${f % 40}/file${f}.txt\ndata ${Buffer.byteLength(content)}\n${content}\n`
        );
      }
    }
    for (let e = 0; e < 2; e++) {
      const f = random.int(preset.textFiles);
      texts[f][random.int(texts[f].length)] = textLine(random);
      const content = texts[f].join('');
      await write(
        `M 100644 inline src/mod${f % 40}/file${f}.txt\ndata ${Buffer.byteLength(content)}\n${content}\n`
      );
    }
    if (n % preset.assetEvery === 0) {
      const asset = random.bytes(preset.assetBytes);
      await write(
        `M 100644 inline assets/asset${random.int(preset.assets)}.bin\ndata ${asset.length}\n`
      );
      await write(asset);
      await write('\n');
    }
    await write('\n');
  }
  importer.stdin.end();
  await new Promise<void>((resolve, reject) =>
    importer.on('close', code =>
      code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`))
    )
  );
  // One pack, as a server would hold it after gc.
  execFileSync('git', ['-C', dir, 'repack', '-a', '-d', '-q', '--window=10']);
  return execFileSync('git', ['-C', dir, 'rev-parse', 'main']).toString().trim();
}

/** Appends `count` small commits to main (the staleness of method 9). */
export function addCommits(dir: string, count: number): string {
  const parts: string[] = [];
  for (let n = 0; n < count; n++) {
    const content = `stale ${n}\n`;
    parts.push(
      `commit refs/heads/main\ncommitter Bench <bench@example.com> ${1_700_000_000 + n} +0000\ndata 6\nstale\n`,
      n === 0 ? 'from refs/heads/main^0\n' : '',
      `M 100644 inline stale/file${n}.txt\ndata ${content.length}\n${content}\n\n`
    );
  }
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: parts.join('') });
  return execFileSync('git', ['-C', dir, 'rev-parse', 'main']).toString().trim();
}

export function repoSizeBytes(dir: string): number {
  const out = execFileSync('git', ['-C', dir, 'count-objects', '-v']).toString();
  const size = /size-pack: (\d+)/.exec(out);
  return size ? Number(size[1]) * 1024 : 0;
}

export const bareName = (root: string) => path.join(root, 'acme', 'widgets.git');

export interface SparseSelection {
  /** Cone-mode patterns: directories. */
  patterns: string[];
  /** Files of the tree that a cone-mode checkout of the patterns writes, and all of them. */
  files: number;
  total: number;
}

/** True when cone mode writes `file` for the directories `dirs` (files of their parents too). */
function inCone(file: string, dirs: string[]): boolean {
  const parent = path.posix.dirname(file);
  return dirs.some(
    dir => file.startsWith(`${dir}/`) || parent === '.' || `${dir}/`.startsWith(`${parent}/`)
  );
}

/**
 * Directories whose cone-mode checkout writes about `percent`% of the files of `ref` (never more,
 * at least one directory): a monorepo job that builds its part of the tree.
 */
export function sparseDirectories(bare: string, percent: number, ref = 'main'): SparseSelection {
  const files = execFileSync('git', ['-C', bare, 'ls-tree', '-r', '--name-only', ref])
    .toString()
    .split('\n')
    .filter(Boolean);
  const limit = (files.length * percent) / 100;
  const dirs = [...new Set(files.map(file => path.posix.dirname(file)))]
    .filter(dir => dir !== '.')
    .sort();
  const count = (chosen: string[]) => files.filter(file => inCone(file, chosen)).length;
  const patterns: string[] = [];
  for (const dir of dirs) {
    if (patterns.some(chosen => dir.startsWith(`${chosen}/`))) continue;
    if (count([...patterns, dir]) <= limit) patterns.push(dir);
    if (count(patterns) >= limit * 0.9) break;
  }
  // No directory small enough: the smallest one.
  if (patterns.length === 0 && dirs.length > 0) {
    patterns.push(dirs.reduce((a, b) => (count([b]) < count([a]) ? b : a)));
  }
  return { patterns, files: count(patterns), total: files.length };
}
