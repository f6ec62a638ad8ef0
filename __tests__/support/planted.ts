import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * An executable at `file` that appends its name to `marker` whenever anything runs it (as a hook,
 * an fsmonitor, a helper): the marker existing proves that planted code ran.
 */
export function plantedProgram(file: string, marker: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `#!/bin/sh\necho ${path.basename(file)} >> '${marker}'\n`, { mode: 0o755 });
  return file;
}
