import { expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gitConfigTemplate, templateEntries } from '../../src/git/config-template.js';
import { gitSync } from '../support/git.js';
import { useTempDir } from '../support/tmp.js';

const tempDir = useTempDir();

test('git reads the template as exactly the expected keys, with odd URLs quoted safely', () => {
  const file = path.join(tempDir(), 'config');
  const url = 'https://example.com/a"b\\c;#d';
  writeFileSync(file, gitConfigTemplate(url));
  expect(gitSync(path.dirname(file), ['config', '--file', file, '--list']).split('\n')).toEqual([
    'core.repositoryformatversion=0',
    'core.filemode=true',
    'core.bare=false',
    'core.logallrefupdates=true',
    `remote.origin.url=${url}`,
    'remote.origin.fetch=+refs/heads/*:refs/remotes/origin/*'
  ]);
});

test('a sha256 repository keeps its object format', () => {
  const file = path.join(tempDir(), 'config');
  writeFileSync(
    file,
    gitConfigTemplate('https://example.com/x', { formatVersion: 1, objectFormat: 'sha256' })
  );
  const listed = gitSync(path.dirname(file), ['config', '--file', file, '--list']);
  expect(listed).toContain('core.repositoryformatversion=1');
  expect(listed).toContain('extensions.objectformat=sha256');
});

test('a blobless clone has origin as its one promisor remote, in repository format 1', () => {
  const file = path.join(tempDir(), 'config');
  writeFileSync(file, gitConfigTemplate('https://example.com/x', undefined, false, 'blob:none'));
  const listed = gitSync(path.dirname(file), ['config', '--file', file, '--list']).split('\n');
  expect(listed).toContain('core.repositoryformatversion=1');
  expect(listed.filter(line => /promisor|partialclone/.test(line))).toEqual([
    'remote.origin.promisor=true',
    'remote.origin.partialclonefilter=blob:none'
  ]);
});

test.each([
  ['a clone', undefined, false, ''],
  ['a bare sha256 host clone', { formatVersion: 1, objectFormat: 'sha256' } as const, true, ''],
  ['a blobless clone', undefined, false, 'blob:none']
])(
  'templateEntries lists what git reads from the template of %s',
  (_label, format, bare, filter) => {
    const file = path.join(tempDir(), 'config');
    const url = 'https://example.com/a"b\\c;#d';
    writeFileSync(file, gitConfigTemplate(url, format, bare, filter));
    const listed = gitSync(path.dirname(file), ['config', '--file', file, '--list']).split('\n');
    expect(listed).toEqual(
      templateEntries(url, format, bare, filter).map(([key, value]) => `${key}=${value}`)
    );
  }
);
