import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { parseSubmodules } from '../../src/inputs/submodules.js';

describe('submodules input', () => {
  test.each([
    ['', 'none'],
    ['false', 'none'],
    ['true', 'top'],
    [' TRUE ', 'top'],
    ['recursive', 'recursive']
  ])('%j means %s', (raw, mode) => {
    expect(parseSubmodules(raw)).toBe(mode);
  });

  test('any other value is refused, naming the allowed ones', () => {
    expect(() => parseSubmodules('deep')).toThrow(InputError);
    expect(() => parseSubmodules('deep')).toThrow(/allowed values: false, true, recursive/);
  });
});
