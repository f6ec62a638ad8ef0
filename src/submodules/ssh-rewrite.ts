import { authScope } from '../git/auth.js';
import type { ConfigEntry } from '../git/exec.js';

/**
 * When the job authenticates with the token (no ssh-key), actions/checkout fetches submodules
 * whose URL is ssh on origin's host over https instead, with the token: an `insteadOf` rule from
 * `git@<host>:` to origin's `scheme://host[:port]/`. Beyond checkout's scp-like form this also
 * maps `ssh://git@<host>/`, the same address in URL form. Other hosts are never rewritten, and an
 * ssh origin (or an ssh-key) gets no rule: its submodules use ssh as written.
 */
export function sshToHttpsRewrites(originUrl: string, sshKeyGiven: boolean): ConfigEntry[] {
  const scope = authScope(originUrl);
  if (sshKeyGiven || !scope) return [];
  const key = `url.${scope}.insteadOf`;
  const { hostname } = new URL(originUrl);
  return [
    { key, value: `git@${hostname}:` },
    { key, value: `ssh://git@${hostname}/` }
  ];
}
