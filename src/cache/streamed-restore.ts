import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import { errorMessage } from '../errors.js';
import { lookupDownloadUrl } from './download-url.js';
import { compressionOf, ExtractPipeline } from './extract-pipeline.js';
import { Collector } from './garbage.js';
import { RangedBlob, type RangedOptions } from './ranged-download.js';

/** Anything the streamed path did not expect: the library's own restore is used instead. */
export class StreamFallback extends Error {}

export type StreamedOutcome =
  | { kind: 'miss' }
  /** matchedKey only (nothing downloaded) when `accept` refused the key. */
  | { kind: 'restored'; matchedKey: string; archiveBytes?: number }
  | { kind: 'fallback'; reason: string };

function number(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export interface StreamOptions extends RangedOptions {
  /** Bytes streamed between two full garbage collections (default: none asked for). */
  collectEveryBytes?: number;
}

/**
 * 4 MiB ranges, 8 at a time (as the Azure SDK asks), at most 8 MiB received ahead of tar, and a
 * full garbage collection every 16 MiB (see garbage.ts): the action's peak stays bounded whatever
 * the entry's size and tar's speed. The bounds can be changed through the environment;
 * CLONE_CACHE_STREAMED_RESTORE=false uses the library alone.
 */
export function streamedRestoreOptions(): StreamOptions | undefined {
  if (process.env.CLONE_CACHE_STREAMED_RESTORE === 'false') return undefined;
  return {
    chunkBytes: Math.round(number('CLONE_CACHE_STREAM_CHUNK_BYTES', 4 * 1024 * 1024)),
    window: Math.round(number('CLONE_CACHE_STREAM_WINDOW', 8)),
    aheadBytes: Math.round(number('CLONE_CACHE_STREAM_AHEAD_BYTES', 8 * 1024 * 1024)),
    collectEveryBytes: Math.round(number('CLONE_CACHE_STREAM_COLLECT_BYTES', 16 * 1024 * 1024)),
    attempts: 4,
    idleMs: number('CLONE_CACHE_STREAM_IDLE_SECONDS', 30) * 1000,
    lagMs: number('CLONE_CACHE_STREAM_LAG_SECONDS', 3) * 1000,
    retryDelayMs: 500
  };
}

/**
 * Downloads `url` in parallel ranges straight into `zstd -d | tar -x` in `dir`. Succeeds only when
 * both programs exit 0 and every byte of the blob went through them; otherwise, and on `signal`,
 * the sockets are closed, the programs killed and `dir` removed before it throws.
 */
export async function streamArchive(
  url: string,
  dir: string,
  options: StreamOptions,
  signal: AbortSignal,
  onBytes: (bytes: number) => void = () => undefined
): Promise<number> {
  if (process.platform !== 'linux') throw new StreamFallback(`not on Linux`);
  const blob = new RangedBlob(url, options, signal);
  let pipeline: ExtractPipeline | undefined;
  const onAbort = () => {
    blob.dispose();
    void pipeline?.kill();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const head = await blob.head();
    const compression = compressionOf(head.first);
    if (!compression) throw new StreamFallback('the archive is neither zstd nor gzip');
    pipeline = await ExtractPipeline.start(compression, dir);
    if (!pipeline) throw new StreamFallback(`${compression} or tar is not on PATH`);
    signal.throwIfAborted();
    await pipeline.write(head.first);
    let bytes = head.first.length;
    onBytes(bytes);
    const collector = new Collector(options.collectEveryBytes ?? Infinity);
    for await (const piece of blob.rest()) {
      await pipeline.write(piece);
      bytes += piece.length;
      onBytes(bytes);
      collector.after(bytes);
    }
    core.debug(`${collector.count} full garbage collections: ${Math.round(collector.ms)} ms`);
    await pipeline.end();
    if (bytes !== head.total) {
      throw new Error(`${bytes} bytes went through tar, the archive has ${head.total}`);
    }
    return bytes;
  } catch (error) {
    await pipeline?.kill();
    await fs.rm(dir, { recursive: true, force: true });
    throw signal.aborted ? (signal.reason ?? error) : error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    blob.dispose();
  }
}

/** Logs the bytes received every few seconds while a streamed restore runs. */
function progressLog(): { onBytes(bytes: number): void; stop(): void } {
  const start = Date.now();
  let received = 0;
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - start) / 1000);
    const mib = (received / (1024 * 1024)).toFixed(1);
    core.info(`Restoring clone cache: ${seconds} s, ${mib} MiB received`);
  }, 10_000);
  timer.unref();
  return { onBytes: bytes => (received = bytes), stop: () => clearInterval(timer) };
}

/**
 * The lookup through the library, then the streamed download of what it matched. A miss is a
 * miss; anything the streamed path cannot handle comes back as `fallback` with `dir` removed.
 */
export interface StreamedRequest {
  paths: string[];
  primaryKey: string;
  restoreKeys: string[];
  /** Where tar extracts; removed when the download fails. */
  dir: string;
  /** False for a matched key that is not to be restored (nothing is downloaded). */
  accept: (key: string) => boolean;
  options: StreamOptions;
  signal: AbortSignal;
  /** Told when the download starts: the promise settles once it stopped and cleaned up. */
  onDownload?: (settled: Promise<unknown>) => void;
}

export async function restoreStreamed(request: StreamedRequest): Promise<StreamedOutcome> {
  const { paths, primaryKey, restoreKeys, dir, accept, options, signal } = request;
  const { matchedKey, url } = await lookupDownloadUrl(paths, primaryKey, restoreKeys);
  if (!matchedKey) return { kind: 'miss' };
  if (!accept(matchedKey)) return { kind: 'restored', matchedKey };
  if (!url) return { kind: 'fallback', reason: 'the cache library did not give the archive URL' };
  const progress = progressLog();
  try {
    const started = Date.now();
    const download = streamArchive(url, dir, options, signal, progress.onBytes);
    request.onDownload?.(download.catch(() => undefined));
    const archiveBytes = await download;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const mib = (archiveBytes / (1024 * 1024)).toFixed(1);
    core.info(`Cache Size: ~${Math.round(archiveBytes / (1024 * 1024))} MB (${archiveBytes} B)`);
    core.info(`Streamed and extracted ${mib} MiB in ${seconds} s`);
    return { kind: 'restored', matchedKey, archiveBytes };
  } catch (error) {
    if (signal.aborted) throw error;
    return { kind: 'fallback', reason: errorMessage(error) };
  } finally {
    progress.stop();
  }
}
