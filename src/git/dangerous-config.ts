import { configFileKeys } from './config.js';

/** Config keys that make git run a program or read other files. */
const DANGEROUS_KEY =
  /^(include\.|includeif\.|credential\.|core\.(hookspath|fsmonitor|sshcommand|pager|editor|askpass|gitproxy|attributesfile|worktree)$|filter\.|diff\.[^.]+\.(textconv|command)$|merge\.[^.]+\.driver$|sequence\.editor$|uploadpack\.|remote\.[^.]+\.(uploadpack|receivepack|vcs)$|protocol\.)/i;

/** The dangerous keys a config file sets, read without following its includes (nothing runs). */
export async function dangerousConfigKeys(configFile: string): Promise<string[]> {
  const keys = await configFileKeys(configFile);
  return [...new Set(keys.filter(key => DANGEROUS_KEY.test(key)))];
}
