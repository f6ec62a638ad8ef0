import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   vy: () => (/* binding */ failStep)
/* harmony export */ });
/* unused harmony export warnPost */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3838);

/** A failure the user can act on: it carries the annotation title shown in the run's summary. */
class ActionError extends Error {
    title;
    constructor(title, message, options) {
        super(message, options);
        this.title = title;
        this.name = 'ActionError';
    }
}
/** A bad input value: the message names the input and what it accepts. */
class InputError extends ActionError {
    input;
    constructor(input, message) {
        super(`Invalid input '${input}'`, `Input '${input}': ${message}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** The one place that turns anything thrown into a message. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}
/** Fails the step with one annotation that says what went wrong and what to do. */
function failStep(error) {
    const title = error instanceof ActionError ? error.title : 'Clone cache failed';
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(errorMessage(error), { title });
    process.exitCode = 1;
}
/** The post step never fails the job: every problem becomes a warning. */
function warnPost(what, error) {
    core.warning(`${what}: ${errorMessage(error)}`, { title: 'Clone cache post step' });
}


/***/ }),

/***/ 8966:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  X: () => (/* binding */ runMainStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var lib_core = __nccwpck_require__(3838);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __nccwpck_require__(8701);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/git/ssh-command.ts
const SSH_COMMAND_KEY = 'core.sshCommand';
/** One word for the shell git runs `core.sshCommand` with: double-quoted, `$ \` " \\` escaped. */
function shellWord(word) {
    return `"${word.replace(/[$`"\\]/g, '\\$&')}"`;
}
/**
 * ssh ends a connection whose server stops answering after 4 keep-alives 15 s apart: a stalled
 * ssh fetch ends after a minute, as an http one does at the fetch stall bound, and is retried.
 */
const KEEP_ALIVE = ['-o', 'ServerAliveInterval=15', '-o', 'ServerAliveCountMax=4'];
/**
 * The command actions/checkout configures: `"<ssh>" -i "<key>" [-o StrictHostKeyChecking=yes
 * -o CheckHostIP=no] -o "UserKnownHostsFile=<file>"`, with absolute paths, and the keep-alives.
 */
function sshCommand(parts) {
    const words = [shellWord(parts.ssh), '-i', shellWord(parts.key)];
    if (parts.strict)
        words.push('-o', 'StrictHostKeyChecking=yes', '-o', 'CheckHostIP=no');
    words.push('-o', shellWord(`UserKnownHostsFile=${parts.knownHosts}`), ...KEEP_ALIVE);
    return words.join(' ');
}
/** Config that makes git's ssh transport use the command; passed in the environment only. */
function sshConfig(command) {
    return [{ key: SSH_COMMAND_KEY, value: command }];
}

;// CONCATENATED MODULE: ./src/clone/ssh-key.ts








/** github.com's published host keys, always trusted (as actions/checkout does). */
const GITHUB_KNOWN_HOSTS = [
    'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    'github.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=',
    'github.com ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCj7ndNxQowgcQnjshcLrqPEiiphnt+VTTvDP6mHBL9j1aNUkY4Ue1gvwnGLVlOhGeYrnZaMgRK6+PKCUXaDbC7qtbW8gIkhL7aGCsOr/C56SJMy/BCZfxd1nWzAOxSDPgVsmerOBYfNqltV9/hWCqBywINIR+5dIg6JTJ72pcEpEjcYgXkE2YEFXV1JHnsKgbLWNlhScqb2UmyRkQyytRLtL+38TGxkxCflmO+5Z8CSSNY7GidjMIZ7Q4zMjA2n1nGrlTDkzwDCsw+wqFPGQA179cnfGWOWRVruj16z6XyvxvjJwbz0wQZ75XK5tKSb7FNyeIEs4TT4jk+S4dhPeAUC5y+bDYirYgM4GC7uEnztnZyaVWQ7B381AK4Qdrwt51ZqExKbQpTUNn+EjqoTwvqNj4kqx5QUCI0ThS/YkOxJCXmPUWZbhjpCg56i+2aB6CmK2JGhn57K5mj0MNdBXA4/WnwH6XoPWJzK5Nyu2zB3nAZp+S5hpQs+p1vN1/wsjk='
];
const MISSING_SSH = 'ssh-key is set but ssh was not found on PATH; install the OpenSSH client on the runner ' +
    '(the openssh-client package on Debian and Ubuntu).';
/** The known_hosts file: the user's own, then the input's lines, then github.com's keys. */
function knownHostsText(userKnownHosts, inputLines) {
    const parts = [];
    if (userKnownHosts.trim())
        parts.push(userKnownHosts.replace(/\n*$/, ''));
    if (inputLines.trim())
        parts.push(inputLines.trim().replace(/\r\n?/g, '\n'));
    parts.push(...GITHUB_KNOWN_HOSTS);
    return `${parts.join('\n')}\n`;
}
/**
 * Masks the key's body line by line: a line of it can reach the log on its own (an ssh error
 * quoting the file). The armor lines and short remnants are public or meaningless alone.
 */
function maskSshKey(key) {
    for (const line of key.split(/\r?\n/).map(l => l.trim())) {
        if (line.length >= 16 && !line.startsWith('-----'))
            lib_core/* setSecret */.Pq(line);
    }
}
async function readUserKnownHosts(home) {
    try {
        return await external_node_fs_.promises.readFile(external_node_path_.join(home, '.ssh', 'known_hosts'), 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return '';
        throw error;
    }
}
/** Removes the files (absent ones are fine); throws the first failure after trying all. */
async function removeSshFiles(files) {
    const failures = [];
    for (const file of files) {
        await external_node_fs_.promises.rm(file, { force: true }).catch(error => {
            failures.push(`${file}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        });
    }
    if (failures.length)
        throw new Error(`could not remove ${failures.join('; ')}`);
}
/**
 * Writes the deploy key (mode 0600) and a known_hosts file under RUNNER_TEMP with unique names;
 * nothing is left behind when a write fails.
 */
async function writeSshKey(ssh, runnerTemp, home = external_node_os_.homedir()) {
    const sshPath = await io/* which */.K7('ssh', false);
    if (!sshPath)
        throw new errors/* ActionError */.lZ('ssh not found', MISSING_SSH);
    const base = external_node_path_.join(runnerTemp, `clone-cache-ssh-${(0,external_node_crypto_.randomUUID)()}`);
    const key = base;
    const knownHosts = `${base}_known_hosts`;
    const files = [key, knownHosts];
    await external_node_fs_.promises.mkdir(runnerTemp, { recursive: true });
    try {
        // 'wx': a new file, never one planted there (or a link to one).
        await external_node_fs_.promises.writeFile(key, `${ssh.key.trim()}\n`, { mode: 0o600, flag: 'wx' });
        const text = knownHostsText(await readUserKnownHosts(home), ssh.knownHosts);
        await external_node_fs_.promises.writeFile(knownHosts, text, { mode: 0o600, flag: 'wx' });
    }
    catch (error) {
        await removeSshFiles(files).catch(() => undefined);
        throw error;
    }
    lib_core/* info */.pq(`Wrote the ssh key to ${key} and its known hosts to ${knownHosts}.`);
    return { files, command: sshCommand({ ssh: sshPath, key, knownHosts, strict: ssh.strict }) };
}
/** The config entries for the action's own git commands (and a persisted credentials file). */
function sshKeyConfig(sshKey) {
    return sshKey ? sshConfig(sshKey.command) : [];
}

;// CONCATENATED MODULE: ./src/git/auth.ts
/** The URL prefix an auth header is scoped to: scheme://host[:port]/ of the origin. */
function authScope(originUrl) {
    if (!/^https?:\/\//i.test(originUrl))
        return undefined;
    const url = new URL(originUrl);
    return `${url.protocol}//${url.host}/`;
}
function authHeaderKey(originUrl) {
    const scope = authScope(originUrl);
    return scope ? `http.${scope}.extraheader` : undefined;
}
function basicAuthValue(token) {
    return `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`;
}
/**
 * Config that authenticates fetches to origin; empty when there is no token or no http origin.
 * The empty value first clears any header the clone's own config holds (actions/checkout's
 * persisted one, say), so the server gets exactly one, and the clone's config is left alone.
 */
function authConfig(originUrl, token) {
    const key = authHeaderKey(originUrl);
    if (!token || !key)
        return [];
    return [
        { key, value: '' },
        { key, value: basicAuthValue(token) }
    ];
}

// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 4 modules
var exec = __nccwpck_require__(5334);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: external "node:diagnostics_channel"
const external_node_diagnostics_channel_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
;// CONCATENATED MODULE: ./src/git/exec.ts






class GitError extends Error {
    args;
    result;
    constructor(args, result) {
        const detail = result.stderr.trim() || result.stdout.trim() || `exit code ${result.exitCode}`;
        super(`git ${args.join(' ')} failed: ${detail}`);
        this.args = args;
        this.result = result;
        this.name = 'GitError';
    }
}
/** git's stderr when `error` is (or was caused by) a failed git command, else undefined. */
function gitStderrOf(error) {
    if (error instanceof GitError)
        return error.result.stderr;
    if (error instanceof Error && error.cause !== undefined)
        return gitStderrOf(error.cause);
    return undefined;
}
/**
 * Checkout speed (measured by the benchmark): write files with one worker per core, and keep
 * more delta bases in memory while rebuilding files from long delta chains.
 */
const SPEED_CONFIG = [
    { key: 'checkout.workers', value: '0' },
    { key: 'core.deltaBaseCacheLimit', value: '256m' }
];
/** safe.directory entries every command of this process gets (set-safe-directory). */
const trusted = [];
/**
 * Lets this process's git commands work in `dir` whoever owns it, as actions/checkout's temporary
 * global config does: command-line config is protected config, which git reads safe.directory from.
 */
function trustDirectoryForThisProcess(dir) {
    if (!trusted.some(entry => entry.value === dir))
        trusted.push({ key: 'safe.directory', value: dir });
}
/** Environment every git command gets: never prompt, never open an editor or pager. */
function gitEnvironment(config = []) {
    const env = {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GCM_INTERACTIVE: 'Never',
        GIT_ASKPASS: '',
        SSH_ASKPASS: '',
        GIT_EDITOR: 'true',
        GIT_PAGER: 'cat',
        // The checkout writes LFS pointers, not LFS objects, even where git-lfs is set up globally.
        GIT_LFS_SKIP_SMUDGE: '1',
        // What the action checks out is what the commit holds, whatever refs/replace/* says.
        GIT_NO_REPLACE_OBJECTS: '1',
        LC_ALL: 'C'
    };
    for (const name of Object.keys(env)) {
        if (name.startsWith('GIT_CONFIG_KEY_') || name.startsWith('GIT_CONFIG_VALUE_'))
            delete env[name];
    }
    delete env.GIT_CONFIG_PARAMETERS;
    delete env.GIT_DIR;
    delete env.GIT_WORK_TREE;
    delete env.GIT_INDEX_FILE;
    // GIT_SSH_COMMAND outranks core.sshCommand: a job's own would bypass the deploy key.
    if (config.some(entry => entry.key.toLowerCase() === 'core.sshcommand')) {
        delete env.GIT_SSH_COMMAND;
    }
    const all = [...SPEED_CONFIG, ...trusted, ...config];
    env.GIT_CONFIG_COUNT = String(all.length);
    all.forEach((entry, index) => {
        env[`GIT_CONFIG_KEY_${index}`] = entry.key;
        env[`GIT_CONFIG_VALUE_${index}`] = entry.value;
    });
    return env;
}
const MISSING_GIT = 'git was not found on PATH; install git 2.29 or newer on the runner.';
let lookup;
let gitPath;
/** The git executable, looked up on PATH once per process. */
function gitExecutable() {
    lookup ??= io/* which */.K7('git', true).then(found => (gitPath = external_node_path_.resolve(found)), // as exec spawns it, for the guard below
    () => {
        lookup = undefined;
        throw new Error(MISSING_GIT);
    });
    return lookup;
}
/**
 * @actions/exec writes `input` to the child's stdin without listening for errors on it: a git
 * that exits before reading it (most commands read nothing, and `git --version` is quick) breaks
 * the pipe, and the EPIPE would crash the action. The write's error is emitted on a later tick;
 * this listener, queued when the child is created, is in place before it.
 */
(0,external_node_diagnostics_channel_namespaceObject.subscribe)('child_process', message => {
    const child = message.process;
    process.nextTick(() => {
        if (child.spawnfile === gitPath)
            child.stdin?.on('error', () => undefined);
    });
});
/** Passes on only the first write, exec's `[command]...` line; git's output stays out of the log. */
function commandLineOnly() {
    let echoed = false;
    return new external_node_stream_.Writable({
        write(chunk, _encoding, done) {
            if (!echoed)
                process.stdout.write(chunk);
            echoed = true;
            done();
        }
    });
}
function stringEnvironment(env) {
    return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== undefined));
}
/** Errors of exec itself (not of git), in the words the action has always used. */
function startError(error, cwd) {
    const message = error instanceof Error ? error.message : String(error);
    if (message === `The cwd: ${cwd} does not exist!`) {
        return new Error(`git cannot run in ${cwd}: the folder does not exist.`);
    }
    if (message.startsWith('Unable to locate executable file'))
        return new Error(MISSING_GIT);
    // "...failed to start. Error: spawn /usr/bin/git EACCES": keep the errno for the diagnosis.
    const code = / (E[A-Z]+)$/.exec(message)?.[1];
    return code ? Object.assign(new Error(message), { code }) : error;
}
/**
 * Runs one git command in `cwd` through @actions/exec: the command line is echoed to the log
 * (credentials travel in the environment, never in argv), git's output is captured, not logged.
 */
async function runGit(cwd, args, options = {}) {
    const git = await gitExecutable();
    const stdout = [];
    const stderr = [];
    let exitCode;
    try {
        exitCode = await exec/* exec */.m(`"${git}"`, [...args], {
            cwd,
            env: stringEnvironment(gitEnvironment(options.config)),
            input: Buffer.from(options.input ?? '', 'utf8'),
            ignoreReturnCode: true,
            outStream: commandLineOnly(),
            listeners: {
                stdout: chunk => stdout.push(chunk),
                stderr: chunk => {
                    stderr.push(chunk);
                    if (options.progress)
                        process.stdout.write(chunk);
                }
            }
        });
    }
    catch (error) {
        throw startError(error, cwd);
    }
    const result = {
        exitCode: exitCode ?? 128, // killed by a signal
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
    };
    if (result.exitCode !== 0 && !options.allowFailure)
        throw new GitError(args, result);
    return result;
}
/** Runs git and returns its trimmed stdout. */
async function gitOutput(cwd, args, options = {}) {
    return (await runGit(cwd, args, options)).stdout.trim();
}
/** True when `git <args>` exits 0. */
async function gitSucceeds(cwd, args) {
    return (await runGit(cwd, args, { allowFailure: true })).exitCode === 0;
}
/**
 * Runs one git command whose stdout is large binary data (`cat-file --batch` of a whole tree),
 * handing it to `onStdout` as it arrives. Not through @actions/exec, which decodes every chunk
 * as text to split it into lines (0.2 s per 20 MB, measured); the command line is echoed the
 * same way.
 */
async function exec_streamGit(cwd, args, input, onStdout) {
    const git = await gitExecutable();
    process.stdout.write(`[command]${git} ${args.join(' ')}\n`);
    await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(git, [...args], { cwd, env: gitEnvironment() });
        const stderr = [];
        child.stdin.on('error', () => undefined); // git may exit before reading all of it
        child.stdin.end(input);
        child.stdout.on('data', onStdout);
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.on('error', error => reject(startError(error, cwd)));
        child.on('close', code => {
            const result = {
                exitCode: code ?? 128,
                stdout: '',
                stderr: Buffer.concat(stderr).toString()
            };
            if (code === 0)
                resolve();
            else
                reject(new GitError(args, result));
        });
    });
}

;// CONCATENATED MODULE: ./src/git/repository.ts


/**
 * A repository (or one of its worktrees) and the auth that its network operations send to
 * origin. What can be asked of it is here; what changes it lives beside it, one concern a file
 * (remote, refs, checkout, worktrees, config, maintenance).
 */
class Repository {
    dir;
    auth;
    constructor(dir, auth = []) {
        this.dir = dir;
        this.auth = auth;
    }
    /** Another directory (a worktree, a staging clone) with the same auth. */
    at(dir) {
        return new Repository(dir, this.auth);
    }
    /** The commit a revision names, or '' when it names none. */
    async resolveCommit(revision) {
        const result = await runGit(this.dir, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { allowFailure: true });
        return result.exitCode === 0 ? result.stdout.trim() : '';
    }
    /** How many commits `to` has that `from` has not. */
    async countCommits(from, to) {
        return Number(await gitOutput(this.dir, ['rev-list', '--count', `${from}..${to}`, '--']));
    }
    /** True when the repository's history is cut off (a shallow clone). */
    async isShallow() {
        return (await gitOutput(this.dir, ['rev-parse', '--is-shallow-repository'])) === 'true';
    }
    /** The absolute path of the git directory (`.git`, or the repository itself when bare). */
    absoluteGitDir() {
        return gitOutput(this.dir, ['rev-parse', '--absolute-git-dir']);
    }
    /** The absolute path of the directory the main worktree and all linked ones share. */
    async commonDir() {
        return external_node_path_.resolve(this.dir, await gitOutput(this.dir, ['rev-parse', '--git-common-dir']));
    }
    /** The id of the tree `commit` records. */
    treeOf(commit) {
        return gitOutput(this.dir, ['rev-parse', '--verify', `${commit}^{tree}`]);
    }
    /** True when the tree of `commit` can be read. */
    hasTree(commit) {
        return gitSucceeds(this.dir, ['cat-file', '-e', `${commit}^{tree}`]);
    }
    /** The refs under the given prefixes (all refs when none is given). */
    async refTips(...prefixes) {
        const listed = await gitOutput(this.dir, [
            'for-each-ref',
            '--format=%(objectname) %(refname)',
            ...prefixes
        ]);
        return listed
            .split('\n')
            .filter(Boolean)
            .map(line => {
            const [object, ref] = line.split(' ');
            return { object, ref };
        });
    }
    /** The ids among `objects` that the object store does not hold. */
    async missingObjects(objects) {
        const checked = await gitOutput(this.dir, ['cat-file', '--batch-check'], {
            input: objects.join('\n')
        });
        return checked
            .split('\n')
            .filter(line => line.endsWith(' missing'))
            .map(line => line.split(' ')[0]);
    }
    /** Tracked files whose content differs from HEAD (staged or not). */
    async changedTrackedFiles() {
        return (await gitOutput(this.dir, ['diff', '--name-only', 'HEAD', '--']))
            .split('\n')
            .filter(Boolean);
    }
}
/** Makes `repo.dir` (an existing folder) an empty repository, without the system's template. */
async function initRepository(repo) {
    // An empty template directory: no sample hooks, no info/exclude.
    await runGit(repo.dir, ['init', '--quiet', '--template=', '--', repo.dir]);
}
/** Makes `repo.dir` (not there yet) an empty bare repository, without the system's template. */
async function initBareRepository(repo) {
    await runGit(external_node_path_.dirname(repo.dir), [
        'init',
        '--quiet',
        '--bare',
        '--template=',
        '--',
        repo.dir
    ]);
}

;// CONCATENATED MODULE: ./src/git/version.ts


/** The oldest git the action works with (`fetch --no-write-fetch-head` arrived in 2.29). */
const MINIMUM_GIT = [2, 29];
function parseGitVersion(output) {
    const match = /git version (\d+)\.(\d+)/.exec(output);
    return match ? [Number(match[1]), Number(match[2])] : undefined;
}
function versionAtLeast(version, wanted) {
    if (!version)
        return false;
    return version[0] > wanted[0] || (version[0] === wanted[0] && version[1] >= wanted[1]);
}
let probed;
/** `git --version`, asked once per process. */
function gitVersionOutput() {
    probed ??= gitOutput(process.cwd(), ['--version']);
    return probed;
}
/** True when the runner's git is at least `wanted`; false when git cannot say. */
async function gitAtLeast(wanted) {
    const output = await gitVersionOutput().catch(() => '');
    return versionAtLeast(parseGitVersion(output), wanted);
}
/** Fails with a clear error when git is missing or older than the minimum. */
async function requireGit() {
    const output = await gitVersionOutput().catch(error => {
        throw new errors/* ActionError */.lZ('git not found', String(error instanceof Error ? error.message : error));
    });
    const [major, minor] = MINIMUM_GIT;
    if (!versionAtLeast(parseGitVersion(output), MINIMUM_GIT)) {
        throw new errors/* ActionError */.lZ('git is too old', `This action needs git ${major}.${minor} or newer; the runner has ${output.trim() || 'an unknown git'}. Install a newer git before this step.`);
    }
    return output.trim();
}

;// CONCATENATED MODULE: ./src/git/lfs.ts

/** `git lfs version`, its failure returned rather than thrown (git-lfs may be missing). */
function gitLfsVersion() {
    return runGit(process.cwd(), ['lfs', 'version'], { allowFailure: true });
}
/** `git lfs ls-files --long <commit>`: one line per LFS file, its oid first. */
async function lfsFilesOf(repo, commit) {
    return (await runGit(repo.dir, ['lfs', 'ls-files', '--long', commit])).stdout;
}
/** `git lfs pull` in `worktree`, with its auth and git-lfs's filter given as config. */
async function lfsPull(worktree, filterConfig, progress) {
    await runGit(worktree.dir, ['lfs', 'pull'], {
        config: [...worktree.auth, ...filterConfig],
        progress
    });
}
/** `git lfs install --local`: git-lfs's config and hooks in the repository. */
async function lfsInstallLocal(repo) {
    await runGit(repo.dir, ['lfs', 'install', '--local']);
}

;// CONCATENATED MODULE: ./src/lfs/git-lfs.ts


/** What `git lfs install --local` writes into a clone's config: git-lfs as the filter of LFS files. */
const LFS_FILTER_CONFIG = [
    { key: 'filter.lfs.clean', value: 'git-lfs clean -- %f' },
    { key: 'filter.lfs.smudge', value: 'git-lfs smudge -- %f' },
    { key: 'filter.lfs.process', value: 'git-lfs filter-process' },
    { key: 'filter.lfs.required', value: 'true' }
];
/** Fails with one clear error when `git lfs` cannot run (asked only when the lfs input is true). */
async function requireGitLfs() {
    const result = await gitLfsVersion();
    if (result.exitCode !== 0 || !result.stdout.startsWith('git-lfs/')) {
        throw new errors/* ActionError */.lZ('git-lfs not found', `lfs is true, but git-lfs is not installed on the runner (\`git lfs version\` failed: ${result.stderr.trim() || `exit code ${result.exitCode}`}). Install the git-lfs package (apt-get install git-lfs, or https://git-lfs.com) before this step, or set lfs to false.`);
    }
    return result.stdout.trim();
}

;// CONCATENATED MODULE: ./src/fs-util.ts




async function exists(target) {
    try {
        await external_node_fs_.promises.lstat(target);
        return true;
    }
    catch {
        return false;
    }
}
/** Entries of a directory, or [] when it does not exist. */
async function listDir(dir) {
    try {
        return await external_node_fs_.promises.readdir(dir);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
}
/**
 * The path with every symlink in its existing part resolved (what git records for a worktree),
 * so paths compare equal however they were spelled.
 */
function fs_util_canonicalPath(target) {
    const resolved = external_node_path_.resolve(target);
    let existing = resolved;
    const rest = [];
    while (!external_node_fs_.existsSync(existing) && external_node_path_.dirname(existing) !== existing) {
        rest.unshift(external_node_path_.basename(existing));
        existing = external_node_path_.dirname(existing);
    }
    try {
        return external_node_path_.join(external_node_fs_.realpathSync(existing), ...rest);
    }
    catch {
        return resolved;
    }
}
/** True when `child` is `parent` or inside it (lexically). */
function isInside(parent, child) {
    const relative = external_node_path_.relative(parent, child);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_.isAbsolute(relative));
}
/** Copies a tree preserving modes, times and symlinks (never followed); reflinks where possible. */
function copyTree(source, destination, signal) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('cp', ['-a', '--reflink=auto', '--', source, destination], {
            stdio: ['ignore', 'ignore', 'pipe'],
            signal
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', code => code === 0 ? resolve() : reject(new Error(`cp failed (${code}): ${stderr.trim()}`)));
    });
}
/** Rejects with a timeout error when `work` takes longer than `ms`; `onTimeout` runs first. */
async function withTimeout(work, ms, what, onTimeout) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            onTimeout?.();
            reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`));
        }, ms);
    });
    try {
        return await Promise.race([work, timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** The files (and links) anywhere under `root/relative`, named relative to `root`; none followed. */
async function filesUnder(root, relative) {
    const entries = await external_node_fs_.promises.readdir(external_node_path_.join(root, relative), {
        recursive: true,
        withFileTypes: true
    });
    return entries
        .filter(entry => !entry.isDirectory())
        .map(entry => external_node_path_.relative(root, external_node_path_.join(entry.parentPath, entry.name)));
}

;// CONCATENATED MODULE: ./src/git/refs.ts

/** Points refs/remotes/origin/HEAD at origin's default branch, as `git clone` leaves it. */
async function setOriginHead(repo, defaultBranch) {
    await runGit(repo.dir, [
        'symbolic-ref',
        'refs/remotes/origin/HEAD',
        `refs/remotes/origin/${defaultBranch}`
    ]);
}
/** Moves `ref` from `from` to `to`; git refuses when the ref has moved meanwhile. */
async function moveRef(repo, ref, from, to, reason) {
    await runGit(repo.dir, ['update-ref', '-m', reason, ref, to, from]);
}
/** Makes the local `branch` track origin's branch of the same name. */
async function trackOriginBranch(repo, branch) {
    await runGit(repo.dir, [
        'branch',
        `--set-upstream-to=refs/remotes/origin/${branch}`,
        '--',
        branch
    ]);
}
/** True when git accepts `ref` as a ref name (`git check-ref-format`). */
function isValidRefName(ref) {
    return gitSucceeds(process.cwd(), ['check-ref-format', ref]);
}
/** Deletes `ref` when it still names `expected`; git refuses when it has moved meanwhile. */
async function deleteRef(repo, ref, expected) {
    await runGit(repo.dir, ['update-ref', '-d', ref, expected]);
}
/** The branch refs/remotes/origin/HEAD points at, or '' when it points nowhere. */
async function originHeadBranch(repo) {
    const result = await runGit(repo.dir, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], {
        allowFailure: true
    });
    const ref = result.stdout.trim();
    return result.exitCode === 0 && ref.startsWith('refs/remotes/origin/')
        ? ref.slice('refs/remotes/origin/'.length)
        : '';
}

;// CONCATENATED MODULE: ./src/worktree/names.ts



const MAX_FOLDER_LENGTH = 80;
/** NAME_MAX of Linux file systems (ext4, xfs, btrfs, tmpfs). */
const NAME_MAX = 255;
/** git writes `<part>.lock` before `<part>`. */
const MAX_PART_BYTES = NAME_MAX - '.lock'.length;
/**
 * Validates a branch name the way git does (`git check-ref-format` on `refs/heads/<name>`, so
 * the name can never be taken for an option), plus what git would accept but a job should not.
 */
async function validateBranchName(input, name) {
    // eslint-disable-next-line no-control-regex
    if (name.startsWith('-') || /[\x00-\x1f\x7f]/.test(name) || name.startsWith('refs/')) {
        throw new errors/* InputError */.dz(input, `'${name}' is not a valid branch name (no leading '-', control characters or 'refs/').`);
    }
    // git keeps a branch as a file under refs/heads: each part of its name is a file name.
    const longest = Math.max(...name.split('/').map(part => Buffer.byteLength(part, 'utf8')));
    if (longest > MAX_PART_BYTES) {
        throw new errors/* InputError */.dz(input, `'${name.slice(0, 40)}...' has a part of ${longest} bytes between slashes; git keeps each part as a file name (and first as '<part>.lock'), and file systems allow ${NAME_MAX} bytes per name, so at most ${MAX_PART_BYTES}.`);
    }
    const ok = await isValidRefName(`refs/heads/${name}`);
    if (!ok || name === 'HEAD') {
        throw new errors/* InputError */.dz(input, `'${name}' is not a valid branch name (see git check-ref-format: no '..', '@{', '~', '^', ':', spaces, a trailing '.lock' or '/').`);
    }
}
/**
 * The folder name of a branch's worktree: the branch itself when it is already a plain, short,
 * safe name; otherwise a sanitized form plus a hash of the exact name, so that two branches that
 * sanitize alike (`a/b`, `a_b`) never share a folder.
 */
function folderNameFor(branch) {
    if (/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(branch) &&
        branch.length <= MAX_FOLDER_LENGTH &&
        !branch.includes('..')) {
        return branch;
    }
    const hash = (0,external_node_crypto_.createHash)('sha256').update(branch, 'utf8').digest('hex').slice(0, 10);
    const sanitized = branch
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .replace(/\.{2,}/g, '_')
        .replace(/^[-._]+/, '')
        .slice(0, MAX_FOLDER_LENGTH - 11);
    return `${sanitized || 'branch'}-${hash}`;
}
/** The n-th folder for a branch: `name`, then `name+2`, `name+3`... ('+' never appears in a folder name). */
function slotName(folder, slot) {
    return slot === 1 ? folder : `${folder}+${slot}`;
}

;// CONCATENATED MODULE: ./src/inputs/filter.ts

const SUPPORTED = ['blob:none'];
/**
 * actions/checkout's `filter`: a partial clone filter. Only `blob:none` is served (commits and
 * trees of the whole history, the blobs of what is checked out, the rest fetched on demand).
 */
function parseFilter(raw) {
    const value = raw.trim();
    if (value === '')
        return '';
    const match = SUPPORTED.find(filter => filter === value.toLowerCase());
    if (match)
        return match;
    throw new errors/* InputError */.dz('filter', `'${value}' is not supported: this action makes blobless clones (filter: blob:none) or full ones (filter empty, the default); other partial clone filters are refused.`);
}

;// CONCATENATED MODULE: ./src/inputs/not-supported.ts

/**
 * actions/checkout inputs that this action does not serve yet. Left at checkout's default they
 * change nothing; any other value is refused, never silently ignored.
 */
const NOT_YET = [];
function refuseNotSupported(read) {
    for (const input of NOT_YET) {
        const value = read(input.name).trim();
        if (input.neutral.includes(value.toLowerCase()))
            continue;
        throw new errors/* InputError */.dz(input.name, `'${value}' is not supported yet: this action does not ${input.what}. Remove the input, or keep actions/checkout for this job.`);
    }
}

;// CONCATENATED MODULE: ./src/inputs/submodules.ts

/** `false` (none), `true` (the superproject's own submodules), `recursive` (theirs too). */
function parseSubmodules(raw) {
    const value = raw.trim().toLowerCase();
    const mode = value === '' || value === 'false'
        ? 'none'
        : value === 'true'
            ? 'top'
            : value === 'recursive'
                ? 'recursive'
                : undefined;
    if (!mode) {
        throw new errors/* InputError */.dz('submodules', `'${raw.trim()}' is not allowed; allowed values: false, true, recursive.`);
    }
    return mode;
}

;// CONCATENATED MODULE: ./src/cache/backend.ts
/**
 * The cache path, relative to the workspace. Its text is part of the entry's version (a sha256
 * of the paths): changing it makes every saved entry invisible, so it never changes.
 */
const STAGING_ROOT = '.clone-cache-staging';
const STAGING_RELATIVE = `${STAGING_ROOT}/clone.git`;
function entryKey(prefix, commit) {
    return `${prefix}-${commit}`;
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts




const SAVE_POLICIES = ['auto', 'always', 'never'];
/** @actions/cache refuses keys over 512 characters; entries are `<prefix>-<40-hex sha>`. */
const MAX_KEY_PREFIX_LENGTH = 512 - 41;
function parseBoolean(name, raw, fallback) {
    const value = raw.trim().toLowerCase();
    if (value === '')
        return fallback;
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    throw new errors/* InputError */.dz(name, `'${raw}' is not a boolean; allowed values: true, false.`);
}
function parseRepository(raw, context) {
    const value = raw.trim() || context.workflowRepository;
    if (!value) {
        throw new errors/* InputError */.dz('repository', 'is empty and GITHUB_REPOSITORY is not set; give owner/name.');
    }
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value);
    if (!match || match[1].startsWith('.') || match[2] === '.' || match[2] === '..') {
        throw new errors/* InputError */.dz('repository', `'${value}' is not of the form owner/name.`);
    }
    return [match[1], match[2]];
}
/**
 * Only ASCII whitespace is trimmed (as actions/checkout 7 does): String.trim would also strip a
 * leading BOM or no-break space, turning a branch named BOM + 40 hex digits into a bare sha that
 * the fork pull request guard would not recognise. What is left is refused by the test below.
 */
function parseRef(raw) {
    const value = raw.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');
    // eslint-disable-next-line no-control-regex
    if (/[\s\x00-\x1f\x7f~^:?*[\\]/.test(value) || value.includes('..') || value.startsWith('-')) {
        throw new errors/* InputError */.dz('ref', `'${value}' is not a valid branch, tag, ref or commit (no spaces, control characters, '..', or leading '-').`);
    }
    return value;
}
function parseToken(raw) {
    const value = raw.trim();
    if (/[\r\n]/.test(value)) {
        throw new errors/* InputError */.dz('token', 'contains a line break; give the token on one line.');
    }
    return value;
}
/** `path` resolves against the workspace and must stay inside it. */
function resolveInsideWorkspace(name, raw, workspace) {
    const value = raw.trim() || '.';
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(value)) {
        throw new errors/* InputError */.dz(name, 'contains control characters.');
    }
    const resolved = external_node_path_.resolve(workspace, value);
    if (!isInside(workspace, resolved)) {
        throw new errors/* InputError */.dz(name, `'${value}' resolves to ${resolved}, outside the workspace ${workspace}; give a path inside it.`);
    }
    if (isInside(external_node_path_.join(workspace, STAGING_ROOT), resolved)) {
        throw new errors/* InputError */.dz(name, `'${value}' is inside ${STAGING_ROOT}, the action's own staging folder, which it empties.`);
    }
    return resolved;
}
/**
 * The key prefix. Blobless entries get a default of their own that no full prefix is a prefix of
 * (and the reverse), so full and blobless jobs of one repository never restore each other's.
 */
function parseCacheKey(raw, context, owner, repo, filter = '') {
    const kind = filter ? 'blobless-' : '';
    const value = raw.trim() || `clone-cache-${kind}${context.runnerOs}-${owner}-${repo}`;
    if (value.includes(',')) {
        throw new errors/* InputError */.dz('cache-key', `'${value}' contains a comma; cache keys cannot.`);
    }
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(value)) {
        throw new errors/* InputError */.dz('cache-key', 'contains control characters.');
    }
    if (value.length > MAX_KEY_PREFIX_LENGTH) {
        throw new errors/* InputError */.dz('cache-key', `is ${value.length} characters; at most ${MAX_KEY_PREFIX_LENGTH} (the commit sha is appended and keys are limited to 512).`);
    }
    return value;
}
function parseSavePolicy(raw) {
    const value = raw.trim().toLowerCase() || 'auto';
    if (!SAVE_POLICIES.includes(value)) {
        throw new errors/* InputError */.dz('save-cache', `'${raw.trim()}' is not allowed; allowed values: ${SAVE_POLICIES.join(', ')}.`);
    }
    return value;
}
/** A whole number of at most nine digits; empty gives `fallback`. */
function parseWholeNumber(name, raw, fallback, what) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (!/^\d{1,9}$/.test(value)) {
        throw new errors/* InputError */.dz(name, `'${value}' is not a whole number of ${what} (0 or more).`);
    }
    return Number(value);
}
function parseAbsoluteDir(name, raw, workspace) {
    const value = raw.trim();
    if (value === '')
        return '';
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(value))
        throw new errors/* InputError */.dz(name, 'contains control characters.');
    const resolved = external_node_path_.resolve(workspace, value);
    if (resolved === external_node_path_.parse(resolved).root) {
        throw new errors/* InputError */.dz(name, `'${value}' is the file system root; give a directory of its own.`);
    }
    return resolved;
}

;// CONCATENATED MODULE: ./src/inputs/origin.ts


// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;
/** github-server-url: the instance to clone from; empty means the one the workflow runs on. */
function parseServerUrl(raw, context) {
    const value = raw.trim();
    if (value === '')
        return context.serverUrl;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || /\s/.test(value)) {
        throw new errors/* InputError */.dz('github-server-url', `'${value}' is not the base URL of a GitHub instance (https://host, no credentials).`);
    }
    return value.replace(/\/+$/, '');
}
function parseSsh(read) {
    const key = read('ssh-key').trim();
    const user = read('ssh-user').trim() || 'git';
    if (!/^[A-Za-z0-9_.-]+$/.test(user)) {
        throw new errors/* InputError */.dz('ssh-user', `'${user}' is not a user name (letters, digits, _ . -).`);
    }
    const knownHosts = read('ssh-known-hosts');
    const strict = parseBoolean('ssh-strict', read('ssh-strict'), true);
    if (!key) {
        if (knownHosts.trim()) {
            throw new errors/* InputError */.dz('ssh-known-hosts', 'is set but ssh-key is empty; set ssh-key too.');
        }
        return undefined;
    }
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) {
        throw new errors/* InputError */.dz('ssh-key', 'is not a private key in OpenSSH or PEM form (a "-----BEGIN ... PRIVATE KEY-----" block).');
    }
    if (CONTROL.test(knownHosts.replace(/[\r\n\t]/g, ''))) {
        throw new errors/* InputError */.dz('ssh-known-hosts', 'contains control characters.');
    }
    return { key, knownHosts, strict, user };
}
/**
 * Where origin points: origin-url as given, else what actions/checkout writes: the server URL and
 * owner/name with no `.git`, or with an ssh-key `<ssh-user>@<host>:<owner>/<name>.git`.
 */
