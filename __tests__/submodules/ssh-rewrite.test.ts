import { describe, expect, test } from '@jest/globals';
import { sshToHttpsRewrites } from '../../src/submodules/ssh-rewrite.js';

describe('sshToHttpsRewrites', () => {
  test("maps origin's host, in scp and URL form, to origin's scheme, host and port", () => {
    expect(sshToHttpsRewrites('https://github.com/acme/widgets', false)).toEqual([
      { key: 'url.https://github.com/.insteadOf', value: 'git@github.com:' },
      { key: 'url.https://github.com/.insteadOf', value: 'ssh://git@github.com/' }
    ]);
    expect(sshToHttpsRewrites('http://127.0.0.1:8080/acme/widgets', false)).toEqual([
      { key: 'url.http://127.0.0.1:8080/.insteadOf', value: 'git@127.0.0.1:' },
      { key: 'url.http://127.0.0.1:8080/.insteadOf', value: 'ssh://git@127.0.0.1/' }
    ]);
  });

  test('names no host but origin’s', () => {
    const values = sshToHttpsRewrites('https://git.example.com/a/b', false).map(e => e.value);
    expect(values.every(value => value.includes('@git.example.com'))).toBe(true);
  });

  test('nothing with an ssh-key, or for an origin that is not http(s)', () => {
    expect(sshToHttpsRewrites('https://github.com/acme/widgets', true)).toEqual([]);
    expect(sshToHttpsRewrites('git@github.com:acme/widgets.git', false)).toEqual([]);
    expect(sshToHttpsRewrites('ssh://git@github.com/acme/widgets.git', false)).toEqual([]);
  });
});
