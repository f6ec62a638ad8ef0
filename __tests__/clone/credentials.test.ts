import { expect, test } from '@jest/globals';
import { statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  addIncludes,
  cloneIncludes,
  configFileText,
  removePersistedCredentials,
  removeStaleCredentials,
  writeCredentialsFile
} from '../../src/clone/credentials.js';
import { Repository } from '../../src/git/repository.js';
import { useCapturedLog } from '../support/captured-log.js';
import { gitSync } from '../support/git.js';
import { useTempDir } from '../support/tmp.js';

useCapturedLog();
const tempDir = useTempDir();

const header = 'AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46c2VjcmV0';
const entries = [
  { key: 'http.https://ghes.example.com:8443/.extraheader', value: '' },
  { key: 'http.https://ghes.example.com:8443/.extraheader', value: header },
  { key: 'core.sshCommand', value: '"/usr/bin/ssh" -i "/t/key" -o "A=b;c#d"' }
];

test('the credentials file reads back, through git, as exactly the entries given', () => {
  const file = path.join(tempDir(), 'c.config');
  writeFileSync(file, configFileText(entries));
  const listed = gitSync(path.dirname(file), ['config', '--file', file, '--list']);
  // git lowercases section and name, never the subsection.
  expect(listed.split('\n')).toEqual([
    'http.https://ghes.example.com:8443/.extraheader=',
    `http.https://ghes.example.com:8443/.extraheader=${header}`,
    `core.sshcommand=${entries[2].value}`
  ]);
});

test('a clone and its worktrees read the header through the include; removing it leaves nothing', async () => {
  const root = tempDir();
  const clone = path.join(root, 'clone');
  gitSync(root, ['init', '-q', clone]);
  gitSync(clone, ['commit', '-q', '--allow-empty', '-m', 'x']);
  gitSync(clone, ['worktree', 'add', '-q', path.join(root, 'wt'), '-b', 'task']);
  const file = await writeCredentialsFile(path.join(root, 'temp'), entries.slice(0, 2));
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const includes = cloneIncludes(clone, root, file);
  await addIncludes(includes);
  const key = entries[0].key;
  for (const dir of [clone, path.join(root, 'wt')]) {
    expect(gitSync(dir, ['config', '--get-all', key])).toBe(header); // after the reset ''
  }
  expect(gitSync(clone, ['config', '--local', '--no-includes', '--list'])).not.toContain(header);

  await removePersistedCredentials({ file, includes });
  expect(() => statSync(file)).toThrow();
  expect(gitSync(clone, ['config', '--local', '--list'])).not.toMatch(/includeif/i);
});

test("stale includes of this action's files go; the user's own includes stay", async () => {
  const clone = tempDir();
  gitSync(clone, ['init', '-q']);
  gitSync(clone, [
    'config',
    'includeIf.gitdir:/x/.git.path',
    '/t/clone-cache-credentials-1.config'
  ]);
  gitSync(clone, ['config', 'includeIf.onbranch:main.path', '/home/me/mine.config']);
  gitSync(clone, ['config', 'http.https://example.com/.extraheader', 'AUTHORIZATION: old']);
  await removeStaleCredentials(new Repository(clone), 'https://example.com/o/r');
  expect(gitSync(clone, ['config', '--local', '--list']).split('\n').slice(-1)).toEqual([
    'includeif.onbranch:main.path=/home/me/mine.config'
  ]);
});

test('a folder name with glob characters includes the file for itself only, and keeps your include', async () => {
  const root = tempDir();
  const [ours, lookalike] = ['c[1]', 'c1'].map(name => path.join(root, name));
  for (const clone of [ours, lookalike]) gitSync(root, ['init', '-q', clone]);
  gitSync(ours, ['config', `includeIf.gitdir:${ours}/.git.path`, '/home/me/mine.config']);
  const file = await writeCredentialsFile(path.join(root, 'temp'), entries.slice(0, 2));
  const includes = cloneIncludes(ours, root, file);
  await addIncludes(includes);
  const key = entries[0].key;
  expect(gitSync(ours, ['config', '--get-all', key])).toBe(header);
  expect(() => gitSync(lookalike, ['config', '--get-all', key])).toThrow();
  await removePersistedCredentials({ file, includes });
  expect(gitSync(ours, ['config', '--local', '--list'])).toContain(
    `includeif.gitdir:${ours}/.git.path=/home/me/mine.config`
  );
});
