import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startCacheServer, type CacheEntry, type CacheServer } from './cache-server.js';
import { startGitServer, type GitServer } from './git-server.js';
import { createOrigin, type HistoryOptions } from './repos.js';
import { createJob, runStep, type Job, type RunOptions, type StepResult } from './runner.js';
import { sharedBlobStore } from './shared-blob-store.js';

export const TOKEN = 'ghs_testToken0123456789abcdefXYZ';
export const REPOSITORY = 'acme/widgets';
/** What a later step passes as `-c http.extraheader=...` to fetch from or push to origin itself. */
export const AUTH_HEADER = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;

/** Everything an end-to-end test needs: origin over loopback HTTP, a cache service, jobs. */
export interface Fixture {
  root: string;
  git: GitServer;
  cache: CacheServer;
  /** Bare repository that origin serves. */
  origin: string;
  originUrl: string;
  /** A persistent host directory (cache-dir) shared by the fixture's jobs. */
  hostDir: string;
  newJob(name?: string, options?: { cache?: boolean; extraEnv?: NodeJS.ProcessEnv }): Job;
  /** Runs the main step with the fixture's origin and token unless overridden. */
  main(job: Job, options?: RunOptions): Promise<StepResult>;
  post(job: Job, options?: RunOptions): Promise<StepResult>;
  /** The run options main and post use: the fixture's origin and token unless overridden. */
  defaults(options?: RunOptions): RunOptions;
  /** A cold job (main, then post) that saves the one cache entry; returns it. */
  saveEntry(): Promise<CacheEntry>;
  close(): Promise<void>;
}

export type CachePath = CacheServer['mode'];

/**
 * The cache path a fixture uses unless told: blob-store (github.com's, through Azurite), or plain
 * (GHES and other servers) when CLONE_CACHE_TEST_CACHE_PATH=plain.
 */
export const DEFAULT_CACHE_PATH: CachePath =
  process.env.CLONE_CACHE_TEST_CACHE_PATH === 'plain' ? 'plain' : 'blob-store';

export async function startFixture(
  history: HistoryOptions = { commits: 20 },
  options: { cachePath?: CachePath } = {}
): Promise<Fixture> {
  const root = mkdtempSync(path.join(tmpdir(), 'clone-cache-test-'));
  const origin = createOrigin(path.join(root, 'origin'), REPOSITORY, history);
  const git = await startGitServer(path.join(root, 'origin'), TOKEN);
  const blobStore =
    (options.cachePath ?? DEFAULT_CACHE_PATH) === 'blob-store'
      ? await sharedBlobStore()
      : undefined;
  const cache = await startCacheServer(path.join(root, 'cache-storage'), undefined, { blobStore });
  const originUrl = `${git.url}/${REPOSITORY}`;
  let jobs = 0;
  const withDefaults = (options: RunOptions = {}): RunOptions => ({
    ...options,
    token: options.token ?? TOKEN,
    inputs: { 'origin-url': originUrl, ...options.inputs }
  });
  const fixture: Fixture = {
    root,
    git,
    cache,
    origin,
    originUrl,
    hostDir: path.join(root, 'host-cache'),
    newJob: (name = `job${++jobs}`, options = {}) =>
      createJob(path.join(root, 'jobs', name), {
        repository: REPOSITORY,
        cacheUrl: options.cache === false ? undefined : cache.url,
        cacheToken: cache.token,
        extraEnv: options.extraEnv
      }),
    main: (job, options) => runStep('main', job, withDefaults(options)),
    post: (job, options) => runStep('post', job, withDefaults(options)),
    defaults: withDefaults,
    async saveEntry() {
      const job = fixture.newJob('cold');
      const main = await fixture.main(job);
      const post = await fixture.post(job);
      const entries = [...cache.entries.values()];
      if (main.exitCode !== 0 || post.exitCode !== 0 || entries.length !== 1) {
        throw new Error(`the cold job did not save one entry: ${main.stdout}\n${post.stdout}`);
      }
      return entries[0];
    },
    close: async () => {
      await git.close();
      await cache.close();
      rmSync(root, { recursive: true, force: true });
    }
  };
  return fixture;
}
