import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import * as path from 'node:path';
import { ActionsCacheBackend } from '../../src/cache/actions-cache.js';
import { STAGING_RELATIVE } from '../../src/cache/backend.js';
import { startCacheServer, type CacheServer } from './cache-server.js';
import { startRangedBlobServer, type RangedBlobServer } from './ranged-blob-server.js';

export const PREFIX = 'clone-cache-Linux-acme-widgets';

/**
 * The genuine @actions/cache in this process, against the loopback cache service, whose entries
 * a ranged blob server serves. `restore` runs the action's backend with the streamed path on or
 * off (the library's restoreCache alone); the environment is put back by `close`.
 */
export interface StreamFixture {
  cache: CacheServer;
  blobs: RangedBlobServer;
  root: string;
  /** Saves a `.git` holding `bytes` of random content; returns the archive file and its key. */
  save(bytes: number): Promise<{ file: string; key: string }>;
  restore(
    env: Record<string, string>,
    timeoutMs?: number
  ): ReturnType<ActionsCacheBackend['restore']>;
  /** RUNNER_TEMP, where restores extract. */
  runnerTemp: string;
  close(): Promise<void>;
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A PATH where zstd is missing, so the library compresses with gzip. */
function pathWithoutZstd(root: string): string {
  const bin = path.join(root, 'bin-no-zstd');
  mkdirSync(bin, { recursive: true });
  for (const tool of ['tar', 'gzip', 'sh']) {
    const real = execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    symlinkSync(real, path.join(bin, tool));
  }
  return bin;
}

export async function startStreamFixture(
  root: string,
  compression: 'zstd' | 'gzip'
): Promise<StreamFixture> {
  const cache = await startCacheServer(path.join(root, 'cache-storage'));
  const blobs = await startRangedBlobServer();
  cache.blobUrl = file => blobs.urlFor(file);
  const runnerTemp = path.join(root, 'runner-temp');
  mkdirSync(runnerTemp, { recursive: true });
  const saved = { ...process.env };
  Object.assign(process.env, {
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_RESULTS_URL: cache.url,
    ACTIONS_RUNTIME_TOKEN: cache.token,
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: runnerTemp
  });
  if (compression === 'gzip') process.env.PATH = pathWithoutZstd(root);
  const backendIn = (workspace: string, timeoutMs = 60_000) => {
    process.env.GITHUB_WORKSPACE = workspace;
    return new ActionsCacheBackend(workspace, runnerTemp, timeoutMs);
  };
  let saves = 0;
  return {
    cache,
    blobs,
    root,
    runnerTemp,
    async save(bytes) {
      const workspace = path.join(root, `save-${++saves}`);
      const gitDir = path.join(workspace, STAGING_RELATIVE);
      mkdirSync(gitDir, { recursive: true });
      const work = path.join(root, `work-${saves}`);
      mkdirSync(work);
      const env = { ...process.env, PATH: saved.PATH };
      execFileSync('git', ['init', '-q', '--separate-git-dir', gitDir, work], { env });
      writeFileSync(path.join(work, 'data.bin'), randomBytes(bytes));
      execFileSync('git', ['-C', work, 'add', '.'], { env });
      execFileSync(
        'git',
        ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'x'],
        { env }
      );
      const commit = git(work, 'rev-parse', 'HEAD');
      const key = `${PREFIX}-${commit}`;
      const result = await backendIn(workspace).save(key);
      if (!result.saved) throw new Error(`not saved: ${result.message}`);
      const entry = [...cache.entries.values()].find(e => e.key === key);
      return { file: entry!.file, key };
    },
    restore(env, timeoutMs) {
      Object.assign(process.env, env);
      return backendIn(path.join(root, 'restore-workspace'), timeoutMs).restore(PREFIX, '');
    },
    async close() {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
      await blobs.close();
      await cache.close();
    }
  };
}

/**
 * Pads an archive to exactly `size` bytes with data its decompressor skips: a zstd skippable
 * frame, or an empty gzip member whose comment fills the gap. The tree it holds is unchanged.
 */
export function padArchive(file: string, size: number): void {
  const archive = readFileSync(file);
  const gap = size - archive.length;
  let padding: Buffer;
  if (archive.readUInt32LE(0) === 0xfd2fb528) {
    if (gap < 8) throw new Error(`cannot pad ${archive.length} bytes to ${size}`);
    padding = Buffer.alloc(gap);
    padding.writeUInt32LE(0x184d2a50, 0);
    padding.writeUInt32LE(gap - 8, 4);
  } else {
    if (gap < 21) throw new Error(`cannot pad ${archive.length} bytes to ${size}`);
    const header = Buffer.from([0x1f, 0x8b, 8, 0x10, 0, 0, 0, 0, 0, 255]);
    const comment = Buffer.alloc(gap - 21, 0x61);
    const tail = Buffer.from([0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // NUL, empty block, CRC, size
    padding = Buffer.concat([header, comment, tail]);
  }
  writeFileSync(file, Buffer.concat([archive, padding]));
}

/** Every file, link and folder under `dir`: its mode and its content's (or target's) hash. */
export function treeOf(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, name);
    const stat = lstatSync(full);
    const mode = (stat.mode & 0o170777).toString(8);
    const content = stat.isSymbolicLink()
      ? readlinkSync(full)
      : stat.isFile()
        ? createHash('sha256').update(readFileSync(full)).digest('hex')
        : '';
    tree[name] = `${mode} ${content}`;
  }
  return tree;
}
