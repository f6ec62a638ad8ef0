import { describe, expect, test } from '@jest/globals';
import { withLibraryLog } from '../../src/cache/library-log.js';

async function capture(lines: string[]) {
  const written: string[] = [];
  const original = process.stdout.write;
  // Capture what reaches the real stdout underneath the rewriter.
  process.stdout.write = ((chunk: string) => {
    written.push(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    const { findings } = await withLibraryLog(async () => {
      for (const line of lines) process.stdout.write(`${line}\n`);
      return 0;
    });
    return { findings, written: written.join('') };
  } finally {
    process.stdout.write = original;
  }
}

describe('library log', () => {
  test('library annotations become plain lines and are collected once', async () => {
    const { findings, written } = await capture([
      '::error::Failed to restore: Cache service responded with 503',
      '::warning::uploadCacheArchiveSDK: internal error uploading cache archive: ',
      '::warning::Failed to save: boom',
      '::warning::Failed to save: boom'
    ]);
    expect(findings.problems).toEqual([
      'Cache service responded with 503',
      'internal error uploading cache archive:',
      'boom'
    ]);
    expect(written).not.toContain('::error::');
    expect(written).not.toContain('::warning::');
    expect(written).toContain('Failed to restore: Cache service responded with 503\n');
  });

  test("the action's own titled annotations pass untouched", async () => {
    const line = '::warning title=Clone cache not restored::Restoring the clone cache failed: x';
    const { findings, written } = await capture([line]);
    expect(written).toBe(`${line}\n`);
    expect(findings.problems).toEqual([]);
  });

  test('a reservation conflict is noted, not a problem', async () => {
    const { findings } = await capture([
      'Failed to save: Unable to reserve cache with key k, another job may be creating this cache.'
    ]);
    expect(findings.reservedByOtherJob).toBe(true);
    expect(findings.problems).toEqual([]);
  });

  test('a write denied for a read-only token is noted as such, not as another job saving', async () => {
    const { findings, written } = await capture([
      '::warning::Failed to save: Unable to reserve cache with key k. More details: cache write denied: the token is read-only'
    ]);
    expect(findings.writeDenied).toBe(true);
    expect(findings.reservedByOtherJob).toBeUndefined();
    expect(findings.problems).toEqual([]);
    expect(written).not.toContain('::warning::');
  });

  test('the archive size is read from the library log', async () => {
    const { findings, written } = await capture(['Cache Size: ~12 MB (12582912 B)']);
    expect(findings.archiveBytes).toBe(12582912);
    expect(written).toBe('Cache Size: ~12 MB (12582912 B)\n');
  });

  test("the lookup's 'skipping download' goes to the debug log: the action downloads next", async () => {
    const { written } = await capture([
      'Cache hit for: clone-cache-Linux-acme-widgets-abc',
      'Lookup only - skipping download'
    ]);
    expect(written).toBe(
      'Cache hit for: clone-cache-Linux-acme-widgets-abc\n::debug::Lookup only - skipping download\n'
    );
  });

  test('stdout is restored afterwards, also after a throw', async () => {
    const before = process.stdout.write;
    await expect(withLibraryLog(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(process.stdout.write).toBe(before);
  });
});
