export const id = 561;
export const ids = [561];
export const modules = {

/***/ 561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  StreamFallback: () => (/* binding */ StreamFallback),
  restoreStreamed: () => (/* binding */ restoreStreamed),
  streamArchive: () => (/* binding */ streamArchive),
  streamedRestoreOptions: () => (/* binding */ streamedRestoreOptions)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 336 modules
var cache = __webpack_require__(8477);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/generated/results/api/v1/cache.twirp-client.js + 3 modules
var cache_twirp_client = __webpack_require__(5123);
;// CONCATENATED MODULE: ./src/cache/download-url.ts

// The package's `exports` map opens only its root, and the root does not return the signed URL
// (`lookupOnly` returns the key). A relative path is not subject to that map: Node, jest and ncc
// all resolve it to the very module file `restoreCache` itself imports, so this is the library's
// own client class, not a copy. Checked against @actions/cache 6.3.0 (see its shape test).

/**
 * Looks an entry up through `restoreCache` with `lookupOnly`, so the library applies its own key
 * rules, cache-mode gate, version hash (paths and compression method) and read-denied handling,
 * while the v2 client's answer is observed on its way back to hold on to the signed URL. The v1
 * service (GHES) answers through another client: no URL, and the caller falls back.
 */
async function lookupDownloadUrl(paths, primaryKey, restoreKeys) {
    const prototype = cache_twirp_client/* CacheServiceClientJSON */.Z.prototype;
    const original = prototype.GetCacheEntryDownloadURL;
    if (typeof original !== 'function')
        return {};
    let url;
    const observed = function (request) {
        return original.call(this, request).then(response => {
            if (response.ok && response.signedDownloadUrl)
                url = response.signedDownloadUrl;
            return response;
        });
    };
    prototype.GetCacheEntryDownloadURL = observed;
    try {
        const matchedKey = await (0,cache.restoreCache)(paths, primaryKey, restoreKeys, { lookupOnly: true });
        return { matchedKey, url: matchedKey ? url : undefined };
    }
    finally {
        prototype.GetCacheEntryDownloadURL = original;
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/cache/extract-pipeline.ts


/** The compression of an archive, told by its first bytes (both formats start with a magic). */
function compressionOf(first) {
    if (first.length >= 4 && first.readUInt32LE(0) === 0xfd2fb528)
        return 'zstd';
    if (first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b)
        return 'gzip';
    return undefined;
}
const STDERR_LIMIT = 4096;
function watch(child, name) {
    let stderr = '';
    child.stderr?.on('data', (data) => {
        if (stderr.length < STDERR_LIMIT)
            stderr += data.toString('utf8');
    });
    return new Promise(resolve => {
        child.on('error', error => resolve({ name, code: null, signal: null, stderr: error.message }));
        child.on('close', (code, signal) => resolve({ name, code, signal, stderr: stderr.trim() }));
    });
}
function describe(exit) {
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with ${exit.code}`;
    return `${exit.name} ${how}${exit.stderr ? `: ${exit.stderr.split('\n')[0]}` : ''}`;
}
/**
 * `zstd -d | tar -x` (or `gzip -d | tar -x`) into `dir`, fed through `write`. tar runs as the
 * safe-tar wrapper runs it for the library: without -P (leading `/` stripped, `..` members
 * refused) and without restoring owners. Both processes must exit 0 for `end` to succeed.
 */
class ExtractPipeline {
    decompressor;
    tar;
    exits;
    broken;
    constructor(decompressor, tar, dir) {
        this.decompressor = (0,external_node_child_process_.spawn)(decompressor[0], decompressor.slice(1), {
            stdio: ['pipe', 'pipe', 'pipe']
        });
        this.tar = (0,external_node_child_process_.spawn)(tar, ['-x', '--no-same-owner', '-f', '-', '-C', dir], {
            stdio: [this.decompressor.stdout, 'ignore', 'pipe']
        });
        // tar holds its own copy of the pipe; without ours, the decompressor learns when tar is gone.
        this.decompressor.stdout.destroy();
        this.decompressor.stdin.on('error', error => (this.broken ??= error));
        this.exits = Promise.all([
            watch(this.decompressor, decompressor[0].split('/').pop() ?? 'decompressor'),
            watch(this.tar, 'tar')
        ]);
    }
    /** Undefined when a program it needs is not on PATH. */
    static async start(compression, dir) {
        const tar = await io/* which */.K7('tar', false);
        const program = await io/* which */.K7(compression, false);
        if (!tar || !program)
            return undefined;
        // --long=30: the library compresses with a 1 GiB window, and zstd refuses one that large
        // unless told it may use it.
        const args = compression === 'zstd' ? ['-d', '-c', '-q', '--long=30'] : ['-d', '-c'];
        return new ExtractPipeline([program, ...args], tar, dir);
    }
    /** Resolves once the decompressor has taken the bytes (waits for it when its pipe is full). */
    async write(data) {
        const stdin = this.decompressor.stdin;
        if (this.broken)
            throw new Error(`the extraction stopped: ${this.broken.message}`);
        if (stdin.write(data))
            return;
        await new Promise((resolve, reject) => {
            const done = (error) => {
                stdin.off('drain', onDrain);
                stdin.off('close', onClose);
                if (error)
                    reject(error);
                else
                    resolve();
            };
            const onDrain = () => done();
            const onClose = () => done(new Error('the extraction stopped before the archive ended'));
            stdin.on('drain', onDrain);
            stdin.on('close', onClose);
        });
    }
    /** Ends the input and waits for both programs; throws unless both exited 0. */
    async end() {
        this.decompressor.stdin.end();
        const failed = (await this.exits).filter(exit => exit.code !== 0);
        if (failed.length > 0)
            throw new Error(failed.map(describe).join('; '));
    }
    /** Kills both programs and waits until they are gone. */
    async kill() {
        this.decompressor.stdin.destroy();
        for (const child of [this.decompressor, this.tar]) {
            if (child.exitCode === null && child.signalCode === null)
                child.kill('SIGKILL');
        }
        await this.exits;
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/cache/range-body.ts
/** A failure of one ranged GET that another attempt may not have. */
class RetryableChunkError extends Error {
}
/** `bytes start-end/total` as numbers, or undefined. */
function contentRange(value) {
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value ?? '');
    return match ? { start: +match[1], end: +match[2], total: +match[3] } : undefined;
}
function abortError(signal) {
    return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
/** Reads exactly `length` bytes; nothing for `idleMs`, more, or fewer is a retryable failure. */
function readExactBody(message, length, idleMs, signal) {
    return new Promise((resolve, reject) => {
        const buffer = Buffer.allocUnsafe(length);
        let filled = 0;
        let idle;
        const fail = (error) => {
            clearTimeout(idle);
            message.destroy();
            reject(error);
        };
        const arm = () => {
            clearTimeout(idle);
            idle = setTimeout(() => fail(new RetryableChunkError(`no data for ${idleMs} ms`)), idleMs);
        };
        arm();
        message.on('data', (data) => {
            if (filled + data.length > length) {
                return fail(new RetryableChunkError(`more than the ${length} bytes asked for`));
            }
            data.copy(buffer, filled);
            filled += data.length;
            arm();
        });
        message.on('end', () => {
            clearTimeout(idle);
            if (filled === length)
                resolve(buffer);
            else
                reject(new RetryableChunkError(`short body: ${filled} of ${length} bytes`));
        });
        message.on('error', error => fail(new RetryableChunkError(error.message)));
        message.on('close', () => {
            clearTimeout(idle);
            if (filled !== length) {
                reject(signal.aborted
                    ? abortError(signal)
                    : new RetryableChunkError(`connection closed after ${filled} of ${length} bytes`));
            }
        });
    });
}

;// CONCATENATED MODULE: ./src/cache/ranged-download.ts


/** The server cannot serve this blob in ranges: the library's own download is used instead. */
class RangesUnsupported extends Error {
}
/** The blob is not the one the download started with. */
class BlobChanged extends Error {
}
/**
 * One blob read in parallel ranged GETs and handed out in order. Only `window` chunks exist at a
 * time (in flight or waiting to be consumed), so memory is bounded however slowly the consumer
 * takes them. Every request goes through one HttpClient, whose disposal on abort closes every
 * socket at once.
 */
class RangedBlob {
    url;
    options;
    signal;
    client;
    attempts = new Set();
    total = -1;
    etag;
    constructor(url, options, signal) {
        this.url = url;
        this.options = options;
        this.signal = signal;
        this.client = new lib/* HttpClient */.Qq('clone-cache-action', [], {
            keepAlive: true,
            allowRetries: false,
            socketTimeout: options.idleMs
        });
    }
    /** The first chunk, which also tells the size and the version (ETag) of the blob. */
    async head() {
        const first = await this.chunk(0, 0, this.options.chunkBytes - 1).done;
        return { total: this.total, etag: this.etag, first };
    }
    /** Every chunk after the first, in order. */
    async *rest() {
        const { chunkBytes, window } = this.options;
        const count = Math.ceil(this.total / chunkBytes);
        const queue = [];
        let next = 1;
        const refill = () => {
            while (next < count && queue.length < window) {
                const start = next * chunkBytes;
                queue.push(this.chunk(next, start, Math.min(start + chunkBytes, this.total) - 1));
                next++;
            }
        };
        refill();
        while (queue.length > 0) {
            const oldest = queue[0];
            const buffer = await this.awaitOldest(oldest, queue);
            queue.shift();
            refill();
            yield buffer;
        }
    }
    /** Closes every socket; pending and later requests fail. */
    dispose() {
        for (const attempt of this.attempts)
            attempt.cancel();
        this.client.dispose();
    }
    /** Waits for the oldest chunk; once it lags behind a finished later one, asks for it again. */
    async awaitOldest(oldest, queue) {
        let timer;
        const check = () => {
            const lagging = Date.now() - oldest.startedAt >= this.options.lagMs;
            if (!oldest.isDone() && lagging && queue.some(chunk => chunk !== oldest && chunk.isDone())) {
                oldest.hedge();
                return;
            }
            timer = setTimeout(check, Math.max(20, this.options.lagMs / 4));
        };
        timer = setTimeout(check, Math.max(0, oldest.startedAt + this.options.lagMs - Date.now()));
        try {
            return await oldest.done;
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** One chunk, tried up to `attempts` times; `hedge` starts a second attempt alongside. */
    chunk(index, start, end) {
        let made = 0;
        let hedged = false;
        let settled = false;
        const live = new Set();
        let resolveDone;
        let rejectDone;
        const done = new Promise((resolve, reject) => {
            resolveDone = resolve;
            rejectDone = reject;
        });
        done.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
        const finish = (error, value) => {
            if (settled)
                return;
            settled = true;
            for (const attempt of live)
                attempt.cancel();
            if (value)
                resolveDone(value);
            else
                rejectDone(error);
        };
        const launch = () => {
            if (settled)
                return;
            made++;
            const { attempt, result } = this.fetchRange(index, start, end);
            live.add(attempt);
            result.then(buffer => {
                live.delete(attempt);
                finish(undefined, buffer);
            }, (error) => {
                live.delete(attempt);
                if (settled)
                    return;
                const retryable = error instanceof RetryableChunkError && !this.signal.aborted;
                if (!retryable)
                    return finish(error);
                if (live.size > 0)
                    return; // a hedge is still running
                if (made >= this.options.attempts) {
                    return finish(new Error(`chunk ${index} failed ${made} times: ${errorText(error)}`));
                }
                const timer = setTimeout(launch, this.options.retryDelayMs * made);
                const onAbort = () => {
                    clearTimeout(timer);
                    finish(abortError(this.signal));
                };
                this.signal.addEventListener('abort', onAbort, { once: true });
            });
        };
        launch();
        return {
            done,
            startedAt: Date.now(),
            isDone: () => settled,
            hedge: () => {
                if (hedged || settled)
                    return;
                hedged = true;
                launch();
            }
        };
    }
    /** One ranged GET, checked to be exactly the bytes asked for. */
    fetchRange(index, start, end) {
        let message;
        let cancelled = false;
        let fail = () => undefined;
        const attempt = {
            cancel: () => {
                cancelled = true;
                message?.destroy();
                fail(this.signal.aborted ? abortError(this.signal) : new Error('cancelled'));
            }
        };
        this.attempts.add(attempt);
        const result = new Promise((resolve, reject) => {
            fail = reject;
            if (this.signal.aborted)
                return reject(abortError(this.signal));
            const headers = { Range: `bytes=${start}-${end}` };
            if (this.etag)
                headers['If-Match'] = this.etag;
            this.client.get(this.url, headers).then(response => {
                message = response.message;
                if (cancelled || this.signal.aborted) {
                    message.destroy();
                    return reject(abortError(this.signal));
                }
                try {
                    const expected = this.expectedLength(index, start, end, message);
                    readExactBody(message, expected, this.options.idleMs, this.signal).then(resolve, reject);
                }
                catch (error) {
                    message.destroy();
                    reject(error);
                }
            }, (error) => reject(this.signal.aborted ? abortError(this.signal) : new RetryableChunkError(error.message)));
        });
        const settle = () => this.attempts.delete(attempt);
        void result.then(settle, settle);
        return { attempt, result };
    }
    /** The body length a response must have, or the error that its status and headers make. */
    expectedLength(index, start, end, message) {
        const status = message.statusCode ?? 0;
        if (status === 200 || status === 416) {
            if (index === 0)
                throw new RangesUnsupported(`the server answered ${status} to a range`);
            throw new RetryableChunkError(`chunk ${index}: ${status} where 206 was asked`);
        }
        if (status === 412)
            throw new BlobChanged('the archive changed during the download');
        if (status !== 206) {
            const text = `chunk ${index}: HTTP ${status}`;
            if (status === 408 || status === 429 || status >= 500)
                throw new RetryableChunkError(text);
            throw new Error(text);
        }
        const range = contentRange(message.headers['content-range']);
        const etag = message.headers.etag;
        if (index === 0 && this.total < 0 && range) {
            this.total = range.total;
            this.etag = etag;
        }
        if (this.total >= 0)
            end = Math.min(end, this.total - 1);
        if (range && range.total !== this.total) {
            throw new BlobChanged('the archive changed size during the download');
        }
        if (this.etag && etag && etag !== this.etag) {
            throw new BlobChanged('the archive changed during the download');
        }
        if (!range || range.start !== start || range.end !== end) {
            const got = message.headers['content-range'] ?? 'none';
            throw new RetryableChunkError(`chunk ${index}: Content-Range ${got}, not ${start}-${end}`);
        }
        return end - start + 1;
    }
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/cache/streamed-restore.ts






/** Anything the streamed path did not expect: the library's own restore is used instead. */
class StreamFallback extends Error {
}
function number(name, fallback) {
    const value = Number(process.env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
}
/**
 * 4 MiB ranges, 8 at a time (as the Azure SDK asks): at most 32 MiB held whatever tar's speed
 * (8 MiB ranges, 6 at a time, peaked about 40 MB higher for no gain in speed). The bounds can be
 * changed through the environment; CLONE_CACHE_STREAMED_RESTORE=false uses the library alone.
 */
function streamedRestoreOptions() {
    if (process.env.CLONE_CACHE_STREAMED_RESTORE === 'false')
        return undefined;
    return {
        chunkBytes: Math.round(number('CLONE_CACHE_STREAM_CHUNK_BYTES', 4 * 1024 * 1024)),
        window: Math.round(number('CLONE_CACHE_STREAM_WINDOW', 8)),
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
async function streamArchive(url, dir, options, signal, onBytes = () => undefined) {
    if (process.platform !== 'linux')
        throw new StreamFallback(`not on Linux`);
    const blob = new RangedBlob(url, options, signal);
    let pipeline;
    const onAbort = () => {
        blob.dispose();
        void pipeline?.kill();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
        const head = await blob.head();
        const compression = compressionOf(head.first);
        if (!compression)
            throw new StreamFallback('the archive is neither zstd nor gzip');
        pipeline = await ExtractPipeline.start(compression, dir);
        if (!pipeline)
            throw new StreamFallback(`${compression} or tar is not on PATH`);
        signal.throwIfAborted();
        await pipeline.write(head.first);
        let bytes = head.first.length;
        onBytes(bytes);
        for await (const chunk of blob.rest()) {
            await pipeline.write(chunk);
            bytes += chunk.length;
            onBytes(bytes);
        }
        await pipeline.end();
        if (bytes !== head.total) {
            throw new Error(`${bytes} bytes went through tar, the archive has ${head.total}`);
        }
        return bytes;
    }
    catch (error) {
        await pipeline?.kill();
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
        throw signal.aborted ? (signal.reason ?? error) : error;
    }
    finally {
        signal.removeEventListener('abort', onAbort);
        blob.dispose();
    }
}
/** Logs the bytes received every few seconds while a streamed restore runs. */
function progressLog() {
    const start = Date.now();
    let received = 0;
    const timer = setInterval(() => {
        const seconds = Math.round((Date.now() - start) / 1000);
        const mib = (received / (1024 * 1024)).toFixed(1);
        core/* info */.pq(`Restoring clone cache: ${seconds} s, ${mib} MiB received`);
    }, 10_000);
    timer.unref();
    return { onBytes: bytes => (received = bytes), stop: () => clearInterval(timer) };
}
async function restoreStreamed(request) {
    const { paths, primaryKey, restoreKeys, dir, accept, options, signal } = request;
    const { matchedKey, url } = await lookupDownloadUrl(paths, primaryKey, restoreKeys);
    if (!matchedKey)
        return { kind: 'miss' };
    if (!accept(matchedKey))
        return { kind: 'restored', matchedKey };
    if (!url)
        return { kind: 'fallback', reason: 'the cache library did not give the archive URL' };
    const progress = progressLog();
    try {
        const started = Date.now();
        const download = streamArchive(url, dir, options, signal, progress.onBytes);
        request.onDownload?.(download.catch(() => undefined));
        const archiveBytes = await download;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const mib = (archiveBytes / (1024 * 1024)).toFixed(1);
        core/* info */.pq(`Cache Size: ~${Math.round(archiveBytes / (1024 * 1024))} MB (${archiveBytes} B)`);
        core/* info */.pq(`Streamed and extracted ${mib} MiB in ${seconds} s`);
        return { kind: 'restored', matchedKey, archiveBytes };
    }
    catch (error) {
        if (signal.aborted)
            throw error;
        return { kind: 'fallback', reason: (0,errors/* errorMessage */.gJ)(error) };
    }
    finally {
        progress.stop();
    }
}


/***/ })

};
