import { describe, expect, test } from '@jest/globals';
import { normalizedRepositoryUrl } from '../../src/host/repository-url.js';
import { submoduleClonePaths } from '../../src/host/submodule-clone.js';
import { servableFromHost } from '../../src/submodules/host-source.js';

describe('the host clone of a submodule repository', () => {
  test.each([
    ['https://Example.COM/acme/lib.git', 'https://example.com/acme/lib'],
    ['https://example.com/acme/lib/', 'https://example.com/acme/lib'],
    ['https://user@example.com:443/acme/lib.git/', 'https://example.com/acme/lib'],
    ['git@example.com:acme/lib.git', 'git@example.com:acme/lib']
  ])('%s is keyed as %s', (url, key) => {
    expect(normalizedRepositoryUrl(url)).toBe(key);
  });

  test('two spellings of one repository share a folder; another repository does not', () => {
    const a = submoduleClonePaths('/srv/cache', 'https://example.com/acme/lib.git');
    const b = submoduleClonePaths('/srv/cache', 'https://EXAMPLE.com/acme/lib');
    const c = submoduleClonePaths('/srv/cache', 'https://example.com/other/lib');
    expect(a).toEqual(b);
    expect(a.dir).toMatch(/^\/srv\/cache\/submodule-lib-[0-9a-f]{16}$/);
    expect(a.lock).toBe(`${a.dir}.lock`);
    expect(c.dir).not.toBe(a.dir);
  });

  test.each([
    ['https://example.com/acme/lib', true],
    ['http://127.0.0.1:8080/acme/lib', true],
    ['ssh://git@example.com/acme/lib', true],
    ['git://example.com/acme/lib', true],
    ['git@example.com:acme/lib.git', true],
    ['https://x-access-token:secret@example.com/acme/lib', false],
    ['file:///srv/repos/lib', false],
    ['/srv/repos/lib', false],
    ['../lib', false],
    ['ext::sh -c touch% /tmp/pwned', false],
    ['fd::17', false]
  ])('%s is served from a host clone: %s', (url, servable) => {
    expect(servableFromHost(url)).toBe(servable);
  });
});
