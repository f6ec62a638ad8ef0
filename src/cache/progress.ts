import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const INTERVAL_MS = 10_000;

/** Size of the newest archive @actions/cache is downloading into a fresh folder of RUNNER_TEMP. */
async function downloadedBytes(runnerTemp: string, since: number): Promise<number> {
  let newest = 0;
  for (const entry of await fs.readdir(runnerTemp).catch(() => [] as string[])) {
    const dir = path.join(runnerTemp, entry);
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (!/^cache\.(tzst|tgz|tar)$/.test(name)) continue;
      const stat = await fs.stat(path.join(dir, name)).catch(() => undefined);
      if (stat && stat.mtimeMs >= since) newest = Math.max(newest, stat.size);
    }
  }
  return newest;
}

/** Logs elapsed time and bytes received every few seconds while a restore runs. */
export function startDownloadProgress(runnerTemp: string): { stop(): void } {
  const start = Date.now();
  const timer = setInterval(() => {
    void downloadedBytes(runnerTemp, start).then(bytes => {
      const seconds = Math.round((Date.now() - start) / 1000);
      const mib = (bytes / (1024 * 1024)).toFixed(1);
      core.info(`Restoring clone cache: ${seconds} s, ${mib} MiB received`);
    });
  }, INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
