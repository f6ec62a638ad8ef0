export interface RepositoryFormat {
  formatVersion: 0 | 1;
  objectFormat: 'sha1' | 'sha256';
}

export const DEFAULT_FORMAT: RepositoryFormat = { formatVersion: 0, objectFormat: 'sha1' };

/** A config value or subsection name in double quotes, as git reads it back. */
export function quoteConfigValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A partial clone's format: a promisor remote needs repository format 1, as `git clone --filter`
 * writes it.
 */
function formatFor(format: RepositoryFormat, filter: string): RepositoryFormat {
  return filter ? { ...format, formatVersion: 1 } : format;
}

/**
 * The known-good `.git/config` of every clone the action makes or seeds. Anything a cache could
 * smuggle in (hooksPath, fsmonitor, sshCommand, credential helpers, includes, filter and textconv
 * drivers, another promisor remote) is absent because the file is written from scratch. With a
 * `filter` (blob:none), origin is the one promisor remote: what the clone lacks comes from there.
 */
export function gitConfigTemplate(
  originUrl: string,
  givenFormat: RepositoryFormat = DEFAULT_FORMAT,
  bare = false,
  filter = ''
): string {
  const format = formatFor(givenFormat, filter);
  const lines = [
    '[core]',
    `\trepositoryformatversion = ${format.formatVersion}`,
    '\tfilemode = true',
    `\tbare = ${bare}`,
    '\tlogallrefupdates = true'
  ];
  if (format.objectFormat !== 'sha1') {
    lines.push('[extensions]', `\tobjectformat = ${format.objectFormat}`);
  }
  lines.push(
    '[remote "origin"]',
    `\turl = ${quoteConfigValue(originUrl)}`,
    '\tfetch = +refs/heads/*:refs/remotes/origin/*'
  );
  if (filter) lines.push('\tpromisor = true', `\tpartialclonefilter = ${filter}`);
  return lines.join('\n') + '\n';
}

/**
 * The keys and values the template sets, as `git config --list` names them (a test holds the two
 * together): what a rebuilt config may keep without naming it as dropped.
 */
export function templateEntries(
  originUrl: string,
  givenFormat: RepositoryFormat = DEFAULT_FORMAT,
  bare = false,
  filter = ''
): [string, string][] {
  const format = formatFor(givenFormat, filter);
  return [
    ['core.repositoryformatversion', String(format.formatVersion)],
    ['core.filemode', 'true'],
    ['core.bare', String(bare)],
    ['core.logallrefupdates', 'true'],
    ...(format.objectFormat !== 'sha1'
      ? [['extensions.objectformat', format.objectFormat] as [string, string]]
      : []),
    ['remote.origin.url', originUrl],
    ['remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*'],
    ...(filter
      ? ([
          ['remote.origin.promisor', 'true'],
          ['remote.origin.partialclonefilter', filter]
        ] as [string, string][])
      : [])
  ];
}
