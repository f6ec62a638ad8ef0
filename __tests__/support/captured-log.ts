import { afterEach, beforeEach, jest } from '@jest/globals';

/**
 * What the action writes to its log (process.stdout) during each test, kept instead of printed.
 * Call at the top of a test file; the returned function gives this test's lines so far, and
 * `clear` starts them again.
 */
export function useCapturedLog(): { lines: () => string[]; clear: () => void } {
  let lines: string[] = [];
  beforeEach(() => {
    lines = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      lines.push(chunk.toString());
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  return { lines: () => lines, clear: () => (lines = []) };
}
