import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { BLOB_HOSTS_PRELOAD } from '../support/runner.js';

/** Runs `script` (an ES module) in a node process, with or without the preload; its stdout. */
function run(script: string, preload: boolean): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH,
      NODE_OPTIONS: preload ? `--import=${pathToFileURL(BLOB_HOSTS_PRELOAD).href}` : ''
    }
  }).toString();
}

const LOOKUPS = `
import dns from 'node:dns';
const lookup = (name, options) => new Promise(resolve =>
  dns.lookup(name, options, (error, address) => resolve(error ? error.code : JSON.stringify(address))));
for (const [name, options] of [
  ['devstoreaccount1.blob.core.windows.net', {}],
  ['ACCOUNT.Blob.Core.Windows.Net', { all: true }],
  ['productionresultssa0.blob.core.windows.net', 4],
  ['localhost', { family: 4 }],
  ['blob.core.windows.net.invalid', {}],
]) console.log(name, await lookup(name, options));
`;

describe('the blob hosts preload', () => {
  test('*.blob.core.windows.net resolves to loopback, in every form of dns.lookup', () => {
    expect(run(LOOKUPS, true).trim().split('\n')).toEqual([
      'devstoreaccount1.blob.core.windows.net "127.0.0.1"',
      'ACCOUNT.Blob.Core.Windows.Net [{"address":"127.0.0.1","family":4}]',
      'productionresultssa0.blob.core.windows.net "127.0.0.1"',
      'localhost "127.0.0.1"',
      'blob.core.windows.net.invalid ENOTFOUND'
    ]);
  });

  test('an http request to a blob host name reaches a loopback server', () => {
    const script = `
import http from 'node:http';
const server = http.createServer((req, res) => res.end('served for ' + req.headers.host));
server.listen(0, '127.0.0.1', () => {
  const url = 'http://devstoreaccount1.blob.core.windows.net:' + server.address().port + '/c/b';
  http.get(url, res => res.on('data', d => { console.log(String(d)); server.close(); }));
});`;
    expect(run(script, true)).toMatch(
      /^served for devstoreaccount1\.blob\.core\.windows\.net:\d+\n$/
    );
  });

  test('without it, the same names are looked up as usual', () => {
    // Where there is no network the lookup fails; where there is, it gives a public address.
    const out = run(LOOKUPS, false).split('\n')[0];
    expect(out).not.toContain('127.0.0.1');
  });
});
