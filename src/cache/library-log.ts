/**
 * @actions/cache reports some service failures as `::error::` annotations and a reservation
 * conflict as a warning, and it returns only the matched key. The action's contract is stricter
 * (a cache problem is a warning, another job saving the same key is an info line) and its
 * summary wants the archive size, so while the library runs its log lines pass through here.
 */
export interface LibraryLogFindings {
  failure?: string;
  archiveBytes?: number;
  reservedByOtherJob?: boolean;
}

function rewrite(line: string, findings: LibraryLogFindings): string {
  const failed = /^::(?:error|warning)::(Failed to (?:restore|save): .*)$/.exec(line);
  if (failed) {
    if (/Unable to reserve cache/.test(failed[1])) {
      findings.reservedByOtherJob = true;
      return failed[1];
    }
    findings.failure = failed[1];
    return `::warning::${failed[1]}`;
  }
  if (/^::warning::Cache reservation failed: /.test(line)) {
    findings.reservedByOtherJob = true;
    return line.replace(/^::warning::/, '');
  }
  const size = /^Cache Size: ~\d+ MB \((\d+) B\)$/.exec(line);
  if (size) findings.archiveBytes = Number(size[1]);
  return line;
}

export async function withLibraryLog<T>(
  work: () => Promise<T>
): Promise<{ value: T; findings: LibraryLogFindings }> {
  const findings: LibraryLogFindings = {};
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const rewritten = text
      .split('\n')
      .map(line => rewrite(line, findings))
      .join('\n');
    return (original as (c: string, ...r: unknown[]) => boolean)(rewritten, ...rest);
  }) as typeof process.stdout.write;
  try {
    const value = await work();
    return { value, findings };
  } finally {
    process.stdout.write = original;
  }
}
