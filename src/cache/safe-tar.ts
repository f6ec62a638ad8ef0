import * as io from '@actions/io';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * @actions/cache extracts with `tar -P`, which keeps absolute and `..` member names: a hostile
 * archive could write anywhere. While `work` runs, the `tar` found on PATH is a wrapper that
 * drops -P (so tar strips leading `/` and refuses `..` members) and never restores the
 * archive's owners.
 */
export async function withSafeTar<T>(tempRoot: string, work: () => Promise<T>): Promise<T> {
  if (process.platform === 'win32') return work();
  await fs.mkdir(tempRoot, { recursive: true });
  const dir = await fs.mkdtemp(path.join(tempRoot, 'clone-cache-tar-'));
  // @actions/cache prefers gtar where it exists (macOS): wrap whichever tars are there.
  for (const name of ['tar', 'gtar']) {
    const real = await io.which(name, false);
    if (!real) continue;
    const script = [
      '#!/bin/sh',
      'for arg in "$@"; do shift; [ "$arg" = "-P" ] || set -- "$@" "$arg"; done',
      `exec ${shellQuote(real)} --no-same-owner "$@"`,
      ''
    ].join('\n');
    await fs.writeFile(path.join(dir, name), script, { mode: 0o755 });
  }
  const previous = process.env.PATH;
  process.env.PATH = `${dir}${path.delimiter}${previous ?? ''}`;
  try {
    return await work();
  } finally {
    process.env.PATH = previous;
    await fs.rm(dir, { recursive: true, force: true });
  }
}
