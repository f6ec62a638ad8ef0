export const id = 798;
export const ids = [798];
export const modules = {

/***/ 9798:
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

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
var external_node_v8_default = /*#__PURE__*/__webpack_require__.n(external_node_v8_);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
;// CONCATENATED MODULE: ./src/cache/garbage.ts


let exposedGc;
/**
 * V8's full collection, or undefined where it cannot be had. A streamed download goes through a
 * new 64 KiB buffer for every socket read, and V8 frees dead buffers only once some 64 MiB more of
 * them exist than at its last collection: without being asked, that garbage is most of what the
 * process holds while it streams.
 */
function fullCollection() {
    if (exposedGc === undefined) {
        try {
            const exposed = globalThis.gc;
            if (!exposed)
                external_node_v8_default().setFlagsFromString('--expose-gc');
            exposedGc = exposed ?? external_node_vm_default().runInNewContext('gc');
        }
        catch {
            exposedGc = null;
        }
    }
    return exposedGc ?? undefined;
}
/** Asks for a full collection each time `everyBytes` more bytes went through; counts them. */
class Collector {
    everyBytes;
    count = 0;
    ms = 0;
    collect = fullCollection();
    next;
    constructor(everyBytes) {
        this.everyBytes = everyBytes;
        this.next = everyBytes;
    }
    after(bytes) {
        if (!this.collect || bytes < this.next)
            return;
        this.next = bytes + this.everyBytes;
        const start = performance.now();
        this.collect();
        this.ms += performance.now() - start;
        this.count++;
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 2 modules
var lib = __webpack_require__(9844);
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
/**
 * Streams exactly `length` bytes of a response into `onPiece` as they arrive, less the first
 * `skip` (delivered by an earlier attempt). Nothing for `idleMs`
 * while it flows, more, or fewer is a retryable failure. While paused it is not idle: nothing is
 * read, so the socket's flow control holds the server back and no byte piles up here.
 */
function streamBody(message, length, skip, idleMs, signal, onPiece) {
    let filled = 0;
    let idle;
    let paused = false;
    let fail = () => undefined;
    const arm = () => {
        clearTimeout(idle);
        if (paused)
            return;
        idle = setTimeout(() => fail(new RetryableChunkError(`no data for ${idleMs} ms`)), idleMs);
    };
    const done = new Promise((resolve, reject) => {
        fail = (error) => {
            clearTimeout(idle);
            message.destroy();
            reject(error);
        };
        arm();
        message.on('data', (data) => {
            if (filled + data.length > length) {
                return fail(new RetryableChunkError(`more than the ${length} bytes asked for`));
            }
            const at = filled;
            filled += data.length;
            arm();
            if (filled > skip)
                onPiece(at >= skip ? data : data.subarray(skip - at));
        });
        message.on('end', () => {
            clearTimeout(idle);
            if (filled === length)
                resolve();
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
    return {
        done,
        pause() {
            if (paused)
                return;
            paused = true;
            clearTimeout(idle);
            message.pause();
        },
        resume() {
            if (!paused)
                return;
            paused = false;
            message.resume();
            arm();
        }
    };
}

;// CONCATENATED MODULE: ./src/cache/range-chunk.ts
/** Bytes a download holds in memory: received and not yet taken by its consumer. */
class HeldBytes {
    now = 0;
    peak = 0;
    add(bytes) {
        this.now += bytes;
        if (this.now > this.peak)
            this.peak = this.now;
    }
    remove(bytes) {
        this.now -= bytes;
    }
}
/**
 * One range of the blob. Its bytes are kept as the pieces the socket delivered (never copied into
 * one buffer) until the consumer takes them; a retry asks only for the bytes not yet received.
 */
class RangeChunk {
    index;
    start;
    length;
    held;
    startedAt = Date.now();
    /** Bytes received so far, taken or not: the next attempt starts at `start + received`. */
    received = 0;
    /** Bytes received and not yet taken. */
    pending = 0;
    failure;
    attempt;
    /** Its body is paused because memory is at its bound. */
    paused = false;
    /** Attempts made since the last one that received bytes. */
    fruitless = 0;
    hedged = false;
    /** A retry waits for its delay. */
    retryPending = false;
    pieces = [];
    wake;
    constructor(index, start, length, held) {
        this.index = index;
        this.start = start;
        this.length = length;
        this.held = held;
    }
    get complete() {
        return this.received === this.length;
    }
    get settled() {
        return this.complete || this.failure !== undefined;
    }
    push(piece) {
        this.pieces.push(piece);
        this.pending += piece.length;
        this.received += piece.length;
        this.held.add(piece.length);
        this.notify();
    }
    fail(error) {
        if (this.settled)
            return;
        this.failure = error;
        this.notify();
    }
    /** Wakes the consumer waiting in `take`, which then looks at the chunk again. */
    notify() {
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
    }
    /** The next piece in order, or undefined once every byte was taken; waits for one to arrive. */
    async take() {
        for (;;) {
            const piece = this.pieces.shift();
            if (piece) {
                this.pending -= piece.length;
                this.held.remove(piece.length);
                return piece;
            }
            if (this.complete)
                return undefined;
            if (this.failure !== undefined)
                throw this.failure;
            await new Promise(resolve => (this.wake = resolve));
        }
    }
    /** Drops what was not taken: the download stopped. */
    discard() {
        this.held.remove(this.pending);
        this.pieces.length = 0;
        this.pending = 0;
    }
}

;// CONCATENATED MODULE: ./src/cache/range-request.ts

/** The server cannot serve this blob in ranges: the library's own download is used instead. */
class RangesUnsupported extends Error {
}
/** The blob is not the one the download started with. */
class BlobChanged extends Error {
}
/** The body length a response must have, or the error that its status and headers make. */
function expectedLength(chunk, message, version) {
    const { index } = chunk;
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
        throw new RetryableChunkError(`chunk ${index}: Content-Range ${got}, not ${chunk.start}-${end}`);
    }
    return end - chunk.start + 1;
}
/**
 * One ranged GET of the whole chunk, checked to be exactly those bytes; what an earlier attempt
 * delivered is skipped, the rest pushed into the chunk (`delivered` after each piece) for as long
 * as this attempt is the chunk's own.
 */
function requestRange(source, chunk, delivered) {
    const { client, url, signal, idleMs, version } = source;
    const skip = chunk.received;
    let message;
    let body;
    let cancelled = false;
    let pausedEarly = false;
    let fail = () => undefined;
    const attempt = {
        cancel: () => {
            cancelled = true;
            message?.destroy();
            fail(signal.aborted ? abortError(signal) : new Error('cancelled'));
        },
        pause: () => (body ? body.pause() : (pausedEarly = true)),
        resume: () => (body ? body.resume() : (pausedEarly = false))
    };
    const result = new Promise((resolve, reject) => {
        fail = reject;
        if (signal.aborted)
            return reject(abortError(signal));
        const end = chunk.start + chunk.length - 1;
        const headers = { Range: `bytes=${chunk.start}-${end}` };
        if (version.etag)
            headers['If-Match'] = version.etag;
        client.get(url, headers).then(response => {
            message = response.message;
            if (cancelled || signal.aborted) {
                message.destroy();
                return reject(abortError(signal));
            }
            try {
                const expected = expectedLength(chunk, message, version);
                const deliver = (piece) => {
                    if (chunk.attempt !== attempt)
                        return;
                    chunk.push(piece);
                    delivered();
                };
                body = streamBody(message, expected, skip, idleMs, signal, deliver);
                if (pausedEarly)
                    body.pause();
                body.done.then(resolve, reject);
            }
            catch (error) {
                message.destroy();
                reject(error);
            }
        }, (error) => reject(signal.aborted ? abortError(signal) : new RetryableChunkError(error.message)));
    });
    return { attempt, result };
}

;// CONCATENATED MODULE: ./src/cache/ranged-download.ts




/** The oldest chunk's bytes waiting for the consumer before its body is paused too. */
const OLDEST_PENDING_BYTES = 1024 * 1024;
/**
 * One blob read in parallel ranged GETs and handed out in order, piece by piece as the sockets
 * deliver them (no chunk is gathered into one buffer). What is held in memory is bounded by
 * `aheadBytes` plus one socket read per request, whatever the consumer's speed; `held` tells it.
 * Every request goes through one HttpClient, whose disposal on abort closes every socket at once.
 */
class RangedBlob {
    options;
    signal;
    /** Bytes received and not yet taken by the consumer, now and at most. */
    held = new HeldBytes();
    client;
    source;
    version = { total: -1 };
    attempts = new Set();
    retries = new Set();
    queue = [];
    aheadBytes;
    disposed = false;
    constructor(url, options, signal) {
        this.options = options;
        this.signal = signal;
        this.aheadBytes = options.aheadBytes ?? 2 * options.chunkBytes;
        // The socket timeout also ends a paused body; the reader's own idle timer judges it instead.
        this.client = new lib/* HttpClient */.Qq('clone-cache-action', [], {
            keepAlive: true,
            allowRetries: false
        });
        this.source = {
            client: this.client,
            url,
            signal,
            idleMs: options.idleMs,
            version: this.version
        };
        signal.addEventListener('abort', this.onAbort, { once: true });
    }
    onAbort = () => this.dispose();
    /** The first chunk, which also tells the size and the version (ETag) of the blob. */
    async head() {
        const chunk = new RangeChunk(0, 0, this.options.chunkBytes, this.held);
        this.queue.push(chunk);
        this.launch(chunk);
        const parts = [];
        for (let piece = await chunk.take(); piece; piece = await chunk.take())
            parts.push(piece);
        this.queue.shift();
        return { ...this.version, first: Buffer.concat(parts) };
    }
    /** Every byte after the first chunk, in order, in the pieces the sockets delivered. */
    async *rest() {
        const { chunkBytes, window } = this.options;
        const total = this.version.total;
        const count = Math.ceil(total / chunkBytes);
        let next = 1;
        const refill = () => {
            while (next < count && this.queue.length < window) {
                const start = next * chunkBytes;
                const chunk = new RangeChunk(next, start, Math.min(chunkBytes, total - start), this.held);
                this.queue.push(chunk);
                this.launch(chunk);
                next++;
            }
        };
        refill();
        while (this.queue.length > 0) {
            const oldest = this.queue[0];
            this.flow();
            const piece = await this.takeOldest(oldest);
            // Its last byte taken, the chunk makes room for the next one before the consumer goes on.
            if (oldest.complete && oldest.pending === 0) {
                this.queue.shift();
                refill();
                this.flow();
            }
            if (piece)
                yield piece;
        }
    }
    /** Closes every socket; pending and later requests fail. */
    dispose() {
        this.disposed = true;
        this.signal.removeEventListener('abort', this.onAbort);
        for (const attempt of this.attempts)
            attempt.cancel();
        for (const timer of this.retries)
            clearTimeout(timer);
        this.retries.clear();
        this.client.dispose();
        const reason = this.signal.aborted ? abortError(this.signal) : new Error('disposed');
        for (const chunk of this.queue) {
            chunk.fail(reason);
            chunk.discard();
        }
    }
    /**
     * Pauses the bodies that would take memory past its bound, and lets flow again (or asks again
     * for) those that may: the oldest chunk only waits for the consumer, later ones for the bound.
     */
    flow() {
        this.queue.forEach((chunk, position) => {
            const hold = position === 0 ? chunk.pending >= OLDEST_PENDING_BYTES : this.held.now >= this.aheadBytes;
            if (hold && !chunk.paused && !chunk.settled) {
                chunk.paused = true;
                chunk.attempt?.pause();
            }
            else if (!hold && chunk.paused) {
                chunk.paused = false;
                if (chunk.attempt)
                    chunk.attempt.resume();
                else if (chunk.retryPending === false)
                    this.launch(chunk);
            }
        });
    }
    /** The oldest chunk's next piece; once it lags behind a finished later chunk, asks again. */
    async takeOldest(oldest) {
        if (oldest.settled)
            return oldest.take();
        let timer;
        const check = () => {
            const lagging = Date.now() - oldest.startedAt >= this.options.lagMs;
            if (!oldest.settled && lagging && this.queue.some(c => c !== oldest && c.complete)) {
                return this.hedge(oldest);
            }
            timer = setTimeout(check, Math.max(20, this.options.lagMs / 4));
        };
        timer = setTimeout(check, Math.max(0, oldest.startedAt + this.options.lagMs - Date.now()));
        try {
            return await oldest.take();
        }
        finally {
            clearTimeout(timer);
        }
    }
    /** Once per chunk: ends its running attempt and asks for the bytes it still lacks. */
    hedge(chunk) {
        if (chunk.hedged || chunk.settled)
            return;
        chunk.hedged = true;
        const running = chunk.attempt;
        chunk.attempt = undefined;
        running?.cancel();
        chunk.fruitless = 0;
        this.launch(chunk);
    }
    /** One attempt at the bytes of `chunk` not yet received; retried while attempts bring bytes. */
    launch(chunk) {
        chunk.retryPending = false;
        if (this.disposed || chunk.settled || chunk.attempt)
            return;
        chunk.fruitless++;
        const before = chunk.received;
        const { attempt, result } = requestRange(this.source, chunk, () => this.flow());
        this.attempts.add(attempt);
        const settle = () => this.attempts.delete(attempt);
        void result.then(settle, settle);
        chunk.attempt = attempt;
        result.then(() => {
            if (chunk.attempt === attempt)
                chunk.attempt = undefined;
        }, (error) => {
            if (chunk.attempt !== attempt)
                return; // replaced by a hedge
            chunk.attempt = undefined;
            if (chunk.settled)
                return;
            if (chunk.received > before)
                chunk.fruitless = 0;
            const retryable = error instanceof RetryableChunkError && !this.signal.aborted;
            if (!retryable)
                return chunk.fail(error);
            if (chunk.paused) {
                // Ended while held back by the bound (an idle socket closed): asked again once it may flow.
                chunk.fruitless = Math.max(0, chunk.fruitless - 1);
                return;
            }
            if (chunk.fruitless >= this.options.attempts) {
                const text = error instanceof Error ? error.message : String(error);
                return chunk.fail(new Error(`chunk ${chunk.index} failed ${chunk.fruitless} times: ${text}`));
            }
            chunk.retryPending = true;
            const timer = setTimeout(() => {
                this.retries.delete(timer);
                this.launch(chunk);
            }, this.options.retryDelayMs * chunk.fruitless);
            this.retries.add(timer);
        });
    }
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
 * 4 MiB ranges, 8 at a time (as the Azure SDK asks), at most 8 MiB received ahead of tar, and a
 * full garbage collection every 16 MiB (see garbage.ts): the action's peak stays bounded whatever
 * the entry's size and tar's speed. The bounds can be changed through the environment;
 * CLONE_CACHE_STREAMED_RESTORE=false uses the library alone.
 */
function streamedRestoreOptions() {
    if (process.env.CLONE_CACHE_STREAMED_RESTORE === 'false')
        return undefined;
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
        const collector = new Collector(options.collectEveryBytes ?? Infinity);
        for await (const piece of blob.rest()) {
            await pipeline.write(piece);
            bytes += piece.length;
            onBytes(bytes);
            collector.after(bytes);
        }
        core/* debug */.Yz(`${collector.count} full garbage collections: ${Math.round(collector.ms)} ms`);
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
