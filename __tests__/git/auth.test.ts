import { expect, test } from '@jest/globals';
import { authConfig } from '../../src/git/auth.js';

const header = `AUTHORIZATION: basic ${Buffer.from('x-access-token:t0ken').toString('base64')}`;

test.each([
  ['https origin', 'https://github.com/acme/widgets', 'http.https://github.com/.extraheader'],
  [
    'http origin with a port',
    'http://127.0.0.1:8080/acme/widgets.git',
    'http.http://127.0.0.1:8080/.extraheader'
  ],
  [
    'user info is not part of the scope',
    'https://me@git.example.com/a/b',
    'http.https://git.example.com/.extraheader'
  ]
])('%s: the token goes to that host only', (_label, origin, key) => {
  expect(authConfig(origin, 't0ken')).toEqual([
    { key, value: '' },
    { key, value: header }
  ]);
});

test.each([
  ['ssh:// origin', 'ssh://git@github.com/acme/widgets.git'],
  ['scp-like origin', 'git@github.com:acme/widgets.git'],
  ['file origin', 'file:///srv/git/widgets.git'],
  ['local path', '/srv/git/widgets.git']
])('%s: no token is sent', (_label, origin) => {
  expect(authConfig(origin, 't0ken')).toEqual([]);
});

test('no token: nothing is configured', () => {
  expect(authConfig('https://github.com/acme/widgets', '')).toEqual([]);
});
