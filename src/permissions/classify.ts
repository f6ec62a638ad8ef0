import * as path from 'node:path';
import { GitError } from '../git/exec.js';

export type FailureClass = 'permission' | 'read-only' | 'dubious-ownership' | 'other';

export interface ClassifiedFailure {
  kind: FailureClass;
  /** The path the failure names, absolute when a base directory was given; '' when none. */
  path: string;
  /** The original text: error message plus git's stderr. */
  text: string;
}

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

function errorText(error: unknown): string {
  if (error instanceof GitError) return `${error.message}\n${error.result.stderr}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Decides, without guessing, whether a failure is permission-class: by errno (EACCES, EPERM;
 * EROFS is its own class) or by git's own phrases. Dubious ownership is its own class too.
 */
export function classifyFailure(error: unknown, baseDir = ''): ClassifiedFailure {
  const errno = error as NodeJS.ErrnoException;
  const text = errorText(error);
  let kind: FailureClass = 'other';
  // An SSH login refused by the server is about keys, not files.
  const fileText = text.replace(/^.*Permission denied \(publickey.*$/gm, '');
  if (/detected dubious ownership/i.test(text)) kind = 'dubious-ownership';
  else if (errno?.code === 'EROFS' || /Read-only file system/i.test(text)) kind = 'read-only';
  else if (errno?.code === 'EACCES' || errno?.code === 'EPERM') kind = 'permission';
  else if (/cannot lock ref/i.test(fileText) && /Permission denied/i.test(fileText))
    kind = 'permission';
  else if (PERMISSION_PHRASES.some(phrase => phrase.test(fileText))) kind = 'permission';

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
  const resolved = found && baseDir ? path.resolve(baseDir, found) : found;
  return { kind, path: resolved, text };
}
