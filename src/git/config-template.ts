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
 * The known-good `.git/config` of every clone the action makes or seeds. Anything a cache could
 * smuggle in (hooksPath, fsmonitor, sshCommand, credential helpers, includes, filter and textconv
 * drivers) is absent because the file is written from scratch.
 */
export function gitConfigTemplate(
  originUrl: string,
  format: RepositoryFormat = DEFAULT_FORMAT,
  bare = false
): string {
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
  return lines.join('\n') + '\n';
}

/**
 * The keys and values the template sets, as `git config --list` names them (a test holds the two
 * together): what a rebuilt config may keep without naming it as dropped.
 */
export function templateEntries(
  originUrl: string,
  format: RepositoryFormat = DEFAULT_FORMAT,
  bare = false
): [string, string][] {
  return [
    ['core.repositoryformatversion', String(format.formatVersion)],
    ['core.filemode', 'true'],
    ['core.bare', String(bare)],
    ['core.logallrefupdates', 'true'],
    ...(format.objectFormat !== 'sha1'
      ? [['extensions.objectformat', format.objectFormat] as [string, string]]
      : []),
    ['remote.origin.url', originUrl],
    ['remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*']
  ];
}
