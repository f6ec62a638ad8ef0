import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { errorMessage } from '../errors.js';
import { isEntryOfPrefix } from './superseded.js';
import { withTimeout } from '../fs-util.js';
import {
  STAGING_RELATIVE,
  STAGING_ROOT,
  type CacheBackend,
  type RestoreResult
} from './backend.js';
import { READ_ONLY_TOKEN } from './cache-mode.js';
import { withLibraryLog } from './library-log.js';
import { startDownloadProgress } from './progress.js';
import { withSafeTar } from './safe-tar.js';

/**
 * The library (and the Azure SDK under it) is most of the bundle: loaded only when a job uses the
 * hosted cache, so a cache-dir job does not spend its start-up time parsing it.
 */
const library = () => import('@actions/cache');
const streamedPath = () => import('./streamed-restore.js');

/** Runs `work` with some environment variables changed, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(vars).map(name => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

export interface SaveResult {
  saved: boolean;
  /** One line for the log and the summary: saved, skipped because another job saves, failed... */
  message: string;
  /** Not saved because another job saves (or saved) the same key: not a problem. */
  otherJob?: boolean;
  /** Not saved because the run's cache token is read-only: not a problem either. */
  writeDenied?: boolean;
}

export class ActionsCacheBackend implements CacheBackend {
  readonly source = 'actions-cache' as const;
  readonly stagingDir: string;
  /**
   * Where restores extract: a private folder in RUNNER_TEMP (the same disk as the workspace on
   * GitHub's runners, so the seed is still a rename). A restore abandoned at its time bound goes
   * on in the background inside the library; it can then only write here, never the workspace.
   */
  private readonly extractRoot: string;
  /** Settles once a streamed download has stopped and cleaned up after itself. */
  private streaming: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly workspace: string,
    private readonly runnerTemp: string,
    private readonly timeoutMs: number
  ) {
    this.stagingDir = path.join(workspace, STAGING_RELATIVE);
    this.extractRoot = path.join(runnerTemp, `clone-cache-extract-${randomUUID()}`);
  }

  async available(): Promise<boolean> {
    return (await library()).isFeatureAvailable();
  }

  async cleanStaging(): Promise<void> {
    await fs.rm(path.join(this.workspace, STAGING_ROOT), { recursive: true, force: true });
    await fs.rm(this.extractRoot, { recursive: true, force: true });
  }

  /** Restores into the staging folder; every failure is reported in the result, never thrown. */
  async restore(keyPrefix: string, exactCommit: string): Promise<RestoreResult> {
    const primaryKey = exactCommit ? `${keyPrefix}-${exactCommit}` : `${keyPrefix}-`;
    try {
      await this.cleanStaging();
      // tar extracts relative to GITHUB_WORKSPACE: pointing it at the private extraction folder
      // keeps every member of the archive, whatever its name, out of the workspace.
      await fs.mkdir(this.extractRoot, { recursive: true });
      const abort = new AbortController();
      const { value: matchedKey, findings } = await withTimeout(
        this.restoreWithin(primaryKey, keyPrefix, abort.signal),
        this.timeoutMs,
        'Cache restore',
        () => abort.abort(new Error('Cache restore abandoned at its time bound'))
      ).catch(async (error: unknown) => {
        // A download under way closes its sockets, kills tar and removes its folder first (a
        // lookup that hangs is not waited for: it finds the signal aborted when it answers).
        await this.streaming;
        throw error;
      });
      if (matchedKey && !isEntryOfPrefix(keyPrefix, matchedKey)) {
        // A longer prefix that starts the same (owner-app-docs for owner-app) is another clone.
        core.info(
          `Ignoring the cache entry ${matchedKey}: it is not a ${keyPrefix}-<commit> entry.`
        );
        await this.cleanStaging();
        return { matchedKey: '' };
      }
      if (matchedKey) {
        const gitDir = path.join(this.extractRoot, STAGING_RELATIVE);
        return { matchedKey, gitDir, archiveBytes: findings.archiveBytes };
      }
      if (findings.problems.length === 0) return { matchedKey: '' };
      return { matchedKey: '', failure: { reason: findings.problems.join('; ') } };
    } catch (error) {
      return { matchedKey: '', failure: { reason: errorMessage(error), cause: error } };
    }
  }

  /**
   * The streamed restore first; the library's own restore when it cannot be used. An entry the
   * streamed path does not restore is looked up again by the library (one more request).
   */
  private async restoreWithin(primaryKey: string, keyPrefix: string, signal: AbortSignal) {
    const restoreKeys = [`${keyPrefix}-`];
    const { restoreStreamed, streamedRestoreOptions } = await streamedPath();
    const options = streamedRestoreOptions();
    if (options) {
      const { value: outcome, findings } = await withLibraryLog(() =>
        restoreStreamed({
          paths: [STAGING_RELATIVE],
          primaryKey,
          restoreKeys,
          dir: this.extractRoot,
          accept: key => isEntryOfPrefix(keyPrefix, key),
          options,
          signal,
          onDownload: settled => (this.streaming = settled)
        })
      );
      if (outcome.kind === 'miss') return { value: undefined, findings };
      if (outcome.kind === 'restored') {
        const { archiveBytes } = outcome;
        return { value: outcome.matchedKey, findings: { ...findings, archiveBytes } };
      }
      signal.throwIfAborted(); // abandoned at the bound while it looked up: no second restore
      core.info(`Streaming the cache entry failed (${outcome.reason}); restoring it again.`);
      await fs.mkdir(this.extractRoot, { recursive: true });
    }
    const cache = await library();
    const progress = startDownloadProgress(this.runnerTemp);
    try {
      return await withEnv({ GITHUB_WORKSPACE: this.extractRoot }, () =>
        withSafeTar(this.runnerTemp, () =>
          withLibraryLog(() => cache.restoreCache([STAGING_RELATIVE], primaryKey, restoreKeys))
        )
      );
    } finally {
      progress.stop();
    }
  }

  async save(key: string): Promise<SaveResult> {
    const cache = await library();
    const denied: SaveResult = { saved: false, writeDenied: true, message: READ_ONLY_TOKEN };
    let saving;
    try {
      saving = await this.inWorkspace(() =>
        withLibraryLog(() => cache.saveCache([STAGING_RELATIVE], key))
      );
    } catch (error) {
      // The library logs a denial today; a version that throws it is read the same way.
      if (error instanceof cache.CacheWriteDeniedError) return denied;
      throw error;
    }
    const { value: cacheId, findings } = saving;
    if (findings.writeDenied) return denied;
    if (findings.reservedByOtherJob) {
      return { saved: false, otherJob: true, message: `another job is saving or has saved ${key}` };
    }
    if (cacheId === -1 || findings.problems.length > 0) {
      const detail =
        findings.problems.join('; ') || 'the cache service refused it (see the log above)';
      return { saved: false, message: `saving ${key} failed: ${detail}` };
    }
    return { saved: true, message: `saved ${key}` };
  }

  /** @actions/cache resolves relative cache paths against the current directory. */
  private async inWorkspace<T>(work: () => Promise<T>): Promise<T> {
    const previous = process.cwd();
    process.chdir(this.workspace);
    try {
      return await work();
    } finally {
      process.chdir(previous);
    }
  }
}