function parseOriginUrl(raw, serverUrl, repository, ssh) {
    const fallback = ssh
        ? `${ssh.user}@${new URL(serverUrl).hostname}:${repository}.git`
        : `${serverUrl}/${repository}`;
    const value = raw.trim() || fallback;
    if (/\s/.test(value) || CONTROL.test(value)) {
        throw new errors/* InputError */.dz('origin-url', 'contains whitespace or control characters.');
    }
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) {
        let url;
        try {
            url = new URL(value);
        }
        catch {
            throw new errors/* InputError */.dz('origin-url', `'${value}' is not a valid URL.`);
        }
        if (!['https:', 'http:', 'ssh:', 'git:', 'file:'].includes(url.protocol)) {
            throw new errors/* InputError */.dz('origin-url', `scheme '${url.protocol}' is not supported; allowed: https, http, ssh, git, file.`);
        }
        // A token in the URL would reach .git/config, the cache archive and every log line.
        if (url.password || (url.username && /^https?:$/.test(url.protocol))) {
            throw new errors/* InputError */.dz('origin-url', 'embeds credentials; remove them from the URL and pass the secret through the token input.');
        }
        return value;
    }
    if (/^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^-]/.test(value))
        return value;
    throw new errors/* InputError */.dz('origin-url', `'${value}' is not a URL (https://host/owner/name, ssh://..., or git@host:owner/name).`);
}

;// CONCATENATED MODULE: ./src/inputs/sparse.ts


const GLOB_SPECIAL = /[*?[\]\\]/;
/**
 * git refuses these in cone mode with a message that names `--skip-checks`; the action passes
 * patterns on standard input (where git does not check them), so it refuses them itself.
 */
function coneProblem(pattern) {
    if (pattern.startsWith('/'))
        return 'starts with /: give directories as src/app, not /src/app';
    if (pattern.startsWith('!'))
        return "starts with '!': cone mode takes directories, not negations";
    if (GLOB_SPECIAL.test(pattern)) {
        return 'holds one of * ? [ ] \\: cone mode takes directories, not patterns (set sparse-checkout-cone-mode: false for patterns)';
    }
    if (pattern.split('/').some(part => part === '..' || part === '.')) {
        return "holds a '.' or '..' segment; give the directory's path from the repository's top";
    }
    return '';
}
/**
 * The patterns, one per line (blank lines and surrounding spaces dropped, as checkout's
 * getMultilineInput does), or undefined when there are none: the clone is whole.
 */
function parseSparseCheckout(rawPatterns, rawCone) {
    const cone = parseBoolean('sparse-checkout-cone-mode', rawCone, true);
    const patterns = rawPatterns
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '');
    if (patterns.length === 0)
        return undefined;
    for (const pattern of patterns) {
        // eslint-disable-next-line no-control-regex
        const problem = /[\x00-\x1f\x7f]/.test(pattern)
            ? 'holds a control character'
            : cone
                ? coneProblem(pattern)
                : '';
        if (problem) {
            throw new errors/* InputError */.dz('sparse-checkout', `the pattern '${pattern}' ${problem}.`);
        }
    }
    return { patterns, cone };
}

;// CONCATENATED MODULE: ./src/inputs/settings.ts










const DEFAULT_REFRESH_AFTER = 50;
function overlaps(a, b) {
    return isInside(a, b) || isInside(b, a);
}
/** Directories that must stay apart: a worktree inside the clone, or a cache inside a workspace, break both. */
function checkOverlaps(settings) {
    if (settings.cacheDir && overlaps(settings.cacheDir, settings.workspace)) {
        throw new errors/* InputError */.dz('cache-dir', `${settings.cacheDir} overlaps the workspace ${settings.workspace}; give a persistent directory outside it.`);
    }
    if (settings.worktreePath) {
        for (const [what, dir] of [
            ['the clone at path', settings.clonePath],
            ['cache-dir', settings.cacheDir]
        ]) {
            if (dir && overlaps(settings.worktreePath, dir)) {
                throw new errors/* InputError */.dz('worktree-path', `${settings.worktreePath} overlaps ${what} (${dir}).`);
            }
        }
    }
}
function parseSettings(read, context) {
    refuseNotSupported(read);
    const [owner, repoName] = parseRepository(read('repository'), context);
    const repository = `${owner}/${repoName}`;
    const ssh = parseSsh(read);
    const serverUrl = parseServerUrl(read('github-server-url'), context);
    const filter = parseFilter(read('filter'));
    const cacheDir = parseAbsoluteDir('cache-dir', read('cache-dir'), context.workspace);
    const settings = {
        repository,
        repoName,
        ref: parseRef(read('ref')),
        token: parseToken(read('token')),
        persistCredentials: parseBoolean('persist-credentials', read('persist-credentials'), true),
        ssh,
        setSafeDirectory: parseBoolean('set-safe-directory', read('set-safe-directory'), true),
        originUrl: parseOriginUrl(read('origin-url'), serverUrl, repository, ssh),
        clonePath: resolveInsideWorkspace('path', read('path'), context.workspace),
        workspace: context.workspace,
        cacheKeyPrefix: parseCacheKey(read('cache-key'), context, owner, repoName, filter),
        saveCache: parseSavePolicy(read('save-cache')),
        refreshAfter: parseWholeNumber('refresh-after', read('refresh-after'), DEFAULT_REFRESH_AFTER, 'commits'),
        branch: read('branch').trim(),
        base: read('base').trim(),
        worktreePath: parseAbsoluteDir('worktree-path', read('worktree-path'), context.workspace),
        removeWorktree: parseBoolean('remove-worktree', read('remove-worktree'), true),
        cacheDir,
        diagnosePermissions: parseBoolean('diagnose-permissions', read('diagnose-permissions'), true),
        fixOwnership: parseBoolean('fix-ownership', read('fix-ownership'), false),
        clean: parseBoolean('clean', read('clean'), true),
        fetchTags: parseBoolean('fetch-tags', read('fetch-tags'), true),
        showProgress: parseBoolean('show-progress', read('show-progress'), true),
        fetchDepth: parseWholeNumber('fetch-depth', read('fetch-depth'), 0, 'commits'),
        lfs: parseBoolean('lfs', read('lfs'), false),
        allowUnsafePrCheckout: parseBoolean('allow-unsafe-pr-checkout', read('allow-unsafe-pr-checkout'), false),
        sparseCheckout: parseSparseCheckout(read('sparse-checkout'), read('sparse-checkout-cone-mode')),
        filter,
        submodules: parseSubmodules(read('submodules'))
    };
    checkOverlaps(settings);
    return settings;
}
/** Checks that need git: branch names are validated exactly as git validates them. */
async function validateBranchInputs(settings) {
    if (settings.branch)
        await validateBranchName('branch', settings.branch);
    if (settings.base)
        await validateBranchName('base', settings.base);
    if (!settings.branch && (settings.base || settings.worktreePath)) {
        const input = settings.base ? 'base' : 'worktree-path';
        throw new errors/* InputError */.dz(input, 'is set but branch is empty; set branch to create a task worktree.');
    }
}

;// CONCATENATED MODULE: ./src/permissions/classify.ts


