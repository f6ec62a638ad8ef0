// Azurite's blob service as a child process. Plain JavaScript, because jest's globalSetup (which
// starts the one Azurite of a whole jest run) loads its imports through Node, not through ts-jest.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The environment variable that hands a started Azurite to jest's workers. */
export const AZURITE_ENV = 'CLONE_CACHE_TEST_AZURITE';
const LISTENING = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;

// Azurite ends when the process that started it dies (its stdin, our pipe, closes), so a killed
// jest run, jest worker or bench leaves no emulator behind.
const EXIT_WITH_PARENT =
  "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).resume();";

/**
 * Starts Azurite on a free loopback port, storing under a new temporary folder, and returns at
 * once: its output (the access log included) goes to `log`, where any process can read it and
 * learn the port (see listeningPort).
 */
export function spawnAzurite() {
  const location = mkdtempSync(path.join(tmpdir(), 'clone-cache-azurite-'));
  const log = path.join(location, 'azurite.log');
  const bin = path.join(ROOT, 'node_modules', '.bin', 'azurite-blob');
  const args = [
    ...['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location],
    '--disableProductStyleUrl',
    '--disableTelemetry',
    '--loose',
    '--skipApiVersionCheck'
  ];
  const output = openSync(log, 'a');
  const child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, bin, ...args], {
    cwd: location,
    stdio: ['pipe', output, output]
  });
  closeSync(output);
  const exited = new Promise(resolve => child.once('exit', () => resolve(undefined)));
  return { child, pid: child.pid, location, log, exited };
}

/** The port the Azurite writing `log` listens on, or undefined while it is still starting. */
export function listeningPort(log) {
  const match = LISTENING.exec(readFileSync(log, 'utf8'));
  return match ? Number(match[1]) : undefined;
}

/** Whether the process `pid` still runs. */
export function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until the Azurite writing `log` listens and returns its port. Azurite loads a lot of code:
 * 12 s for two starting at once on 2 busy cores, more than 30 s when two jest workers compile
 * tests beside it.
 */
export async function waitForAzurite({ pid, log }, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const port = listeningPort(log);
    if (port) return port;
    if (!processAlive(pid) || Date.now() > deadline) {
      const why = processAlive(pid) ? 'did not start' : 'exited';
      throw new Error(`Azurite ${why}: ${readFileSync(log, 'utf8')}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** Stops an Azurite this process spawned and removes its storage folder. */
export async function stopAzurite({ child, exited, location }) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  }
  rmSync(location, { recursive: true, force: true });
}

const RUN_AZURITE = Symbol.for('clone-cache-test.azurite');

/**
 * jest's globalSetup: starts the one Azurite of a jest run and returns without waiting for it, so
 * a run of unit tests alone never waits; the first test that needs the store waits in its own
 * worker (shared-blob-store.ts). The workers learn where it is from the environment they inherit.
 */
export function startRunAzurite() {
  if (process.env.CLONE_CACHE_TEST_CACHE_PATH === 'plain') return;
  const azurite = spawnAzurite();
  globalThis[RUN_AZURITE] = azurite;
  const { pid, location, log } = azurite;
  process.env[AZURITE_ENV] = JSON.stringify({ pid, location, log });
}

/** jest's globalTeardown: stops the run's Azurite. */
export async function stopRunAzurite() {
  const azurite = globalThis[RUN_AZURITE];
  if (!azurite) return;
  delete globalThis[RUN_AZURITE];
  delete process.env[AZURITE_ENV];
  await stopAzurite(azurite);
}
