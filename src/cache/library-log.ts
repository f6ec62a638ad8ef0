/**
 * @actions/cache reports a service failure as its own `::warning::` or `::error::` lines (one
 * failure can produce several), reports a reservation conflict only in its log, and returns just
 * the matched key. The action's contract is one titled warning per cache problem, an info line
 * when another job saves the same key, and the archive size in the summary; so while the library
 * runs, its log lines pass through here: annotations become plain log lines and are collected,
 * and a line that misleads where the action uses the library its own way goes to the debug log.
 */
export interface LibraryLogFindings {
  /** What the library warned about, in order, without its "Failed to ...: " prefixes. */
  problems: string[];
  archiveBytes?: number;
  reservedByOtherJob?: boolean;
  /** The service refused the reservation because the run's cache token is read-only. */
  writeDenied?: boolean;
}

const LOOKUP_ONLY = 'Lookup only - skipping download';

function rewrite(line: string, findings: LibraryLogFindings): string {
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
    if (detail && !findings.problems.includes(detail)) findings.problems.push(detail);
    return text;
  }
  // The streamed restore looks the entry up with `lookupOnly`, then downloads it itself: at info
  // level, the library's line would tell the user that the download was skipped.
  if (line === LOOKUP_ONLY) return `::debug::${line}`;
  const size = /^Cache Size: ~\d+ MB \((\d+) B\)$/.exec(line);
  if (size) findings.archiveBytes = Number(size[1]);
  return line;
}

export async function withLibraryLog<T>(
  work: () => Promise<T>
): Promise<{ value: T; findings: LibraryLogFindings }> {
  const findings: LibraryLogFindings = { problems: [] };
  const original = process.stdout.write;
  const writeOriginal = original.bind(process.stdout) as (c: string, ...r: unknown[]) => boolean;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const rewritten = text
      .split('\n')
      .map(line => rewrite(line, findings))
      .join('\n');
    return writeOriginal(rewritten, ...rest);
  }) as typeof process.stdout.write;
  try {
    const value = await work();
    return { value, findings };
  } finally {
    process.stdout.write = original;
  }
}