/** git (and tar) phrases that mean "the file system said no". */
const PERMISSION_PHRASES = [
    /Permission denied/i,
    /could not create leading directories/i,
    /unable to create file/i,
    /insufficient permission for adding an object to repository database/i,
    /unable to unlink/i,
    /could not lock config file/i,
    /unable to write new index file/i
];
/** Where git and tar put the path in the messages above. */
const PATH_PATTERNS = [
    /detected dubious ownership in repository at '([^']+)'/,
    /insufficient permission for adding an object to repository database (\S+)/,
    /could not lock config file ([^:]+):/,
    /could not create leading directories of '([^']+)'/,
    /unable to create file ([^:]+):/,
    /unable to unlink '([^']+)'/,
    /'([^']+)': (?:Permission denied|Read-only file system)/,
    /tar: ([^:]+): Cannot \w+: (?:Permission denied|Read-only file system)/,
    /(?:^|\s)(\/[^\s:']+): (?:Permission denied|Read-only file system)/m
];
function errorText(error) {
    if (error instanceof GitError)
        return `${error.message}\n${error.result.stderr}`;
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/**
 * Decides, without guessing, whether a failure is permission-class: by errno (EACCES, EPERM;
 * EROFS is its own class) or by git's own phrases. Dubious ownership is its own class too.
 */
function classifyFailure(error, baseDir = '') {
    const errno = error;
    const text = errorText(error);
    let kind = 'other';
    // An SSH login refused by the server is about keys, not files.
    const fileText = text.replace(/^.*Permission denied \(publickey.*$/gm, '');
    if (/detected dubious ownership/i.test(text))
        kind = 'dubious-ownership';
    else if (errno?.code === 'EROFS' || /Read-only file system/i.test(text))
        kind = 'read-only';
    else if (errno?.code === 'EACCES' || errno?.code === 'EPERM')
        kind = 'permission';
    else if (/cannot lock ref/i.test(fileText) && /Permission denied/i.test(fileText))
        kind = 'permission';
    else if (PERMISSION_PHRASES.some(phrase => phrase.test(fileText)))
        kind = 'permission';
    let found = typeof errno?.path === 'string' ? errno.path : '';
    if (!found && kind !== 'other') {
        for (const pattern of PATH_PATTERNS) {
            const match = pattern.exec(text);
            if (match) {
                found = match[1].trim();
                break;
            }
        }
    }
    const resolved = found && baseDir ? external_node_path_.resolve(baseDir, found) : found;
    return { kind, path: resolved, text };
}

;// CONCATENATED MODULE: ./src/permissions/ownership.ts



function runnerIdentity() {
    return typeof process.getuid === 'function' && typeof process.getgid === 'function'
        ? { uid: process.getuid(), gid: process.getgid() }
        : undefined;
}
/** `root (0:0)`, `runner (1001:118)`, or `uid 4242 (4242:4242)` when /etc/passwd does not know it. */
function describeOwner(owner) {
    return `${userName(owner.uid) || `uid ${owner.uid}`} (${owner.uid}:${owner.gid})`;
}
function userName(uid) {
    try {
        const line = (0,external_node_fs_.readFileSync)('/etc/passwd', 'utf8')
            .split('\n')
            .find(entry => entry.split(':')[2] === String(uid));
        return line?.split(':')[0] ?? '';
    }
    catch {
        return uid === 0 ? 'root' : '';
    }
}
/** The path itself, or its nearest existing parent, with its owner. */
async function nearestExisting(target) {
    for (let current = external_node_path_.resolve(target);; current = external_node_path_.dirname(current)) {
        const stat = await external_node_fs_.promises.lstat(current).catch(() => undefined);
        if (stat)
            return { path: current, owner: { uid: stat.uid, gid: stat.gid } };
        if (external_node_path_.dirname(current) === current)
            return { path: current, owner: { uid: 0, gid: 0 } };
    }
}
/** The root (of `roots`) that contains `target`, if any. */
function containingRoot(roots, target) {
    return roots.filter(root => isInside(root, target)).sort((a, b) => b.length - a.length)[0];
}
/**
 * The smallest directory whose `chown -R` covers the problem: from the offending path's nearest
 * existing directory, up through parents that the runner does not own, staying inside the root.
 */
async function chownTarget(target, runner, roots) {
    const start = await nearestExisting(target);
    const stat = await external_node_fs_.promises.lstat(start.path);
    let dir = stat.isDirectory() ? start.path : external_node_path_.dirname(start.path);
    const root = containingRoot(roots, dir);
    if (!root)
        return dir;
    for (;;) {
        const parent = external_node_path_.dirname(dir);
        if (dir === root || !containingRoot([root], parent))
            break;
        const parentStat = await external_node_fs_.promises.lstat(parent).catch(() => undefined);
        if (!parentStat || parentStat.uid === runner.uid)
            break;
        dir = parent;
    }
    return dir;
}

;// CONCATENATED MODULE: ./src/permissions/fix.ts



/**
 * fix-ownership: gives `dir` (inside one of the action's roots, never elsewhere) to the runner
 * user, when this process is root or has passwordless sudo. Returns whether it did.
 */
function fixOwnership(dir, roots) {
    const runner = runnerIdentity();
    if (!runner || !dir || !containingRoot(roots, dir)) {
        lib_core/* info */.pq(`fix-ownership: ${dir || 'the path'} is not inside the action's directories; not touching it.`);
        return false;
    }
    const owner = `${runner.uid}:${runner.gid}`;
    const asRoot = runner.uid === 0;
    const sudo = !asRoot && (0,external_node_child_process_.spawnSync)('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
    if (!asRoot && !sudo) {
        lib_core/* info */.pq(`fix-ownership: cannot change the owner of ${dir}: this job runs as ${owner} without passwordless sudo. Nothing was changed; run: sudo chown -R ${owner} ${dir}`);
        return false;
    }
    const command = asRoot ? 'chown' : 'sudo';
    const args = [...(asRoot ? [] : ['-n', 'chown']), '-R', '--no-dereference', owner, '--', dir];
    const result = (0,external_node_child_process_.spawnSync)(command, args, { encoding: 'utf8' });
    if (result.status !== 0) {
        lib_core/* warning */.$e(`fix-ownership: chown -R ${owner} ${dir} failed: ${(result.stderr || '').trim()}`);
        return false;
    }
    lib_core/* info */.pq(`fix-ownership: gave ${dir} to ${owner}.`);
    return true;
}

;// CONCATENATED MODULE: ./src/permissions/scan.ts


/** Not the runner's and not writable by it (a shared, group- or world-writable folder is fine). */
async function blocks(target, uid, runner) {
    if (uid === runner.uid)
        return false;
    return external_node_fs_.promises.access(target, external_node_fs_.constants.W_OK).then(() => false, () => true);
}
/**
 * Pre-flight: the first entry under the roots that the runner user does not own and cannot write, breadth first,
 * stopping at the first one or at the limits. Symlinks are looked at, never followed.
 */
async function findForeignEntry(roots, runner, limits = { maxEntries: 20_000, maxMs: 2_000 }) {
    const started = Date.now();
    let seen = 0;
    const queue = [];
    for (const root of roots) {
        const stat = await external_node_fs_.promises.lstat(root).catch(() => undefined);
        if (!stat)
            continue;
        if (await blocks(root, stat.uid, runner))
            return { path: root, owner: { uid: stat.uid, gid: stat.gid } };
        if (stat.isDirectory())
            queue.push(root);
    }
    while (queue.length > 0) {
        const dir = queue.shift();
        const entries = await external_node_fs_.promises.readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            if (++seen > limits.maxEntries || Date.now() - started > limits.maxMs)
                return undefined;
            const full = external_node_path_.join(dir, entry.name);
            const stat = await external_node_fs_.promises.lstat(full).catch(() => undefined);
            if (!stat)
                continue;
            if (!stat.isSymbolicLink() && (await blocks(full, stat.uid, runner))) {
                return { path: full, owner: { uid: stat.uid, gid: stat.gid } };
            }
            if (entry.isDirectory())
                queue.push(full);
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/permissions/help.ts


function troubleshootingLink(env = process.env) {
    const repo = env.GITHUB_ACTION_REPOSITORY;
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    return repo
        ? `${server}/${repo}#troubleshooting`
        : "the Troubleshooting section of the action's README";
}
function firstLine(text) {
    return (text
        .split('\n')
        .map(line => line.trim())
        .find(line => /denied|permission|read-only|dubious|unable|could not|cannot/i.test(line)) ??
        text.split('\n')[0]);
}
/**
 * The help for a permission-class failure: what failed, the path, its owner, the runner's
 * uid:gid, the one command that fixes it, the fix-ownership alternative, and where to read more.
 */
async function buildReport(stage, failure, fallbackPath, roots) {
    const runner = runnerIdentity() ?? { uid: 0, gid: 0 };
    let offending = failure.path || fallbackPath;
    let existing = await nearestExisting(offending);
    if (existing.owner.uid === runner.uid && failure.kind === 'permission') {
        // The directory is the runner's: the culprit is something inside it (e.g. a root-owned
        // build folder that stops `git worktree remove`).
        const inside = await findForeignEntry([existing.path], runner);
        if (inside) {
            offending = inside.path;
            existing = { path: inside.path, owner: inside.owner };
        }
    }
    const owner = describeOwner(existing.owner);
    const ownerName = owner.replace(/ \(.*$/, '');
    const you = describeOwner(runner);
    const original = `Original error: ${firstLine(failure.text)}`;
    const more = `More: ${troubleshootingLink()}`;
    if (failure.kind === 'read-only') {
        return {
            title: `Read-only file system: ${offending}`,
            message: [
                `${stage} failed: ${offending} is on a read-only file system.`,
                `Mount it read-write, or point the action at a writable directory (path, worktree-path, cache-dir).`,
                more,
                original
            ].join('\n'),
            fixDir: ''
        };
    }
    if (failure.kind === 'dubious-ownership') {
        return {
            title: `Dubious ownership: ${offending}`,
            message: [
                `${stage} failed: git refuses to work in ${offending} because it is owned by ${owner} and this job runs as ${you}.`,
                `Fix: sudo chown -R ${runner.uid}:${runner.gid} ${offending}`,
                `Or, if that owner is expected: git config --global --add safe.directory ${offending}`,
                'Or set fix-ownership: true to let the action change the owner (needs root or passwordless sudo).',
                more,
                original
            ].join('\n'),
            fixDir: offending
        };
    }
    const inRoots = containingRoot(roots, existing.path) !== undefined;
    // Outside the action's folders only the one path is named, never a recursive chown.
    const fixDir = inRoots ? await chownTarget(offending, runner, roots) : existing.path;
    const ownedByRunner = existing.owner.uid === runner.uid;
    return {
        title: ownedByRunner
            ? `Permission denied: ${offending}`
            : `Permission denied: ${offending} is owned by ${ownerName}`,
        message: [
            `${stage} failed: permission denied on ${offending}.`,
            `${existing.path} is owned by ${owner}; this job runs as ${you}.`,
            ownedByRunner
                ? `Fix: chmod -R u+rwX ${fixDir}`
                : `This usually means an earlier job or container ran as another user and left files behind.\nFix: sudo chown ${inRoots ? '-R ' : ''}${runner.uid}:${runner.gid} ${fixDir}`,
            'Or set fix-ownership: true to let the action do it (needs root or passwordless sudo).',
            more,
            original
        ].join('\n'),
        fixDir: ownedByRunner || !inRoots ? '' : fixDir
    };
}

;// CONCATENATED MODULE: ./src/permissions/diagnose.ts







/** An error that already carries the permission help (so an outer stage does not wrap it again). */
class PermissionError extends errors/* ActionError */.lZ {
}
/** Turns permission-class failures into annotated, actionable errors (README: Troubleshooting). */
class Diagnoser {
    settings;
    constructor(settings) {
        this.settings = settings;
    }
    /** The help for a permission-class failure, or undefined for any other failure. */
    async describe(stage, error, options = {}) {
        if (!this.settings.enabled || error instanceof PermissionError)
            return undefined;
        const failure = classifyFailure(error, options.cwd);
        if (failure.kind === 'other')
            return undefined;
        const writing = options.writing ?? options.cwd ?? this.settings.roots[0] ?? process.cwd();
        return buildReport(stage, failure, writing, this.settings.roots);
    }
    /**
     * Runs a stage that must succeed. A permission-class failure fails it with one titled error
     * and the help; with fix-ownership, the offending directory is given to the runner user and
     * the stage runs once more.
     */
    async stage(stage, work, options = {}) {
        try {
            return await work();
        }
        catch (error) {
            const report = await this.describe(stage, error, options);
            if (!report)
                throw error;
            if (this.settings.fixOwnership &&
                report.fixDir &&
                fixOwnership(report.fixDir, this.settings.roots)) {
                try {
                    return await work();
                }
                catch (again) {
                    const second = await this.describe(stage, again, options);
                    if (!second)
                        throw again;
                    throw new PermissionError(second.title, second.message);
                }
            }
            throw new PermissionError(report.title, report.message);
        }
    }
    /**
     * Pre-flight: warns (before anything fails) about the first entry under the action's roots
     * that the runner user does not own; with fix-ownership, gives it back at once.
     */
    async preflight() {
        const runner = runnerIdentity();
        // Root can write anywhere: nothing to warn about, and handing other users' files to root
        // would break the next job that runs as that user.
        if (!this.settings.enabled || !runner || runner.uid === 0)
            return;
        const found = await findForeignEntry(this.settings.roots, runner)
            .then(async (foreign) => foreign
            ? { foreign, dir: await chownTarget(foreign.path, runner, this.settings.roots) }
            : undefined)
            .catch(() => undefined);
        if (!found)
            return;
        const { foreign, dir } = found;
        if (this.settings.fixOwnership && fixOwnership(dir, this.settings.roots))
            return;
        lib_core/* warning */.$e([
            `${foreign.path} is owned by ${describeOwner(foreign.owner)}, but this job runs as ${describeOwner(runner)}; steps that write there will fail.`,
            `Fix: sudo chown -R ${runner.uid}:${runner.gid} ${dir}`,
            'Or set fix-ownership: true to let the action do it (needs root or passwordless sudo).',
            `More: ${troubleshootingLink()}`
        ].join('\n'), { title: `Not owned by the runner user: ${foreign.path}` });
    }
}

;// CONCATENATED MODULE: ./src/resolved-paths.ts





/** Where `target` leads once every symbolic link on the way is followed (it may not exist yet). */
function resolvedPath(target) {
    const rest = [];
    for (let dir = target;; dir = external_node_path_.dirname(dir)) {
        try {
            return external_node_path_.join((0,external_node_fs_.realpathSync)(dir), ...rest.reverse());
        }
        catch {
            if (external_node_path_.dirname(dir) === dir)
                return target;
            rest.push(external_node_path_.basename(dir));
        }
    }
}
/**
 * The path inputs, judged by where they lead rather than by their text: an earlier step can
 * have made `path` (or a folder on the way) a symbolic link to anywhere.
 */
function checkResolvedPaths(settings) {
    const workspace = resolvedPath(settings.workspace);
    const clonePath = resolvedPath(settings.clonePath);
    if (!isInside(workspace, clonePath)) {
        throw new errors/* InputError */.dz('path', `${settings.clonePath} resolves to ${clonePath} through a symbolic link, outside the workspace ${workspace}; give a path inside it.`);
    }
    checkOverlaps({
        ...settings,
        workspace,
        clonePath,
        cacheDir: settings.cacheDir && resolvedPath(settings.cacheDir),
        worktreePath: settings.worktreePath && resolvedPath(settings.worktreePath)
    });
}

;// CONCATENATED MODULE: ./src/runner-context.ts


function readPayload(eventPath) {
    if (!eventPath)
        return {};
    try {
        const payload = JSON.parse((0,external_node_fs_.readFileSync)(eventPath, 'utf8'));
        return typeof payload === 'object' && payload !== null ? payload : {};
    }
    catch {
        return {};
    }
}
/** The value at a dotted path of the payload, or undefined. */
function at(payload, dotted) {
    let value = payload;
    for (const name of dotted.split('.')) {
        if (typeof value !== 'object' || value === null)
            return undefined;
        value = value[name];
    }
    return value;
}
const runner_context_text = (value) => (typeof value === 'string' ? value : '');
const id = (value) => (typeof value === 'number' ? value : undefined);
const shas = (...values) => values
    .map(runner_context_text)
    .filter(Boolean)
    .map(sha => sha.toLowerCase());
function pullRequestHead(eventName, payload) {
    const baseRepoId = id(at(payload, 'repository.id'));
    if (eventName === 'pull_request_target') {
        return {
            baseRepoId,
            headRepoId: id(at(payload, 'pull_request.head.repo.id')),
            headRepoFullName: runner_context_text(at(payload, 'pull_request.head.repo.full_name')),
            headShas: shas(at(payload, 'pull_request.head.sha'), at(payload, 'pull_request.merge_commit_sha'))
        };
    }
    if (eventName === 'workflow_run') {
        const triggeredBy = runner_context_text(at(payload, 'workflow_run.event'));
        if (!triggeredBy.startsWith('pull_request'))
            return undefined;
        return {
            baseRepoId,
            headRepoId: id(at(payload, 'workflow_run.head_repository.id')),
            headRepoFullName: runner_context_text(at(payload, 'workflow_run.head_repository.full_name')),
            headShas: shas(at(payload, 'workflow_run.head_commit.id'), 
            // After a pull_request_target run, head_sha is the base's default branch, not the head.
            triggeredBy === 'pull_request_target' ? undefined : at(payload, 'workflow_run.head_sha'))
        };
    }
    return undefined;
}
function readRunnerContext(env = process.env) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const eventName = env.GITHUB_EVENT_NAME || '';
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    return {
        workspace: external_node_path_.resolve(workspace),
        runnerTemp: external_node_path_.resolve(env.RUNNER_TEMP || external_node_path_.join(workspace, '..', '_temp')),
        runnerOs: env.RUNNER_OS || 'Linux',
        serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
        workflowRepository: env.GITHUB_REPOSITORY || '',
        eventName,
        eventRef: env.GITHUB_REF || '',
        eventSha: env.GITHUB_SHA || '',
        eventDefaultBranch: runner_context_text(at(payload, 'repository.default_branch')),
        pullRequestHead: pullRequestHead(eventName, payload)
    };
}

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/git/global-config.ts


// The runner's global config (~/.gitconfig) is what later steps read. On a self-hosted host several
// runners may share one HOME: a concurrent writer holds the lock for milliseconds, so a write that
// finds it taken is tried again, briefly, instead of failing the step.
const LOCK_ATTEMPTS = 40;
async function editGlobalConfig(args) {
    for (let attempt = 1;; attempt++) {
        const result = await runGit(process.cwd(), ['config', '--global', ...args], {
            allowFailure: true
        });
        // Only a lock another writer holds clears by waiting; "Permission denied" does not.
        const lockHeld = /could not lock config file .*: File exists/.test(result.stderr);
        if (!lockHeld || attempt === LOCK_ATTEMPTS) {
            return result;
        }
        await (0,promises_namespaceObject.setTimeout)(25 + Math.random() * 75);
    }
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Removes every `key` line whose value matches the regular expression. */
async function removeGlobalConfigMatching(key, valuePattern) {
    const result = await editGlobalConfig(['--unset-all', key, valuePattern]);
    if (result.exitCode !== 0 && result.exitCode !== 5) {
        throw new Error(`git config --global --unset-all ${key} failed: ${result.stderr.trim()}`);
    }
}
/** Every value of `key` in the global config. */
async function globalConfigValues(key) {
    const read = await runGit(process.cwd(), ['config', '--global', '--get-all', key], {
        allowFailure: true
    });
    return read.stdout.split('\n').filter(Boolean);
}
/** Adds `key = value` to the global config; throws git's error when it cannot. */
async function addGlobalConfigValue(key, value) {
    const result = await editGlobalConfig(['--add', key, value]);
    if (result.exitCode !== 0) {
        throw new Error(`git config --global --add ${key} failed: ${result.stderr.trim()}`);
    }
}
/**
 * Removes one `key = value` line from the global config; absent is not an error. Two equal lines
 * (two jobs that added the same value at once) become one, which the other job's removal takes.
 */
async function global_config_removeGlobalConfigValue(key, value) {
    const pattern = `^${escapeRegExp(value)}$`;
    let result = await editGlobalConfig(['--unset', key, pattern]);
    // Exit 5: nothing matched, or more than one line did.
    if (result.exitCode === 5 && /multiple values/.test(result.stderr)) {
        result = await editGlobalConfig(['--replace-all', key, value, pattern]);
    }
    if (result.exitCode !== 0 && result.exitCode !== 5) {
        throw new Error(`git config --global ${key} ${value} not removed: ${result.stderr.trim()}`);
    }
}

;// CONCATENATED MODULE: ./src/state.ts

const STATE_NAME = 'clone-cache';
function saveMainState(state) {
    lib_core/* saveState */.LZ(STATE_NAME, JSON.stringify(state));
}
/** The state the main step left, or undefined when it did not finish. */
function loadMainState() {
    const raw = core.getState(STATE_NAME);
    if (!raw)
        return undefined;
    const state = JSON.parse(raw);
    return state.version === 3 ? state : undefined;
}
const SSH_FILES_NAME = 'clone-cache-ssh-files';
/**
 * The ssh key files, saved as soon as they are written (apart from the main state, which a
 * cancelled step never saves), so the post step removes them in any case.
 */
function saveSshFiles(files) {
    lib_core/* saveState */.LZ(SSH_FILES_NAME, JSON.stringify(files));
}
function loadSshFiles() {
    return stringListState(SSH_FILES_NAME);
}
function stringListState(name) {
    const raw = core.getState(name);
    if (!raw)
        return [];
    const list = JSON.parse(raw);
    return Array.isArray(list) ? list.filter((f) => typeof f === 'string') : [];
}
const SAFE_DIRECTORIES_NAME = 'clone-cache-safe-directories';
/**
 * The safe.directory values this job added to the runner's global config, saved as each is added,
 * so the post step removes them even when the main step failed after adding one.
 */
function saveSafeDirectories(dirs) {
    lib_core/* saveState */.LZ(SAFE_DIRECTORIES_NAME, JSON.stringify(dirs));
}
function state_loadSafeDirectories() {
    return stringListState(SAFE_DIRECTORIES_NAME);
}

;// CONCATENATED MODULE: ./src/safe-directories.ts





const added = [];
/** The global config's safe.directory values, read once per step. */
let present;
/**
 * set-safe-directory: git trusts `dir` whoever owns it, in this step and in the job's later
 * steps (a container job running as another uid). This step's commands get it as command-line
 * config (git 2.39+) and, like later steps, from the runner's global config (any git), where it
 * stays until the post step. A global config that cannot be written is a warning, not a failure.
 */
async function trustDirectory(dir) {
    trustDirectoryForThisProcess(dir);
    try {
        present ??= globalConfigValues('safe.directory');
        const values = await present;
        if (values.includes(dir) || values.includes('*'))
            return;
        await addGlobalConfigValue('safe.directory', dir);
        values.push(dir);
        added.push(dir);
        // Saved at once: the post step removes it even when the main step fails after this.
        saveSafeDirectories(added);
        lib_core/* info */.pq(`Added ${dir} to git's global safe.directory until the post step.`);
    }
    catch (error) {
        lib_core/* warning */.$e(`Could not add ${dir} to git's global safe.directory (${(0,errors/* errorMessage */.gJ)(error)}). Later steps that run git there as another user may stop at "dubious ownership".`, { title: 'safe.directory not set' });
    }
}
/** The post step: removes the safe.directory values the main step added; a failure warns. */
async function untrustDirectories() {
    for (const dir of loadSafeDirectories()) {
        await removeGlobalConfigValue('safe.directory', dir).catch(error => core.warning(`Could not remove ${dir} from git's global safe.directory: ${errorMessage(error)}`));
    }
}

;// CONCATENATED MODULE: ./src/timing.ts

/** Wall time of each phase of the main step, in milliseconds. */
class PhaseTimer {
    durations = new Map();
    async time(phase, work) {
        const start = performance.now();
        try {
            return await work();
        }
        finally {
            this.durations.set(phase, (this.durations.get(phase) ?? 0) + performance.now() - start);
        }
    }
    /** Seconds spent in each phase that ran. */
    allSeconds() {
        return Object.fromEntries([...this.durations].map(([phase, ms]) => [phase, ms / 1000]));
    }
}
/** Peak resident memory of this process, in MiB. */
function peakMemoryMiB() {
    // VmHWM, not getrusage: Linux carries the peak of the parent that forked this process (the
    // runner) into getrusage's maxRSS across the exec, so that reports the runner's size, not ours.
    try {
        const hwm = /^VmHWM:\s+(\d+) kB/m.exec((0,external_node_fs_.readFileSync)('/proc/self/status', 'utf8'));
        if (hwm)
            return Math.round(Number(hwm[1]) / 1024);
    }
    catch {
        // no /proc (macOS): getrusage is the best there is
    }
    return Math.round(process.resourceUsage().maxRSS / 1024);
}

;// CONCATENATED MODULE: ./src/git/ref-format.ts
/** A full object id: SHA-1 (40 hex digits) or SHA-256 (64). */
const OBJECT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/**
 * git's rules for a ref name (`git check-ref-format`), checked without running git: an entry or a
 * host clone can carry thousands of refs.
 */
function isWellFormedRefName(name) {
    if (!name.startsWith('refs/') || name.endsWith('/') || name.endsWith('.'))
        return false;
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|\/\//.test(name))
        return false;
    return name
        .split('/')
        .every(part => part !== '' && !part.startsWith('.') && !part.endsWith('.lock') && part !== '@');
}

;// CONCATENATED MODULE: ./src/cache/superseded.ts

/** Only `<prefix>-<40 or 64 hex>` is an entry of the prefix (not `<prefix>-docs-<sha>`). */
function isEntryOfPrefix(prefix, key) {
    return key.startsWith(`${prefix}-`) && OBJECT_ID.test(key.slice(prefix.length + 1));
}
const newestFirst = (a, b) => b.createdAt - a.createdAt || b.id - a.id;
/** This clone's entries: the prefix's, on the ref, newest first. */
function entriesOf(listed, scope) {
    return listed
        .filter(entry => entry.ref === scope.ref && isEntryOfPrefix(scope.prefix, entry.key))
        .sort(newestFirst);
}
/**
 * The superseded entries that go: of the prefix's entries on the ref with the saved entry's
 * version, all that are older than the one saved before it. The entry just saved, any newer one
 * (another job's), and the one before it (a job may be restoring it now) stay. Entries of another
 * version (gzip where this runner has zstd, another platform) serve other runners and stay.
 */
function planDeletions(listed, scope) {
    const entries = entriesOf(listed, scope);
    const saved = entries.find(entry => entry.key === scope.savedKey);
    if (!saved) {
        return {
            entries,
            remove: [],
            note: `the entry just saved (${scope.savedKey}) is not listed yet; the next save deletes what it supersedes`
        };
    }
    const sameVersion = entries.filter(entry => entry.version === saved.version);
    const savedAt = sameVersion.indexOf(saved);
    return { entries, remove: sameVersion.slice(savedAt + 2) };
}

;// CONCATENATED MODULE: ./src/cache/cache-mode.ts
/**
 * The cache mode the runner gives this job's token (ACTIONS_CACHE_MODE): since 2026 untrusted
 * triggers get a read-only one. Read as @actions/cache reads it; an unset or unknown mode allows
 * writes, as the library does.
 */
const MODES_WITHOUT_WRITES = (/* unused pure expression or super */ null && (['read', 'none']));
function cacheTokenAllowsWrites(env = process.env) {
    const mode = (env.ACTIONS_CACHE_MODE || '').trim().toLowerCase();
    return !MODES_WITHOUT_WRITES.includes(mode);
}
/** The post step's one line when the token cannot write: said, not warned. */
const READ_ONLY_TOKEN = "not saved: this run's cache token is read-only (GitHub gives one to untrusted triggers), so nothing was uploaded";

;// CONCATENATED MODULE: ./src/cache/library-log.ts
const LOOKUP_ONLY = 'Lookup only - skipping download';
function rewrite(line, findings) {
    // The library never titles its annotations; the action always does, so its own pass untouched.
    const annotation = /^::(?:error|warning)::(.*)$/.exec(line);
    const text = annotation ? annotation[1].replace(/%0A/g, ' ').replace(/%25/g, '%') : line;
    // The library words a denial like a reservation conflict; only the service's prefix tells them apart.
    if (/^Failed to save: .*cache write denied:/.test(text)) {
        findings.writeDenied = true;
        return text;
    }
    if (/^Failed to save: Unable to reserve cache|^Cache reservation failed: /.test(text)) {
        findings.reservedByOtherJob = true;
        return text;
    }
    if (annotation) {
        const detail = text.replace(/^(Failed to (restore|save)|uploadCacheArchiveSDK): ?/, '').trim();
        if (detail && !findings.problems.includes(detail))
            findings.problems.push(detail);
        return text;
    }
    // The streamed restore looks the entry up with `lookupOnly`, then downloads it itself: at info
    // level, the library's line would tell the user that the download was skipped.
    if (line === LOOKUP_ONLY)
        return `::debug::${line}`;
    const size = /^Cache Size: ~\d+ MB \((\d+) B\)$/.exec(line);
    if (size)
        findings.archiveBytes = Number(size[1]);
    return line;
}
async function withLibraryLog(work) {
    const findings = { problems: [] };
    const original = process.stdout.write;
    const writeOriginal = original.bind(process.stdout);
    process.stdout.write = ((chunk, ...rest) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const rewritten = text
            .split('\n')
            .map(line => rewrite(line, findings))
            .join('\n');
        return writeOriginal(rewritten, ...rest);
    });
    try {
        const value = await work();
        return { value, findings };
    }
    finally {
        process.stdout.write = original;
    }
}

;// CONCATENATED MODULE: ./src/cache/progress.ts



const INTERVAL_MS = 10_000;
/** Size of the newest archive @actions/cache is downloading into a fresh folder of RUNNER_TEMP. */
async function downloadedBytes(runnerTemp, since) {
    let newest = 0;
    for (const entry of await external_node_fs_.promises.readdir(runnerTemp).catch(() => [])) {
        const dir = external_node_path_.join(runnerTemp, entry);
        for (const name of await external_node_fs_.promises.readdir(dir).catch(() => [])) {
            if (!/^cache\.(tzst|tgz|tar)$/.test(name))
                continue;
            const stat = await external_node_fs_.promises.stat(external_node_path_.join(dir, name)).catch(() => undefined);
            if (stat && stat.mtimeMs >= since)
                newest = Math.max(newest, stat.size);
        }
    }
    return newest;
}
/** Logs elapsed time and bytes received every few seconds while a restore runs. */
function startDownloadProgress(runnerTemp) {
    const start = Date.now();
    const timer = setInterval(() => {
        void downloadedBytes(runnerTemp, start).then(bytes => {
            const seconds = Math.round((Date.now() - start) / 1000);
            const mib = (bytes / (1024 * 1024)).toFixed(1);
            lib_core/* info */.pq(`Restoring clone cache: ${seconds} s, ${mib} MiB received`);
        });
    }, INTERVAL_MS);
    timer.unref();
    return { stop: () => clearInterval(timer) };
}

;// CONCATENATED MODULE: ./src/cache/safe-tar.ts



const shellQuote = (value) => `'${value.replace(/'/g, `'\\''`)}'`;
/**
 * @actions/cache extracts with `tar -P`, which keeps absolute and `..` member names: a hostile
 * archive could write anywhere. While `work` runs, the `tar` found on PATH is a wrapper that
 * drops -P (so tar strips leading `/` and refuses `..` members) and never restores the
 * archive's owners.
 */
async function withSafeTar(tempRoot, work) {
    if (process.platform === 'win32')
        return work();
    await external_node_fs_.promises.mkdir(tempRoot, { recursive: true });
    const dir = await external_node_fs_.promises.mkdtemp(external_node_path_.join(tempRoot, 'clone-cache-tar-'));
    // @actions/cache prefers gtar where it exists (macOS): wrap whichever tars are there.
    for (const name of ['tar', 'gtar']) {
        const real = await io/* which */.K7(name, false);
        if (!real)
            continue;
        const script = [
            '#!/bin/sh',
            'for arg in "$@"; do shift; [ "$arg" = "-P" ] || set -- "$@" "$arg"; done',
            `exec ${shellQuote(real)} --no-same-owner "$@"`,
            ''
        ].join('\n');
        await external_node_fs_.promises.writeFile(external_node_path_.join(dir, name), script, { mode: 0o755 });
    }
    const previous = process.env.PATH;
    process.env.PATH = `${dir}${external_node_path_.delimiter}${previous ?? ''}`;
    try {
        return await work();
    }
    finally {
        process.env.PATH = previous;
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/cache/actions-cache.ts












/**
 * The library (and the Azure SDK under it) is most of the bundle: loaded only when a job uses the
 * hosted cache, so a cache-dir job does not spend its start-up time parsing it.
 */
const library = () => __nccwpck_require__.e(/* import() */ 477).then(__nccwpck_require__.bind(__nccwpck_require__, 8477));
const streamedPath = () => Promise.all(/* import() */[__nccwpck_require__.e(477), __nccwpck_require__.e(798)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9798));
/** Runs `work` with some environment variables changed, restoring them afterwards. */
async function withEnv(vars, work) {
    const previous = Object.fromEntries(Object.keys(vars).map(name => [name, process.env[name]]));
    Object.assign(process.env, vars);
    try {
        return await work();
    }
    finally {
        for (const [name, value] of Object.entries(previous)) {
            if (value === undefined)
                delete process.env[name];
            else
                process.env[name] = value;
        }
    }
}
class ActionsCacheBackend {
    workspace;
    runnerTemp;
    timeoutMs;
    source = 'actions-cache';
    stagingDir;
    /**
     * Where restores extract: a private folder in RUNNER_TEMP (the same disk as the workspace on
     * GitHub's runners, so the seed is still a rename). A restore abandoned at its time bound goes
     * on in the background inside the library; it can then only write here, never the workspace.
     */
    extractRoot;
    /** Settles once a streamed download has stopped and cleaned up after itself. */
    streaming = Promise.resolve();
    constructor(workspace, runnerTemp, timeoutMs) {
        this.workspace = workspace;
        this.runnerTemp = runnerTemp;
        this.timeoutMs = timeoutMs;
        this.stagingDir = external_node_path_.join(workspace, STAGING_RELATIVE);
        this.extractRoot = external_node_path_.join(runnerTemp, `clone-cache-extract-${(0,external_node_crypto_.randomUUID)()}`);
    }
    async available() {
        return (await library()).isFeatureAvailable();
    }
    async cleanStaging() {
        await external_node_fs_.promises.rm(external_node_path_.join(this.workspace, STAGING_ROOT), { recursive: true, force: true });
        await external_node_fs_.promises.rm(this.extractRoot, { recursive: true, force: true });
    }
    /** Restores into the staging folder; every failure is reported in the result, never thrown. */
    async restore(keyPrefix, exactCommit) {
        const primaryKey = exactCommit ? `${keyPrefix}-${exactCommit}` : `${keyPrefix}-`;
        try {
            await this.cleanStaging();
            // tar extracts relative to GITHUB_WORKSPACE: pointing it at the private extraction folder
            // keeps every member of the archive, whatever its name, out of the workspace.
            await external_node_fs_.promises.mkdir(this.extractRoot, { recursive: true });
            const abort = new AbortController();
            const { value: matchedKey, findings } = await withTimeout(this.restoreWithin(primaryKey, keyPrefix, abort.signal), this.timeoutMs, 'Cache restore', () => abort.abort(new Error('Cache restore abandoned at its time bound'))).catch(async (error) => {
                // A download under way closes its sockets, kills tar and removes its folder first (a
                // lookup that hangs is not waited for: it finds the signal aborted when it answers).
                await this.streaming;
                throw error;
            });
            if (matchedKey && !isEntryOfPrefix(keyPrefix, matchedKey)) {
                // A longer prefix that starts the same (owner-app-docs for owner-app) is another clone.
                lib_core/* info */.pq(`Ignoring the cache entry ${matchedKey}: it is not a ${keyPrefix}-<commit> entry.`);
                await this.cleanStaging();
                return { matchedKey: '' };
            }
            if (matchedKey) {
                const gitDir = external_node_path_.join(this.extractRoot, STAGING_RELATIVE);
                return { matchedKey, gitDir, archiveBytes: findings.archiveBytes };
            }
            if (findings.problems.length === 0)
                return { matchedKey: '' };
            return { matchedKey: '', failure: { reason: findings.problems.join('; ') } };
        }
        catch (error) {
            return { matchedKey: '', failure: { reason: (0,errors/* errorMessage */.gJ)(error), cause: error } };
        }
    }
    /**
     * The streamed restore first; the library's own restore when it cannot be used. An entry the
     * streamed path does not restore is looked up again by the library (one more request).
     */
    async restoreWithin(primaryKey, keyPrefix, signal) {
        const restoreKeys = [`${keyPrefix}-`];
        const { restoreStreamed, streamedRestoreOptions } = await streamedPath();
        const options = streamedRestoreOptions();
        if (options) {
            const { value: outcome, findings } = await withLibraryLog(() => restoreStreamed({
                paths: [STAGING_RELATIVE],
                primaryKey,
                restoreKeys,
                dir: this.extractRoot,
                accept: key => isEntryOfPrefix(keyPrefix, key),
                options,
                signal,
                onDownload: settled => (this.streaming = settled)
            }));
            if (outcome.kind === 'miss')
                return { value: undefined, findings };
            if (outcome.kind === 'restored') {
                const { archiveBytes } = outcome;
                return { value: outcome.matchedKey, findings: { ...findings, archiveBytes } };
            }
            signal.throwIfAborted(); // abandoned at the bound while it looked up: no second restore
            lib_core/* info */.pq(`Streaming the cache entry failed (${outcome.reason}); restoring it again.`);
            await external_node_fs_.promises.mkdir(this.extractRoot, { recursive: true });
        }
        const cache = await library();
        const progress = startDownloadProgress(this.runnerTemp);
        try {
            return await withEnv({ GITHUB_WORKSPACE: this.extractRoot }, () => withSafeTar(this.runnerTemp, () => withLibraryLog(() => cache.restoreCache([STAGING_RELATIVE], primaryKey, restoreKeys))));
        }
        finally {
            progress.stop();
        }
    }
    async save(key) {
        const cache = await library();
        const denied = { saved: false, writeDenied: true, message: READ_ONLY_TOKEN };
        let saving;
        try {
            saving = await this.inWorkspace(() => withLibraryLog(() => cache.saveCache([STAGING_RELATIVE], key)));
        }
        catch (error) {
            // The library logs a denial today; a version that throws it is read the same way.
            if (error instanceof cache.CacheWriteDeniedError)
                return denied;
            throw error;
        }
        const { value: cacheId, findings } = saving;
        if (findings.writeDenied)
            return denied;
        if (findings.reservedByOtherJob) {
            return { saved: false, otherJob: true, message: `another job is saving or has saved ${key}` };
        }
        if (cacheId === -1 || findings.problems.length > 0) {
            const detail = findings.problems.join('; ') || 'the cache service refused it (see the log above)';
            return { saved: false, message: `saving ${key} failed: ${detail}` };
        }
        return { saved: true, message: `saved ${key}` };
    }
    /** @actions/cache resolves relative cache paths against the current directory. */
    async inWorkspace(work) {
        const previous = process.cwd();
        process.chdir(this.workspace);
        try {
            return await work();
        }
        finally {
            process.chdir(previous);
        }
    }
}

;// CONCATENATED MODULE: ./src/git/config-template.ts
const DEFAULT_FORMAT = { formatVersion: 0, objectFormat: 'sha1' };
/** A config value or subsection name in double quotes, as git reads it back. */
function quoteConfigValue(value) {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
/**
 * A partial clone's format: a promisor remote needs repository format 1, as `git clone --filter`
 * writes it.
 */
function formatFor(format, filter) {
    return filter ? { ...format, formatVersion: 1 } : format;
}
/**
 * The known-good `.git/config` of every clone the action makes or seeds. Anything a cache could
 * smuggle in (hooksPath, fsmonitor, sshCommand, credential helpers, includes, filter and textconv
 * drivers, another promisor remote) is absent because the file is written from scratch. With a
 * `filter` (blob:none), origin is the one promisor remote: what the clone lacks comes from there.
 */
function gitConfigTemplate(originUrl, givenFormat = DEFAULT_FORMAT, bare = false, filter = '') {
    const format = formatFor(givenFormat, filter);
    const lines = [
        '[core]',
        `\trepositoryformatversion = ${format.formatVersion}`,
        '\tfilemode = true',
        `\tbare = ${bare}`,
        '\tlogallrefupdates = true'
    ];
    if (format.objectFormat !== 'sha1') {
        lines.push('[extensions]', `\tobjectformat = ${format.objectFormat}`);
    }
    lines.push('[remote "origin"]', `\turl = ${quoteConfigValue(originUrl)}`, '\tfetch = +refs/heads/*:refs/remotes/origin/*');
    if (filter)
        lines.push('\tpromisor = true', `\tpartialclonefilter = ${filter}`);
    return lines.join('\n') + '\n';
}
/**
 * The keys and values the template sets, as `git config --list` names them (a test holds the two
 * together): what a rebuilt config may keep without naming it as dropped.
 */
function templateEntries(originUrl, givenFormat = DEFAULT_FORMAT, bare = false, filter = '') {
    const format = formatFor(givenFormat, filter);
    return [
        ['core.repositoryformatversion', String(format.formatVersion)],
        ['core.filemode', 'true'],
        ['core.bare', String(bare)],
        ['core.logallrefupdates', 'true'],
        ...(format.objectFormat !== 'sha1'
            ? [['extensions.objectformat', format.objectFormat]]
            : []),
        ['remote.origin.url', originUrl],
        ['remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*'],
        ...(filter
            ? [
                ['remote.origin.promisor', 'true'],
                ['remote.origin.partialclonefilter', filter]
            ]
            : [])
    ];
}

;// CONCATENATED MODULE: ./src/git/maintenance.ts

/**
 * `git gc --auto` in the foreground (a detached gc would outlive the lock it runs under). A
 * failure is ignored: the next run tries again.
 */
async function collectGarbageIfDue(repo) {
    await runGit(repo.dir, ['-c', 'gc.autoDetach=false', 'gc', '--auto', '--quiet'], {
        allowFailure: true
    });
}

;// CONCATENATED MODULE: ./src/limits.ts
function seconds(name, fallback) {
    const raw = process.env[name];
    const value = raw ? Number(raw) : NaN;
    return (Number.isFinite(value) && value > 0 ? value : fallback) * 1000;
}
function limits() {
    return {
        restoreTimeoutMs: seconds('CLONE_CACHE_RESTORE_TIMEOUT_SECONDS', 600),
        seedTimeoutMs: seconds('CLONE_CACHE_SEED_TIMEOUT_SECONDS', 300),
        saveTimeoutMs: seconds('CLONE_CACHE_SAVE_TIMEOUT_SECONDS', 900),
        lockTimeoutMs: seconds('CLONE_CACHE_LOCK_TIMEOUT_SECONDS', 600),
        lockStaleMs: seconds('CLONE_CACHE_LOCK_STALE_SECONDS', 120),
        // actions/checkout waits 10 to 20 s between its attempts.
        fetchRetryBackoffMs: seconds('CLONE_CACHE_RETRY_BACKOFF_SECONDS', 10),
        fetchStallMs: seconds('CLONE_CACHE_FETCH_STALL_SECONDS', 60)
    };
}
/** A worktree lease whose job cannot be checked (another host, a container) ends after this long. */
function leaseMaxAgeMs() {
    const hours = Number(process.env.CLONE_CACHE_LEASE_MAX_HOURS);
    return (Number.isFinite(hours) && hours > 0 ? hours : 24) * 3600_000;
}
/** The bounds of the host clone's lock. */
function hostLockOptions() {
    const { lockTimeoutMs, lockStaleMs } = limits();
    return { timeoutMs: lockTimeoutMs, staleMs: lockStaleMs };
}
/**
 * A host clone fetched less than this long ago is not fetched again by a task worktree job when
 * origin's tips of the job's branches are the ones it holds (asked in one round trip); 0 turns
 * the window off. Other branches and tags are then at most this much older than origin's.
 */
function hostFreshWindowMs() {
    const raw = process.env.CLONE_CACHE_HOST_FRESH_SECONDS;
    const value = raw ? Number(raw) : NaN;
    return (Number.isFinite(value) && value >= 0 ? value : 30) * 1000;
}

;// CONCATENATED MODULE: ./src/git/remote.ts


const BRANCH_REFSPEC = '+refs/heads/*:refs/remotes/origin/*';
const TAG_REFSPEC = '+refs/tags/*:refs/tags/*';
function transferArgs({ tags = true, progress = true, depth, filter }) {
    const args = [progress ? '--progress' : '--no-progress'];
    if (filter)
        args.push(`--filter=${filter}`);
    if (!tags)
        args.push('--no-tags');
    if (depth === 'unshallow')
        args.push('--unshallow');
    else if (depth)
        args.push(`--depth=${depth}`);
    return args;
}
/**
 * The repository's auth, and a bound on a transfer that stalls: curl ends one that receives less
 * than a byte a second for the fetch stall bound ("Operation too slow"), which the caller
 * retries. No faster rate is demanded: a server counting a large repository's objects sends
 * little more than its progress lines for a while.
 */
function originConfig(repo) {
    const stallSeconds = Math.max(1, Math.ceil(limits().fetchStallMs / 1000));
    return [
        ...repo.auth,
        { key: 'http.lowSpeedLimit', value: '1' },
        { key: 'http.lowSpeedTime', value: String(stallSeconds) }
    ];
}
/**
 * Fetches every branch and tag of origin (negotiation sends only what the repository lacks) plus
 * the extra refspecs, showing git's progress unless told not to.
 */
async function fetchBranchesAndTags(repo, options) {
    const args = [
        'fetch',
        ...transferArgs(options),
        '--no-auto-gc',
        '--no-recurse-submodules',
        '--no-write-fetch-head'
    ];
    if (options.prune)
        args.push('--prune');
    args.push('origin', BRANCH_REFSPEC);
    if (options.tags !== false)
        args.push(TAG_REFSPEC);
    args.push(...(options.extraRefspecs ?? []));
    await runGit(repo.dir, args, {
        config: originConfig(repo),
        progress: options.progress !== false
    });
}
/** Fetches one commit of origin by its id, showing git's progress unless told not to. */
async function fetchOneCommit(repo, commit, options = {}) {
    await runGit(repo.dir, ['fetch', ...transferArgs(options), '--no-auto-gc', '--no-write-fetch-head', 'origin', commit], { config: originConfig(repo), progress: options.progress !== false });
}
/** Fetches one tag of origin by its name (when other tags are not fetched). */
async function fetchOneTag(repo, name, options = {}) {
    const args = [
        'fetch',
        ...transferArgs({ ...options, tags: false }),
        '--no-auto-gc',
        '--no-write-fetch-head',
        'origin',
        `+refs/tags/${name}:refs/tags/${name}`
    ];
    await runGit(repo.dir, args, {
        config: originConfig(repo),
        progress: options.progress !== false
    });
}
/**
 * Fetches objects of origin by their ids (the blobs a blobless clone is about to check out), in
 * one request, as git's own on-demand fetch does: no negotiation, no refs, no tags.
 */
async function fetchObjectsById(repo, ids, options = {}) {
    const args = [
        'fetch',
        ...transferArgs({ ...options, tags: false, depth: undefined }),
        '--no-auto-gc',
        '--no-write-fetch-head',
        '--no-recurse-submodules',
        '--stdin',
        'origin'
    ];
    await runGit(repo.dir, args, {
        config: [...originConfig(repo), { key: 'fetch.negotiationAlgorithm', value: 'noop' }],
        progress: options.progress !== false,
        input: ids.join('\n') + '\n'
    });
}
/** The branch origin's HEAD names, asked of the server; '' when it names none. */
async function askDefaultBranch(repo) {
    const listed = await runGit(repo.dir, ['ls-remote', '--symref', 'origin', 'HEAD'], {
        config: originConfig(repo)
    });
    const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(listed.stdout);
    return match ? match[1] : '';
}
/** Copies the local branches of the repository at `sourceDir` (on this machine) as they are. */
async function fetchLocalBranchesFrom(repo, sourceDir) {
    await runGit(repo.dir, [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        sourceDir,
        '+refs/heads/*:refs/heads/*'
    ]);
}
/** The names of the configured remotes. */
async function remoteNames(repo) {
    return (await gitOutput(repo.dir, ['remote'])).split('\n');
}
/** The URL git fetches origin from, or with `push` the one it pushes to. */
function readOriginUrl(repo, use) {
    return gitOutput(repo.dir, [
        'remote',
        'get-url',
        ...(use === 'push' ? ['--push'] : []),
        'origin'
    ]);
}
/** Asks origin for its HEAD and the tips of `branches` (`git ls-remote --symref`). */
async function askOriginTips(repo, branches) {
    const refs = branches.map(branch => `refs/heads/${branch}`);
    const listed = await runGit(repo.dir, ['ls-remote', '--symref', 'origin', 'HEAD', ...refs], {
        config: originConfig(repo)
    });
    const defaultBranch = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(listed.stdout)?.[1] ?? '';
    const tips = new Map();
    for (const line of listed.stdout.split('\n')) {
        const [object, ref] = line.split('\t');
        // ls-remote matches patterns against the tail of a ref name: only exact names count.
        if (ref && refs.includes(ref) && /^[0-9a-f]{40,64}$/.test(object)) {
            tips.set(ref.slice('refs/heads/'.length), object);
        }
    }
    return { defaultBranch, tips };
}

;// CONCATENATED MODULE: ./src/git/retry.ts




/** How many times a fetch from origin is tried, as actions/checkout does. */
const FETCH_ATTEMPTS = 3;
/**
 * git's and curl's words for a failure of the network or of the server, not of the request: the
 * same command may well succeed a few seconds later.
 */
const TRANSIENT = [
    /The requested URL returned error: (5\d\d|408|429)\b/,
    /RPC failed/,
    /early EOF/,
    /the remote end hung up unexpectedly/,
    /unexpected disconnect while reading sideband packet/,
    /transfer closed with outstanding read data remaining/,
    /bytes of body are still expected/,
    /Could not resolve (host|proxy)/,
    /Failed to connect to/,
    /Couldn't connect to server/,
    /Connection (refused|reset|timed out|closed by)/i,
    /Operation (too slow|timed out)/,
    /Empty reply from server/,
    /(Recv|Send) failure/,
    /SSL_ERROR_SYSCALL|gnutls_handshake\(\) failed|TLS connection was non-properly terminated/,
    /HTTP\/2 stream \d+ was not closed cleanly/
];
/**
 * Words that say the request itself cannot succeed (credentials, a missing repository or ref, the
 * local disk or object store): another try cannot help, whatever else git said.
 */
const PERMANENT = [
    /Authentication failed/i,
    /could not read (Username|Password)/,
    /terminal prompts disabled/,
    /couldn't find remote ref/,
    /not our ref/,
    /Repository not found|repository '[^']*' not found|does not appear to be a git repository/i,
    /Permission denied|EACCES|EPERM|Read-only file system|No space left on device/,
    /insufficient permission|unable to create|could not create|could not lock|cannot lock ref/i,
    /unable to (write|unlink)|dubious ownership/i,
    /certificate/i,
    /bad object|is corrupt|did not send all necessary objects|missing (blob|tree|commit|object)/
];
/** An HTTP status worth another try: the server, or a proxy before it, is down or overloaded. */
function isTransientStatus(status) {
    return status >= 500 || status === 408 || status === 429;
}
/**
 * The line of git's stderr that shows `error` is transient (a network failure, a 5xx, a transfer
 * cut short or stalled); undefined for every other failure, including ones git's words do not
 * explain, and for errors that are not git's.
 */
function transientCause(error) {
    const stderr = gitStderrOf(error);
    if (stderr === undefined)
        return undefined;
    const lines = stderr
        .split(/\r\n|\r|\n/)
        .map(line => line.trim())
        .filter(line => line !== '');
    if (lines.some(line => PERMANENT.some(words => words.test(line))))
        return undefined;
    const statuses = [...stderr.matchAll(/returned error: (\d{3})|RPC failed; HTTP (\d{3})/g)].map(match => Number(match[1] ?? match[2]));
    if (statuses.some(status => !isTransientStatus(status)))
        return undefined;
    return lines.find(line => TRANSIENT.some(words => words.test(line)));
}
/**
 * Runs `operation` (a git command that talks to origin) up to FETCH_ATTEMPTS times while it fails
 * transiently, waiting the backoff bound to twice it (at random, so that jobs failed by the same
 * outage do not come back together) between attempts. Each retry is logged with its cause; a
 * permanent failure, or the last attempt's, is thrown as it is. `what` completes "to ...".
 */
async function withRetries(what, operation) {
    const { fetchRetryBackoffMs } = limits();
    for (let attempt = 1;; attempt++) {
        try {
            return await operation();
        }
        catch (error) {
            const cause = transientCause(error);
            if (cause === undefined || attempt === FETCH_ATTEMPTS)
                throw error;
            const waitMs = Math.round(fetchRetryBackoffMs * (1 + Math.random()));
            lib_core/* info */.pq(`Attempt ${attempt} of ${FETCH_ATTEMPTS} to ${what} failed: ${cause}. Trying again in ${(waitMs / 1000).toFixed(1)} s.`);
            await (0,promises_namespaceObject.setTimeout)(waitMs);
        }
    }
}

;// CONCATENATED MODULE: ./src/clone/fetch.ts





/** What the user reads when origin could not be fetched; the git failure stays its cause. */
function fetchError(originUrl, error) {
    const detail = gitStderrOf(error)?.trim() ?? String(error);
    const missingRef = /couldn't find remote ref (\S+)/.exec(detail);
    if (missingRef) {
        return new errors/* ActionError */.lZ('Ref not found', `${originUrl} has no ref ${missingRef[1]} (a deleted branch, or a closed pull request?). Check the ref input.`, { cause: error });
    }
    // withRetries gives up on a transient failure only after its last attempt.
    const tries = transientCause(error) === undefined ? '' : ` after ${FETCH_ATTEMPTS} attempts`;
    const credential = /^https?:\/\//i.test(originUrl) ? 'the token' : 'the ssh key';
    const hint = /Host key verification failed/.test(detail)
        ? "The server's host key is in no known_hosts file: add its line with ssh-known-hosts (ssh-keyscan <host> prints it)."
        : `Check that the repository exists, that ${credential} can read it, and that the runner can reach the server.`;
    return new errors/* ActionError */.lZ('Fetch from origin failed', `Could not fetch from ${originUrl}${tries}: ${detail}\n${hint}`, { cause: error });
}
/**
 * Fetches what origin has that the clone lacks: every branch and tag (negotiation sends only the
 * delta) plus any extra refspecs, e.g. a pull request ref.
 */
async function fetchOrigin(repo, originUrl, options) {
    lib_core/* info */.pq(`Fetching from ${originUrl}`);
    try {
        await withRetries(`fetch from ${originUrl}`, () => fetchBranchesAndTags(repo, options));
    }
    catch (error) {
        throw fetchError(originUrl, error);
    }
}
/** Fetches one commit by its id (for a `ref` that is a sha not reachable from any branch or tag). */
async function fetchCommit(repo, originUrl, commit, options = {}) {
    try {
        await withRetries(`fetch ${commit} from ${originUrl}`, () => fetchOneCommit(repo, commit, options));
    }
    catch (error) {
        throw fetchError(originUrl, error);
    }
}
/** Fetches one tag by its name; false when origin has no such tag. */
async function fetchTag(repo, originUrl, name, options = {}) {
    try {
        await withRetries(`fetch tag ${name} from ${originUrl}`, () => fetchOneTag(repo, name, options));
        return true;
    }
    catch (error) {
        if (/couldn't find remote ref/.test(gitStderrOf(error) ?? ''))
            return false;
        throw fetchError(originUrl, error);
    }
}
/** origin's default branch, asked of the server (one round trip). */
async function remoteDefaultBranch(repo, originUrl) {
    try {
        return await withRetries(`ask ${originUrl} for its default branch`, () => askDefaultBranch(repo));
    }
    catch (error) {
        throw fetchError(originUrl, error);
    }
}

;// CONCATENATED MODULE: ./src/host/process.ts


function pidNamespace(pid) {
    try {
        return (0,external_node_fs_.readlinkSync)(`/proc/${pid}/ns/pid`);
    }
    catch {
        return '';
    }
}
/** Start time of a process, so a recycled pid is not mistaken for the original process. */
function processStartTime(pid) {
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // Field 22; the command name (field 2) may contain spaces, so count from the last ')'.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
    }
    catch {
        return '';
    }
}
function jobDescription(env = process.env) {
    const parts = [
        env.GITHUB_REPOSITORY,
        env.GITHUB_RUN_ID && `run ${env.GITHUB_RUN_ID}`,
        env.GITHUB_JOB,
        env.RUNNER_NAME
    ];
    return parts.filter(Boolean).join(' / ') || 'local';
}
function identityOf(pid) {
    return {
        host: external_node_os_.hostname(),
        pid,
        startTime: processStartTime(pid),
        job: jobDescription(),
        pidNamespace: pidNamespace('self')
    };
}
/**
 * False only when the process is known to be gone: same host and pid namespace and no such pid,
 * or the pid now belongs to a process that started at another time. A process elsewhere is
 * presumed alive (its lock or lease then expires by age).
 */
function isAlive(identity) {
    if (identity.host !== external_node_os_.hostname() || !(identity.pid > 1))
        return true;
    // Another pid namespace (a container with the host's name): its pids mean nothing here.
    const ours = pidNamespace('self');
    if (identity.pidNamespace && ours && identity.pidNamespace !== ours)
        return true;
    try {
        process.kill(identity.pid, 0);
    }
    catch (error) {
        if (error.code === 'ESRCH')
            return false;
    }
    if (identity.startTime) {
        const now = processStartTime(identity.pid);
        if (now && now !== identity.startTime)
            return false;
    }
    // A zombie (exited, not yet reaped by a container without an init) is gone too.
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${identity.pid}/stat`, 'utf8');
        if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z'))
            return false;
    }
    catch {
        // no /proc: presumed alive
    }
    return true;
}
/** True when isAlive's answer is certain: the holder is on this host, in this pid namespace. */
function livenessIsKnown(identity) {
    if (identity.host !== external_node_os_.hostname() || !(identity.pid > 1))
        return false;
    const ours = pidNamespace('self');
    return !identity.pidNamespace || !ours || identity.pidNamespace === ours;
}
function describeHolder(identity) {
    const since = identity.since ? ` since ${identity.since}` : '';
    return `pid ${identity.pid} on ${identity.host} (${identity.job})${since}`;
}

;// CONCATENATED MODULE: ./src/host/lock.ts






const HOLDER_FILE = 'holder.json';
/**
 * Reclaiming is quick; a reclaim guard older than this was left by a killed process. (Waiters wait
 * this long after a reclaimer dies inside the guard: no lock holder exists then to remove it.)
 */
const RECLAIM_GUARD_STALE_MS = 10_000;
class HeldLock {
    path;
    token;
    heartbeat;
    constructor(path, token, heartbeat) {
        this.path = path;
        this.token = token;
        this.heartbeat = heartbeat;
    }
    async release() {
        clearInterval(this.heartbeat);
        const holder = await readHolder(this.path);
        if (holder?.token !== this.token) {
            lib_core/* warning */.$e(`The lock ${this.path} was taken over while this job held it.`);
            return;
        }
        // Moved aside in one step, then deleted: a lock directory is never seen empty (a waiter's
        // rename would replace an empty directory and take a lock that is still being released).
        const aside = `${this.path}.released-${this.token}`;
        await external_node_fs_.promises.rename(this.path, aside);
        await external_node_fs_.promises.rm(aside, { recursive: true, force: true });
    }
}
/** Moves `target` to a `.stale-` name beside the lock in one step, then deletes it there. */
async function removeAside(target, lockPath) {
    const aside = `${lockPath}.stale-${(0,external_node_crypto_.randomUUID)()}`;
    const moved = await external_node_fs_.promises.rename(target, aside).then(() => true, () => false);
    if (moved)
        await external_node_fs_.promises.rm(aside, { recursive: true, force: true });
}
async function readHolder(lockPath) {
    try {
        return JSON.parse(await external_node_fs_.promises.readFile(`${lockPath}/${HOLDER_FILE}`, 'utf8'));
    }
    catch {
        return undefined;
    }
}
async function ageMs(file) {
    const stat = await external_node_fs_.promises.stat(file).catch(() => undefined);
    return stat ? Date.now() - stat.mtimeMs : Infinity;
}
/** Why the current holder is dead, or '' while it may be alive. */
async function staleness(lockPath, holder, staleMs) {
    if (!holder) {
        // Free again (then the caller simply retries), being created right now, or its creator died
        // before writing who it is.
        const dir = await external_node_fs_.promises.stat(lockPath).catch(() => undefined);
        if (!dir)
            return '';
        return Date.now() - dir.mtimeMs > staleMs ? 'its holder never recorded itself' : '';
    }
    if (!isAlive(holder))
        return `its holder ${describeHolder(holder)} is gone`;
    // A live holder on this host keeps its lock however long it works; age decides only for
    // holders whose process cannot be checked from here.
    if (livenessIsKnown(holder))
        return '';
    const age = await ageMs(`${lockPath}/${HOLDER_FILE}`);
    if (age > staleMs) {
        return `its holder ${describeHolder(holder)} has not shown life for ${Math.round(age / 1000)} s`;
    }
    return '';
}
/** Drafts, released and reclaimed locks, and reclaim guards left by killed processes. */
async function removeOldDrafts(lockPath) {
    const dir = external_node_path_.dirname(lockPath);
    const base = external_node_path_.basename(lockPath);
    for (const name of await external_node_fs_.promises.readdir(dir).catch(() => [])) {
        const leftover = external_node_path_.join(dir, name);
        // A released or reclaimed lock is never used again; a draft is renamed within milliseconds
        // of being made, so one whose maker is gone (or that is a minute old) is a leftover.
        const done = name.startsWith(`${base}.released-`) || name.startsWith(`${base}.stale-`);
        const draft = name.startsWith(`${base}.new-`);
        const guard = name === `${base}.reclaim`;
        if (done) {
            await external_node_fs_.promises.rm(leftover, { recursive: true, force: true });
        }
        else if ((draft && (await draftIsAbandoned(leftover, base))) ||
            (guard && (await guardIsAbandoned(leftover)))) {
            // Moved aside first: if its maker was alive after all and renames it into place at this
            // moment, one of the two renames fails whole, and no lock loses its holder record.
            await removeAside(leftover, lockPath);
        }
    }
}
/** Where a process runs (host and pid namespace), as a short tag for draft names. */
function placeTag(identity) {
    const place = `${identity.host}\0${identity.pidNamespace ?? ''}`;
    return (0,external_node_crypto_.createHash)('sha256').update(place).digest('hex').slice(0, 8);
}
/** A draft's name says who made it, so a dead maker is seen even before it wrote its record. */
function draftName(lockPath, maker, token) {
    return `${lockPath}.new-${placeTag(maker)}-${maker.pid}-${maker.startTime}-${token}`;
}
/**
 * A reclaim guard whose maker is gone, or that is older than any reclaim takes. Judged only by a
 * lock holder: while its live lock is there, a reclaimer that takes the guard leaves the lock alone.
 */
async function guardIsAbandoned(guard) {
    const maker = await readHolder(guard);
    if (maker && !isAlive(maker))
        return true;
    return (await ageMs(guard)) > RECLAIM_GUARD_STALE_MS;
}
async function draftIsAbandoned(draft, lockBase) {
    const maker = /^([0-9a-f]{8})-(\d+)-(\d*)-/.exec(external_node_path_.basename(draft).slice(`${lockBase}.new-`.length));
    const me = identityOf(process.pid);
    if (maker && maker[1] === placeTag(me)) {
        const pid = Number(maker[2]);
        if (!isAlive({ ...me, pid, startTime: maker[3] }))
            return true;
    }
    return (await ageMs(draft)) > 60_000;
}
/**
 * Removes a dead holder's lock. Every reclaimer first takes a small guard directory and checks
 * again inside it, so a lock that another reclaimer just replaced with a live one is never removed.
 */
async function reclaim(lockPath, seen, staleMs) {
    const guard = `${lockPath}.reclaim`;
    try {
        await external_node_fs_.promises.mkdir(guard);
    }
    catch {
        // By age only: a guard judged by its maker could be removed just as a live one replaces it.
        if ((await ageMs(guard)) > RECLAIM_GUARD_STALE_MS) {
            await external_node_fs_.promises.rm(guard, { recursive: true, force: true });
        }
        return false;
    }
    await external_node_fs_.promises
        .writeFile(`${guard}/${HOLDER_FILE}`, JSON.stringify(identityOf(process.pid)))
        .catch(() => undefined); // lets the next lock holder remove the guard of a killed reclaimer
    try {
        const current = await readHolder(lockPath);
        if (current?.token !== seen?.token)
            return false;
        const why = await staleness(lockPath, current, staleMs);
        if (!why)
            return false;
        await removeAside(lockPath, lockPath);
        lib_core/* warning */.$e(`Reclaimed the lock ${lockPath}: ${why}.`, { title: 'Stale lock reclaimed' });
        return true;
    }
    finally {
        await external_node_fs_.promises.rm(guard, { recursive: true, force: true });
    }
}
/**
 * An exclusive lock on shared host state: a directory created atomically, with a record of its
 * holder (host, pid, start time, job) refreshed by a heartbeat. A waiter says who holds it, waits
 * at most `timeoutMs`, and reclaims the lock at once when the holder's process is gone (same host)
 * or when its heartbeat is older than `staleMs` (any host).
 */
async function acquireLock(lockPath, what, options) {
    const started = Date.now();
    const pollMs = options.pollMs ?? 100;
    await external_node_fs_.promises.mkdir(external_node_path_.dirname(lockPath), { recursive: true });
    let lastReport = 0;
    for (;;) {
        try {
            // The lock appears with its holder record in one rename: there is never a lock without
            // a holder to check (a process killed before the rename leaves only a stray draft).
            const token = (0,external_node_crypto_.randomUUID)();
            const holder = { ...identityOf(process.pid), token, since: new Date().toISOString() };
            const draft = draftName(lockPath, holder, token);
            await external_node_fs_.promises.mkdir(draft);
            await external_node_fs_.promises.writeFile(`${draft}/${HOLDER_FILE}`, JSON.stringify(holder));
            const taken = await external_node_fs_.promises.rename(draft, lockPath).then(() => true, async (error) => {
                await external_node_fs_.promises.rm(draft, { recursive: true, force: true });
                if (error.code !== 'EEXIST' && error.code !== 'ENOTEMPTY')
                    throw error;
                return false;
            });
            if (taken) {
                const heartbeat = setInterval(() => {
                    const now = new Date();
                    void external_node_fs_.promises.utimes(`${lockPath}/${HOLDER_FILE}`, now, now).catch(() => undefined);
                }, options.heartbeatMs ?? Math.max(250, Math.floor(options.staleMs / 4)));
                heartbeat.unref();
                // Outside the lock's own error handling: a leftover that cannot go is never a reason to
                // fail (or to hold the lock without a heartbeat).
                await removeOldDrafts(lockPath).catch((error) => lib_core/* warning */.$e(`Could not remove leftovers beside ${lockPath}: ${(0,errors/* errorMessage */.gJ)(error)}`));
                return new HeldLock(lockPath, token, heartbeat);
            }
        }
        catch (error) {
            // ENOENT: an old draft of ours was taken for abandoned and removed; simply try again.
            const code = error.code;
            if (code !== 'EEXIST' && code !== 'ENOENT')
                throw error;
            if (code === 'ENOENT')
                await external_node_fs_.promises.mkdir(external_node_path_.dirname(lockPath), { recursive: true });
        }
        const holder = await readHolder(lockPath);
        if (await staleness(lockPath, holder, options.staleMs)) {
            if (await reclaim(lockPath, holder, options.staleMs))
                continue;
        }
        const waited = Date.now() - started;
        const who = holder ? describeHolder(holder) : 'a process that is still starting';
        if (waited > options.timeoutMs) {
            throw new errors/* ActionError */.lZ('Timed out waiting for a lock', `Waited ${Math.round(waited / 1000)} s for the lock on ${what} (${lockPath}), held by ${who}. If that job is stuck, cancel it; if it is gone, delete ${lockPath}.`);
        }
        if (waited - lastReport >= (options.reportEveryMs ?? 10_000)) {
            lastReport = waited;
            lib_core/* info */.pq(`Waiting for the lock on ${what}: held by ${who} (${Math.round(waited / 1000)} s so far)`);
        }
        await new Promise(resolve => setTimeout(resolve, pollMs + Math.random() * pollMs));
    }
}
/** Runs `work` while holding the lock. */
async function withLock(lockPath, what, options, work) {
    const lock = await acquireLock(lockPath, what, options);
    try {
        return await work();
    }
    finally {
        await lock.release();
    }
}

;// CONCATENATED MODULE: ./src/host/fresh-window.ts




/** Touched after every complete fetch of origin into the host clone (and every build of it). */
const FETCHED_STAMP = 'clone-cache-fetched';
async function markFetched(dir) {
    await external_node_fs_.promises.writeFile(external_node_path_.join(dir, FETCHED_STAMP), `${new Date().toISOString()}\n`);
}
/** True when the host clone was fetched within the window (CLONE_CACHE_HOST_FRESH_SECONDS). */
async function fetchedRecently(dir) {
    const window = hostFreshWindowMs();
    if (window === 0)
        return false;
    const stamp = await external_node_fs_.promises.stat(external_node_path_.join(dir, FETCHED_STAMP)).catch(() => undefined);
    const age = stamp ? Date.now() - stamp.mtimeMs : Infinity;
    // A stamp from the future (a clock set back, or planted) proves nothing.
    return age >= 0 && age < window;
}
/**
 * Asks origin (one round trip) for its default branch and the tips of `branches` (the job's branch
 * and its base, the default branch when no base is given), and says whether the host clone's
 * origin/* refs hold exactly those. When they do, a fetch would bring nothing the job checks
 * out: only other branches and tags could be newer.
 */
async function originMatches(hostClone, branches, localDefaultBranch) {
    const asked = [...new Set(branches.filter(Boolean))];
    const origin = await askOriginTips(hostClone, asked);
    const { defaultBranch } = origin;
    if (!defaultBranch || defaultBranch !== localDefaultBranch) {
        return { matches: false, defaultBranch };
    }
    for (const branch of asked) {
        const local = await hostClone.resolveCommit(`refs/remotes/origin/${branch}`);
        if ((origin.tips.get(branch) ?? '') !== local)
            return { matches: false, defaultBranch };
    }
    return { matches: true, defaultBranch };
}

;// CONCATENATED MODULE: ./src/host/leftovers.ts




/** Half-built or swapped-out clones of a holder that was killed (only a lock holder makes them). */
async function removeLeftovers(cacheDir, scope) {
    for (const name of await external_node_fs_.promises.readdir(cacheDir)) {
        if (name.startsWith(`.${scope}.tmp-`) || name.startsWith(`.${scope}.old-`)) {
            lib_core/* info */.pq(`Removing ${name}, left in ${cacheDir} by a job that was killed.`);
            // A git process that outlived its killed job may still be writing there: retry, and if it
            // is still busy, leave it for the next job rather than fail this one.
            await external_node_fs_.promises
                .rm(external_node_path_.join(cacheDir, name), { recursive: true, force: true, maxRetries: 5 })
                .catch((error) => {
                if (error.code !== 'ENOTEMPTY' && error.code !== 'EBUSY')
                    throw error;
                lib_core/* warning */.$e(`Could not remove ${name} from ${cacheDir} yet (${(0,errors/* errorMessage */.gJ)(error)}); the next refresh tries again.`);
            });
        }
    }
}
/**
 * Lock files that only a fetch, gc or config write into the host clone makes: those run only under
 * the host clone's lock, so any found while holding it were left by a killed job. (Lock files of
 * local branches are not touched: jobs commit in their worktrees without the host lock.)
 */
async function removeStaleGitLocks(dir) {
    // A job's own git commands (a push updating a tracking ref) hold these for milliseconds:
    // only one older than a minute is a leftover.
    const removeIfOld = async (file) => {
        const stat = await external_node_fs_.promises.stat(file).catch(() => undefined);
        if (stat && Date.now() - stat.mtimeMs > 60_000)
            await external_node_fs_.promises.rm(file, { force: true });
    };
    for (const name of ['packed-refs.lock', 'config.lock', 'shallow.lock', 'HEAD.lock', 'gc.pid']) {
        await removeIfOld(external_node_path_.join(dir, name));
    }
    for (const refs of ['refs/remotes', 'refs/tags']) {
        const root = external_node_path_.join(dir, refs);
        const entries = await external_node_fs_.promises.readdir(root, { recursive: true }).catch(() => []);
        for (const entry of entries) {
            if (String(entry).endsWith('.lock'))
                await removeIfOld(external_node_path_.join(root, String(entry)));
        }
    }
}

;// CONCATENATED MODULE: ./src/git/config.ts


// A config file is read with --file and --no-includes: one file, include.* not followed, so
// nothing a planted file says can run or point elsewhere. git runs in the file's folder.
/** The value `key` has in the config file, '' when it has none (or the file cannot be read). */
async function configFileValue(configFile, key) {
    const read = await runGit(external_node_path_.dirname(configFile), ['config', '--file', configFile, '--no-includes', '--get', key], { allowFailure: true });
    return read.stdout.trim();
}
/** The names of the keys the config file sets (none when it cannot be read). */
async function configFileKeys(configFile) {
    const listed = await runGit(external_node_path_.dirname(configFile), ['config', '--file', configFile, '--no-includes', '--name-only', '--list'], { allowFailure: true });
    return listed.stdout.split('\n').filter(Boolean);
}
/** Sets `key` in the repository's own config (.git/config). */
async function setLocalConfig(repo, key, value) {
    await runGit(repo.dir, ['config', '--local', key, value]);
}
/** The keys and values of the repository's own config whose names match `pattern` (a regex). */
async function localConfigMatching(repo, pattern) {
    const listed = await runGit(repo.dir, ['config', '--local', '-z', '--get-regexp', pattern], {
        allowFailure: true
    });
    return splitNulEntries(listed.stdout);
}
/** Adds a value of `key` to the repository's own config, next to any it has. */
async function addLocalConfigValue(repo, key, value) {
    await runGit(repo.dir, ['config', '--local', '--add', key, value]);
}
/** Removes the values of `key` that match `valuePattern` from the repository's own config. */
async function unsetLocalConfigValue(repo, key, valuePattern) {
    await runGit(repo.dir, ['config', '--local', '--unset-all', key, valuePattern], {
        allowFailure: true
    });
}
/** Removes every value of `key` from the repository's own config; git's refusal is ignored. */
async function unsetLocalConfig(repo, key) {
    await runGit(repo.dir, ['config', '--local', '--unset-all', key], { allowFailure: true });
}
/** Every key and value the config file sets, in order (none when it cannot be read). */
async function configFileEntries(configFile) {
    const listed = await runGit(external_node_path_.dirname(configFile), ['config', '--file', configFile, '--no-includes', '--list', '-z'], { allowFailure: true });
    return splitNulEntries(listed.stdout);
}
/** `git config -z` output: each entry is `key\nvalue\0` (no newline when there is no value). */
function splitNulEntries(output) {
    return output
        .split('\0')
        .filter(Boolean)
        .map(entry => {
        const newline = entry.indexOf('\n');
        return newline < 0 ? [entry, ''] : [entry.slice(0, newline), entry.slice(newline + 1)];
    });
}

;// CONCATENATED MODULE: ./src/git/ref-files.ts


/**
 * Deletes the refs of a `.git` (loose files and `packed-refs` lines) that `keep` refuses, without
 * running git in it. Returns the deleted ref names.
 */
async function removeRefs(gitDir, keep) {
    const removed = [];
    const walk = async (relative) => {
        const entries = await external_node_fs_.promises
            .readdir(external_node_path_.join(gitDir, relative), { withFileTypes: true })
            .catch(() => []);
        for (const entry of entries) {
            const name = `${relative}/${entry.name}`;
            if (entry.isDirectory())
                await walk(name);
            // A link is never a ref of ours: removed (the link itself; nothing is followed).
            else if (entry.isSymbolicLink() || !keep(name)) {
                await external_node_fs_.promises.rm(external_node_path_.join(gitDir, name), { force: true });
                removed.push(name);
            }
        }
    };
    await walk('refs');
    const packedFile = external_node_path_.join(gitDir, 'packed-refs');
    const packed = await external_node_fs_.promises.readFile(packedFile, 'utf8').catch(() => undefined);
    if (packed !== undefined) {
        const kept = [];
        let keptLast = false;
        let dropped = false;
        for (const line of packed.split('\n')) {
            if (!line)
                continue;
            if (line.startsWith('#'))
                kept.push(line);
            else if (line.startsWith('^')) {
                if (keptLast)
                    kept.push(line); // the peeled value of the ref above
            }
            else {
                const ref = line.slice(line.indexOf(' ') + 1);
                keptLast = keep(ref);
                if (keptLast)
                    kept.push(line);
                else {
                    removed.push(ref);
                    dropped = true;
                }
            }
        }
        if (dropped) {
            await external_node_fs_.promises.writeFile(packedFile, kept.map(l => `${l}\n`).join(''));
        }
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/host/worktree-config.ts



/**
 * Per-worktree config in the shared host clone. A task worktree's sparse checkout lives in its own
 * `worktrees/<id>/config.worktree`, which git reads only with `extensions.worktreeConfig` on in
 * the shared config; with it on, `core.bare = true` must move from the shared config to the main
 * worktree's `config.worktree` (else every worktree is taken for bare), as git itself does.
 * Nothing but that layout and the sparse keys is kept: a planted value runs nothing.
 */
/** The keys a worktree's config.worktree may keep (as `git config --list` names them). */
const SPARSE_KEYS = new Set(['core.sparsecheckout', 'core.sparsecheckoutcone', 'index.sparse']);
const WORKTREE_CONFIG_KEY = 'extensions.worktreeconfig';
/** The main (bare) worktree's config.worktree when the extension is on, as git writes it. */
const MAIN_WORKTREE_CONFIG = '[core]\n\tbare = true\n';
function asBoolean(value) {
    const lower = value.toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(lower))
        return 'true';
    if (['false', 'no', 'off', '0'].includes(lower))
        return 'false';
    return undefined;
}
/**
 * Rewrites `worktrees/<id>/config.worktree` to its sparse keys (boolean values only), or removes
 * it when it has none. Written only when it changes, so a live job's worktree sees no gap.
 */
async function sanitizeWorktreeConfig(hostDir, id) {
    const relative = external_node_path_.join('worktrees', id, 'config.worktree');
    const file = external_node_path_.join(hostDir, relative);
    const stat = await external_node_fs_.promises.lstat(file).catch(() => undefined);
    if (!stat)
        return { dropped: [], keepsSparse: false };
    if (!stat.isFile()) {
        await external_node_fs_.promises.rm(file, { recursive: true, force: true });
        return { dropped: [relative], keepsSparse: false };
    }
    const kept = new Map();
    const dropped = [];
    for (const [key, value] of await configFileEntries(file)) {
        const normalized = asBoolean(value);
        if (SPARSE_KEYS.has(key) && normalized !== undefined)
            kept.set(key, normalized);
        else
            dropped.push(`${relative} ${key}`);
    }
    const text = ['core', 'index']
        .map(section => {
        const lines = [...kept]
            .filter(([key]) => key.startsWith(`${section}.`))
            .map(([key, value]) => `\t${key.slice(section.length + 1)} = ${value}\n`);
        return lines.length ? `[${section}]\n${lines.join('')}` : '';
    })
        .join('');
    if (!text)
        await external_node_fs_.promises.rm(file, { force: true });
    else if ((await external_node_fs_.promises.readFile(file, 'utf8')) !== text)
        await external_node_fs_.promises.writeFile(file, text);
    return { dropped, keepsSparse: kept.get('core.sparsecheckout') === 'true' };
}
/** True when the main worktree's config.worktree holds exactly what the layout puts there. */
async function isOwnMainWorktreeConfig(hostDir) {
    const stat = await external_node_fs_.promises.lstat(external_node_path_.join(hostDir, 'config.worktree')).catch(() => undefined);
    if (!stat?.isFile())
        return false;
    const entries = await configFileEntries(external_node_path_.join(hostDir, 'config.worktree'));
    return entries.length === 1 && entries[0][0] === 'core.bare' && entries[0][1] === 'true';
}
/** The shared config with the extension on: the template without `bare`, which moved. */
function withWorktreeConfig(template) {
    const moved = template.replace('\tbare = true\n', '');
    if (moved === template)
        throw new Error('the host clone template has no core.bare line');
    return `${moved}[extensions]\n\tworktreeConfig = true\n`;
}

;// CONCATENATED MODULE: ./src/lfs/host-setup.ts



/**
 * What `git lfs install --local` (and any `git lfs pull`) leaves in a repository's config, as
 * `git config --list` names it: an lfs job sets it up again after each rebuild of the host clone.
 */
const LFS_LOCAL_CONFIG = [
    ...LFS_FILTER_CONFIG.map(({ key, value }) => [key, value]),
    ['lfs.repositoryformatversion', '0']
];
const GIT_LFS_HOOK = /^#!\/bin\/sh\ncommand -v git-lfs >\/dev\/null 2>&1 \|\| \{ echo >&2 "[^"\n]*"; exit 2; \}\ngit lfs (pre-push|post-checkout|post-commit|post-merge) "\$@"\n?$/;
/**
 * The hooks in `hooksDir` (relative names, `hooks/<name>`) that are exactly git-lfs's own: a job
 * with lfs set them up, so removing them is routine, not a finding.
 */
async function gitLfsHooks(hooksDir) {
    const found = new Set();
    for (const name of await external_node_fs_.promises.readdir(hooksDir).catch(() => [])) {
        const file = external_node_path_.join(hooksDir, name);
        if (!(await external_node_fs_.promises.lstat(file)).isFile())
            continue;
        const match = GIT_LFS_HOOK.exec(await external_node_fs_.promises.readFile(file, 'utf8'));
        if (match?.[1] === name)
            found.add(`hooks/${name}`);
    }
    return found;
}

;// CONCATENATED MODULE: ./src/host/repository-url.ts
/**
 * One repository however it is spelled (the key of a submodule repository's host clone): the URL
 * with its scheme and host in lower case, without user info, query, trailing slashes or `.git`,
 * so that two superprojects that spell one repository a little differently share its host clone.
 */
function normalizedRepositoryUrl(url) {
    let key = url.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(key)) {
        try {
            const parsed = new URL(key);
            key = `${parsed.protocol.toLowerCase()}//${parsed.host.toLowerCase()}${parsed.pathname}`;
        }
        catch {
            // Not a URL the WHATWG parser reads: the text itself is the key.
        }
    }
    return key
        .replace(/\/+$/, '')
        .replace(/\.git$/i, '')
        .replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./src/host/trust.ts











/** What a job keeps in the host clone's config besides the template: its branches' upstreams. */
function upstreamOf(key, value) {
    const match = /^branch\.(.+)\.(remote|merge)$/.exec(key);
    if (!match || !isWellFormedRefName(`refs/heads/${match[1]}`))
        return undefined;
    const valid = match[2] === 'remote' ? value === 'origin' : value === `refs/heads/${match[1]}`;
    return valid ? match[1] : undefined;
}
/**
 * What jobs write into the shared config and the rebuild drops without naming it: origin's URL
 * as another superproject spells the same submodule repository, and what `git submodule init`
 * records in a task worktree (the config is common to the worktrees; each job's init writes it
 * again from its own .gitmodules).
 */
function isJobsOwn(key, value, originUrl) {
    if (key === 'remote.origin.url') {
        return normalizedRepositoryUrl(value) === normalizedRepositoryUrl(originUrl);
    }
    return /^submodule\..+\.(url|active)$/.test(key);
}
/**
 * The host clone's config, rebuilt: the template plus the upstream of each task branch, and
 * nothing else (no include, url.*.insteadOf, core.* program); `extensions.worktreeConfig` only
 * while a task worktree has sparse settings (see worktree-config.ts). Returns what was dropped.
 * Written as git writes it (through config.lock), so a concurrent git write fails rather than
 * being lost.
 */
async function rebuildConfig(dir, originUrl, worktreeConfig) {
    const file = external_node_path_.join(dir, 'config');
    const bareTemplate = gitConfigTemplate(originUrl, undefined, true);
    const template = worktreeConfig.keep ? withWorktreeConfig(bareTemplate) : bareTemplate;
    // git-lfs's own setup (an lfs job's) goes without being named: the next lfs job sets it up again.
    const expected = new Set([...templateEntries(originUrl, undefined, true), ...LFS_LOCAL_CONFIG].map(([key, value]) => `${key}=${value}`));
    if (worktreeConfig.keep || worktreeConfig.ownLayout)
        expected.add(`${WORKTREE_CONFIG_KEY}=true`);
    // Held from the read to the write, as git holds it: a job's concurrent `git config` fails
    // (and says so) rather than being lost.
    const lock = await takeConfigLock(file);
    let released = false;
    try {
        const branches = new Set();
        const dropped = new Set();
        for (const [key, value] of await configFileEntries(file)) {
            const branch = upstreamOf(key, value);
            if (branch)
                branches.add(branch);
            else if (!expected.has(`${key}=${value}`) && !isJobsOwn(key, value, originUrl)) {
                dropped.add(key);
            }
        }
        const text = template +
            [...branches]
                .map(b => `[branch ${quoteConfigValue(b)}]\n\tremote = origin\n\tmerge = refs/heads/${b}\n`)
                .join('');
        if ((await external_node_fs_.promises.readFile(file, 'utf8').catch(() => '')) !== text) {
            await external_node_fs_.promises.writeFile(lock, text);
            await external_node_fs_.promises.rename(lock, file);
            released = true;
        }
        return [...dropped];
    }
    finally {
        // Once renamed, the lock path may already be another git's.
        if (!released)
            await external_node_fs_.promises.rm(lock, { force: true });
    }
}
/** Takes `<file>.lock` as git does; a git writing at that moment is waited for briefly. */
async function takeConfigLock(file) {
    const lock = `${file}.lock`;
    for (let attempt = 1;; attempt++) {
        try {
            await external_node_fs_.promises.writeFile(lock, '', { flag: 'wx', mode: 0o644 });
            return lock;
        }
        catch (error) {
            if (error.code !== 'EEXIST' || attempt === 20)
                throw error;
            await new Promise(resolve => setTimeout(resolve, 100));
        }
    }
}
/** Removes `relative` (a file or a folder) when it is there; returns the names of its files. */
async function removeIfThere(dir, relative) {
    const target = external_node_path_.join(dir, relative);
    const stat = await external_node_fs_.promises.lstat(target).catch(() => undefined);
    if (!stat)
        return [];
    const names = stat.isDirectory() ? await filesUnder(dir, relative) : [relative];
    await external_node_fs_.promises.rm(target, { recursive: true, force: true });
    return names;
}
/** Names where git reads files of the repository; a link there leads git (and us) elsewhere. */
const READ_BY_GIT = [
    'HEAD',
    'config',
    'packed-refs',
    'refs',
    'objects',
    'hooks',
    'info',
    'worktrees'
];
/**
 * Why the host clone must be rebuilt rather than cleaned, or '': a symbolic link where git (and
 * the cleaning itself) would follow it out of cache-dir, or a `commondir`/`gitdir` that points
 * git at another repository. Read with lstat only; nothing is followed.
 */
async function unsafeStructure(dir) {
    if (!(await external_node_fs_.promises.lstat(dir)).isDirectory())
        return 'it is a symbolic link, not a folder';
    for (const name of [...READ_BY_GIT, 'commondir', 'gitdir']) {
        const stat = await external_node_fs_.promises.lstat(external_node_path_.join(dir, name)).catch(() => undefined);
        if (stat?.isSymbolicLink())
            return `its ${name} is a symbolic link`;
        if (stat && (name === 'commondir' || name === 'gitdir')) {
            return `it holds ${name}, which points git at another repository`;
        }
    }
    return '';
}
/**
 * Worktree records that are links, or that point git at another common directory, go; each
 * record's config.worktree keeps its sparse settings and nothing else.
 */
async function foreignWorktreeRecords(dir) {
    const removed = [];
    let keepsSparse = false;
    for (const id of await external_node_fs_.promises.readdir(external_node_path_.join(dir, 'worktrees')).catch(() => [])) {
        const record = external_node_path_.join(dir, 'worktrees', id);
        const stat = await external_node_fs_.promises.lstat(record);
        const commondir = stat.isDirectory()
            ? await external_node_fs_.promises.readFile(external_node_path_.join(record, 'commondir'), 'utf8').catch(() => '')
            : '';
        if (stat.isDirectory() && commondir.trim() === '../..') {
            const sanitized = await sanitizeWorktreeConfig(dir, id);
            removed.push(...sanitized.dropped);
            keepsSparse ||= sanitized.keepsSparse;
        }
        else {
            await external_node_fs_.promises.rm(record, { recursive: true, force: true });
            removed.push(`worktrees/${id}`);
        }
    }
    return { removed, keepsSparse };
}
/**
 * The main worktree's config.worktree: `core.bare` alone while the extension stays on (written
 * before the shared config drops `bare`), gone otherwise (after the shared config has it back).
 */
async function mainWorktreeConfig(dir, { keep, ownLayout }, rebuild) {
    if (!keep) {
        const dropped = await rebuild();
        const gone = await removeIfThere(dir, 'config.worktree');
        return [...(ownLayout ? [] : gone), ...dropped];
    }
    if (ownLayout)
        return rebuild();
    const planted = await removeIfThere(dir, 'config.worktree');
    await external_node_fs_.promises.writeFile(external_node_path_.join(dir, 'config.worktree'), MAIN_WORKTREE_CONFIG);
    return [...planted, ...(await rebuild())];
}
/**
 * The host clone lives in a shared directory that any job (or person) on the host can change:
 * before a job uses it, nothing in it may run code or change what git reads. Its config is
 * rebuilt; hooks, info/, worktree config, alternates and every ref other than a branch, origin's
 * branches and tags go. Returns what was removed, and says so in one warning.
 */
async function makeHostCloneTrustworthy(dir, originUrl) {
    const removed = [];
    const ownLayout = await isOwnMainWorktreeConfig(dir);
    const lfsHooks = await gitLfsHooks(external_node_path_.join(dir, 'hooks'));
    for (const relative of ['hooks', 'info', 'shallow', 'objects/info/alternates']) {
        removed.push(...(await removeIfThere(dir, relative)).filter(name => !lfsHooks.has(name)));
    }
    await external_node_fs_.promises.mkdir(external_node_path_.join(dir, 'hooks'), { recursive: true });
    const records = await foreignWorktreeRecords(dir);
    removed.push(...records.removed);
    const worktreeConfig = { keep: records.keepsSparse, ownLayout };
    removed.push(...(await mainWorktreeConfig(dir, worktreeConfig, () => rebuildConfig(dir, originUrl, worktreeConfig))));
    // Replace refs would make git read other files for a commit: only branches, origin's
    // branches, tags, notes and the stash (which change nothing that is checked out) stay.
    removed.push(...(await removeRefs(dir, ref => ['refs/heads/', 'refs/remotes/origin/', 'refs/tags/', 'refs/notes/', 'refs/stash'].some(prefix => ref.startsWith(prefix)))));
    if (removed.length > 0) {
        lib_core/* warning */.$e(`The host clone ${dir} carried ${removed.join(', ')}; removed before use.`, {
            title: 'Host clone sanitized'
        });
    }
    return removed;
}

;// CONCATENATED MODULE: ./src/host/host-clone.ts


















const COMPLETE_MARKER = 'clone-cache-complete';
/** Left by a job that found an object not matching its id: the next refresh rebuilds the clone. */
const REFUSED_MARKER = 'clone-cache-refused';
const GC_STAMP = 'clone-cache-gc-stamp';
const GC_INTERVAL_MS = 60 * 60 * 1000;
function hostClonePaths(cacheDir, repoName, originUrl) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(originUrl).digest('hex').slice(0, 8);
    const scope = `${repoName}-${hash}`;
    return {
        cacheDir,
        scope,
        dir: external_node_path_.join(cacheDir, scope),
        lock: external_node_path_.join(cacheDir, `${scope}.lock`)
    };
}
/** One pass over the refs: cheap health checks (marker, readable refs, tip objects) and the tips. */
async function inspect(hostClone) {
    const tips = new Map();
    if (!(await exists(external_node_path_.join(hostClone.dir, COMPLETE_MARKER)))) {
        return { broken: 'its first clone never finished', tips };
    }
    const refused = await external_node_fs_.promises
        .readFile(external_node_path_.join(hostClone.dir, REFUSED_MARKER), 'utf8')
        .catch(() => undefined);
    if (refused !== undefined)
        return { broken: refused.trim(), tips };
    let refs;
    try {
        refs = await hostClone.refTips();
    }
    catch (error) {
        if (!(error instanceof GitError))
            throw error;
        return { broken: `its refs cannot be read: ${error.result.stderr.trim()}`, tips };
    }
    const [missing] = await hostClone.missingObjects(refs.map(tip => tip.object));
    if (missing)
        return { broken: `the object ${missing} a ref points to is missing`, tips };
    for (const { object, ref } of refs) {
        if (ref.startsWith('refs/remotes/origin/') || ref.startsWith('refs/tags/'))
            tips.set(ref, object);
    }
    return { broken: '', tips };
}
/**
 * What a rebuilt clone keeps of the old one: local task branches (with whatever of their commits
 * can still be read) and the registrations of worktrees that jobs are using.
 */
async function carryOver(oldDir, staging) {
    await fetchLocalBranchesFrom(staging, oldDir).catch(error => {
        if (!(error instanceof GitError))
            throw error;
        lib_core/* warning */.$e(`Local branches of the broken host clone could not be carried over: ${error.result.stderr.trim()}`);
    });
    const worktrees = external_node_path_.join(oldDir, 'worktrees');
    if (await exists(worktrees)) {
        await external_node_fs_.promises.rename(worktrees, external_node_path_.join(staging.dir, 'worktrees')).catch(() => undefined);
    }
}
/** Clones origin into a sibling folder and swaps it into place, so no reader sees half a clone. */
async function build(paths, originUrl, hostClone, transfer, carry = true) {
    const staging = hostClone.at(external_node_path_.join(paths.cacheDir, `.${paths.scope}.tmp-${(0,external_node_crypto_.randomUUID)()}`));
    try {
        await initBareRepository(staging);
        await external_node_fs_.promises.writeFile(external_node_path_.join(staging.dir, 'config'), gitConfigTemplate(originUrl, undefined, true));
        await fetchOrigin(staging, originUrl, { ...transfer, prune: true });
        const hadOld = await exists(paths.dir);
        if (hadOld && carry)
            await carryOver(paths.dir, staging);
        await external_node_fs_.promises.writeFile(external_node_path_.join(staging.dir, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
        await markFetched(staging.dir);
        const old = external_node_path_.join(paths.cacheDir, `.${paths.scope}.old-${(0,external_node_crypto_.randomUUID)()}`);
        if (hadOld)
            await external_node_fs_.promises.rename(paths.dir, old);
        await external_node_fs_.promises.rename(staging.dir, paths.dir);
        if (hadOld)
            await external_node_fs_.promises.rm(old, { recursive: true, force: true });
    }
    finally {
        await external_node_fs_.promises.rm(staging.dir, { recursive: true, force: true });
    }
}
/** gc --auto at most once an hour: it is a no-op most of the time but still reads the object store. */
async function maintain(hostClone) {
    const stamp = external_node_path_.join(hostClone.dir, GC_STAMP);
    const last = await external_node_fs_.promises.stat(stamp).catch(() => undefined);
    if (last && Date.now() - last.mtimeMs < GC_INTERVAL_MS)
        return;
    await external_node_fs_.promises.writeFile(stamp, `${new Date().toISOString()}\n`);
    await collectGarbageIfDue(hostClone);
}
/** git's words for a damaged object store (not for a network or server problem). */
const CORRUPTION = /missing (blob|tree|commit|object)|bad object|is corrupt|corrupt (loose|pack)|did not send all necessary objects|unable to read (tree|commit|[0-9a-f]{40})/i;
/**
 * What git said, when a failure shows a damaged object store; undefined for any other failure.
 * A failed fetch keeps git's failure as its cause: git's stderr is read from there.
 */
function corruptionReported(error) {
    const detail = gitStderrOf(error) ?? (0,errors/* errorMessage */.gJ)(error);
    return CORRUPTION.test(detail) ? detail.trim() : undefined;
}
/**
 * The first part of a refresh: removes what killed jobs left, makes the clone trustworthy, and
 * makes (or rebuilds) a clone that is missing or broken. Call only under the host clone's lock.
 */
async function prepareHostClone(paths, originUrl, hostClone, transfer) {
    await external_node_fs_.promises.mkdir(paths.cacheDir, { recursive: true });
    await removeLeftovers(paths.cacheDir, paths.scope);
    // Before any git command runs in it (or anything is removed from it).
    const unsafe = (await exists(paths.dir)) ? await unsafeStructure(paths.dir) : '';
    if (!unsafe && (await exists(paths.dir))) {
        await removeStaleGitLocks(paths.dir);
        await makeHostCloneTrustworthy(paths.dir, originUrl);
    }
    const inspection = unsafe
        ? { broken: unsafe, tips: new Map() }
        : (await exists(paths.dir))
            ? await inspect(hostClone)
            : { broken: 'none', tips: new Map() };
    const broken = inspection.broken;
    if (broken === '')
        return { created: false, tipsBefore: inspection.tips };
    if (broken !== 'none') {
        lib_core/* warning */.$e(`The host clone ${paths.dir} is broken (${broken}); rebuilding it.`, {
            title: 'Host clone rebuilt'
        });
    }
    // What a tampered clone holds is not carried into the new one.
    await build(paths, originUrl, hostClone, transfer, !unsafe);
    return { created: true, tipsBefore: new Map() };
}
/**
 * Fetches origin into a prepared host clone. A fetch that reports a damaged object store rebuilds
 * the clone (returns true) once `beforeRebuild` has ended whatever else uses the clone; any other
 * failure is thrown. Call only under the host clone's lock.
 */
async function fetchIntoHostClone(paths, originUrl, hostClone, transfer, beforeRebuild = async () => undefined) {
    try {
        await fetchOrigin(hostClone, originUrl, { ...transfer, prune: true });
        await markFetched(hostClone.dir);
        return { rebuilt: false };
    }
    catch (error) {
        const corruption = corruptionReported(error);
        if (corruption === undefined)
            throw error;
        await beforeRebuild();
        lib_core/* warning */.$e(`Fetching into the host clone ${paths.dir} failed (${corruption}); rebuilding it.`, {
            title: 'Host clone rebuilt'
        });
        await build(paths, originUrl, hostClone, transfer);
        return { rebuilt: true };
    }
}
/** The last part of a refresh: origin's HEAD, and gc when it is due. */
async function finishRefresh(hostClone, defaultBranch) {
    if (defaultBranch)
        await setOriginHead(hostClone, defaultBranch);
    await maintain(hostClone);
}
/**
 * Makes the host clone exist and match origin. Call only under the host clone's lock. A clone
 * that is missing is made; one that is broken is rebuilt with a warning; a healthy one is fetched.
 * `hostClone` is the handle at `paths.dir`, with origin's auth. `transfer` is how it fetches:
 * shared by jobs with other inputs, it always fetches every tag and the whole history.
 */
async function refreshHostClone(paths, originUrl, hostClone, { progress } = {}) {
    const transfer = { progress };
    const { created: made, tipsBefore } = await prepareHostClone(paths, originUrl, hostClone, transfer);
    let created = made;
    let asked;
    if (!created) {
        // Origin's default branch is asked for alongside the fetch: two round trips at once.
        asked = remoteDefaultBranch(hostClone, originUrl);
        asked.catch(() => undefined); // awaited below, unless the clone is rebuilt first
        if ((await fetchIntoHostClone(paths, originUrl, hostClone, transfer)).rebuilt) {
            created = true;
            asked = undefined;
        }
    }
    const defaultBranch = await (asked ?? remoteDefaultBranch(hostClone, originUrl));
    await finishRefresh(hostClone, defaultBranch);
    return { created, tipsBefore, defaultBranch };
}
/**
 * Has the next refresh rebuild the host clone, which held an object that is not what its id says.
 * No lock is needed: the refresh reads the marker under the lock, and a rebuild drops it.
 */
async function markForRebuild(paths, why) {
    await external_node_fs_.promises.writeFile(external_node_path_.join(paths.dir, REFUSED_MARKER), `${why.reason}\n`).catch(error => {
        lib_core/* warning */.$e(`Could not mark the host clone ${paths.dir} for a rebuild (${(0,errors/* errorMessage */.gJ)(error)}); it still holds ${why.reason}.`, { title: 'Host clone not marked' });
    });
}
/** Runs `work` holding the lock of the host clone at `dir` (its lock folder is `lockPath`). */
function withHostCloneLock(lockPath, dir, work) {
    return withLock(lockPath, `the host clone ${dir}`, hostLockOptions(), work);
}

;// CONCATENATED MODULE: ./src/git/pack.ts

/** `git pack-objects --stdout` of `input` (ids, or revisions with `--revs`), streamed out. */
async function packObjectsToStream(repo, args, input, onChunk) {
    await exec_streamGit(repo.dir, ['pack-objects', '--stdout', '--quiet', '--delta-base-offset', ...args], input, onChunk);
}
/** `git index-pack` of a pack file: writes its index beside it and returns the pack's hash. */
async function indexPack(packDir, packFile) {
    return gitOutput(packDir, ['index-pack', packFile]);
}
/** The blob ids of `commit`'s whole tree, each once. */
async function blobsOfCommit(repo, commit) {
    const listed = await gitOutput(repo.dir, ['ls-tree', '-r', '--full-tree', commit]);
    const blobs = new Set();
    for (const line of listed.split('\n')) {
        const [, type, id] = line.slice(0, line.indexOf('\t')).split(' ');
        if (type === 'blob' && id)
            blobs.add(id);
    }
    return blobs;
}

;// CONCATENATED MODULE: ./src/cache/blobless-snapshot.ts



/**
 * Writes one pack of `input` (object ids, or with `--revs` revisions) into `packDir`, marked as
 * promised. git 2.39 filters only to stdout: the pack streams into a file that index-pack names.
 */
async function writePromisorPack(clone, packDir, args, input) {
    const temporary = external_node_path_.join(packDir, `tmp-${process.pid}-${Date.now()}.pack`);
    const file = (0,external_node_fs_.createWriteStream)(temporary);
    const closed = new Promise((resolve, reject) => {
        file.on('close', resolve);
        file.on('error', reject);
    });
    try {
        await packObjectsToStream(clone, args, input, chunk => file.write(chunk));
    }
    finally {
        file.end();
        await closed;
    }
    const hash = await indexPack(packDir, temporary);
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(hash)) {
        throw new Error(`git index-pack named no pack (${hash.slice(0, 80)})`);
    }
    const named = external_node_path_.join(packDir, `pack-${hash}`);
    await external_node_fs_.promises.rename(temporary, `${named}.pack`);
    await external_node_fs_.promises.rename(temporary.replace(/\.pack$/, '.idx'), `${named}.idx`);
    // Every object came from origin: the mark lets git ask origin for what these packs lack.
    await external_node_fs_.promises.writeFile(`${named}.promisor`, '');
}
/**
 * The objects of a blobless entry, whatever the clone holds (a seeded full entry, blobs that later
 * steps fetched): one pack of every commit, tree and tag reachable from the tips, and one of the
 * blobs of `commit`, the synced commit, each with its empty `.promisor` mark.
 */
async function packBloblessObjects(clone, commit, tips, objectsDir) {
    const packDir = external_node_path_.join(objectsDir, 'pack');
    await external_node_fs_.promises.mkdir(packDir, { recursive: true });
    const revisions = [...new Set([commit, ...tips])].join('\n') + '\n';
    await writePromisorPack(clone, packDir, ['--revs', '--filter=blob:none'], revisions);
    const blobs = await blobsOfCommit(clone, commit);
    if (blobs.size > 0)
        await writePromisorPack(clone, packDir, [], [...blobs].join('\n') + '\n');
}

;// CONCATENATED MODULE: ./src/seed/entry-refs.ts



/**
 * The refs an entry may keep: origin's branches and tags, which the action's snapshot saves. A
 * local branch (`refs/heads/*`) would be attached by a task worktree as if a job had made it, and
 * other refs (`refs/replace/*` above all) change what git reads.
 */
const ENTRY_REF_PREFIXES = ['refs/remotes/origin/', 'refs/tags/'];
const keptRef = (ref) => ENTRY_REF_PREFIXES.some(prefix => ref.startsWith(prefix));
function badRef(ref, why) {
    return new Error(`the cached clone has a bad ref: ${JSON.stringify(ref)} ${why}`);
}
async function looseRefs(gitDir, relative, into) {
    const entries = await external_node_fs_.promises.readdir(external_node_path_.join(gitDir, relative), { withFileTypes: true });
    for (const entry of entries) {
        const ref = `${relative}/${entry.name}`;
        if (entry.isDirectory()) {
            await looseRefs(gitDir, ref, into);
            continue;
        }
        if (!keptRef(ref)) {
            await external_node_fs_.promises.rm(external_node_path_.join(gitDir, ref), { force: true });
            into.dropped.push(ref);
            continue;
        }
        if (!isWellFormedRefName(ref))
            throw badRef(ref, 'is not a valid ref name');
        const content = await external_node_fs_.promises.readFile(external_node_path_.join(gitDir, ref), 'utf8');
        const object = content.replace(/\n$/, '');
        if (OBJECT_ID.test(object))
            into.tips.push({ ref, object });
        else if (content.startsWith('ref: ')) {
            // A symbolic ref (origin/HEAD): the fetch sets it again.
            await external_node_fs_.promises.rm(external_node_path_.join(gitDir, ref), { force: true });
        }
        else
            throw badRef(ref, content ? 'holds no object id' : 'is empty');
    }
}
/** Reads packed-refs, keeps origin's branches and tags, and refuses any line git would not write. */
async function packedRefs(gitDir, into) {
    const file = external_node_path_.join(gitDir, 'packed-refs');
    const text = await external_node_fs_.promises.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined)
        return;
    const kept = [];
    let keptLast = false;
    for (const [index, line] of text.split('\n').entries()) {
        if (!line || (index === 0 && line.startsWith('# pack-refs with:'))) {
            if (line)
                kept.push(line);
            continue;
        }
        if (line.startsWith('^')) {
            if (!OBJECT_ID.test(line.slice(1)))
                throw badRef(line, 'is not a peeled object id');
            if (keptLast)
                kept.push(line);
            continue;
        }
        const [object, ref, ...rest] = line.split(' ');
        if (!ref || rest.length > 0 || !OBJECT_ID.test(object))
            throw badRef(line, 'is not a ref line');
        if (!isWellFormedRefName(ref))
            throw badRef(ref, 'is not a valid ref name');
        keptLast = keptRef(ref);
        if (keptLast) {
            kept.push(line);
            into.tips.push({ ref, object });
        }
        else
            into.dropped.push(ref);
    }
    await external_node_fs_.promises.writeFile(file, kept.map(line => `${line}\n`).join(''));
}
/**
 * Keeps only origin's branches and tags, each with a valid name and an object id; refuses the
 * entry (throws) on a ref git would not have written. Whether the objects exist is for the caller
 * to ask git, once the entry is in place.
 */
async function checkEntryRefs(gitDir) {
    const found = { dropped: [], tips: [] };
    await looseRefs(gitDir, 'refs', found);
    await packedRefs(gitDir, found);
    // The snapshot writes a commit id; a symbolic HEAD must at least name a ref.
    const head = (await external_node_fs_.promises.readFile(external_node_path_.join(gitDir, 'HEAD'), 'utf8')).replace(/\n$/, '');
    const symbolic = /^ref: (.*)$/.exec(head)?.[1];
    if (!OBJECT_ID.test(head) && !(symbolic && isWellFormedRefName(symbolic))) {
        throw badRef('HEAD', 'names neither a commit id nor a ref');
    }
    return found;
}

;// CONCATENATED MODULE: ./src/seed/entry-shape.ts



/**
 * What a cache entry's git directory may hold: exactly the shapes the action's own snapshot
 * writes (`HEAD`, `config`, `packed-refs`, refs, loose objects, packs with their indexes and, in a
 * blobless entry, the empty `.promisor` mark beside a pack, LFS objects, and `modules/`, whose
 * submodule git directories are held to the same rules one by one), so a planted file is dropped
 * whatever its name. The snapshot builds entries with the same rules. (LFS objects are hashed
 * before use: see lfs/verify.)
 */
const KEPT_FILE = /^(HEAD|config|packed-refs|refs\/.+|objects\/[0-9a-f]{2}\/[0-9a-f]{38}(?:[0-9a-f]{24})?|objects\/pack\/pack-[0-9a-f]{40}(?:[0-9a-f]{24})?\.(?:pack|idx|promisor)|lfs\/objects\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64})$/;
const KEPT_DIR = /^(refs(\/.+)?|objects|objects\/[0-9a-f]{2}|objects\/pack|objects\/info|objects\/info\/commit-graphs|lfs|lfs\/objects|lfs\/objects\/[0-9a-f]{2}|lfs\/objects\/[0-9a-f]{2}\/[0-9a-f]{2})$/;
/** Files git derives from the packs and makes again when it wants them: dropped without a word. */
const DERIVED_FILE = /^objects\/(pack\/pack-[0-9a-f]+\.(rev|bitmap|mtimes|keep)|pack\/multi-pack-index.*|info\/(packs|commit-graph|commit-graphs\/[^/]+))$/;
function isKeptObjectFile(relative) {
    return relative.startsWith('objects/') && KEPT_FILE.test(relative);
}
/** The largest size a small file can have, by kind. */
const SIZE_LIMITS = [
    [/^HEAD$/, 1024],
    [/^config$/, 64 * 1024],
    [/^refs\//, 1024],
    // git reads only that the mark exists; the snapshot writes it empty.
    [/\.promisor$/, 0]
];
/** An archive unpacks to at most this many times its size (git's data is compressed already). */
const MAX_EXPANSION = 4;
const EXPANSION_SLACK = 16 * 1024 * 1024;
/** The most bytes an entry's git directory (its submodules' included) unpacks to. */
function entryByteBound(archiveBytes) {
    return archiveBytes * MAX_EXPANSION + EXPANSION_SLACK;
}
async function walk(gitDir, relative, found) {
    for (const entry of await external_node_fs_.promises.readdir(external_node_path_.join(gitDir, relative), { withFileTypes: true })) {
        const name = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            // Submodule git directories: each is sanitized as a git directory of its own.
            if (name === 'modules')
                continue;
            if (KEPT_DIR.test(name))
                await walk(gitDir, name, found);
            else {
                // Named file by file (an empty folder says nothing), removed as a whole.
                found.dropped.push(...(await filesUnder(gitDir, name)));
                found.removals.push(name);
            }
        }
        else if (DERIVED_FILE.test(name) && entry.isFile()) {
            found.derived.push(name);
        }
        else if (!entry.isFile()) {
            throw new Error(`the cached clone holds ${name}, which is not a plain file`);
        }
        else if (name === 'shallow') {
            throw new Error('the cached clone is shallow, which this action never saves');
        }
        else if (KEPT_FILE.test(name)) {
            found.files.push({ name, size: (await external_node_fs_.promises.lstat(external_node_path_.join(gitDir, name))).size });
        }
        else {
            found.dropped.push(name);
        }
    }
}
function checkSizes(files, archiveBytes) {
    for (const { name, size } of files) {
        const limit = SIZE_LIMITS.find(([pattern]) => pattern.test(name))?.[1];
        if (limit !== undefined && size > limit) {
            throw new Error(`the cached clone's ${name} is ${size} bytes, more than such a file holds`);
        }
    }
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (archiveBytes !== undefined && total > entryByteBound(archiveBytes)) {
        throw new Error(`the cached clone unpacks to ${total} bytes from a ${archiveBytes}-byte archive, more than a clone can`);
    }
}
/** A pack is usable only with its index, an index only with its pack; a promisor mark needs both. */
function unpairedPackFiles(files) {
    const names = new Set(files.map(file => file.name));
    const partners = (name) => {
        const base = name.replace(/\.(pack|idx|promisor)$/, '');
        if (name.endsWith('.pack'))
            return [`${base}.idx`];
        return [`${base}.pack`, ...(name.endsWith('.promisor') ? [`${base}.idx`] : [])];
    };
    return [...names].filter(name => /^objects\/pack\//.test(name) && partners(name).some(partner => !names.has(partner)));
}
/** True when the git directory is blobless: one of its packs carries the promisor mark. */
async function isBloblessEntry(gitDir) {
    const packs = await external_node_fs_.promises.readdir(external_node_path_.join(gitDir, 'objects', 'pack')).catch(() => []);
    return packs.some(name => name.endsWith('.promisor'));
}
/**
 * Brings a restored git directory to the snapshot's shape: removes everything the action never
 * saves and returns its names; throws when the entry cannot be a snapshot at all (a symlink or a
 * special file, a shallow clone, a file larger than its kind, more bytes than the archive can hold).
 */
async function enforceEntryShape(gitDir, archiveBytes) {
    for (const [required, directory] of [
        ['objects', true],
        ['refs', true],
        ['HEAD', false]
    ]) {
        const stat = await external_node_fs_.promises.lstat(external_node_path_.join(gitDir, required)).catch(() => undefined);
        if (!stat || stat.isDirectory() !== directory || stat.isSymbolicLink()) {
            throw new Error(`the cached clone has no ${required} ${directory ? 'directory' : 'file'}`);
        }
    }
    const found = { files: [], dropped: [], derived: [], removals: [] };
    await walk(gitDir, '', found);
    checkSizes(found.files, archiveBytes);
    const dropped = [...found.dropped, ...unpairedPackFiles(found.files)];
    for (const name of [...dropped, ...found.derived, ...found.removals]) {
        await external_node_fs_.promises.rm(external_node_path_.join(gitDir, name), { recursive: true, force: true });
    }
    return dropped;
}

;// CONCATENATED MODULE: ./src/lfs/objects.ts


/** The folder of a repository's LFS store, under its common git directory (worktrees share it). */
function lfsStoreDir(commonGitDir) {
    return external_node_path_.join(commonGitDir, 'lfs', 'objects');
}
/** Where git-lfs keeps the object `oid`: `lfs/objects/<2>/<2>/<oid>`. */
function lfsObjectPath(commonGitDir, oid) {
    return external_node_path_.join(lfsStoreDir(commonGitDir), oid.slice(0, 2), oid.slice(2, 4), oid);
}
const LISTED = /^([0-9a-f]{64}) [*-] /;
/** The oids of the LFS objects `commit` needs (its pointer files), each once. */
async function lfsObjectsOf(repo, commit) {
    const listed = await lfsFilesOf(repo, commit);
    const oids = listed.split('\n').flatMap(line => LISTED.exec(line)?.[1] ?? []);
    return [...new Set(oids)];
}

;// CONCATENATED MODULE: ./src/seed/module-dirs.ts


/** Submodule names are folder paths under `modules/`; git itself refuses far shallower ones. */
const MAX_NAME_DEPTH = 16;
async function search(root, relative, depth, found) {
    if (depth > MAX_NAME_DEPTH) {
        throw new Error(`the cached clone's modules/${relative} is nested too deep`);
    }
    const entries = await external_node_fs_.promises.readdir(external_node_path_.join(root, relative), { withFileTypes: true });
    // A folder with a HEAD file is a submodule's git directory; others are parts of a name.
    if (relative && entries.some(entry => entry.name === 'HEAD')) {
        found.dirs.push(relative);
        return;
    }
    for (const entry of entries) {
        const name = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory())
            await search(root, name, depth + 1, found);
        else if (entry.isFile())
            found.strays.push(`modules/${name}`);
        else
            throw new Error(`the cached clone holds modules/${name}, which is not a plain file`);
    }
}
/**
 * Finds the submodule git directories of `gitDir` (`modules/<name>`, names may hold slashes),
 * without following a symbolic link: one anywhere on the way refuses the entry, as in the main
 * git directory. A git directory's own `modules/` is its business (searched when it is sanitized).
 */
async function findModuleDirs(gitDir) {
    const found = { dirs: [], strays: [] };
    const root = external_node_path_.join(gitDir, 'modules');
    const stat = await external_node_fs_.promises.lstat(root).catch(() => undefined);
    if (!stat)
        return found;
    if (!stat.isDirectory()) {
        throw new Error('the cached clone holds modules, which is not a plain directory');
    }
    await search(root, '', 0, found);
    return found;
}
/** The bytes of every file under `dir` (no symbolic link is left there once sanitized). */
async function bytesUnder(dir) {
    let total = 0;
    for (const entry of await external_node_fs_.promises.readdir(dir, { withFileTypes: true })) {
        const full = external_node_path_.join(dir, entry.name);
        if (entry.isDirectory())
            total += await bytesUnder(full);
        else
            total += (await external_node_fs_.promises.lstat(full)).size;
    }
    return total;
}

;// CONCATENATED MODULE: ./src/cache/module-snapshot.ts






/**
 * Adds each submodule repository of `gitDir` (and theirs) to the snapshot as `modules/<name>`, at
 * the commit it has checked out, with the template config and no URL: the job that restores it
 * sets the URL from its own .gitmodules. One that cannot be saved (shallow, never checked out)
 * is left out with an info line; that job clones it.
 */
async function snapshotModules(gitDir, snapshotDir, snapshotOne) {
    for (const name of (await findModuleDirs(gitDir)).dirs) {
        const moduleDir = external_node_path_.join(gitDir, 'modules', name);
        const target = external_node_path_.join(snapshotDir, 'modules', name);
        const repo = new Repository(moduleDir);
        try {
            const commit = await repo.resolveCommit('HEAD');
            if (!commit)
                throw new Error('it has no commit checked out');
            await snapshotOne(repo, moduleDir, commit, target, '');
            await snapshotModules(moduleDir, target, snapshotOne);
        }
        catch (error) {
            await external_node_fs_.promises.rm(target, { recursive: true, force: true });
            lib_core/* info */.pq(`Submodule repository ${name} is not saved: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/cache/snapshot.ts









/** A hard link of `from` at `to`; across file systems a reflink where it can, else a copy. */
async function linkFile(from, to) {
    await external_node_fs_.promises.link(from, to).catch(async (error) => {
        if (error.code !== 'EXDEV' && error.code !== 'EPERM')
            throw error;
        await external_node_fs_.promises.copyFile(from, to, external_node_fs_.constants.COPYFILE_FICLONE);
    });
}
/**
 * Hard-links the object files of `objects/` that an entry may hold (loose objects, packs and their
 * indexes: see entry-shape) into `destination`; copies across file systems. git's temporary
 * files, derived files (reverse indexes, bitmaps, commit graphs) and anything else stay out.
 */
async function linkObjects(source, destination, relative = 'objects') {
    await external_node_fs_.promises.mkdir(destination, { recursive: true });
    for (const entry of await external_node_fs_.promises.readdir(source, { withFileTypes: true })) {
        const from = external_node_path_.join(source, entry.name);
        const to = external_node_path_.join(destination, entry.name);
        const name = `${relative}/${entry.name}`;
        if (entry.isDirectory()) {
            await linkObjects(from, to, name);
        }
        else if (entry.isFile() && isKeptObjectFile(name)) {
            await linkFile(from, to);
        }
    }
}
/** Links the LFS objects `oids` that the clone's store holds into the snapshot's store. */
async function linkLfsObjects(gitDir, snapshotDir, oids) {
    for (const oid of oids) {
        const from = lfsObjectPath(gitDir, oid);
        if (!(await external_node_fs_.promises.lstat(from).catch(() => undefined))?.isFile())
            continue;
        const to = lfsObjectPath(snapshotDir, oid);
        await external_node_fs_.promises.mkdir(external_node_path_.dirname(to), { recursive: true });
        await linkFile(from, to);
    }
}
/**
 * Builds the `.git` that goes into a cache entry: the clone's objects (hard links, no bytes
 * copied), origin's branches and tags as packed refs, HEAD detached at the synced commit, the
 * template config, and the LFS objects `lfsOids` (those of the synced commit, when the job uses
 * LFS). No credentials, hooks, index, logs or working tree: nothing but history. With a `filter`
 * (blob:none) the objects are repacked instead: commits, trees and the synced commit's blobs
 * (see blobless-snapshot). Each submodule repository under `modules/` goes in whole, at the
 * commit it has checked out.
 */
async function buildSnapshot(clonePath, commit, snapshotDir, originUrl, { lfsOids = [], filter = '' } = {}) {
    const clone = new Repository(clonePath);
    const gitDir = await clone.absoluteGitDir();
    await snapshotGitDir(clone, gitDir, commit, snapshotDir, originUrl, { lfsOids, filter });
    await snapshotModules(gitDir, snapshotDir, snapshotGitDir);
}
/** One git directory's snapshot (the clone's, or a submodule repository's). */
async function snapshotGitDir(clone, gitDir, commit, snapshotDir, originUrl, { lfsOids = [], filter = '' } = {}) {
    const objects = external_node_path_.join(gitDir, 'objects');
    if (await external_node_fs_.promises.lstat(external_node_path_.join(objects, 'info', 'alternates')).catch(() => undefined)) {
        throw new Error('the clone borrows objects through objects/info/alternates; not saving it');
    }
    if (await external_node_fs_.promises.lstat(external_node_path_.join(gitDir, 'shallow')).catch(() => undefined)) {
        throw new Error('the clone is shallow (an entry holds whole history); not saving it');
    }
    if (!(await clone.resolveCommit(commit)))
        throw new Error(`commit ${commit} is no longer in the clone`);
    await external_node_fs_.promises.rm(snapshotDir, { recursive: true, force: true });
    await external_node_fs_.promises.mkdir(external_node_path_.join(snapshotDir, 'refs', 'heads'), { recursive: true });
    await external_node_fs_.promises.mkdir(external_node_path_.join(snapshotDir, 'refs', 'tags'), { recursive: true });
    const tips = (await clone.refTips(...ENTRY_REF_PREFIXES))
        .filter(tip => tip.ref !== 'refs/remotes/origin/HEAD')
        .sort((a, b) => (a.ref < b.ref ? -1 : 1));
    if (filter) {
        const ids = tips.map(tip => tip.object);
        await packBloblessObjects(clone, commit, ids, external_node_path_.join(snapshotDir, 'objects'));
    }
    else {
        if (await isBloblessEntry(gitDir)) {
            throw new Error('the clone is blobless (it lacks blobs); not saving it as a full entry');
        }
        await linkObjects(objects, external_node_path_.join(snapshotDir, 'objects'));
    }
    await linkLfsObjects(gitDir, snapshotDir, lfsOids);
    const packed = tips.map(tip => `${tip.object} ${tip.ref}`);
    await external_node_fs_.promises.writeFile(external_node_path_.join(snapshotDir, 'packed-refs'), packed.map(l => `${l}\n`).join(''));
    await external_node_fs_.promises.writeFile(external_node_path_.join(snapshotDir, 'HEAD'), `${commit}\n`);
    await external_node_fs_.promises.writeFile(external_node_path_.join(snapshotDir, 'config'), gitConfigTemplate(originUrl));
    const check = await clone.at(snapshotDir).resolveCommit('HEAD');
    if (check !== commit)
        throw new Error('the snapshot does not resolve HEAD; not saving it');
}

;// CONCATENATED MODULE: ./src/cache/host-dir.ts





/**
 * The self-hosted backend: the clone cache is a persistent clone in `cache-dir`, refreshed under
 * its lock by every job. "Restoring" links its objects into the staging folder (hard links, a
 * reflink or plain copy across file systems), so the seeded `path` owns its objects and stays
 * valid whatever later happens to the host clone (no alternates that could dangle).
 */
class HostDirBackend {
    paths;
    workspace;
    originUrl;
    showProgress;
    source = 'host-dir';
    stagingDir;
    hostClone;
    /** `clone` is any handle that carries origin's auth: the backend works at `paths.dir`. */
    constructor(paths, workspace, originUrl, clone, showProgress = true) {
        this.paths = paths;
        this.workspace = workspace;
        this.originUrl = originUrl;
        this.showProgress = showProgress;
        this.stagingDir = external_node_path_.join(workspace, STAGING_RELATIVE);
        this.hostClone = clone.at(paths.dir);
    }
    async available() {
        return true;
    }
    async cleanStaging() {
        await external_node_fs_.promises.rm(external_node_path_.join(this.workspace, STAGING_ROOT), { recursive: true, force: true });
    }
    async restore() {
        await this.cleanStaging();
        return withHostCloneLock(this.paths.lock, this.paths.dir, async () => {
            const refresh = await refreshHostClone(this.paths, this.originUrl, this.hostClone, {
                progress: this.showProgress
            });
            const headRef = refresh.defaultBranch
                ? `refs/remotes/origin/${refresh.defaultBranch}`
                : 'HEAD';
            // HEAD of the seed is where the host clone was before this refresh, so stale-commits counts
            // what the refresh brought.
            const before = refresh.tipsBefore.get(headRef);
            const commit = (before && (await this.hostClone.resolveCommit(before))) ||
                (await this.hostClone.resolveCommit(headRef));
            await buildSnapshot(this.paths.dir, commit, this.stagingDir, this.originUrl);
            return {
                matchedKey: refresh.created ? '' : `host-dir:${this.paths.scope}`,
                gitDir: this.stagingDir
            };
        });
    }
}

;// CONCATENATED MODULE: ./src/seed/marker.ts


/**
 * A clone the action made (seeded or cloned) carries this file in its `.git`. Only such a clone
 * is reset and cleaned by later runs; a clone the user made is never cleaned.
 */
const MARKER = 'clone-cache-action';
async function markAsActionClone(gitDir) {
    await external_node_fs_.promises.writeFile(external_node_path_.join(gitDir, MARKER), `made by the clone cache action\n`);
}
async function isActionClone(gitDir) {
    const stat = await external_node_fs_.promises.lstat(external_node_path_.join(gitDir, MARKER)).catch(() => undefined);
    return stat?.isFile() ?? false;
}

;// CONCATENATED MODULE: ./src/clone/init-clone.ts





/**
 * Starts a full clone: an empty repository with the template config, no hooks, marked as the
 * action's. The fetch that follows is the same as for a seeded clone, so both end identically.
 * With a `filter`, origin is the promisor remote of a partial clone.
 */
async function initClone(clonePath, originUrl, filter = '') {
    await external_node_fs_.promises.mkdir(clonePath, { recursive: true });
    await initRepository(new Repository(clonePath));
    const gitDir = external_node_path_.join(clonePath, '.git');
    await external_node_fs_.promises.writeFile(external_node_path_.join(gitDir, 'config'), gitConfigTemplate(originUrl, undefined, false, filter));
    await markAsActionClone(gitDir);
    return gitDir;
}

;// CONCATENATED MODULE: ./src/git/dangerous-config.ts

/** Config keys that make git run a program or read other files. */
const DANGEROUS_KEY = /^(include\.|includeif\.|credential\.|core\.(hookspath|fsmonitor|sshcommand|pager|editor|askpass|gitproxy|attributesfile|worktree)$|filter\.|diff\.[^.]+\.(textconv|command)$|merge\.[^.]+\.driver$|sequence\.editor$|uploadpack\.|remote\.[^.]+\.(uploadpack|receivepack|vcs)$|protocol\.)/i;
/** The dangerous keys a config file sets, read without following its includes (nothing runs). */
async function dangerousConfigKeys(configFile) {
    const keys = await configFileKeys(configFile);
    return [...new Set(keys.filter(key => DANGEROUS_KEY.test(key)))];
}

;// CONCATENATED MODULE: ./src/seed/sanitize.ts








async function readFormat(configPath) {
    const stat = await external_node_fs_.promises.lstat(configPath).catch(() => undefined);
    if (!stat?.isFile())
        return { formatVersion: 0, objectFormat: 'sha1' };
    // One file only, include.* directives not followed: nothing in it can run.
    const read = async (key) => (await configFileValue(configPath, key)).toLowerCase();
    const objectFormat = (await read('extensions.objectformat')) === 'sha256' ? 'sha256' : 'sha1';
    const formatVersion = objectFormat === 'sha256' || (await read('core.repositoryformatversion')) === '1' ? 1 : 0;
    return { formatVersion, objectFormat };
}
/**
 * Makes a restored `.git` trustworthy before any git command runs in it: only the shapes the
 * action's snapshot saves remain (no hooks, worktree config, info/ files, local branches or
 * replace refs), every ref is well formed, and the config is rebuilt from the template. Returns
 * what was removed (files, refs, and the dangerous config keys the rebuilt config drops) for the
 * log, and the refs' tips, whose objects the seed checks once the clone is in place.
 *
 * With a `filter` (blob:none) the rebuilt config makes origin the one promisor remote; a full
 * entry is used as it is (it holds more than a blobless job needs). Without one, a blobless entry
 * is refused: a job that wants the full history does not lazily fetch it.
 */
async function sanitizeGitDir(gitDir, originUrl, archiveBytes, filter = '') {
    const sanitized = await sanitizeOne(gitDir, originUrl, archiveBytes, filter);
    const modules = external_node_path_.join(gitDir, 'modules');
    if (archiveBytes !== undefined && (await external_node_fs_.promises.lstat(modules).catch(() => undefined))) {
        const total = await bytesUnder(gitDir);
        if (total > entryByteBound(archiveBytes)) {
            throw new Error(`the cached clone and its submodules unpack to ${total} bytes from a ${archiveBytes}-byte archive, more than a clone can`);
        }
    }
    return sanitized;
}
/**
 * Each submodule git directory under `modules/` gets exactly the sanitizing of the main one (its
 * URL is set from the superproject's .gitmodules before use); files on the way are dropped.
 */
async function sanitizeModules(gitDir, archiveBytes) {
    const { dirs, strays } = await findModuleDirs(gitDir);
    const removed = [...strays];
    for (const name of strays)
        await external_node_fs_.promises.rm(external_node_path_.join(gitDir, name), { force: true });
    for (const name of dirs) {
        const moduleDir = external_node_path_.join(gitDir, 'modules', name);
        const sanitized = await sanitizeOne(moduleDir, '', archiveBytes);
        // A nested submodule's items already start with its own `modules/<name>`.
        const named = (item) => item.startsWith('modules/') ? `modules/${name}/${item}` : `modules/${name}: ${item}`;
        removed.push(...sanitized.removed.map(named));
    }
    return removed;
}
async function sanitizeOne(gitDir, originUrl, archiveBytes, filter = '') {
    const stat = await external_node_fs_.promises.lstat(gitDir).catch(() => undefined);
    if (!stat?.isDirectory())
        throw new Error('the cached clone has no .git directory');
    const removed = await enforceEntryShape(gitDir, archiveBytes);
    if (!filter && (await isBloblessEntry(gitDir))) {
        throw new Error('the entry is blobless (saved by a job with filter: blob:none) and this job keeps the full history');
    }
    const refs = await checkEntryRefs(gitDir);
    removed.push(...refs.dropped);
    await external_node_fs_.promises.mkdir(external_node_path_.join(gitDir, 'hooks'));
    const configPath = external_node_path_.join(gitDir, 'config');
    const format = await readFormat(configPath);
    const configIsFile = (await external_node_fs_.promises.lstat(configPath).catch(() => undefined))?.isFile();
    if (configIsFile)
        removed.push(...(await dangerousConfigKeys(configPath)));
    await external_node_fs_.promises.rm(configPath, { force: true });
    await external_node_fs_.promises.writeFile(configPath, gitConfigTemplate(originUrl, format, false, filter), {
        mode: 0o644
    });
    removed.push(...(await sanitizeModules(gitDir, archiveBytes)));
    return { removed, tips: refs.tips };
}

;// CONCATENATED MODULE: ./src/seed/seed.ts








/** The outermost directory of `target` that does not exist yet (what mkdir -p will create). */
async function firstMissingAncestor(target) {
    let missing;
    for (let dir = target; !(await exists(dir)); dir = external_node_path_.dirname(dir)) {
        missing = dir;
        if (external_node_path_.dirname(dir) === dir)
            break;
    }
    return missing;
}
/** A copy in progress; a leftover one (from a killed job) is removed by the next seed. */
const PARTIAL_SUFFIX = '.clone-cache-partial';
async function moveIntoPlace(staged, target, signal) {
    try {
        await external_node_fs_.promises.rename(staged, target);
        return 'rename';
    }
    catch (error) {
        if (error.code !== 'EXDEV')
            throw error;
    }
    // Copied beside the target and renamed into place, so a killed copy never looks like a .git.
    const partial = `${target}${PARTIAL_SUFFIX}`;
    await external_node_fs_.promises.rm(partial, { recursive: true, force: true });
    await copyTree(staged, partial, signal);
    await external_node_fs_.promises.rename(partial, target);
    await external_node_fs_.promises.rm(staged, { recursive: true, force: true });
    return 'copy';
}
/**
 * The seeded clone must be a repository of its own whose HEAD names a commit with a tree, and
 * whose refs name objects it has.
 */
async function verifyClone(clonePath, gitDir, tips) {
    const clone = new Repository(clonePath);
    const actualGitDir = await clone.absoluteGitDir();
    if ((0,external_node_fs_.realpathSync)(actualGitDir) !== (0,external_node_fs_.realpathSync)(gitDir)) {
        throw new Error(`git resolves ${clonePath} to ${actualGitDir}, not to the seeded .git`);
    }
    const commit = await clone.resolveCommit('HEAD');
    if (!commit)
        throw new Error('HEAD of the cached clone does not resolve to a commit');
    if (!(await clone.hasTree(commit))) {
        throw new Error(`the tree of the cached commit ${commit} is missing`);
    }
    const missing = new Set(await clone.missingObjects(tips.map(tip => tip.object)));
    const dangling = tips.find(tip => missing.has(tip.object));
    if (dangling) {
        throw new Error(`the cached clone has a bad ref: ${JSON.stringify(dangling.ref)} names the missing object ${dangling.object}`);
    }
    return commit;
}
/**
 * Puts a restored `.git` at `<clonePath>/.git`, sanitized and verified. Any failure, a timeout
 * included, removes exactly what the seed created and reports why; the caller then clones.
 */
async function seedClone(stagedGitDir, clonePath, originUrl, timeoutMs, archiveBytes, filter = '') {
    const target = external_node_path_.join(clonePath, '.git');
    const createdRoot = await firstMissingAncestor(clonePath);
    const abort = new AbortController();
    let placed = false;
    const work = (async () => {
        const { removed, tips } = await sanitizeGitDir(stagedGitDir, originUrl, archiveBytes, filter);
        if (removed.length > 0) {
            lib_core/* warning */.$e(`The cached clone carried ${removed.join(', ')}; removed before use.`, {
                title: 'Clone cache sanitized'
            });
        }
        await external_node_fs_.promises.mkdir(clonePath, { recursive: true });
        placed = true;
        const method = await moveIntoPlace(stagedGitDir, target, abort.signal);
        const cachedCommit = await verifyClone(clonePath, target, tips);
        await markAsActionClone(target);
        lib_core/* info */.pq(method === 'rename'
            ? `Seeded ${target}: the restored .git was renamed into place.`
            : `Seeded ${target}: the restored .git was copied (the staging folder is on another file system).`);
        return { seeded: true, method, cachedCommit };
    })();
    try {
        return await withTimeout(work, timeoutMs, 'Seeding the workspace', () => abort.abort());
    }
    catch (error) {
        // Let in-flight work stop before removing what it wrote.
        await withTimeout(work.catch(() => undefined), 30_000, 'Stopping the seed').catch(() => undefined);
        if (placed) {
            await external_node_fs_.promises.rm(createdRoot ?? target, { recursive: true, force: true });
            await external_node_fs_.promises.rm(`${target}${PARTIAL_SUFFIX}`, { recursive: true, force: true });
        }
        return { seeded: false, failure: { reason: (0,errors/* errorMessage */.gJ)(error), cause: error } };
    }
}

;// CONCATENATED MODULE: ./src/main-step/prepare-clone.ts










/** Removes what this run created in `path`, and nothing else. */
async function removeCreatedByThisRun(created) {
    if (!created.contentsOnly) {
        await external_node_fs_.promises.rm(created.path, { recursive: true, force: true });
        return;
    }
    for (const name of await listDir(created.path)) {
        await external_node_fs_.promises.rm(external_node_path_.join(created.path, name), { recursive: true, force: true });
    }
}
async function assertClonePathUsable(clonePath) {
    // Leftovers of a killed run of this action are not the user's files.
    const ours = [STAGING_ROOT, `.git${PARTIAL_SUFFIX}`];
    const entries = (await listDir(clonePath)).filter(name => !ours.includes(name));
    if (entries.length > 0) {
        throw new errors/* InputError */.dz('path', `${clonePath} is not empty and holds no git repository (found ${entries.slice(0, 3).join(', ')}). The action does not delete files it did not create: empty the directory or choose another path.`);
    }
}
/** A cache problem that the clone works around: one warning, with the permission help when it applies. */
async function warnAndClone(job, stage, title, failure, cwd) {
    const cause = failure.cause ?? new Error(failure.reason);
    const report = await job.stages.diagnoser.describe(stage, cause, { cwd });
    if (report)
        lib_core/* warning */.$e(`${report.message}\nCloning instead.`, { title: report.title });
    else
        lib_core/* warning */.$e(`${stage} failed: ${failure.reason}. Cloning instead.`, { title });
}
/** Restores an entry (restore stage) and seeds `path` from it (seed stage). */
async function restoreAndSeed(job, backend, exactCommit) {
    const { settings } = job;
    const missed = (source, matchedKey, reason) => ({
        cache: { source, matchedKey, seeded: false, pathHeldClone: false, fallback: { reason } }
    });
    if (!(await backend.available())) {
        lib_core/* info */.pq('No cache service is available to this job (ACTIONS_RESULTS_URL is not set).');
        return missed('none', '', 'no cache service');
    }
    const restoring = `Restoring the clone cache (${backend.source})`;
    const restored = await job.stages
        .run('restore', restoring, () => backend.restore(settings.cacheKeyPrefix, exactCommit), {
        cwd: settings.workspace
    })
        .catch(error => {
        // A permission problem in the host clone fails the step with its help; anything else
        // (a lock timeout, origin down during the refresh) is worked around by a full clone.
        if (error instanceof PermissionError)
            throw error;
        return { matchedKey: '', failure: { reason: (0,errors/* errorMessage */.gJ)(error), cause: error } };
    });
    if (!restored.gitDir) {
        if (restored.failure) {
            await warnAndClone(job, 'Restoring the clone cache', 'Clone cache not restored', restored.failure, settings.workspace);
            return missed(backend.source, restored.matchedKey, `restore failed: ${restored.failure.reason}`);
        }
        lib_core/* info */.pq(`No cache entry matches ${settings.cacheKeyPrefix}-*; cloning.`);
        return missed(backend.source, restored.matchedKey, 'no cache entry');
    }
    const gitDir = restored.gitDir;
    const seeding = `Seeding ${settings.clonePath} from the cache`;
    const outcome = await job.stages.run('seed', seeding, () => seedClone(gitDir, settings.clonePath, settings.originUrl, limits().seedTimeoutMs, restored.archiveBytes, settings.filter));
    const cache = {
        source: backend.source,
        matchedKey: restored.matchedKey,
        archiveBytes: restored.archiveBytes,
        seeded: outcome.seeded,
        pathHeldClone: false
    };
    if (outcome.seeded)
        return { cache, cachedCommit: outcome.cachedCommit };
    await warnAndClone(job, seeding, 'Clone cache not used', outcome.failure, settings.clonePath);
    const { reason, cause } = outcome.failure;
    return { cache: { ...cache, fallback: { reason: `seed failed: ${reason}`, cause } } };
}
/** An empty repository at `path` that the sync fills: a full clone. */
async function startFullClone(job) {
    const { settings } = job;
    await job.stages.run('clone', 'Cloning into path', () => initClone(settings.clonePath, settings.originUrl, settings.filter), { writing: settings.clonePath });
}
/**
 * After a seeded clone was refused and removed (the entry's objects did not match their ids):
 * a full clone in its place, reported with why the entry was not used.
 */
async function replaceRefusedSeed(job, refused, fallback) {
    lib_core/* warning */.$e(`${fallback.reason}. Cloning instead.`, { title: 'Clone cache not used' });
    await startFullClone(job);
    return {
        ...refused,
        cachedCommit: undefined,
        cache: { ...refused.cache, seeded: false, fallback }
    };
}
/**
 * Makes `path` hold a clone: the existing one, one seeded from the cache backend, or an empty
 * repository that the sync then fills (a full clone).
 */
async function prepareClone(job, backend, exactCommit) {
    const { settings } = job;
    if (await exists(external_node_path_.join(settings.clonePath, '.git'))) {
        lib_core/* info */.pq(`${settings.clonePath} already holds a git repository; syncing it, not seeding.`);
        const reason = 'path already holds a git repository';
        return {
            cache: {
                source: 'none',
                matchedKey: '',
                seeded: false,
                pathHeldClone: true,
                fallback: { reason }
            }
        };
    }
    await assertClonePathUsable(settings.clonePath);
    // assertClonePathUsable has made sure an existing path holds nothing of the user's.
    const createdByThisRun = {
        path: settings.clonePath,
        contentsOnly: await exists(settings.clonePath)
    };
    try {
        const prepared = await restoreAndSeed(job, backend, exactCommit);
        if (!prepared.cache.seeded)
            await startFullClone(job);
        return { ...prepared, createdByThisRun };
    }
    catch (error) {
        await removeCreatedByThisRun(createdByThisRun).catch(() => undefined);
        throw error;
    }
    finally {
        await backend.cleanStaging().catch(async (error) => {
            const report = await job.stages.diagnoser.describe('Removing the staging folder', error);
            lib_core/* warning */.$e(report?.message ?? `Could not remove the staging folder: ${(0,errors/* errorMessage */.gJ)(error)}`, {
                title: report?.title ?? 'Clone cache staging folder left behind'
            });
        });
    }
}

;// CONCATENATED MODULE: ./src/git/object-check.ts



/**
 * git does not re-hash the objects it reads: an object store can hold other content under an
 * object's id, and a checkout writes it. This reads objects through `git cat-file --batch` and
 * hashes each one as git would have (`<type> <size>\0<content>`), streaming, in a few processes.
 */
class BatchHasher {
    algorithm;
    pending = Buffer.alloc(0);
    current;
    /** The newline git writes after each object's content. */
    skipNewline = false;
    mismatched = [];
    constructor(algorithm) {
        this.algorithm = algorithm;
    }
    take(chunk) {
        const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
        this.pending = Buffer.alloc(0);
        let offset = 0;
        while (offset < data.length) {
            if (this.current) {
                const used = Math.min(this.current.left, data.length - offset);
                this.current.hash.update(data.subarray(offset, offset + used));
                this.current.left -= used;
                offset += used;
                if (this.current.left === 0)
                    this.finish();
            }
            else if (this.skipNewline) {
                this.skipNewline = false;
                offset += 1;
            }
            else {
                const end = data.indexOf(10, offset);
                if (end < 0) {
                    this.pending = Buffer.from(data.subarray(offset));
                    return;
                }
                const [id, type, size] = data.toString('latin1', offset, end).split(' ');
                offset = end + 1;
                if (size === undefined) {
                    this.mismatched.push(id); // "<id> missing"
                    continue;
                }
                const hash = (0,external_node_crypto_.createHash)(this.algorithm).update(`${type} ${size}\0`);
                this.current = { id, left: Number(size), hash };
                if (this.current.left === 0)
                    this.finish();
            }
        }
    }
    finish() {
        const { id, hash } = this.current;
        if (hash.digest('hex') !== id)
            this.mismatched.push(id);
        this.current = undefined;
        this.skipNewline = true;
    }
}
/** The commit, and every tree and blob of its tree (submodule entries are other repositories). */
async function objectsOfCommit(repo, commit) {
    const id = await repo.resolveCommit(commit);
    if (!id)
        throw new Error(`${commit} does not name a commit`);
    // Lines, not -z: ids come before the tab; @actions/exec decodes output line by line, and
    // output with no newline in it costs quadratic time there.
    const listed = await runGit(repo.dir, ['ls-tree', '-r', '-t', '--full-tree', id]);
    const ids = new Set([id, await repo.treeOf(id)]);
    for (const line of listed.stdout.split('\n')) {
        const [, type, object] = line.slice(0, line.indexOf('\t')).split(' ');
        if (object && type !== 'commit')
            ids.add(object);
    }
    return [...ids];
}
const PROCESSES = 2;
/** The ids among `ids` whose content does not hash to them (or that are missing). */
async function mismatchedObjects(repo, ids) {
    const algorithm = ids[0]?.length === 64 ? 'sha256' : 'sha1';
    const shares = Array.from({ length: PROCESSES }, (_, n) => ids.filter((_, i) => i % PROCESSES === n));
    const results = await Promise.all(shares
        .filter(share => share.length > 0)
        .map(async (share) => {
        const hasher = new BatchHasher(algorithm);
        await exec_streamGit(repo.dir, ['cat-file', '--batch'], share.join('\n') + '\n', chunk => hasher.take(chunk));
        return hasher.mismatched;
    }));
    return results.flat();
}
/**
 * Every object of a store (packed and loose), re-hashed: the ids whose content does not match.
 * Not `git fsck`, whose format checks (a bad timezone in a 2005 commit) would refuse real
 * histories; this checks only what a later job would trust.
 */
async function mismatchedObjectsInStore(repo) {
    // sha256 repositories are not supported yet (README: Limits).
    const hasher = new BatchHasher('sha1');
    const args = ['cat-file', '--batch-all-objects', '--batch', '--unordered'];
    await streamGit(repo.dir, args, '', chunk => hasher.take(chunk));
    return hasher.mismatched;
}
/**
 * Why the objects of the commits (each commit, its trees, its blobs) cannot be trusted, or
 * undefined when each hashes to its id; objects shared by the commits are read once. An object git
 * cannot even read is a reason too.
 */
async function untrustedObjectsOf(repo, ...commits) {
    try {
        const ids = new Set();
        for (const commit of commits)
            for (const id of await objectsOfCommit(repo, commit))
                ids.add(id);
        const [mismatched] = await mismatchedObjects(repo, [...ids]);
        return mismatched
            ? { reason: `the object ${mismatched} does not match its content` }
            : undefined;
    }
    catch (error) {
        const said = (gitStderrOf(error) ?? (0,errors/* errorMessage */.gJ)(error)).trim().split('\n')[0];
        return { reason: `its objects cannot be read (${said})`, cause: error };
    }
}

;// CONCATENATED MODULE: ./src/git/missing-objects.ts

/**
 * The objects of the commits' trees that a partial clone does not hold, found without fetching
 * them: `rev-list --missing=print` lists each absent object (`?<id>`) where any other read would
 * ask the promisor remote for it, one object at a time.
 */
async function missingObjectsOfCommits(repo, commits) {
    const listed = await runGit(repo.dir, [
        'rev-list',
        '--objects',
        '--no-walk',
        '--missing=print',
        ...commits,
        '--'
    ]);
    return listed.stdout
        .split('\n')
        .filter(line => line.startsWith('?'))
        .map(line => line.slice(1).trim());
}

;// CONCATENATED MODULE: ./src/clone/blobs.ts






/**
 * In a blobless clone, the blobs of the commits the job checks out that it does not hold yet,
 * fetched from origin in one request with the job's auth, before anything reads them: the
 * verification and the checkouts then read local objects only (git's own on-demand fetch would
 * go without the token, one object at a time in `cat-file`). Returns how many were fetched.
 */
async function fetchBlobsToCheckOut(clone, originUrl, commits, options) {
    const missing = await missingObjectsOfCommits(clone, commits);
    if (missing.length === 0)
        return 0;
    lib_core/* info */.pq(`Fetching the ${missing.length} blob(s) of ${commits.join(', ')} that the clone lacks from ${originUrl}`);
    try {
        await withRetries(`fetch ${missing.length} blob(s) from ${originUrl}`, () => fetchObjectsById(clone, missing, options));
    }
    catch (error) {
        const detail = gitStderrOf(error)?.trim() ?? String(error);
        throw new errors/* ActionError */.lZ('Fetch from origin failed', `Could not fetch the blobs to check out from ${originUrl}: ${detail}`, { cause: error });
    }
    const still = await missingObjectsOfCommits(clone, commits);
    if (still.length > 0) {
        throw new errors/* ActionError */.lZ('Fetch from origin failed', `${originUrl} did not send ${still.length} blob(s) the checkout needs (${still.slice(0, 3).join(', ')}).`);
    }
    return missing.length;
}

;// CONCATENATED MODULE: ./src/git/checkout.ts

/** Checks out `commit` as the local `branch` (created or reset there), showing git's progress. */
async function checkoutBranchAt(repo, branch, commit, { force }) {
    await runGit(repo.dir, ['checkout', '--progress', ...(force ? ['--force'] : []), '-B', branch, commit, '--'], { progress: true });
}
/** Checks out `commit` with a detached HEAD, showing git's progress. */
async function checkoutDetached(repo, commit, { force }) {
    await runGit(repo.dir, ['checkout', '--progress', ...(force ? ['--force'] : []), '--detach', commit, '--'], { progress: true });
}
/** Detaches HEAD where it is, so that the branch it had can be checked out elsewhere. */
async function detachHead(repo) {
    await runGit(repo.dir, ['checkout', '--quiet', '--detach']);
}
/** Moves the current branch (or HEAD) to `commit` and makes index and files match it. */
async function resetHard(repo, commit) {
    await runGit(repo.dir, ['reset', '--hard', '--quiet', commit, '--']);
}
/** Deletes every untracked and ignored file, nested repositories included. */
async function removeUntrackedFiles(repo) {
    await runGit(repo.dir, ['clean', '-ffdx', '--quiet']);
}

;// CONCATENATED MODULE: ./src/clone/checkout.ts




/**
 * git carries local changes to files the commits do not touch across a checkout: in a clone you
 * made they stay (the action never resets your work), but the job must not build them unseen.
 */
async function warnAboutCarriedChanges(repo, target) {
    const changed = await repo.changedTrackedFiles();
    if (changed.length === 0)
        return;
    const shown = changed.slice(0, 10).join(', ') + (changed.length > 10 ? ', ...' : '');
    lib_core/* warning */.$e(`${repo.dir} is at ${target.commit}, but ${changed.length} tracked file(s) carry local changes that the checkout kept: ${shown}. This clone was not made by the action, so it is not reset; run \`git -C ${repo.dir} reset --hard\` before this step to drop them.`, { title: 'Local changes kept in path' });
}
/**
 * Checks out the target: a branch becomes a local branch tracking origin, anything else is a
 * detached HEAD. In a clone the action made, the checkout is forced (as actions/checkout's is,
 * whatever clean says) and followed by a clean unless `clean` is false; in a clone the user made,
 * local changes stop the
 * checkout with git's own message.
 */
async function checkoutTarget(repo, target, { ownClone, clean }) {
    const options = { force: ownClone };
    if (target.kind === 'branch') {
        await checkoutBranchAt(repo, target.name, target.commit, options);
        if (await repo.resolveCommit(`refs/remotes/origin/${target.name}`)) {
            await trackOriginBranch(repo, target.name);
        }
    }
    else {
        await checkoutDetached(repo, target.commit, options);
    }
    if (ownClone && clean)
        await removeUntrackedFiles(repo);
    else if (ownClone)
        lib_core/* info */.pq(`clean is false: untracked and ignored files in ${repo.dir} are kept.`);
    else
        await warnAboutCarriedChanges(repo, target);
    const head = await repo.resolveCommit('HEAD');
    if (head !== target.commit) {
        throw new errors/* ActionError */.lZ('Checkout did not reach the commit', `HEAD of ${repo.dir} is ${head || 'unborn'}, expected ${target.commit} for ${target.name}.`);
    }
}

;// CONCATENATED MODULE: ./src/clone/credentials.ts








/** The file names of persisted credentials under RUNNER_TEMP (and how stale includes are known). */
const CREDENTIALS_FILE_PREFIX = 'clone-cache-credentials-';
/** `section.sub.section.name` → the file's `[section "sub.section"]` and `name`. */
function splitKey(key) {
    const first = key.indexOf('.');
    const last = key.lastIndexOf('.');
    const name = key.slice(last + 1);
    if (first === last)
        return { section: `[${key.slice(0, first)}]`, name };
    const sub = key.slice(first + 1, last);
    return { section: `[${key.slice(0, first)} ${quoteConfigValue(sub)}]`, name };
}
/** A config file that sets the entries in order (a repeated key adds a value, '' resets it). */
function configFileText(entries) {
    return entries
        .map(entry => {
        const { section, name } = splitKey(entry.key);
        return `${section}\n\t${name} = ${quoteConfigValue(entry.value)}\n`;
    })
        .join('');
}
/** Writes the entries to a new file under RUNNER_TEMP that only the runner user can read. */
async function writeCredentialsFile(runnerTemp, entries) {
    await external_node_fs_.promises.mkdir(runnerTemp, { recursive: true });
    const file = external_node_path_.join(runnerTemp, `${CREDENTIALS_FILE_PREFIX}${(0,external_node_crypto_.randomUUID)()}.config`);
    await external_node_fs_.promises.writeFile(file, configFileText(entries), { mode: 0o600, flag: 'wx' });
    return file;
}
/** `gitdir:` patterns are globs: a `*`, `?` or `[` in a folder name must match only itself. */
function globEscape(dir) {
    return dir.replace(/[\\*?[]/g, char => `\\${char}`);
}
/**
 * The clone and every worktree of it include the file, as actions/checkout v6 does; so do the
 * same paths as a container step sees them (the workspace and RUNNER_TEMP are mounted there).
 */
function cloneIncludes(clonePath, workspace, file) {
    const gitDir = globEscape(external_node_path_.join(clonePath, '.git'));
    const local = (dir, value) => [`${dir}`, `${dir}/worktrees/*`].map(pattern => ({
        scope: 'local',
        repoDir: clonePath,
        key: `includeIf.gitdir:${pattern}.path`,
        value
    }));
    const inContainer = globEscape(external_node_path_.posix.join('/github/workspace', external_node_path_.relative(workspace, clonePath).split(external_node_path_.sep).join('/'), '.git'));
    return [
        ...local(gitDir, file),
        ...local(inContainer, external_node_path_.posix.join('/github/runner_temp', external_node_path_.basename(file)))
    ];
}
/**
 * A task worktree of the shared host clone: the include names that worktree's own git directory
 * and lives in the runner's global config, so neither the host clone nor another job's worktree
 * ever reads this job's token.
 */
function worktreeIncludes(worktreeGitDir, file) {
    return [
        { scope: 'global', key: `includeIf.gitdir:${globEscape(worktreeGitDir)}.path`, value: file }
    ];
}
/** A value that names one of this action's credentials files, as a config value pattern. */
const OUR_FILE = `/${CREDENTIALS_FILE_PREFIX}[^/]*\\.config$`;
/**
 * A clone's include lines are appended to its `.git/config` in one write (a git command each
 * costs ~10 ms on every warm job), keeping what is there as `git config --add` does. A `.git`
 * that is a file (a clone you made with a separate git directory) gets them through git.
 */
async function addIncludes(includes) {
    const byClone = new Map();
    for (const line of includes) {
        if (line.scope === 'local') {
            const dir = line.repoDir ?? '';
            byClone.set(dir, [...(byClone.get(dir) ?? []), { key: line.key, value: line.value }]);
        }
        else {
            // git reuses a removed worktree's id: an include a killed job left for it goes first.
            await removeGlobalConfigMatching(line.key, OUR_FILE);
            await addGlobalConfigValue(line.key, line.value);
        }
    }
    for (const [dir, entries] of byClone) {
        const gitDir = external_node_path_.join(dir, '.git');
        if ((await external_node_fs_.promises.stat(gitDir)).isDirectory()) {
            await external_node_fs_.promises.appendFile(external_node_path_.join(gitDir, 'config'), configFileText(entries));
            continue;
        }
        for (const { key, value } of entries) {
            await addLocalConfigValue(new Repository(dir), key, value);
        }
    }
}
/** Removes the include lines and the file; every part is tried, the first failure is thrown. */
async function removePersistedCredentials(persisted) {
    const failures = [];
    for (const line of persisted.includes) {
        // By key and value: another include on the same gitdir (yours, checkout's) stays.
        const value = `^${escapeRegExp(line.value)}$`;
        await (line.scope === 'local'
            ? unsetLocalConfigValue(new Repository(line.repoDir ?? ''), line.key, value)
            : removeGlobalConfigMatching(line.key, value)).catch(error => failures.push(error));
    }
    await external_node_fs_.promises.rm(persisted.file, { force: true }).catch(error => failures.push(error));
    if (failures.length > 0)
        throw failures[0];
}
/**
 * In a clone the action made: drops what an earlier run persisted and never removed (its post
 * step did not run): include lines to this action's credentials files, and the header that
 * older versions wrote into .git/config.
 */
async function removeStaleCredentials(repo, originUrl) {
    for (const [key, value] of await localConfigMatching(repo, '^includeif\\.')) {
        if (external_node_path_.basename(value).startsWith(CREDENTIALS_FILE_PREFIX)) {
            await unsetLocalConfig(repo, key);
        }
    }
    const header = authHeaderKey(originUrl);
    if (header)
        await unsetLocalConfig(repo, header);
}

;// CONCATENATED MODULE: ./src/clone/fetch-plan.ts
const SHARED = 'it is shared by every job on this host';
function holderOf(source) {
    switch (source.kind) {
        case 'seeded':
            return source.from === 'cache-entry'
                ? 'the restored cache entry'
                : 'the host clone in cache-dir';
        case 'existing':
            return `the clone at ${source.path}`;
        case 'host-clone':
            return 'the host clone in cache-dir';
    }
}
function fromHostClone(source) {
    return source.kind === 'host-clone' || (source.kind === 'seeded' && source.from === 'host-clone');
}
function depthOf(inputs, source) {
    const depth = inputs.fetchDepth;
    if (source.kind === 'fresh') {
        if (depth === 0)
            return { transfer: {}, notes: [] };
        return {
            transfer: { depth },
            notes: [
                `fetch-depth is ${depth} and no cache entry was restored: the clone is shallow (depth ${depth}), and this run saves no cache entry from it.`
            ]
        };
    }
    if (source.kind === 'existing' && source.shallow) {
        if (depth > 0)
            return { transfer: { depth }, notes: [] };
        return {
            transfer: { depth: 'unshallow' },
            notes: [
                `The clone at ${source.path} is shallow: fetching its whole history (fetch-depth is 0).`
            ]
        };
    }
    if (depth === 0)
        return { transfer: {}, notes: [] };
    const holds = fromHostClone(source)
        ? `always holds the full history (${SHARED})`
        : 'holds the full history';
    return {
        transfer: {},
        notes: [
            `fetch-depth is ${depth}, but ${holderOf(source)} ${holds}: this job uses all of it (a superset of what was asked).`
        ]
    };
}
function tagNotes(inputs, source) {
    if (inputs.fetchTags || source.kind === 'fresh')
        return [];
    if (source.kind === 'host-clone') {
        return [
            `fetch-tags is false, but the host clone in cache-dir keeps every tag of origin (${SHARED}): the task worktree sees them all.`
        ];
    }
    const kept = source.kind === 'existing'
        ? `the tags ${holderOf(source)} already holds stay`
        : `the tags that came with ${holderOf(source)} stay`;
    return [`fetch-tags is false: no tags are fetched; ${kept}.`];
}
/**
 * The filter applies to the clones this job makes (fresh or seeded: their config names origin as
 * the promisor). A clone path held is fetched as it is configured, and the shared host clone
 * stays whole.
 */
function filterOf(inputs, source) {
    if (!inputs.filter)
        return { transfer: {}, notes: [] };
    if (source.kind === 'fresh' || source.kind === 'seeded') {
        return { transfer: { filter: inputs.filter }, notes: [] };
    }
    const why = source.kind === 'existing'
        ? `the clone at ${source.path} was not made by this job: it is fetched as it is configured`
        : `the host clone in cache-dir always holds every blob (${SHARED})`;
    return { transfer: {}, notes: [`filter is ${inputs.filter}, but ${why}.`] };
}
/**
 * How to fetch from origin into a repository, given the inputs and what it held before: the
 * inputs narrow the transfer, never the history or tags already there (a superset of what was
 * asked, said in one line each).
 */
function planFetch(inputs, source) {
    const depth = depthOf(inputs, source);
    const filter = filterOf(inputs, source);
    return {
        transfer: {
            ...depth.transfer,
            ...filter.transfer,
            tags: source.kind === 'host-clone' || inputs.fetchTags,
            progress: inputs.showProgress
        },
        notes: [...depth.notes, ...tagNotes(inputs, source), ...filter.notes]
    };
}

;// CONCATENATED MODULE: ./src/lfs/verify.ts





const OID = /^[0-9a-f]{64}$/;
/** Files hashed at once: reading one overlaps hashing another. */
const PARALLEL = 4;
async function sha256Of(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file, { highWaterMark: 1 << 20 })) {
        hash.update(chunk);
    }
    return hash.digest('hex');
}
/** Every file under the store, relative to it (symbolic links and other non-files included). */
async function storeFiles(store) {
    const entries = await external_node_fs_.promises.readdir(store, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
        .filter(entry => !entry.isDirectory())
        .map(entry => external_node_path_.relative(store, external_node_path_.join(entry.parentPath ?? entry.path, entry.name)));
}
/**
 * Hashes cached LFS objects before git-lfs may use them (git-lfs trusts what its store holds):
 * each must be a plain file at `<2>/<2>/<oid>` whose SHA-256 is `oid`; any other file is removed,
 * and git-lfs downloads a removed object again. `oids` limits the check to those objects (a store
 * that grows, as a host clone's does); without it every file of the store is checked.
 */
async function verifyLfsStore(commonGitDir, oids) {
    const store = lfsStoreDir(commonGitDir);
    const relative = oids
        ? oids.map(oid => external_node_path_.relative(store, lfsObjectPath(commonGitDir, oid)))
        : await storeFiles(store);
    const result = { checked: 0, bytes: 0, dropped: [] };
    const checkOne = async (name) => {
        const file = external_node_path_.join(store, name);
        const stat = await external_node_fs_.promises.lstat(file).catch(() => undefined);
        if (!stat)
            return;
        const oid = external_node_path_.basename(name);
        const wellPlaced = OID.test(oid) && name === external_node_path_.join(oid.slice(0, 2), oid.slice(2, 4), oid);
        if (stat.isFile() && wellPlaced) {
            result.checked++;
            result.bytes += stat.size;
            if ((await sha256Of(file)) === oid)
                return;
        }
        await external_node_fs_.promises.rm(file, { recursive: true, force: true });
        result.dropped.push(name);
    };
    for (let start = 0; start < relative.length; start += PARALLEL) {
        await Promise.all(relative.slice(start, start + PARALLEL).map(checkOne));
    }
    return result;
}
/** Verifies the store and says what it found: a warning when something was dropped. */
async function verifyLfsStoreAndReport(commonGitDir, oids) {
    const started = performance.now();
    const check = await verifyLfsStore(commonGitDir, oids);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const mib = (check.bytes / 1024 / 1024).toFixed(1);
    lib_core/* info */.pq(`Git LFS: ${check.checked} cached object(s), ${mib} MiB, hashed in ${seconds} s.`);
    if (check.dropped.length > 0) {
        const shown = check.dropped.slice(0, 3).join(', ') + (check.dropped.length > 3 ? ', ...' : '');
        lib_core/* warning */.$e(`${check.dropped.length} cached Git LFS object(s) did not match their SHA-256 (or were not plain files where an object goes) and were removed; they are downloaded again: ${shown}`, { title: 'Cached LFS object refused' });
    }
    return check;
}
/**
 * The LFS store a seeded clone brought from the cache: verified whole when the job uses LFS (an
 * entry holds one commit's objects, so the store is bounded), removed when it does not (no later
 * `git lfs` command may pick up objects nobody checked).
 */
async function settleSeededLfsStore(gitDir, lfs) {
    if (lfs)
        await verifyLfsStoreAndReport(gitDir);
    else
        await external_node_fs_.promises.rm(external_node_path_.join(gitDir, 'lfs'), { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/lfs/pull.ts






/**
 * Replaces the LFS pointers of the checked-out commit in `worktree` with their files. git-lfs
 * downloads only the objects its store (the common git directory's, shared by worktrees) lacks;
 * the auth of `worktree` reaches origin's LFS endpoint through the same scoped extraheader.
 */
async function pullLfsFiles(worktree, options) {
    const commonDir = await worktree.commonDir();
    const head = await worktree.resolveCommit('HEAD');
    const needed = await lfsObjectsOf(worktree, head);
    if (options.verifyNeeded)
        await verifyLfsStoreAndReport(commonDir, needed);
    const present = await Promise.all(needed.map(oid => exists(lfsObjectPath(commonDir, oid))));
    const cached = present.filter(Boolean).length;
    if (needed.length > 0) {
        await lfsPull(worktree, LFS_FILTER_CONFIG, options.progress);
    }
    const result = { needed: needed.length, cached, downloaded: needed.length - cached };
    lib_core/* info */.pq(`Git LFS: ${result.needed} object(s) for ${head}: ${result.cached} from the cache, ${result.downloaded} downloaded.`);
    return result;
}
/**
 * As actions/checkout: git-lfs set up in the clone (its config and hooks; a worktree's go to the
 * repository it shares), so later steps' git commands smudge, clean and push LFS files.
 */
async function installLfsInClone(clone) {
    await lfsInstallLocal(clone);
}

;// CONCATENATED MODULE: ./src/clone/origin.ts



/**
 * Points origin at the real repository: fetch and push in a clone the action made, fetch only in
 * a clone you made (your push URL stays). A failure here fails the step: a clone that still
 * points at a cache's path must never be reported as ready.
 */
async function setOrigin(repo, originUrl, ownClone) {
    try {
        if (!(await remoteNames(repo)).includes('origin')) {
            await setLocalConfig(repo, 'remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*');
        }
        await setLocalConfig(repo, 'remote.origin.url', originUrl);
        if (ownClone)
            await unsetLocalConfig(repo, 'remote.origin.pushurl');
        const fetchUrl = await readOriginUrl(repo, 'fetch');
        const pushUrl = ownClone ? await readOriginUrl(repo, 'push') : originUrl;
        if (fetchUrl !== originUrl || pushUrl !== originUrl) {
            throw new Error(`origin reads back as fetch=${fetchUrl} push=${pushUrl}`);
        }
    }
    catch (error) {
        throw new errors/* ActionError */.lZ('Origin rewrite failed', `Could not point origin of ${repo.dir} at ${originUrl}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/git/sparse.ts

/**
 * Sets the sparse patterns of the worktree at `repo.dir` (git keeps them per worktree, and turns
 * on `extensions.worktreeConfig` so that its `core.sparseCheckout` is per worktree too). Patterns
 * go on standard input: a pattern that starts with '-' is never read as an option. Files already
 * checked out are brought to the patterns; a worktree without an index (a seeded clone, a
 * `--no-checkout` worktree) has none, and its next checkout writes only what they match.
 */
async function setSparsePatterns(repo, patterns, cone) {
    await runGit(repo.dir, ['sparse-checkout', 'set', cone ? '--cone' : '--no-cone', '--stdin'], {
        input: patterns.map(pattern => `${pattern}\n`).join('')
    });
}
/** Brings back every file and turns sparse checkout off in this worktree. */
async function disableSparseCheckout(repo) {
    await runGit(repo.dir, ['sparse-checkout', 'disable']);
}
/** True when sparse checkout is on in this worktree (its own config, or the shared one). */
async function isSparseCheckout(repo) {
    const value = await runGit(repo.dir, ['config', '--type=bool', '--get', 'core.sparseCheckout'], {
        allowFailure: true
    });
    return value.exitCode === 0 && value.stdout.trim() === 'true';
}
/** True when the repository has worktrees besides its main one. */
async function hasLinkedWorktrees(repo) {
    const listed = await gitOutput(repo.dir, ['worktree', 'list', '--porcelain']);
    return listed.split('\n').filter(line => line.startsWith('worktree ')).length > 1;
}

;// CONCATENATED MODULE: ./src/clone/sparse-checkout.ts





/** `sparse-checkout set --cone/--no-cone` (without an `init` first) arrived in git 2.35. */
const SPARSE_SET = [2, 35];
/**
 * Before the checkout of a worktree the action manages: the job's patterns, so that the checkout
 * writes only the files they match; or, with none given, a worktree that was sparse made whole,
 * as actions/checkout does. Only the working tree is sparse: history is fetched whole.
 */
async function applySparseCheckout(worktree, sparse, { mainWorktree }) {
    if (sparse) {
        if (!(await gitAtLeast(SPARSE_SET))) {
            throw new errors/* ActionError */.lZ('git is too old for sparse-checkout', `sparse-checkout needs git ${SPARSE_SET.join('.')} or newer on the runner; install a newer git, or leave sparse-checkout empty.`);
        }
        lib_core/* info */.pq(`Sparse checkout of ${worktree.dir} (${sparse.cone ? 'cone' : 'non-cone'} mode): ${sparse.patterns.join(', ')}`);
        await setSparsePatterns(worktree, sparse.patterns, sparse.cone);
        return;
    }
    if (!(await isSparseCheckout(worktree)))
        return;
    lib_core/* info */.pq(`${worktree.dir} was a sparse checkout and sparse-checkout is empty: made whole.`);
    await disableSparseCheckout(worktree);
    // As actions/checkout: `disable` leaves extensions.worktreeConfig on. It stays while a linked
    // worktree may keep its own sparse settings with it.
    if (mainWorktree && !(await hasLinkedWorktrees(worktree))) {
        await unsetLocalConfig(worktree, 'extensions.worktreeConfig');
    }
}

;// CONCATENATED MODULE: ./src/clone/ref.ts

const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** A ref outside heads and tags (e.g. refs/pull/1/merge) needs its own refspec to be fetched. */
function extraRefspecFor(ref) {
    if (!ref.startsWith('refs/') || ref.startsWith('refs/heads/') || ref.startsWith('refs/tags/')) {
        return undefined;
    }
    return `+${ref}:refs/remotes/origin/${ref.slice('refs/'.length)}`;
}
/** With fetch-tags false no tag is fetched but the one `ref` names, when it is a full tag ref. */
function tagRefspecFor(ref, fetchTags) {
    return !fetchTags && ref.startsWith('refs/tags/') ? `+${ref}:${ref}` : undefined;
}
function notFound(ref, originUrl) {
    return new errors/* ActionError */.lZ('Ref not found', `'${ref}' is neither a branch nor a tag of ${originUrl}, nor a commit it serves. Check the ref input.`);
}
/** Resolves the request against the fetched clone; `fetchMissing` brings a sha or tag it lacks. */
async function resolveTarget(repo, request, originUrl, fetchMissing) {
    const { ref, sha } = request;
    let target;
    if (ref.startsWith('refs/heads/')) {
        target = { kind: 'branch', name: ref.slice('refs/heads/'.length), commit: '' };
    }
    else if (ref.startsWith('refs/tags/')) {
        target = { kind: 'tag', name: ref.slice('refs/tags/'.length), commit: '' };
    }
    else if (ref.startsWith('refs/')) {
        target = { kind: 'ref', name: ref, commit: '' };
    }
    else if (FULL_SHA.test(ref)) {
        target = { kind: 'commit', name: ref, commit: ref };
    }
    else if (await repo.resolveCommit(`refs/remotes/origin/${ref}`)) {
        target = { kind: 'branch', name: ref, commit: '' };
    }
    else if (
    // A cached tag may have moved or gone on origin: the fetch has the last word.
    fetchMissing.tag ? await fetchMissing.tag(ref) : await repo.resolveCommit(`refs/tags/${ref}`)) {
        target = { kind: 'tag', name: ref, commit: '' };
    }
    else {
        throw notFound(ref, originUrl);
    }
    const wanted = sha || target.commit;
    if (wanted) {
        if (!(await repo.resolveCommit(wanted)))
            await fetchMissing.commit(wanted);
        target.commit = await repo.resolveCommit(wanted);
        if (!target.commit)
            throw notFound(wanted, originUrl);
        return target;
    }
    const local = target.kind === 'branch'
        ? `refs/remotes/origin/${target.name}`
        : target.kind === 'tag'
            ? `refs/tags/${target.name}`
            : `refs/remotes/origin/${target.name.slice('refs/'.length)}`;
    target.commit = await repo.resolveCommit(local);
    if (!target.commit)
        throw notFound(ref, originUrl);
    return target;
}

;// CONCATENATED MODULE: ./src/submodules/ssh-rewrite.ts

/**
 * When the job authenticates with the token (no ssh-key), actions/checkout fetches submodules
 * whose URL is ssh on origin's host over https instead, with the token: an `insteadOf` rule from
 * `git@<host>:` to origin's `scheme://host[:port]/`. Beyond checkout's scp-like form this also
 * maps `ssh://git@<host>/`, the same address in URL form. Other hosts are never rewritten, and an
 * ssh origin (or an ssh-key) gets no rule: its submodules use ssh as written.
 */
function sshToHttpsRewrites(originUrl, sshKeyGiven) {
    const scope = authScope(originUrl);
    if (sshKeyGiven || !scope)
        return [];
    const key = `url.${scope}.insteadOf`;
    const { hostname } = new URL(originUrl);
    return [
        { key, value: `git@${hostname}:` },
        { key, value: `ssh://git@${hostname}/` }
    ];
}

;// CONCATENATED MODULE: ./src/git/submodules.ts



/** The gitlinks (mode 160000) of the index: where each submodule goes and at which commit. */
async function stagedGitlinks(repo) {
    const staged = await gitOutput(repo.dir, ['ls-files', '--stage', '-z']);
    return staged
        .split('\0')
        .filter(line => line.startsWith('160000 '))
        .map(line => ({ path: line.slice(line.indexOf('\t') + 1), commit: line.split(' ')[1] }));
}
/** The submodule names of the checked-out .gitmodules, by path (empty without the file). */
async function gitmodulesNames(repo) {
    const listed = await runGit(repo.dir, ['config', '-z', '--file', '.gitmodules', '--get-regexp', '^submodule\\..*\\.path$'], { allowFailure: true });
    const names = new Map();
    for (const item of listed.stdout.split('\0').filter(Boolean)) {
        const newline = item.indexOf('\n');
        const key = item.slice(0, newline);
        names.set(item.slice(newline + 1), key.slice('submodule.'.length, -'.path'.length));
    }
    return names;
}
/** The URL `git submodule init` resolved for a submodule (relative ones against origin), or ''. */
async function submoduleUrl(repo, name) {
    const result = await runGit(repo.dir, ['config', `submodule.${name}.url`], {
        allowFailure: true
    });
    return result.stdout.trim();
}
/** `git submodule init` then `sync`: the superproject's config names each submodule's URL. */
async function initAndSyncSubmodules(repo) {
    await runGit(repo.dir, ['submodule', 'init', '--quiet'], { config: repo.auth });
    await runGit(repo.dir, ['submodule', 'sync', '--quiet'], { config: repo.auth });
}
/**
 * Checks out each submodule at the recorded commit (`--checkout --force`, whatever `update` its
 * config says), cloning the ones that have no repository yet; the repository's auth and the
 * stall bound of a fetch from origin travel in the environment, which git passes on to the
 * submodules' own clones and fetches.
 */
async function updateSubmodulesOnce(repo, { progress, depth }) {
    const args = ['submodule', 'update', '--init', '--checkout', '--force'];
    args.push(progress ? '--progress' : '--quiet');
    if (depth > 0)
        args.push(`--depth=${depth}`);
    await runGit(repo.dir, args, { config: originConfig(repo), progress });
}
/** Points a submodule repository's origin at `url`. */
async function setModuleOriginUrl(moduleRepo, url) {
    await runGit(moduleRepo.dir, ['config', 'remote.origin.url', url]);
}
/**
 * Makes `destination` a mirror of the local repository `source`: objects as hard links, copied
 * when they cannot be (git's own fallback, which an explicit `--local` turns into a failure).
 */
async function mirrorLocally(source, destination) {
    await runGit(external_node_path_.dirname(destination), [
        'clone',
        '--mirror',
        '--quiet',
        '--template=',
        '--',
        source,
        destination
    ]);
}
/** The absolute folders of every checked-out submodule, nested ones included. */
async function checkedOutSubmodules(repo) {
    const listed = await gitOutput(repo.dir, [
        'submodule',
        'foreach',
        '--quiet',
        '--recursive',
        'pwd'
    ]);
    return listed.split('\n').filter(Boolean);
}
/** Detaches the HEAD of a submodule repository at `commit` (a copy's HEAD may name no branch). */
async function detachModuleHead(moduleRepo, commit) {
    await runGit(moduleRepo.dir, ['update-ref', '--no-deref', 'HEAD', commit]);
}

;// CONCATENATED MODULE: ./src/host/submodule-clone.ts







/** The last part of the URL's path, in characters any file system takes. */
function readableName(normalized) {
    const last = normalized.split(/[/:]/).filter(Boolean).pop() ?? '';
    return (last
        .replace(/[^A-Za-z0-9._-]/g, '_')
        .replace(/^\.+/, '')
        .slice(0, 40) || 'repository');
}
/**
 * Where the host clone of the submodule repository at `url` lives: `submodule-<name>-<hash>`
 * beside the main host clones, the hash being of the normalized URL.
 */
function submoduleClonePaths(cacheDir, url) {
    const normalized = normalizedRepositoryUrl(url);
    const hash = (0,external_node_crypto_.createHash)('sha256').update(normalized).digest('hex').slice(0, 16);
    const scope = `submodule-${readableName(normalized)}-${hash}`;
    return {
        cacheDir,
        scope,
        dir: external_node_path_.join(cacheDir, scope),
        lock: external_node_path_.join(cacheDir, `${scope}.lock`)
    };
}
/** Makes the prepared clone hold `commit`, fetching only when it lacks it. */
async function fetchIfMissing(paths, url, hostClone, commit, transfer, justMade) {
    if (await hostClone.resolveCommit(commit))
        return;
    if (!justMade)
        await fetchIntoHostClone(paths, url, hostClone, transfer);
    // A commit on no branch or tag: asked for by its id.
    if (!(await hostClone.resolveCommit(commit))) {
        await fetchCommit(hostClone, url, commit, transfer);
    }
}
/**
 * Under the lock of the host clone of a submodule repository (`hostClone`, at `paths.dir`, with
 * the superproject's auth): made or rebuilt as the main host clone is (leftovers removed, made
 * trustworthy, a broken one rebuilt), fetched only when it lacks `commit`, and the objects of
 * `commit` re-hashed (a mismatch rebuilds it once). `use` then runs, still under the lock, so no
 * rebuild by another job swaps the clone while it is read.
 */
async function withSubmoduleCommit(paths, url, hostClone, commit, transfer, use) {
    return withHostCloneLock(paths.lock, paths.dir, async () => {
        for (let attempt = 1;; attempt++) {
            const prepared = await prepareHostClone(paths, url, hostClone, transfer);
            await fetchIfMissing(paths, url, hostClone, commit, transfer, prepared.created);
            const problem = await untrustedObjectsOf(hostClone, commit);
            if (!problem)
                break;
            if (attempt === 2) {
                throw new errors/* ActionError */.lZ('Submodule commit not trusted', `The host clone ${paths.dir} was rebuilt from ${url}, and the objects of ${commit} still do not match their ids: ${problem.reason}.`);
            }
            // The next prepareHostClone rebuilds it and says why in its warning.
            await markForRebuild(paths, problem);
        }
        await finishRefresh(hostClone, '');
        return use(paths.dir);
    });
}

;// CONCATENATED MODULE: ./src/submodules/module-copy.ts




/**
 * Makes `destination` a copy of the submodule repository `source` (the main clone's, for a task
 * worktree): a local mirror clone, so objects are hard links and no history crosses the network;
 * self-contained (no alternates). Its config is the template; `git submodule update` then
 * connects it to the worktree, after its URL is set.
 */
async function copyModuleDir(source, destination) {
    await external_node_fs_.promises.mkdir(external_node_path_.dirname(destination), { recursive: true });
    await mirrorLocally(source, destination);
    await external_node_fs_.promises.writeFile(external_node_path_.join(destination, 'config'), gitConfigTemplate(''), { mode: 0o644 });
}

;// CONCATENATED MODULE: ./src/submodules/host-source.ts







/** Schemes git allows for submodules by default (protocol.allow "always"); ssh's scp form too. */
const ALWAYS_ALLOWED = new Set(['http', 'https', 'ssh', 'git', 'git+ssh', 'ssh+git']);
/**
 * True for a URL that `git submodule update` would fetch with git's default protocol rules, and
 * that carries no password (which a shared host clone's config must never hold). A local path,
 * `file://`, `ext::` or another remote helper is left to `git submodule update`, which refuses
 * it as it does on the hosted path.
 */
function servableFromHost(url) {
    if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(url))
        return false;
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
    if (scheme) {
        if (!ALWAYS_ALLOWED.has(scheme[1].toLowerCase()))
            return false;
        try {
            return new URL(url).password === '';
        }
        catch {
            return false;
        }
    }
    // scp-like `[user@]host:path`: a colon before any slash (git's rule for an ssh URL).
    const colon = url.indexOf(':');
    const slash = url.indexOf('/');
    return colon > 0 && (slash < 0 || colon < slash);
}
/**
 * Puts a fresh copy of the submodule's repository from its host clone at `destination` (the
 * superproject's `modules/<name>`): objects hard-linked (copied across file systems), no
 * alternates, the template config. What was at `destination` goes first: in a shared host clone's
 * worktree another job could have written it. False when the URL is not served from the host (the
 * caller leaves the submodule to `git submodule update`).
 */
async function copyFromHostClone(superproject, submodule, destination, { cacheDir, progress }) {
    const url = await submoduleUrl(superproject, submodule.name);
    if (!url || !servableFromHost(url))
        return false;
    const paths = submoduleClonePaths(cacheDir, url);
    // Its nested submodules' repositories stay until their own level replaces them: the .git files
    // of their checkouts point there, and the nested level's `git submodule sync` reads them.
    const nested = external_node_path_.join(destination, 'modules');
    const kept = `${destination}.nested-${(0,external_node_crypto_.randomUUID)()}`;
    const keep = await exists(nested);
    if (keep)
        await external_node_fs_.promises.rename(nested, kept);
    try {
        await external_node_fs_.promises.rm(destination, { recursive: true, force: true });
        await withSubmoduleCommit(paths, url, superproject.at(paths.dir), submodule.commit, { progress }, source => copyModuleDir(source, destination));
        if (keep)
            await external_node_fs_.promises.rename(kept, nested);
    }
    finally {
        if (keep)
            await external_node_fs_.promises.rm(kept, { recursive: true, force: true });
    }
    // A checkout that is already there (a worktree moved to a new commit) reads its current
    // revision from HEAD: the copy's names no branch it has.
    await detachModuleHead(superproject.at(destination), submodule.commit);
    return true;
}

;// CONCATENATED MODULE: ./src/submodules/recorded.ts

/** The gitlinks of the index, with their names from the checked-out .gitmodules. */
async function recordedSubmodules(repo) {
    const gitlinks = await stagedGitlinks(repo);
    if (gitlinks.length === 0)
        return [];
    const names = await gitmodulesNames(repo);
    return gitlinks.map(link => ({ ...link, name: names.get(link.path) ?? '' }));
}

;// CONCATENATED MODULE: ./src/submodules/update.ts












/** git refuses deeper nesting long before; this bounds a repository that contains itself. */
const MAX_DEPTH = 16;
/** A name git would accept as a folder under `modules/`: nothing can lead outside it. */
function isSafeName(name) {
    return (name !== '' &&
        !external_node_path_.isAbsolute(name) &&
        !name.split(/[/\\]/).some(part => part === '' || part === '.' || part === '..'));
}
/**
 * A submodule repository that was there before this run (from the cache entry): pointed at the
 * URL the superproject now gives, fetched only when it lacks the recorded commit, and the objects
 * of that commit re-hashed. One that cannot be trusted is removed: `git submodule update` then
 * clones it.
 */
async function prepareExisting(superproject, submodule, moduleRepo, options) {
    const url = await submoduleUrl(superproject, submodule.name);
    if (!url)
        return;
    const problem = options.verifyCached ? await danglingRef(moduleRepo) : undefined;
    if (!problem) {
        await setModuleOriginUrl(moduleRepo, url);
        if (!(await moduleRepo.resolveCommit(submodule.commit))) {
            const transfer = { prune: true, progress: options.progress };
            await fetchOrigin(moduleRepo, url, transfer);
            if (!(await moduleRepo.resolveCommit(submodule.commit))) {
                await fetchCommit(moduleRepo, url, submodule.commit, transfer);
            }
        }
        if (!options.verifyCached)
            return;
    }
    const reason = problem ?? (await untrustedObjectsOf(moduleRepo, submodule.commit))?.reason;
    if (!reason)
        return;
    lib_core/* warning */.$e(`The cached repository of submodule ${submodule.path} is not used: ${reason}. Cloning it instead.`, { title: 'Clone cache not used' });
    await external_node_fs_.promises.rm(moduleRepo.dir, { recursive: true, force: true });
}
/** A ref of a cached submodule repository that names an object it does not hold. */
async function danglingRef(moduleRepo) {
    const tips = await moduleRepo.refTips();
    const [missing] = await moduleRepo.missingObjects(tips.map(tip => tip.object));
    return missing && `a ref names the missing object ${missing}`;
}
/**
 * Checks out the submodules of `superproject` (a clone or a worktree) at the commits it records,
 * as actions/checkout does (`git submodule init`, `sync`, `update --force`), then theirs when
 * recursive. Repositories already under `modules/` are reused and fetch only what is new. The
 * superproject's auth reaches a submodule only on origin's own host: the header is scoped to it.
 */
async function updateSubmodules(superproject, options, depth = 0) {
    if (depth >= MAX_DEPTH) {
        throw new errors/* ActionError */.lZ('Submodules nested too deep', `${superproject.dir} is ${MAX_DEPTH} submodule levels deep; a repository that contains itself?`);
    }
    const recorded = await recordedSubmodules(superproject);
    if (recorded.length === 0)
        return;
    await initAndSyncSubmodules(superproject);
    const gitDir = await superproject.absoluteGitDir();
    for (const submodule of recorded.filter(s => isSafeName(s.name))) {
        const moduleRepo = superproject.at(external_node_path_.join(gitDir, 'modules', submodule.name));
        if (options.hostSource &&
            (await copyFromHostClone(superproject, submodule, moduleRepo.dir, options.hostSource))) {
            // Its commit was verified in the host clone, under the lock, just before the copy.
            await prepareExisting(superproject, submodule, moduleRepo, {
                ...options,
                verifyCached: false
            });
            continue;
        }
        const source = options.localSource && external_node_path_.join(options.localSource, 'modules', submodule.name);
        if (!(await exists(moduleRepo.dir)) && source && (await exists(source))) {
            await copyModuleDir(source, moduleRepo.dir);
        }
        if (await exists(moduleRepo.dir)) {
            await prepareExisting(superproject, submodule, moduleRepo, options);
        }
    }
    try {
        // git retries a failed clone once itself; a transient failure of both is worth a new run.
        await withRetries(`update the submodules of ${superproject.dir}`, () => updateSubmodulesOnce(superproject, options));
    }
    catch (error) {
        // withRetries gives up on a transient failure only after its last attempt.
        const tries = transientCause(error) === undefined ? '' : ` after ${FETCH_ATTEMPTS} attempts`;
        throw new errors/* ActionError */.lZ('Submodule update failed', `Could not check out the submodules of ${superproject.dir}${tries}: ${(0,errors/* errorMessage */.gJ)(error)}\nCheck that each submodule URL is reachable and that the token can read the repositories on origin's host (other hosts get no token).`, { cause: error });
    }
    if (!options.recursive)
        return;
    for (const submodule of recorded) {
        const nestedSource = options.localSource && isSafeName(submodule.name)
            ? external_node_path_.join(options.localSource, 'modules', submodule.name)
            : undefined;
        await updateSubmodules(superproject.at(external_node_path_.join(superproject.dir, submodule.path)), { ...options, localSource: nestedSource }, depth + 1);
    }
}

;// CONCATENATED MODULE: ./src/submodules/stage.ts



/**
 * The submodules input's stage: nothing when it is false. Its git commands get the superproject's
 * auth and, with the token, the rule that fetches ssh submodule URLs of origin's host over https.
 */
async function checkOutSubmodules(job, superproject, { fromCache, shallow, localSource }) {
    const { settings, stages } = job;
    if (settings.submodules === 'none')
        return;
    const withRewrites = new Repository(superproject.dir, [
        ...superproject.auth,
        ...sshToHttpsRewrites(settings.originUrl, settings.ssh !== undefined)
    ]);
    await stages.run('checkout', `Checking out submodules${settings.submodules === 'recursive' ? ' (recursive)' : ''} in ${superproject.dir}`, () => updateSubmodules(withRewrites, {
        recursive: settings.submodules === 'recursive',
        verifyCached: fromCache,
        depth: shallow ? settings.fetchDepth : 0,
        progress: settings.showProgress,
        localSource,
        hostSource: settings.cacheDir
            ? { cacheDir: settings.cacheDir, progress: settings.showProgress }
            : undefined
    }), { cwd: superproject.dir, writing: superproject.dir });
}

;// CONCATENATED MODULE: ./src/main-step/sync-clone.ts


















function isWorkflowRepository(settings, context) {
    return settings.repository.toLowerCase() === context.workflowRepository.toLowerCase();
}
function refRequest(settings, context, defaultBranch) {
    if (settings.ref)
        return { ref: settings.ref, sha: '' };
    if (isWorkflowRepository(settings, context) && context.eventRef) {
        return { ref: context.eventRef, sha: context.eventSha };
    }
    if (isWorkflowRepository(settings, context) && context.eventSha) {
        return { ref: context.eventSha, sha: context.eventSha };
    }
    return { ref: `refs/heads/${defaultBranch}`, sha: '' };
}
/** origin's default branch: from the event when it names it, else asked of the server. */
async function defaultBranchOf(clone, settings, context) {
    const fromEvent = isWorkflowRepository(settings, context) ? context.eventDefaultBranch : '';
    return fromEvent || (await remoteDefaultBranch(clone, settings.originUrl));
}
/** The cache entry cannot be used after all: the job clones instead. */
class EntryRefused extends Error {
    fallback;
    constructor(fallback) {
        super(fallback.reason);
        this.fallback = fallback;
        this.name = 'EntryRefused';
    }
}
/** Every object a checkout of the commits will read hashes to its id, or the entry is refused. */
async function verifyObjectsOf(clone, commits) {
    const problem = await untrustedObjectsOf(clone, ...commits);
    if (problem) {
        throw new EntryRefused({ ...problem, reason: `cache entry refused: ${problem.reason}` });
    }
}
/** What the job will check out: the target, and the task worktree's start (its branch or base). */
async function commitsToCheckOut(clone, settings, target, defaultBranch) {
    const commits = new Set([target.commit]);
    if (settings.branch) {
        for (const branch of [settings.branch, settings.base || defaultBranch]) {
            const commit = branch && (await clone.resolveCommit(`refs/remotes/origin/${branch}`));
            if (commit)
                commits.add(commit);
        }
    }
    return [...commits];
}
/** What the clone held before the fetch: fetch-depth and fetch-tags narrow only what is fetched. */
async function historySource(clone, prepared) {
    if (prepared.cache.pathHeldClone) {
        return { kind: 'existing', path: clone.dir, shallow: await clone.isShallow() };
    }
    if (prepared.cachedCommit) {
        const from = prepared.cache.source === 'host-dir' ? 'host-clone' : 'cache-entry';
        return { kind: 'seeded', from };
    }
    return { kind: 'fresh' };
}
/**
 * Origin, fetch, checkout of `ref`: the same for a seeded and a fresh clone. The fetch stage
 * includes pointing origin at the repository and asking for its default branch; in a seeded
 * clone, the objects of the commit are verified before the checkout.
 */
async function syncClone(job, clone, prepared) {
    const { settings, context, stages } = job;
    const { cachedCommit } = prepared;
    const where = { cwd: settings.clonePath };
    const ownClone = await isActionClone(external_node_path_.join(settings.clonePath, '.git'));
    const { target, defaultBranch, shallow, commits } = await stages.run('fetch', 'Fetching from origin', async () => {
        // Inside the stage: the first git command in path (dubious ownership) gets its diagnosis.
        const { transfer, notes } = planFetch(settings, await historySource(clone, prepared));
        for (const note of notes)
            lib_core/* info */.pq(note);
        await setOrigin(clone, settings.originUrl, ownClone);
        // A token an earlier run of this action persisted in the clone at path (its post step did
        // not run) goes; a seeded or new clone has the template config, and a clone you made keeps
        // its config (authConfig makes git ignore its header for our fetch).
        if (ownClone && prepared.cache.pathHeldClone) {
            await removeStaleCredentials(clone, settings.originUrl);
        }
        const defaultBranch = await defaultBranchOf(clone, settings, context);
        const request = refRequest(settings, context, defaultBranch);
        if (!request.ref || request.ref === 'refs/heads/') {
            throw new errors/* ActionError */.lZ('Nothing to check out', `${settings.originUrl} has no default branch: the repository is empty, or its HEAD names no branch. Push a first commit, or give ref.`);
        }
        const extra = [
            extraRefspecFor(request.ref),
            tagRefspecFor(request.ref, settings.fetchTags)
        ].filter(refspec => refspec !== undefined);
        await fetchOrigin(clone, settings.originUrl, {
            prune: ownClone,
            extraRefspecs: extra,
            ...transfer
        });
        // After an --unshallow fetch the clone is complete: asking for that again fails.
        const followUp = transfer.depth === 'unshallow' ? { ...transfer, depth: undefined } : transfer;
        const target = await resolveTarget(clone, request, settings.originUrl, {
            commit: sha => fetchCommit(clone, settings.originUrl, sha, followUp),
            tag: settings.fetchTags
                ? undefined
                : name => fetchTag(clone, settings.originUrl, name, followUp)
        });
        if (defaultBranch) {
            await setOriginHead(clone, defaultBranch).catch(error => {
                if (!(error instanceof GitError))
                    throw error;
            });
        }
        // What the blob fetch and the verify read; only a blobless or a seeded clone needs them.
        const commits = transfer.filter || cachedCommit
            ? await commitsToCheckOut(clone, settings, target, defaultBranch)
            : [];
        // A blobless clone this job made: the blobs of what is checked out, before they are read.
        if (transfer.filter)
            await fetchBlobsToCheckOut(clone, settings.originUrl, commits, transfer);
        const shallow = typeof transfer.depth === 'number' && (await clone.isShallow());
        return { target, defaultBranch, shallow, commits };
    }, where);
    // git does not re-hash what it checks out: what came from the cache is checked first.
    if (cachedCommit) {
        await stages.run('verify', `Verifying the objects of ${target.commit}`, async () => {
            await verifyObjectsOf(clone, commits);
            await settleSeededLfsStore(await clone.absoluteGitDir(), settings.lfs);
        }, where);
    }
    await stages.run('checkout', `Checking out ${target.name} (${target.commit})`, async () => {
        await applySparseCheckout(clone, settings.sparseCheckout, { mainWorktree: true });
        await checkoutTarget(clone, target, { ownClone, clean: settings.clean });
    }, where);
    await checkOutSubmodules(job, clone, { fromCache: cachedCommit !== undefined, shallow });
    if (settings.lfs) {
        await stages.run('checkout', `Checking out the Git LFS files of ${target.commit}`, async () => {
            await installLfsInClone(clone);
            await pullLfsFiles(clone, { progress: settings.showProgress, verifyNeeded: false });
        }, where);
    }
    // Best effort: the count walks history that came from the cache.
    const staleCommits = cachedCommit
        ? await clone.countCommits(cachedCommit, target.commit).catch(() => null)
        : null;
    return {
        target,
        defaultBranch,
        isDefaultBranch: target.kind === 'branch' &&
            target.name === defaultBranch &&
            runsOnWorkflowDefaultBranch(settings, context, defaultBranch),
        staleCommits,
        shallow
    };
}
/**
 * GitHub scopes cache entries by the run's ref: only an entry saved by a run on the workflow
 * repository's default branch is visible to every branch. (A pull request that checks out main
 * would save into its own scope, where nothing else can use it.) Off GitHub there is no scope.
 */
function runsOnWorkflowDefaultBranch(settings, context, defaultBranch) {
    if (!context.eventRef)
        return true;
    const workflowDefault = context.eventDefaultBranch || (isWorkflowRepository(settings, context) ? defaultBranch : '');
    return workflowDefault !== '' && context.eventRef === `refs/heads/${workflowDefault}`;
}

;// CONCATENATED MODULE: ./src/git/worktrees.ts

function checkoutArgs(worktreePath, checkout) {
    if ('detachedAt' in checkout)
        return ['--detach', '--', worktreePath, checkout.detachedAt];
    if ('branch' in checkout)
        return ['--', worktreePath, checkout.branch];
    return ['-b', checkout.newBranch, '--', worktreePath, checkout.startAt];
}
/**
 * Adds a worktree at `worktreePath`. With `lockReason`, it is locked from its first file (git
 * 2.33+): an add cut short leaves a worktree whose lock says whose it was. With `noCheckout`, HEAD
 * is set and no file (nor index) is written.
 */
async function addWorktree(repo, worktreePath, checkout, lockReason, noCheckout = false) {
    const lock = lockReason === undefined ? [] : ['--lock', '--reason', lockReason];
    await runGit(repo.dir, [
        'worktree',
        'add',
        '--quiet',
        ...(noCheckout ? ['--no-checkout'] : []),
        ...lock,
        ...checkoutArgs(worktreePath, checkout)
    ]);
}
async function lockWorktree(repo, worktreePath, reason) {
    await runGit(repo.dir, ['worktree', 'lock', '--reason', reason, '--', worktreePath]);
}
async function worktrees_unlockWorktree(repo, worktreePath) {
    await runGit(repo.dir, ['worktree', 'unlock', '--', worktreePath]);
}
/** Removes a worktree and its files; twice forced, so a locked one goes too, in one step. */
async function worktrees_removeWorktree(repo, worktreePath) {
    await runGit(repo.dir, ['worktree', 'remove', '--force', '--force', '--', worktreePath]);
}
/** Forgets worktrees whose folders are gone. */
async function worktrees_pruneWorktrees(repo) {
    await runGit(repo.dir, ['worktree', 'prune']);
}
/** The worktrees git has registered, as `git worktree list --porcelain` shows them. */
async function listedWorktrees(repo) {
    const out = await gitOutput(repo.dir, ['worktree', 'list', '--porcelain']);
    const entries = [];
    let current;
    for (const line of out.split('\n')) {
        if (line.startsWith('worktree ')) {
            current = { path: line.slice('worktree '.length), head: '', branch: '', bare: false };
            entries.push(current);
        }
        else if (!current) {
            continue;
        }
        else if (line.startsWith('HEAD ')) {
            current.head = line.slice(5);
        }
        else if (line.startsWith('branch ')) {
            current.branch = line.slice(7);
        }
        else if (line === 'bare') {
            current.bare = true;
        }
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/worktree/list.ts






/** True when the lease's job may still run. */
function leaseIsLive(lease) {
    // A job on this host is checked, however long it runs; only one elsewhere expires by age.
    if (livenessIsKnown(lease))
        return isAlive(lease);
    const age = Date.now() - Date.parse(lease.since);
    return !(Number.isFinite(age) && age > leaseMaxAgeMs());
}
const LEASE_PREFIX = 'clone-cache-lease:';
/** A lease as git's lock reason; base64url, so git never quotes or escapes it. */
function formatLease(lease) {
    return LEASE_PREFIX + Buffer.from(JSON.stringify(lease), 'utf8').toString('base64url');
}
function parseLease(reason) {
    if (!reason?.startsWith(LEASE_PREFIX))
        return undefined;
    try {
        const lease = JSON.parse(Buffer.from(reason.slice(LEASE_PREFIX.length), 'base64url').toString('utf8'));
        return lease.cloneCache === 1 ? lease : undefined;
    }
    catch {
        return undefined;
    }
}
function list_holderOf(entry) {
    if (entry.lockReason === undefined)
        return { kind: 'free' };
    if (entry.lockReason === 'initializing')
        return { kind: 'initializing' };
    const lease = parseLease(entry.lockReason);
    return lease ? { kind: 'job', lease, live: leaseIsLive(lease) } : { kind: 'person' };
}
async function readIfThere(file) {
    return external_node_fs_.promises.readFile(file, 'utf8').then(text => text.replace(/\n$/, ''), () => undefined);
}
/**
 * Reads the worktree records from disk: `worktree list --porcelain` shows locks only from git
 * 2.31 on, and shows a worktree in the middle of a rebase as detached.
 */
async function readAdminRecords(repo) {
    const root = external_node_path_.join(await repo.commonDir(), 'worktrees');
    const records = new Map();
    for (const id of await listDir(root)) {
        const dir = external_node_path_.join(root, id);
        const gitdir = await readIfThere(external_node_path_.join(dir, 'gitdir'));
        if (!gitdir)
            continue;
        const headName = (await readIfThere(external_node_path_.join(dir, 'rebase-merge', 'head-name'))) ??
            (await readIfThere(external_node_path_.join(dir, 'rebase-apply', 'head-name')));
        const bisected = await readIfThere(external_node_path_.join(dir, 'BISECT_START'));
        records.set(fs_util_canonicalPath(external_node_path_.dirname(external_node_path_.resolve(dir, gitdir.trim()))), {
            lockReason: await readIfThere(external_node_path_.join(dir, 'locked')),
            busyBranch: headName?.startsWith('refs/heads/')
                ? headName
                : bisected
                    ? `refs/heads/${bisected.trim()}`
                    : undefined,
            complete: await exists(external_node_path_.join(dir, 'index'))
        });
    }
    return records;
}
/** git's worktree list, with what its records on disk say (locks, unfinished adds, rebases). */
async function list_listWorktrees(repo) {
    const [listed, records] = await Promise.all([listedWorktrees(repo), readAdminRecords(repo)]);
    const entries = listed.map(worktree => ({
        ...worktree,
        path: fs_util_canonicalPath(worktree.path),
        complete: true
    }));
    for (const entry of entries.slice(1)) {
        const record = records.get(entry.path);
        if (!record)
            continue;
        entry.lockReason = record.lockReason;
        entry.complete = record.complete;
        if (!entry.branch && record.busyBranch) {
            entry.branch = record.busyBranch;
            entry.busy = true;
        }
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/worktree/remove.ts





/**
 * Ends a job's lease on its worktree: removes the worktree (then prunes the registry), or with
 * `remove` false unlocks it for reuse. Only git's own `worktree remove` deletes files, so nothing
 * that is not a registered worktree is ever removed. A worktree that is already gone is not an
 * error, and one that no longer carries this job's lease (it was judged dead, and another job
 * holds or released the worktree now) is left alone.
 */
async function endLease(repo, worktreePath, lease, remove) {
    const entry = (await listWorktrees(repo)).find(e => e.path === canonicalPath(worktreePath));
    if (!entry) {
        await pruneWorktrees(repo);
        return 'gone';
    }
    // Another job holds it, or released it after taking this job's lease for dead.
    if (entry.lockReason !== lease)
        return 'not ours';
    if (!remove) {
        await unlockWorktree(repo, worktreePath);
        return 'released';
    }
    // A locked worktree goes too, in one step, so no kill can leave it unlocked.
    await removeWorktree(repo, worktreePath);
    await pruneWorktrees(repo);
    return 'removed';
}
/**
 * Prunes the registry, then cleans up after jobs that died without their post step: a worktree
 * is removed when its lease asked for it, otherwise released for reuse. Worktrees locked by anyone
 * else are left alone. Returns the registry as it is afterwards.
 */
async function reapDeadJobs(repo) {
    await worktrees_pruneWorktrees(repo);
    const entries = await list_listWorktrees(repo);
    const kept = [];
    for (const entry of entries) {
        const holder = list_holderOf(entry);
        if (holder.kind === 'initializing') {
            const removed = await worktrees_removeWorktree(repo, entry.path).then(() => true, () => false);
            if (!removed)
                kept.push(entry);
            continue;
        }
        if (holder.kind !== 'job' || holder.live) {
            kept.push(entry);
            continue;
        }
        try {
            // A worktree whose add never finished is removed even when its job meant to keep it.
            if (holder.lease.removeOnExit || !entry.complete) {
                await worktrees_removeWorktree(repo, entry.path);
            }
            else {
                await worktrees_unlockWorktree(repo, entry.path);
                kept.push({ ...entry, lockReason: undefined });
            }
            lib_core/* info */.pq(`Cleaned up the worktree ${entry.path} of a job that is gone (${holder.lease.job}).`);
        }
        catch (error) {
            kept.push(entry);
            lib_core/* warning */.$e(`Could not clean up the worktree ${entry.path} of a dead job: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    return kept;
}

;// CONCATENATED MODULE: ./src/worktree/create.ts













const MAX_SLOTS = 64;
/** `worktree add --lock --reason` arrived in git 2.33. */
const LEASE_AT_ADD = [2, 33];
/** What the log says of a worktree detached because another worktree has the branch. */
function detachedNote(branch, holder, commit, atOrigin) {
    const where = atOrigin ? ` (origin/${branch})` : '';
    return `${branch} is checked out in ${holder}; this job gets a detached worktree at ${commit}${where}.`;
}
/** What the log says of the task worktree once it is made. */
function worktreeNote(branch, at, mode, commit) {
    return `Task worktree for ${branch}: ${at} (${mode}, ${commit}).`;
}
/** The job's lease: its runner process (the step's parent) lives as long as the job does. */
function newLease(removeOnExit) {
    return {
        cloneCache: 1,
        ...identityOf(process.ppid),
        removeOnExit,
        since: new Date().toISOString()
    };
}
/** The first folder this job may use: empty, or this branch's unleased worktree. */
async function findSlot(entries, request) {
    const ref = `refs/heads/${request.branch}`;
    for (let slot = 1; slot <= MAX_SLOTS; slot++) {
        const candidate = slotName(request.folder, slot);
        const existing = entries.find(e => e.path === candidate);
        if (existing) {
            // Kept worktrees of other branches (or detached ones, which may hold commits) stay as
            // they are; so does one in the middle of a rebase or bisect.
            const reusable = list_holderOf(existing).kind === 'free' && !existing.busy && existing.complete;
            if (reusable && existing.branch === ref)
                return { path: candidate, existing };
            continue;
        }
        if ((await listDir(candidate)).length === 0) {
            return { path: candidate, folderExisted: await exists(candidate) };
        }
    }
    throw new errors/* ActionError */.lZ('No free worktree folder', `Folders ${request.folder} to ${slotName(request.folder, MAX_SLOTS)} are all in use or hold other files.`);
}
/**
 * The job's own main clone (hosted mode) may have the task branch checked out; it steps aside
 * (detached at the same commit) so the worktree can have the branch.
 */
async function releaseFromMainCheckout(repo, main, branch) {
    if (main && !main.bare && main.branch === `refs/heads/${branch}`) {
        await detachHead(repo.at(main.path));
        main.branch = '';
        lib_core/* info */.pq(`The main clone now has ${branch} detached, so the task worktree can have the branch.`);
    }
}
async function alignToOrigin(repo, worktreePath, { branch, clean }, originCommit) {
    const worktree = repo.at(worktreePath);
    const before = await worktree.resolveCommit('HEAD');
    // Reset even at the same commit: the files of a kept worktree may have been changed since.
    await resetHard(worktree, originCommit);
    if (before !== originCommit) {
        lib_core/* info */.pq(`Aligned ${branch} to origin/${branch}: ${before} -> ${originCommit} (the old tip stays in the reflog).`);
    }
    if (clean)
        await removeUntrackedFiles(worktree);
    else
        lib_core/* info */.pq(`clean is false: untracked and ignored files in ${worktreePath} are kept.`);
}
/**
 * Creates (or reuses) the task worktree for a branch, under the caller's locks:
 * an unleased worktree of the branch is reused and aligned to origin when origin has the branch
 * (a local-only branch is never reset); else an existing branch is attached (moved to origin's
 * tip when origin has it); else a new branch starts at origin/<base>. When the branch is checked
 * out in another worktree (a live job's, one kept by an earlier job, or a person's), this job gets
 * its own worktree detached at origin's tip of the branch (the local tip for a local-only branch).
 */
async function createWorktree(repo, given) {
    const request = { ...given, folder: fs_util_canonicalPath(given.folder) };
    const ref = `refs/heads/${request.branch}`;
    // Read alongside the registry: no step before the add moves these refs.
    const tips = Promise.all([
        repo.resolveCommit(`refs/remotes/origin/${request.branch}`),
        repo.resolveCommit(ref)
    ]);
    tips.catch(() => undefined); // awaited below
    const entries = await reapDeadJobs(repo);
    await releaseFromMainCheckout(repo, entries[0], request.branch);
    const slot = await findSlot(entries, request);
    const [originCommit, localCommit] = await tips;
    // A live job's worktree, or one kept by an earlier job or made by a person: never touched.
    const holder = entries.find(e => e.branch === ref && e.path !== slot.path);
    const lease = formatLease(newLease(request.removeOnExit));
    // With git 2.33+ the lease is on the worktree from its first file, so a job killed mid-add
    // leaves a worktree the next job can tell is dead; older git gets the lease just after.
    const leasedAtAdd = !slot.existing && (await gitAtLeast(LEASE_AT_ADD));
    const worktree = repo.at(slot.path);
    // A sparse worktree is added without files, then checked out through its patterns.
    const add = async (checkout) => {
        const sparse = request.sparse;
        await addWorktree(repo, slot.path, checkout, leasedAtAdd ? lease : undefined, !!sparse);
        if (!sparse)
            return;
        await applySparseCheckout(worktree, sparse, { mainWorktree: false });
        await resetHard(worktree, 'HEAD');
    };
    let mode;
    if (slot.existing) {
        mode = 'reused';
        await lockWorktree(repo, slot.path, lease);
        await applySparseCheckout(worktree, request.sparse, { mainWorktree: false });
        if (originCommit)
            await alignToOrigin(repo, slot.path, request, originCommit);
    }
    else if (holder) {
        mode = 'detached';
        // origin's tip, not the local branch: the holder may be a worktree kept days ago.
        const commit = originCommit || localCommit;
        await add({ detachedAt: commit });
        lib_core/* info */.pq(detachedNote(request.branch, holder.path, commit, originCommit !== ''));
    }
    else if (localCommit) {
        mode = 'attached';
        if (originCommit && originCommit !== localCommit) {
            await moveRef(repo, ref, localCommit, originCommit, 'clone-cache: align to origin');
            lib_core/* info */.pq(`Moved ${request.branch} to origin/${request.branch}: ${localCommit} -> ${originCommit}.`);
        }
        await add({ branch: request.branch });
    }
    else if (originCommit) {
        mode = 'attached';
        await add({ newBranch: request.branch, startAt: originCommit });
        await trackOriginBranch(repo, request.branch);
    }
    else {
        const start = await repo.resolveCommit(`refs/remotes/origin/${request.base}`);
        if (!start) {
            throw new errors/* InputError */.dz('base', `origin has no branch '${request.base}' to start the new branch '${request.branch}' from.`);
        }
        mode = 'created';
        await add({ newBranch: request.branch, startAt: start });
    }
    if (!slot.existing && !leasedAtAdd)
        await lockWorktree(repo, slot.path, lease);
    const commit = await worktree.resolveCommit('HEAD');
    lib_core/* info */.pq(worktreeNote(request.branch, slot.path, mode, commit));
    const folderExisted = slot.folderExisted ?? false;
    return { path: external_node_path_.resolve(slot.path), mode, commit, lease, folderExisted };
}

;// CONCATENATED MODULE: ./src/main-step/mode.ts



function chooseMode(settings) {
    if (!settings.cacheDir)
        return { kind: 'hosted-cache' };
    const hostClone = hostClonePaths(settings.cacheDir, settings.repoName, settings.originUrl);
    return settings.branch
        ? { kind: 'host-worktree', hostClone }
        : { kind: 'host-clone-seed', hostClone };
}
/** `worktree-path`, or `<parent of the workspace>/_wt/<repo>/<safe branch folder>`. */
function worktreeFolder(settings, context) {
    return (settings.worktreePath ||
        external_node_path_.join(external_node_path_.dirname(context.workspace), '_wt', settings.repoName, folderNameFor(settings.branch)));
}
/** The directories the mode writes: the only ones the permission diagnosis may scan and fix. */
function diagnosisSettings(mode, settings, context) {
    const worktreeRoot = settings.branch
        ? settings.worktreePath || external_node_path_.dirname(external_node_path_.dirname(worktreeFolder(settings, context)))
        : '';
    const writesPath = mode !== 'host-worktree';
    const roots = [
        writesPath ? settings.workspace : '',
        writesPath ? settings.clonePath : '',
        worktreeRoot,
        settings.cacheDir
    ];
    return {
        enabled: settings.diagnosePermissions,
        fixOwnership: settings.fixOwnership,
        roots: roots.filter(Boolean)
    };
}

;// CONCATENATED MODULE: ./src/main-step/task-worktree.ts




/** What the job asks of `createWorktree`, with origin's default branch as it is known. */
function taskWorktreeRequest({ settings, context }, defaultBranch) {
    return {
        branch: settings.branch,
        base: settings.base || defaultBranch,
        folder: worktreeFolder(settings, context),
        removeOnExit: settings.removeWorktree,
        clean: settings.clean,
        sparse: settings.sparseCheckout
    };
}
/** Creates the task worktree from `repo` (the main clone, or the host clone under its lock). */
async function createTaskWorktree(job, repo, defaultBranch, hostLock, fromCache = false) {
    const { settings } = job;
    const request = taskWorktreeRequest(job, defaultBranch);
    const folder = request.folder;
    const created = await job.stages.run('worktree', `Creating the task worktree for ${settings.branch}`, () => createWorktree(repo, request), 
    // git names files in a worktree relative to the worktree.
    { cwd: folder, writing: folder });
    await checkOutWorktreeSubmodules(job, repo, created.path, fromCache);
    if (settings.lfs)
        await checkOutLfsFiles(job, repo, created, hostLock);
    return {
        ...created,
        branch: settings.branch,
        repoDir: repo.dir,
        removeOnExit: settings.removeWorktree,
        hostLock
    };
}
/**
 * The submodules of the worktree at `folder` (nothing when the input is false). With cache-dir
 * they come from their host clones; otherwise the main clone's submodule repositories are copied
 * locally. Either way no history crosses the network.
 */
async function checkOutWorktreeSubmodules(job, repo, folder, fromCache = false) {
    if (job.settings.submodules === 'none')
        return;
    await checkOutSubmodules(job, repo.at(folder), {
        fromCache,
        shallow: false,
        localSource: await repo.commonDir()
    });
}
/**
 * The worktree's LFS files, from the store where it has them. From the host clone, whose store
 * other jobs can write, what the worktree needs is hashed first.
 */
async function checkOutLfsFiles(job, repo, worktree, hostLock) {
    await job.stages.run('worktree', `Checking out the Git LFS files of ${worktree.commit}`, async () => {
        const tree = repo.at(worktree.path);
        // The host clone's config is rebuilt by each job's refresh: set up again for this one.
        if (hostLock)
            await installLfsInClone(tree);
        return pullLfsFiles(tree, {
            progress: job.settings.showProgress,
            verifyNeeded: hostLock !== undefined
        });
    }, { cwd: worktree.path, writing: worktree.path });
}

;// CONCATENATED MODULE: ./src/main-step/clone-into-path.ts







/** Syncs the prepared clone; on failure, what this run made goes (never a clone that looks ready). */
async function syncOrRemove(job, clone, prepared) {
    return syncClone(job, clone, prepared).catch(async (error) => {
        if (prepared.createdByThisRun) {
            await removeCreatedByThisRun(prepared.createdByThisRun).catch(() => undefined);
        }
        throw error;
    });
}
/**
 * Hosted, or self-hosted without a branch: seed `path` from the cache (or clone it), sync it,
 * then the task worktree from it when a branch is given.
 */
async function cloneIntoPath(job, mode, clone) {
    const { settings, context } = job;
    const backend = mode.kind === 'host-clone-seed'
        ? new HostDirBackend(mode.hostClone, context.workspace, settings.originUrl, clone, settings.showProgress)
        : new ActionsCacheBackend(context.workspace, context.runnerTemp, limits().restoreTimeoutMs);
    // The entry for the event's own commit, when there is one, wins over a newer one.
    const exactCommit = !settings.ref && isWorkflowRepository(settings, context) ? context.eventSha : '';
    let prepared = await prepareClone(job, backend, exactCommit);
    let synced;
    try {
        synced = await syncOrRemove(job, clone, prepared);
    }
    catch (error) {
        if (!(error instanceof EntryRefused))
            throw error;
        if (mode.kind === 'host-clone-seed')
            await markForRebuild(mode.hostClone, error.fallback);
        prepared = await replaceRefusedSeed(job, prepared, error.fallback);
        synced = await syncOrRemove(job, clone, prepared);
    }
    const worktree = settings.branch
        ? await createTaskWorktree(job, clone, synced.defaultBranch, undefined, prepared.cachedCommit !== undefined)
        : undefined;
    return {
        mode: mode.kind,
        cache: prepared.cache,
        clonePath: settings.clonePath,
        target: synced.target,
        isDefaultBranch: synced.isDefaultBranch,
        staleCommits: synced.staleCommits,
        shallow: synced.shallow,
        worktree
    };
}

;// CONCATENATED MODULE: ./src/worktree/retarget.ts






/**
 * Moves a worktree made from the host clone's refs before its refresh fetch ended to where
 * `createWorktree` would have put it after the fetch: origin's tip of the branch when origin has
 * it (a new branch made meanwhile from `base` then attaches to origin's branch, as it would have),
 * else origin's new tip of `base` for a branch this job created; a local-only branch stays. Call
 * under the same lock that made the worktree.
 */
async function retargetWorktree(repo, made, request) {
    const originCommit = await repo.resolveCommit(`refs/remotes/origin/${request.branch}`);
    let target = originCommit || made.commit;
    let mode = made.mode;
    if (made.mode === 'created') {
        if (originCommit) {
            mode = 'attached';
        }
        else {
            target = await repo.resolveCommit(`refs/remotes/origin/${request.base}`);
            if (!target) {
                throw new errors/* InputError */.dz('base', `origin has no branch '${request.base}' to start the new branch '${request.branch}' from.`);
            }
        }
    }
    if (target !== made.commit) {
        // This job's worktree, just made or reset: its tracked files hold no one's work.
        await resetHard(repo.at(made.path), target);
        lib_core/* info */.pq(`origin moved while the worktree was made: ${request.branch} ${made.commit} -> ${target}.`);
        if (mode === 'detached') {
            const ref = `refs/heads/${request.branch}`;
            const holder = (await listedWorktrees(repo)).find(e => e.branch === ref);
            if (holder)
                lib_core/* info */.pq(detachedNote(request.branch, holder.path, target, originCommit !== ''));
        }
        lib_core/* info */.pq(worktreeNote(request.branch, made.path, mode, target));
    }
    if (mode !== made.mode)
        await trackOriginBranch(repo, request.branch);
    return { ...made, mode, commit: target };
}
/**
 * Takes back what an attempt at the worktree made before a refresh that failed or rebuilt the
 * clone, or that failed itself: the worktree when it was made, and the branch when this job made
 * it (a failed `worktree add -b` keeps it), so that neither a rebuilt clone nor the next attempt
 * finds the branch at an old commit.
 */
async function discardWorktree(repo, made, request, branchExisted) {
    if (made)
        await worktrees_removeWorktree(repo, made.path);
    const ref = `refs/heads/${request.branch}`;
    const tip = await repo.resolveCommit(ref);
    if (!branchExisted && tip)
        await deleteRef(repo, ref, tip);
}

;// CONCATENATED MODULE: ./src/main-step/verify-ahead.ts

/** The commit `createWorktree` puts a worktree at, as the clone's refs are now. */
async function likelyCommit(repo, branch, base) {
    return ((await repo.resolveCommit(`refs/remotes/origin/${branch}`)) ||
        (await repo.resolveCommit(`refs/heads/${branch}`)) ||
        (await repo.resolveCommit(`refs/remotes/origin/${base}`)));
}
/**
 * The objects of the commit a task worktree will most likely be made at, re-hashed while
 * `git worktree add` writes it: both only read the object store, so the check no longer waits
 * for the checkout. The worktree is used only once the commit it got has been checked: `of`
 * gives the early check when it is that commit, else checks that commit then.
 */
class VerifiedAhead {
    repo;
    early;
    constructor(repo, early) {
        this.repo = repo;
        this.early = early;
    }
    static start(repo, branch, base) {
        const early = likelyCommit(repo, branch, base).then(async (commit) => ({
            commit,
            problem: commit ? await untrustedObjectsOf(repo, commit) : undefined
        }));
        // The commit is then simply checked after the worktree is made.
        const settled = early.catch(() => ({ commit: '', problem: undefined }));
        return new VerifiedAhead(repo, settled);
    }
    /** Why the objects of `commit` cannot be trusted, or undefined when each hashes to its id. */
    async of(commit) {
        const early = await this.early;
        return early.commit === commit ? early.problem : untrustedObjectsOf(this.repo, commit);
    }
    /** Resolves once the early check's git processes have ended. */
    async settled() {
        await this.early;
    }
}

;// CONCATENATED MODULE: ./src/main-step/overlapped-refresh.ts













/**
 * The refresh that runs while the worktree is made. Within the fresh window (another job fetched
 * moments ago) origin is asked only for the tips the job starts from, and the fetch is skipped
 * when the host clone holds them; otherwise (or when they differ) the whole refresh fetch runs.
 * `beforeRebuild` ends the worktree's use of the clone before a corrupt clone is swapped.
 */
async function refreshInBackground(job, paths, hostClone, knownDefaultBranch, beforeRebuild) {
    const { settings } = job;
    const { originUrl } = settings;
    const { transfer } = planFetch(settings, { kind: 'host-clone' });
    if (knownDefaultBranch && (await fetchedRecently(paths.dir))) {
        const starts = [settings.branch, settings.base || knownDefaultBranch];
        const probe = await withRetries(`ask ${originUrl} for the tips of ${starts.join(', ')}`, () => originMatches(hostClone, starts, knownDefaultBranch)).catch((error) => {
            lib_core/* info */.pq(`Could not ask origin for its tips (${(0,errors/* errorMessage */.gJ)(error)}); fetching.`);
            return undefined;
        });
        if (probe?.matches) {
            lib_core/* info */.pq(`The host clone was fetched moments ago and holds origin's tips of ${[...new Set(starts)].join(' and ')}: no fetch needed.`);
            return { defaultBranch: probe.defaultBranch, rebuilt: false };
        }
    }
    // Origin's default branch is asked for alongside the fetch: two round trips at once.
    const asked = remoteDefaultBranch(hostClone, originUrl);
    asked.catch(() => undefined); // awaited below, unless the clone is rebuilt first
    const { rebuilt } = await fetchIntoHostClone(paths, originUrl, hostClone, transfer, beforeRebuild);
    return {
        defaultBranch: await (rebuilt ? remoteDefaultBranch(hostClone, originUrl) : asked),
        rebuilt
    };
}
/**
 * Refreshes the host clone and creates the task worktree from it, under the host clone's lock.
 * The worktree is made from the refs the clone already holds while the refresh fetch runs; once
 * the fetch has ended it is moved to origin's tip (usually the same commit, and otherwise a
 * checkout of what changed), so the job still ends at origin's tip of the branch as of this job.
 * A clone that is missing or broken is made first, and nothing overlaps then.
 */
async function refreshAndCreateWorktree(job, paths, hostClone) {
    const { settings, context, stages } = job;
    const { transfer } = planFetch(settings, { kind: 'host-clone' });
    const where = { cwd: paths.dir, writing: paths.cacheDir };
    const prepared = await stages.run('fetch', `Refreshing the host clone ${paths.dir}`, async () => {
        const made = await prepareHostClone(paths, settings.originUrl, hostClone, transfer);
        if (made.created)
            return { ...made, knownDefaultBranch: '', branchExisted: false };
        const [known, branchTip] = await Promise.all([
            originHeadBranch(hostClone),
            hostClone.resolveCommit(`refs/heads/${settings.branch}`)
        ]);
        return { ...made, knownDefaultBranch: known, branchExisted: branchTip !== '' };
    }, where);
    if (prepared.created) {
        const defaultBranch = await stages.run('fetch', `Asking ${settings.originUrl} for its default branch`, async () => {
            const asked = await remoteDefaultBranch(hostClone, settings.originUrl);
            await finishRefresh(hostClone, asked);
            return asked;
        }, where);
        const worktree = await createTaskWorktree(job, hostClone, defaultBranch || context.eventDefaultBranch, paths.lock);
        return {
            created: true,
            tipsBefore: prepared.tipsBefore,
            defaultBranch,
            worktree,
            untrustedObjectsOf: commit => untrustedObjectsOf(hostClone, commit)
        };
    }
    const guessedDefault = prepared.knownDefaultBranch || context.eventDefaultBranch;
    const guessed = taskWorktreeRequest(job, guessedDefault);
    const { branchExisted } = prepared;
    const attempt = createTaskWorktree(job, hostClone, guessedDefault, paths.lock);
    const ahead = VerifiedAhead.start(hostClone, guessed.branch, guessed.base);
    let discarded;
    // Once: after a failed fetch or attempt, and before a corrupt clone is swapped for a new one.
    const discardEarly = () => (discarded ??= ahead.settled().then(() => attempt.then(made => discardWorktree(hostClone, made, guessed, branchExisted), () => discardWorktree(hostClone, undefined, guessed, branchExisted))));
    const refreshing = refreshInBackground(job, paths, hostClone, prepared.knownDefaultBranch, discardEarly);
    refreshing.catch(() => undefined); // awaited below, after the worktree
    const first = await attempt.then(made => ({ made, error: undefined }), (error) => ({ made: undefined, error }));
    const refreshed = await stages.run('fetch', `Finishing the refresh of the host clone ${paths.dir}`, async () => {
        try {
            const done = await refreshing;
            // origin/HEAD is set only when origin's default branch is not what it already names.
            const known = done.defaultBranch === prepared.knownDefaultBranch && !done.rebuilt;
            await finishRefresh(hostClone, known ? '' : done.defaultBranch);
            return done;
        }
        catch (error) {
            await discardEarly().catch(() => undefined);
            throw error;
        }
    }, where);
    const defaultBranch = refreshed.defaultBranch || context.eventDefaultBranch;
    let worktree;
    if (first.made && !refreshed.rebuilt) {
        const request = taskWorktreeRequest(job, defaultBranch);
        const made = first.made;
        worktree = await stages.run('worktree', `Aligning the task worktree with origin's tip of ${settings.branch}`, () => retargetWorktree(hostClone, made, request), { cwd: made.path, writing: made.path });
        if (worktree.commit !== made.commit) {
            // The reset to origin's tip moved the gitlinks, not the submodules' checkouts.
            await checkOutWorktreeSubmodules(job, hostClone, worktree.path);
            // It wrote the new commit's LFS pointers, not their files.
            if (settings.lfs)
                await checkOutLfsFiles(job, hostClone, worktree, paths.lock);
        }
    }
    else {
        // A permission problem would only repeat; anything else may have come from the refs as they
        // were before the fetch (a base that origin just got), and the clone is fetched now.
        if (first.error instanceof PermissionError) {
            await ahead.settled();
            throw first.error;
        }
        await discardEarly();
        worktree = await createTaskWorktree(job, hostClone, defaultBranch, paths.lock);
    }
    return {
        created: refreshed.rebuilt,
        tipsBefore: prepared.tipsBefore,
        defaultBranch: refreshed.defaultBranch,
        worktree,
        // The early check read the store that a rebuild has replaced.
        untrustedObjectsOf: commit => refreshed.rebuilt ? untrustedObjectsOf(hostClone, commit) : ahead.of(commit)
    };
}

;// CONCATENATED MODULE: ./src/main-step/host-worktree.ts





/**
 * An earlier job can write into the host clone: the objects of the worktree's commit are re-hashed
 * (git does not), mostly while the worktree was made. A mismatch removes the worktree and rebuilds
 * the clone before trying again.
 */
async function verifiedWorktree(job, mode, hostClone) {
    const first = await refreshAndCreateWorktree(job, mode.hostClone, hostClone);
    const { worktree } = first;
    const problem = await job.stages.run('verify', `Verifying the objects of ${worktree.commit}`, () => first.untrustedObjectsOf(worktree.commit), { cwd: hostClone.dir });
    if (!problem)
        return first;
    // The refresh then rebuilds the clone and says why in its warning.
    await worktrees_removeWorktree(hostClone, worktree.path);
    await markForRebuild(mode.hostClone, problem);
    const second = await refreshAndCreateWorktree(job, mode.hostClone, hostClone);
    const folderExisted = worktree.folderExisted || second.worktree.folderExisted;
    return { ...second, worktree: { ...second.worktree, folderExisted } };
}
/**
 * Self-hosted with a branch: refresh the host clone and create the worktree straight from it
 * (the two overlap), all under the host clone's lock. No copy at all; `path` is untouched.
 */
async function hostWorktree(job, mode, origin) {
    const { settings, stages } = job;
    const paths = mode.hostClone;
    const hostClone = origin.at(paths.dir);
    for (const note of planFetch(settings, { kind: 'host-clone' }).notes)
        lib_core/* info */.pq(note);
    // The lock itself is made in cache-dir: a permission problem there gets its help too.
    return stages.diagnoser.stage('Locking the host clone in cache-dir', () => withHostCloneLock(paths.lock, paths.dir, async () => {
        const refresh = await verifiedWorktree(job, mode, hostClone);
        const { defaultBranch, worktree } = refresh;
        const before = refresh.tipsBefore.get(`refs/remotes/origin/${settings.branch}`) ??
            refresh.tipsBefore.get(`refs/remotes/origin/${settings.base || defaultBranch}`);
        const staleCommits = before === worktree.commit
            ? 0
            : before && (await hostClone.resolveCommit(before))
                ? await hostClone.countCommits(before, worktree.commit)
                : null;
        return resultOf(mode, settings.branch, refresh.created, staleCommits, worktree);
    }), { cwd: paths.dir, writing: paths.cacheDir });
}
function resultOf(mode, branch, created, staleCommits, worktree) {
    return {
        mode: mode.kind,
        cache: {
            source: 'host-dir',
            matchedKey: created ? '' : `host-dir:${mode.hostClone.scope}`,
            seeded: !created,
            pathHeldClone: false,
            fallback: created ? { reason: 'the host clone was made by this job' } : undefined
        },
        clonePath: mode.hostClone.dir,
        target: { kind: 'branch', name: branch, commit: worktree.commit },
        isDefaultBranch: false,
        staleCommits,
        shallow: false,
        worktree
    };
}

;// CONCATENATED MODULE: ./src/submodules/later-steps.ts






/** Where a container step sees the workspace and RUNNER_TEMP (the runner mounts them there). */
const CONTAINER_WORKSPACE = '/github/workspace';
const CONTAINER_RUNNER_TEMP = '/github/runner_temp';
/**
 * `gitDir` as a container step sees it, or undefined when it is outside the workspace (a task
 * worktree's default folder): no container sees it. git reports git directories with symbolic
 * links resolved, so the workspace is tried both as given and resolved.
 */
function containerGitDir(gitDir, workspaces) {
    const workspace = workspaces.find(dir => isInside(dir, gitDir));
    if (workspace === undefined)
        return undefined;
    const relative = external_node_path_.relative(workspace, gitDir).split(external_node_path_.sep).join('/');
    return external_node_path_.posix.join(CONTAINER_WORKSPACE, relative);
}
/**
 * The lines that give each checked-out submodule (nested ones too) of the superprojects the
 * credentials file, as actions/checkout configures submodules for later steps: a submodule reads
 * its own config, not the superproject's. As for the main clone, a second include names the
 * git directory and the file as a container step sees them. The file's header is scoped to
 * origin's host, so submodules elsewhere still get nothing. The rewrites go into each
 * submodule's own config too, as checkout puts them; the post step takes every line back.
 */
async function submoduleIncludes(superprojects, file, { workspace, rewrites }) {
    const workspaces = [workspace, await external_node_fs_.promises.realpath(workspace).catch(() => workspace)];
    const fileInContainer = external_node_path_.posix.join(CONTAINER_RUNNER_TEMP, external_node_path_.basename(file));
    const includes = [];
    for (const superproject of superprojects) {
        for (const dir of await checkedOutSubmodules(new Repository(superproject))) {
            const gitDir = await new Repository(dir).absoluteGitDir();
            const local = (key, value) => includes.push({ scope: 'local', repoDir: dir, key, value });
            local(`includeIf.gitdir:${globEscape(gitDir)}.path`, file);
            const inContainer = containerGitDir(gitDir, workspaces);
            if (inContainer)
                local(`includeIf.gitdir:${globEscape(inContainer)}.path`, fileInContainer);
            for (const { key, value } of rewrites)
                local(key, value);
        }
    }
    return includes;
}

;// CONCATENATED MODULE: ./src/main-step/later-steps.ts







async function persistCredentials(job, done, entries, worktreeGitDir) {
    const file = await writeCredentialsFile(job.context.runnerTemp, entries);
    const hostWorktree = done.mode === 'host-worktree' ? done.worktree : undefined;
    const includes = worktreeGitDir
        ? worktreeIncludes(await worktreeGitDir, file)
        : cloneIncludes(done.clonePath, job.context.workspace, file);
    if (job.settings.submodules !== 'none') {
        // A host worktree's submodule repositories are its own (under its git directory), so their
        // config takes the include; the host clone itself is bare and has no submodules.
        const superprojects = hostWorktree
            ? [hostWorktree.path]
            : [done.clonePath, ...(done.worktree ? [done.worktree.path] : [])];
        const rewrites = sshToHttpsRewrites(job.settings.originUrl, job.settings.ssh !== undefined);
        const forSubmodules = await submoduleIncludes(superprojects, file, {
            workspace: job.context.workspace,
            rewrites
        }).catch(async (error) => {
            await external_node_fs_.promises.rm(file, { force: true });
            throw error;
        });
        includes.push(...forSubmodules);
    }
    const persisted = { file, includes };
    // A failure half-way takes back what was added: no post step knows of it yet.
    await addIncludes(includes).catch(async (error) => {
        await removePersistedCredentials(persisted).catch(() => undefined);
        throw error;
    });
    const by = worktreeGitDir ? 'the task worktree (global config)' : 'the clone';
    lib_core/* info */.pq(`Credentials for later steps' git commands are in ${file}, included by ${by}.`);
    return persisted;
}
/**
 * What actions/checkout leaves for later steps: the task worktree in safe.directory (the clone at
 * path was added before the step's first git command in it, run.ts), and with persist-credentials
 * the credentials file and its includes, which the post step removes.
 */
async function setUpLaterSteps(job, done, persistedConfig) {
    const { settings } = job;
    const persist = settings.persistCredentials && persistedConfig.length > 0;
    const hostWorktree = done.mode === 'host-worktree' ? done.worktree : undefined;
    // Read while safe.directory is edited (the global config's edits stay one after another).
    const worktreeGitDir = persist && hostWorktree ? new Repository(hostWorktree.path).absoluteGitDir() : undefined;
    worktreeGitDir?.catch(() => undefined); // awaited below
    if (settings.setSafeDirectory && done.worktree)
        await trustDirectory(done.worktree.path);
    if (!persist)
        return undefined;
    return persistCredentials(job, done, persistedConfig, worktreeGitDir);
}

;// CONCATENATED MODULE: ./src/main-step/pr-guard.ts


/** Events that run with the base repository's token, secrets and default-branch cache scope. */
const TRUSTED_CONTEXT_EVENTS = ['pull_request_target', 'workflow_run'];
const PULL_REQUEST_REF = /^refs\/pull\/[0-9]+\/(?:head|merge)$/;
const COMMIT_SHA = /^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/;
/**
 * The event in which this job checks out a fork's pull request head ('' when it does not), by
 * actions/checkout v7's rule: a pull_request_target run, or a workflow_run after a pull request
 * run, whose head repository is not the base, and the checkout names the head's repository, a
 * refs/pull/N/{head,merge} ref or one of the head's commits.
 *
 * The default self-checkout (this repository, no ref) is never one: in these events GitHub sets
 * GITHUB_REF and GITHUB_SHA to the base repository's default branch, which is trusted code.
 */
function forkPrCheckout(settings, context) {
    if (!TRUSTED_CONTEXT_EVENTS.includes(context.eventName))
        return '';
    if (!settings.ref && isWorkflowRepository(settings, context))
        return '';
    const head = context.pullRequestHead;
    if (!head || head.baseRepoId === undefined)
        return '';
    if (head.headRepoId === undefined || head.headRepoId === head.baseRepoId)
        return '';
    const ref = settings.ref;
    const namesHeadRepository = head.headRepoFullName !== '' &&
        settings.repository.toLowerCase() === head.headRepoFullName.toLowerCase();
    const namesHeadCommit = COMMIT_SHA.test(ref) && head.headShas.includes(ref.toLowerCase());
    return namesHeadRepository || PULL_REQUEST_REF.test(ref) || namesHeadCommit
        ? context.eventName
        : '';
}
/** Refuses a fork pull request head in a trusted-context run unless allow-unsafe-pr-checkout. */
function refuseUnsafePrCheckout(settings, context) {
    const event = forkPrCheckout(settings, context);
    if (!event || settings.allowUnsafePrCheckout)
        return;
    throw new errors/* ActionError */.lZ('Fork pull request checkout refused', `Refusing to check out a fork's pull request code in a '${event}' run. This run has the base repository's token, secrets, runner and the default branch's cache scope; fetching a fork's code into it and running that code is the "pwn request" attack (https://gh.io/securely-using-pull_request_target). Check out the base repository instead (leave repository and ref empty), or, having reviewed the risk, set 'allow-unsafe-pr-checkout: true' on this step (such a run never saves a cache entry).`);
}

;// CONCATENATED MODULE: ./src/main-step/runner-os.ts

/** Only Linux runners for now: elsewhere the step stops before it touches anything. */
function requireLinuxRunner(context) {
    if (context.runnerOs === 'Linux')
        return;
    throw new errors/* ActionError */.lZ('Linux runners only', `This action supports Linux runners only for now; this job runs on ${context.runnerOs}. Use actions/checkout on ${context.runnerOs} runners (its inputs and outputs are the same).`);
}

;// CONCATENATED MODULE: ./src/main-step/stage.ts

/**
 * Runs the stages of the main step. One label names a stage everywhere: its log group (closed
 * whatever happens), its phase's timer, and its permission diagnosis.
 */
class StageRunner {
    diagnoser;
    phases;
    constructor(diagnoser, phases) {
        this.diagnoser = diagnoser;
        this.phases = phases;
    }
    async run(phase, label, work, where = {}) {
        lib_core/* startGroup */.Oh(label);
        try {
            return await this.phases.time(phase, () => this.diagnoser.stage(label, work, where));
        }
        finally {
            lib_core/* endGroup */.N4();
        }
    }
}

;// CONCATENATED MODULE: ./src/main-step/views.ts


/**
 * The full ref checked out, as actions/checkout reports it: refs/heads/x, refs/tags/v1,
 * refs/pull/1/merge; '' for a commit. With a task worktree, its branch (as `commit` is its commit).
 */
function checkedOutRef(result) {
    if (result.worktree)
        return `refs/heads/${result.worktree.branch}`;
    const { kind, name } = result.target;
    switch (kind) {
        case 'branch':
            return `refs/heads/${name}`;
        case 'tag':
            return `refs/tags/${name}`;
        case 'ref':
            return name;
        case 'commit':
            return '';
    }
}
/** The outputs, by the names action.yml declares. */
function outputsOf(result) {
    return {
        ref: checkedOutRef(result),
        'cache-hit': String(result.cache.matchedKey !== ''),
        'cache-matched-key': result.cache.matchedKey,
        'cache-source': result.cache.source,
        seeded: String(result.cache.seeded),
        'fallback-reason': result.cache.fallback?.reason ?? '',
        'clone-path': result.clonePath,
        'worktree-path': result.worktree?.path ?? '',
        commit: result.worktree?.commit ?? result.target.commit,
        'stale-commits': result.staleCommits === null ? '' : String(result.staleCommits),
        seconds: result.seconds.toFixed(2)
    };
}
/** What the job checked out, in words: `branch main`, `tag v1`, `commit <sha>`. */
function checkedOut(result) {
    return result.worktree
        ? `branch ${result.worktree.branch}`
        : `${result.target.kind} ${result.target.name}`;
}
const PHASE_ROWS = [
    ['restore', 'Restore (s)'],
    ['seed', 'Seed (s)'],
    ['clone', 'Clone init (s)'],
    ['fetch', 'Fetch (s)'],
    ['verify', 'Verify (s)'],
    ['checkout', 'Checkout (s)'],
    ['worktree', 'Worktree (s)']
];
function mebibytes(bytes) {
    return bytes === undefined ? '' : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
/** The job summary's rows: item and value ('' shows as '-'). */
function summaryRowsOf(result) {
    const outputs = outputsOf(result);
    const { worktree } = result;
    return [
        ['Cache source', result.cache.source],
        ['Cache hit', outputs['cache-hit']],
        ['Matched key', result.cache.matchedKey],
        ['Archive size', mebibytes(result.cache.archiveBytes)],
        ['Seeded', outputs.seeded],
        ['Fallback reason', outputs['fallback-reason']],
        ['Checked out', `${checkedOut(result)} at ${outputs.commit}`],
        ['Task worktree', worktree ? `${worktree.path} (${worktree.mode})` : ''],
        ['Stale commits', outputs['stale-commits']],
        ...PHASE_ROWS.map(([phase, item]) => {
            const seconds = result.phaseSeconds[phase];
            return [item, seconds === undefined ? '' : seconds.toFixed(2)];
        }),
        ['Total (s)', outputs.seconds]
    ];
}
/** What the post step needs: the mode, what to clean up, and the facts the save policy reads. */
function stateOf(result, settings, context) {
    return {
        version: 3,
        mode: result.mode,
        workspace: context.workspace,
        runnerTemp: context.runnerTemp,
        clonePath: result.clonePath,
        originUrl: settings.originUrl,
        credentials: result.credentials,
        cacheSource: result.cache.source,
        keyPrefix: settings.cacheKeyPrefix,
        matchedKey: result.cache.matchedKey,
        seeded: result.cache.seeded,
        pathHeldClone: result.cache.pathHeldClone,
        commit: result.target.commit,
        isDefaultBranch: result.isDefaultBranch,
        staleCommits: result.staleCommits,
        shallowDepth: result.shallow ? settings.fetchDepth : 0,
        filter: settings.filter,
        saveCache: settings.saveCache,
        forkPrCheckout: forkPrCheckout(settings, context),
        refreshAfter: settings.refreshAfter,
        diagnosis: diagnosisSettings(result.mode, settings, context),
        worktree: result.worktree,
        lfs: settings.lfs
    };
}

;// CONCATENATED MODULE: ./src/main-step/run.ts























function maskSecrets(token) {
    if (!token)
        return;
    lib_core/* setSecret */.Pq(token);
    lib_core/* setSecret */.Pq(Buffer.from(`x-access-token:${token}`).toString('base64'));
    lib_core/* setSecret */.Pq(basicAuthValue(token));
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
async function writeSummary(rows) {
    await lib_core/* summary */.z
        .addHeading('Clone cache', 3)
        .addTable([
        [
            { data: 'Item', header: true },
            { data: 'Value', header: true }
        ],
        // Values can carry names from a cache entry (a refused ref): text, never markup.
        ...rows.map(([item, value]) => [item, escapeHtml(value) || '-'])
    ])
        .write();
}
/** The main step: settings, mode, the mode's stages, then the views of their one result. */
async function runMainStep() {
    const started = performance.now();
    let sshKey;
    let preflight;
    try {
        const context = readRunnerContext();
        requireLinuxRunner(context);
        // ref is trimmed by its parser alone (see parseRef).
        const read = (name) => lib_core/* getInput */.V4(name, { trimWhitespace: name !== 'ref' });
        const settings = parseSettings(read, context);
        maskSecrets(settings.token);
        if (settings.ssh)
            maskSshKey(settings.ssh.key);
        refuseUnsafePrCheckout(settings, context);
        // git check-ref-format runs alongside git --version; a missing git is still the error shown.
        const validated = validateBranchInputs(settings);
        validated.catch(() => undefined); // awaited below
        await requireGit();
        if (settings.lfs)
            await requireGitLfs();
        await validated;
        checkResolvedPaths(settings);
        const mode = chooseMode(settings);
        // Before the first git command in path; not the host clone, whose owner is never overruled.
        if (settings.setSafeDirectory && mode.kind !== 'host-worktree') {
            await trustDirectory(settings.clonePath);
        }
        const diagnoser = new Diagnoser(diagnosisSettings(mode.kind, settings, context));
        // A warning only, unless it gives files back: then it goes first. Otherwise the scan (up to
        // its 2 s bound on a big cache-dir or worktree root) runs beside the job, not before it.
        preflight = diagnoser.preflight();
        if (settings.fixOwnership)
            await preflight;
        await external_node_fs_.promises.mkdir(context.workspace, { recursive: true });
        const phases = new PhaseTimer();
        const job = { settings, context, stages: new StageRunner(diagnoser, phases) };
        if (settings.ssh) {
            sshKey = await writeSshKey(settings.ssh, context.runnerTemp);
            saveSshFiles(sshKey.files);
        }
        // The main clone, with the auth that its fetches (and the host clone's) send to origin; the
        // same config is what persist-credentials leaves for later steps.
        const auth = [...authConfig(settings.originUrl, settings.token), ...sshKeyConfig(sshKey)];
        const clone = new Repository(settings.clonePath, auth);
        const done = mode.kind === 'host-worktree'
            ? await hostWorktree(job, mode, clone)
            : await cloneIntoPath(job, mode, clone);
        await preflight;
        // As actions/checkout: the key stays for later steps only when credentials persist.
        if (sshKey && !settings.persistCredentials)
            await removeSshFiles(sshKey.files);
        const result = {
            ...done,
            credentials: await setUpLaterSteps(job, done, auth),
            seconds: (performance.now() - started) / 1000,
            phaseSeconds: phases.allSeconds()
        };
        saveMainState(stateOf(result, settings, context));
        for (const [name, value] of Object.entries(outputsOf(result)))
            lib_core/* setOutput */.uH(name, value);
        if (process.env.GITHUB_STEP_SUMMARY)
            await writeSummary(summaryRowsOf(result));
        lib_core/* info */.pq(`Peak memory of the action process: ${peakMemoryMiB()} MiB`);
        lib_core/* info */.pq(`Ready: ${checkedOut(result)} at ${outputsOf(result).commit} in ${result.seconds.toFixed(2)} s (${result.worktree?.path ?? result.clonePath}).`);
    }
    catch (error) {
        // Its warning, if any, comes before the failure's annotation.
        await preflight?.catch(() => undefined);
        await removeSshFiles(sshKey?.files ?? []).catch(e => lib_core/* warning */.$e(`Removing the ssh key failed: ${(0,errors/* errorMessage */.gJ)(e)}`));
        (0,errors/* failStep */.vy)(error);
    }
}


/***/ }),

/***/ 1730:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_step_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8966);

await (0,_main_step_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runMainStep */ .X)();
// A stalled cache request can keep a socket open after the step gave up on it: end here.
process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 714:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3838:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ core_debug),
  N4: () => (/* binding */ endGroup),
  z3: () => (/* binding */ error),
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  LZ: () => (/* binding */ saveState),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  Oh: () => (/* binding */ startGroup),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, exportVariable, getBooleanInput, getIDToken, getMultilineInput, getState, group, markdownSummary, notice, platform, setCommandEcho, setFailed, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(6982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 2 modules
var lib = __nccwpck_require__(9844);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth = __nccwpck_require__(2145);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return __awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 4 modules
var lib_exec = __nccwpck_require__(5334);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    command_issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    command_issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', file_command_prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, utils_toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 5334:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  m: () => (/* binding */ exec)
});

// UNUSED EXPORTS: getExecOutput

;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __nccwpck_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util = __nccwpck_require__(90);
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!io_util/* isRooted */.Qh(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield io/* which */.K7(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield io_util/* exists */.t2(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map

/***/ }),

/***/ 2145:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   tZ: () => (/* binding */ BearerCredentialHandler)
/* harmony export */ });
/* unused harmony exports BasicCredentialHandler, PersonalAccessTokenCredentialHandler */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map

/***/ }),

/***/ 9844:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient),
  Kg: () => (/* binding */ HttpClientError),
  Hv: () => (/* binding */ HttpCodes)
});

// UNUSED EXPORTS: Headers, HttpClientResponse, MediaTypes, getProxyUrl, isHttps

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./src/undici-stub.ts
/**
 * What the bundles get for `undici` (tsconfig.json `paths`, which ncc follows): @actions/core
 * imports @actions/http-client, which imports undici at load time for one use only, the
 * `ProxyAgent` of `HttpClient.getAgentDispatcher` (a dispatcher for `fetch`), which nothing in
 * the action calls (__tests__/bundle-size.test.ts checks). Bundled, undici was two thirds of the
 * main bundle, parsed and run by every step. The action's own requests, through a proxy too, take
 * `HttpClient`'s node:http agents, which do not use undici.
 */
class ProxyAgent {
    constructor() {
        throw new Error('undici is not bundled: HttpClient.getAgentDispatcher is not available');
    }
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 90:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ mkdir),
/* harmony export */   H8: () => (/* binding */ IS_WINDOWS),
/* harmony export */   Qh: () => (/* binding */ isRooted),
/* harmony export */   rm: () => (/* binding */ rm),
/* harmony export */   t2: () => (/* binding */ exists),
/* harmony export */   vr: () => (/* binding */ tryGetExecutablePath)
/* harmony export */ });
/* unused harmony exports chmod, copyFile, lstat, open, readdir, rename, rmdir, stat, symlink, unlink, readlink, UV_FS_O_EXLOCK, READONLY, isDirectory, getCmdPath */
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9896);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6928);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs__WEBPACK_IMPORTED_MODULE_0__.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = path__WEBPACK_IMPORTED_MODULE_1__.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path__WEBPACK_IMPORTED_MODULE_1__.dirname(filePath);
                        const upperName = path__WEBPACK_IMPORTED_MODULE_1__.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path__WEBPACK_IMPORTED_MODULE_1__.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map

/***/ }),

/***/ 8701:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ which),
/* harmony export */   U$: () => (/* binding */ mkdirP),
/* harmony export */   Yz: () => (/* binding */ rmRF)
/* harmony export */ });
/* unused harmony exports cp, mv, findInPath */
/* harmony import */ var assert__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2613);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6928);
/* harmony import */ var _io_util_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(90);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter(this, void 0, void 0, function* () {
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        (0,assert__WEBPACK_IMPORTED_MODULE_0__.ok)(fsPath, 'a path argument must be provided');
        yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .mkdir */ .Ck(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .isRooted */ .Qh(tool)) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(path__WEBPACK_IMPORTED_MODULE_1__.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return __awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function copyFile(srcFile, destFile, force) {
    return __awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(1730);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
