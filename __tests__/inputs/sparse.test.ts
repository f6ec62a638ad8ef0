import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { parseSparseCheckout } from '../../src/inputs/sparse.js';

describe('sparse-checkout and sparse-checkout-cone-mode', () => {
  test('empty patterns: the clone is whole, whatever the cone mode', () => {
    expect(parseSparseCheckout('', '')).toBeUndefined();
    expect(parseSparseCheckout(' \n\n  \n', 'false')).toBeUndefined();
  });

  test('one pattern a line; blank lines and surrounding spaces dropped; cone mode by default', () => {
    expect(parseSparseCheckout('  src/app \n\n.github\r\ndocs/\n', '')).toEqual({
      patterns: ['src/app', '.github', 'docs/'],
      cone: true
    });
  });

  test('cone mode false takes gitignore-style patterns as they are', () => {
    expect(parseSparseCheckout('/*\n!/big/\n*.md\n-odd', 'FALSE')).toEqual({
      patterns: ['/*', '!/big/', '*.md', '-odd'],
      cone: false
    });
  });

  test('a directory whose name starts with a dash is a directory in cone mode', () => {
    expect(parseSparseCheckout('-odd/dir', 'true')?.patterns).toEqual(['-odd/dir']);
  });

  test.each([
    ['/src', 'true', /the pattern '\/src' starts with \/: give directories as src\/app/],
    ['!src', 'true', /starts with '!': cone mode takes directories/],
    [
      'src/*.ts',
      'true',
      /cone mode takes directories, not patterns \(set sparse-checkout-cone-mode: false/
    ],
    ['src/[ab]', '', /holds one of \* \? \[ \] \\/],
    ['src/../etc', 'true', /holds a '.' or '..' segment/],
    ['./src', 'true', /holds a '.' or '..' segment/],
    ['src\tapp', 'false', /holds a control character/]
  ])('%j (cone mode %j) is refused', (patterns, cone, message) => {
    let thrown: unknown;
    try {
      parseSparseCheckout(patterns, cone);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).input).toBe('sparse-checkout');
    expect((thrown as InputError).message).toMatch(message);
  });

  test('a cone mode that is not a boolean is refused, patterns or not', () => {
    expect(() => parseSparseCheckout('', 'maybe')).toThrow(
      /Input 'sparse-checkout-cone-mode': 'maybe' is not a boolean/
    );
  });
});
