import type { HttpClient } from '@actions/http-client';
import type { IncomingMessage } from 'node:http';
import { abortError, contentRange, RetryableChunkError, streamBody } from './range-body.js';
import type { Attempt, RangeChunk } from './range-chunk.js';

/** The server cannot serve this blob in ranges: the library's own download is used instead. */
export class RangesUnsupported extends Error {}
/** The blob is not the one the download started with. */
export class BlobChanged extends Error {}

/** The blob as the first response described it: every later response must match it. */
export interface BlobVersion {
  /** -1 until the first chunk's response gave it. */
  total: number;
  etag?: string;
}

/** What every ranged GET of one blob shares. */
export interface RangeSource {
  client: HttpClient;
  url: string;
  signal: AbortSignal;
  idleMs: number;
  version: BlobVersion;
}

/** The body length a response must have, or the error that its status and headers make. */
function expectedLength(chunk: RangeChunk, message: IncomingMessage, version: BlobVersion) {
  const { index } = chunk;
  const status = message.statusCode ?? 0;
  if (status === 200 || status === 416) {
    if (index === 0) throw new RangesUnsupported(`the server answered ${status} to a range`);
    throw new RetryableChunkError(`chunk ${index}: ${status} where 206 was asked`);
  }
  if (status === 412) throw new BlobChanged('the archive changed during the download');
  if (status !== 206) {
    const text = `chunk ${index}: HTTP ${status}`;
    if (status === 408 || status === 429 || status >= 500) throw new RetryableChunkError(text);
    throw new Error(text);
  }
  const range = contentRange(message.headers['content-range']);
  const etag = message.headers.etag;
  if (index === 0 && version.total < 0 && range) {
    version.total = range.total;
    version.etag = etag;
    chunk.length = Math.min(chunk.length, version.total);
  }
  const end = chunk.start + chunk.length - 1;
  if (range && range.total !== version.total) {
    throw new BlobChanged('the archive changed size during the download');
  }
  if (version.etag && etag && etag !== version.etag) {
    throw new BlobChanged('the archive changed during the download');
  }
  if (!range || range.start !== chunk.start || range.end !== end) {
    const got = message.headers['content-range'] ?? 'none';
    throw new RetryableChunkError(
      `chunk ${index}: Content-Range ${got}, not ${chunk.start}-${end}`
    );
  }
  return end - chunk.start + 1;
}

/**
 * One ranged GET of the whole chunk, checked to be exactly those bytes; what an earlier attempt
 * delivered is skipped, the rest pushed into the chunk (`delivered` after each piece) for as long
 * as this attempt is the chunk's own.
 */
export function requestRange(source: RangeSource, chunk: RangeChunk, delivered: () => void) {
  const { client, url, signal, idleMs, version } = source;
  const skip = chunk.received;
  let message: IncomingMessage | undefined;
  let body: ReturnType<typeof streamBody> | undefined;
  let cancelled = false;
  let pausedEarly = false;
  let fail: (error: Error) => void = () => undefined;
  const attempt: Attempt = {
    cancel: () => {
      cancelled = true;
      message?.destroy();
      fail(signal.aborted ? abortError(signal) : new Error('cancelled'));
    },
    pause: () => (body ? body.pause() : (pausedEarly = true)),
    resume: () => (body ? body.resume() : (pausedEarly = false))
  };
  const result = new Promise<void>((resolve, reject) => {
    fail = reject;
    if (signal.aborted) return reject(abortError(signal));
    const end = chunk.start + chunk.length - 1;
    const headers: Record<string, string> = { Range: `bytes=${chunk.start}-${end}` };
    if (version.etag) headers['If-Match'] = version.etag;
    client.get(url, headers).then(
      response => {
        message = response.message;
        if (cancelled || signal.aborted) {
          message.destroy();
          return reject(abortError(signal));
        }
        try {
          const expected = expectedLength(chunk, message, version);
          const deliver = (piece: Buffer) => {
            if (chunk.attempt !== attempt) return;
            chunk.push(piece);
            delivered();
          };
          body = streamBody(message, expected, skip, idleMs, signal, deliver);
          if (pausedEarly) body.pause();
          body.done.then(resolve, reject);
        } catch (error) {
          message.destroy();
          reject(error);
        }
      },
      (error: Error) =>
        reject(signal.aborted ? abortError(signal) : new RetryableChunkError(error.message))
    );
  });
  return { attempt, result };
}
