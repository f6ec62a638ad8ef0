import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync
} from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { acquireLock, draftName, withLock } from '../../src/host/lock.js';
import { identityOf } from '../../src/host/process.js';
import { useTempDir } from '../support/tmp.js';
import { useCapturedLog } from '../support/captured-log.js';

// The action's log lines ([command] echoes, warnings) are kept out of the test output.
useCapturedLog();

const tempDir = useTempDir();
const fast = { timeoutMs: 5_000, staleMs: 2_000, pollMs: 10 };

/** A dead process's pid: a child that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise(resolve => child.on('close', resolve));
  return child.pid ?? 999_999;
}

describe('host lock', () => {
  test('excludes: 20 concurrent holders never overlap', async () => {
    const lockPath = path.join(tempDir(), 'x.lock');
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        // The wait bound is not what this test is about: a loaded machine may need longer.
        withLock(lockPath, 'the test resource', { ...fast, timeoutMs: 60_000 }, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await new Promise(resolve => setTimeout(resolve, 5));
          inside--;
        })
      )
    );
    expect(maxInside).toBe(1);
    expect(existsSync(lockPath)).toBe(false);
  });

  test('records its holder', async () => {
    const lockPath = path.join(tempDir(), 'nested', 'x.lock');
    const lock = await acquireLock(lockPath, 'the test resource', fast);
    const holder = JSON.parse(readFileSync(path.join(lockPath, 'holder.json'), 'utf8'));
    expect(holder).toMatchObject({ host: hostname(), pid: process.pid });
    expect(holder.since).toMatch(/^\d{4}-\d\d-\d\dT/);
    await lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  test('a holder whose process is gone is reclaimed at once', async () => {
    const lockPath = path.join(tempDir(), 'x.lock');
    mkdirSync(lockPath);
    const dead = {
      host: hostname(),
      pid: await deadPid(),
      startTime: '',
      job: 'killed job',
      token: 't',
      since: ''
    };
    writeFileSync(path.join(lockPath, 'holder.json'), JSON.stringify(dead));
    const started = Date.now();
    const lock = await acquireLock(lockPath, 'the test resource', { ...fast, staleMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
    await lock.release();
  });

  test('a holder on another host is reclaimed once its heartbeat is older than staleMs', async () => {
    const lockPath = path.join(tempDir(), 'x.lock');
    mkdirSync(lockPath);
    const remote = {
      host: 'other-host',
      pid: 4242,
      startTime: '',
      job: 'remote job',
      token: 't',
      since: ''
    };
    const file = path.join(lockPath, 'holder.json');
    writeFileSync(file, JSON.stringify(remote));
    const old = new Date(Date.now() - 10_000);
    utimesSync(file, old, old);
    const lock = await acquireLock(lockPath, 'the test resource', fast);
    await lock.release();
  });

  test('a live holder makes the waiter fail after the bound, naming the holder', async () => {
    const lockPath = path.join(tempDir(), 'x.lock');
    const held = await acquireLock(lockPath, 'the test resource', fast);
    const started = Date.now();
    const error = await acquireLock(lockPath, 'the test resource', {
      ...fast,
      timeoutMs: 300
    }).catch(e => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error).toMatchObject({ title: 'Timed out waiting for a lock' });
    expect(error.message).toContain(`held by pid ${process.pid} on ${hostname()}`);
    expect(error.message).toContain(lockPath);
    await held.release();
  });

  test('a waiter says who holds the lock at every report interval', async () => {
    const lockPath = path.join(tempDir(), 'x.lock');
    const held = await acquireLock(lockPath, 'the test resource', fast);
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await acquireLock(lockPath, 'the test resource', {
        ...fast,
        timeoutMs: 2_000,
        reportEveryMs: 200
      }).catch(() => undefined);
    } finally {
      process.stdout.write = write;
      await held.release();
    }
    const reports = lines.filter(l => l.startsWith('Waiting for the lock on the test resource'));
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports[0]).toMatch(
      new RegExp(
        `^Waiting for the lock on the test resource: held by pid ${process.pid} on .* \\(\\d+ s so far\\)`
      )
    );
  });

  test('the heartbeat keeps a long holder alive past staleMs', async () => {
    const lockPath = path.join(tempDir(), 'x.lock');
    // A wide margin (30 heartbeats per staleMs): a loaded machine may stall the event loop.
    const held = await acquireLock(lockPath, 'the test resource', {
      ...fast,
      staleMs: 1_500,
      heartbeatMs: 50
    });
    // Pretend to be on another host so only the heartbeat keeps the lock.
    const file = path.join(lockPath, 'holder.json');
    const holder = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...holder, host: 'other-host' }));
    const waiter = await acquireLock(lockPath, 'x', {
      ...fast,
      staleMs: 1_500,
      timeoutMs: 3_000
    }).catch(e => e);
    expect(waiter).toMatchObject({ title: 'Timed out waiting for a lock' });
    await held.release();
  });

  test("leftovers of killed processes go at the next acquisition; a live process's draft stays", async () => {
    const dir = tempDir();
    const lockPath = path.join(dir, 'x.lock');
    const leave = (name: string, pid: number) => {
      mkdirSync(path.join(dir, name));
      const holder = { host: hostname(), pid, startTime: '', job: 'j', token: name, since: '' };
      writeFileSync(path.join(dir, name, 'holder.json'), JSON.stringify(holder));
    };
    const dead = await deadPid();
    // A draft is named after its maker, so it goes even when its maker died before writing into it.
    mkdirSync(draftName(lockPath, identityOf(dead), 'dead'));
    const live = path.basename(draftName(lockPath, identityOf(process.pid), 'live'));
    mkdirSync(path.join(dir, live));
    leave('x.lock.released-1', process.pid);
    leave('x.lock.stale-2', dead);
    leave('x.lock.reclaim', dead); // a reclaimer killed while it held the guard
    const lock = await acquireLock(lockPath, 'the test resource', fast);
    await lock.release();
    expect(readdirSync(dir)).toEqual([live]);
  });
});
