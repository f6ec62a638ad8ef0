import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { startFixture, TOKEN, type Fixture } from '../support/fixture.js';

let fx: Fixture;
afterEach(async () => fx?.close());

const secret = 'ghp_embeddedSecret123';

/** Every folder and file under `dir`, files with their size: what a step could have written. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map(rel => {
      const stat = statSync(path.join(dir, rel));
      return stat.isDirectory() ? `${rel}/` : `${rel} ${stat.size}`;
    });
}

/** Every input, each with values a hostile or careless workflow could pass. */
// Every row has all three cells: jest takes a missing last argument for a done callback.
const table: [string, Record<string, string>, { token?: string }][] = [
  ['branch', { branch: '-rf' }, {}],
  ['branch', { branch: '..' }, {}],
  ['branch', { branch: 'a..b' }, {}],
  ['branch', { branch: 'x.lock' }, {}],
  ['branch', { branch: 'a@{1}' }, {}],
  ['branch', { branch: 'tab\there' }, {}],

  ['base', { branch: 'ok', base: '../../etc' }, {}],
  ['path', { path: '../escape' }, {}],
  ['path', { path: '/etc' }, {}],
  ['path', { path: '.clone-cache-staging/clone' }, {}],
  ['worktree-path', { branch: 'ok', path: 'src', 'worktree-path': 'src/wt' }, {}],
  ['cache-dir', { 'cache-dir': 'inside-workspace' }, {}],
  ['cache-key', { 'cache-key': 'a,b' }, {}],
  ['cache-key', { 'cache-key': 'k'.repeat(600) }, {}],
  ['origin-url', { 'origin-url': `https://x-access-token:${secret}@github.com/acme/widgets` }, {}],
  ['origin-url', { 'origin-url': `https://${secret}@github.com/acme/widgets` }, {}],
  ['origin-url', { 'origin-url': 'ext::sh -c touch% /tmp/pwned' }, {}],
  ['token', {}, { token: `${TOKEN}\nevil` }],
  ['save-cache', { 'save-cache': 'sometimes' }, {}],
  ['persist-credentials', { 'persist-credentials': 'yes' }, {}],
  ['remove-worktree', { 'remove-worktree': 'maybe' }, {}],
  ['diagnose-permissions', { 'diagnose-permissions': 'off' }, {}],
  ['fix-ownership', { 'fix-ownership': '1' }, {}],
  ['refresh-after', { 'refresh-after': '-5' }, {}],
  ['repository', { repository: '../../etc/passwd' }, {}],
  ['ref', { ref: '--upload-pack=touch /tmp/pwned' }, {}]
];

describe('hostile input: a clear error naming the input, nothing deleted or written', () => {
  test.each(table)('%s %j', async (input, inputs, extra) => {
    fx = await startFixture({ commits: 2 });
    const job = fx.newJob();
    const before = tree(fx.root);
    const result = await fx.main(job, { inputs, token: extra.token });
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter(a => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].title).toBe(`Invalid input '${input}'`);
    expect(errors[0].message).toMatch(new RegExp(`^Input '${input}': `));
    // Nothing written anywhere under the fixture (the workspace, a worktree root, the job's
    // runner files and state for post, origin, cache storage): nothing appeared or grew.
    expect(tree(fx.root)).toEqual(before);
    for (const log of [result.stdout, result.stderr]) {
      expect(
        log.split('\n').filter(l => l.includes(secret) && !l.startsWith('::add-mask::'))
      ).toEqual([]);
    }
    expect(existsSync('/tmp/pwned')).toBe(false);
  });
});
