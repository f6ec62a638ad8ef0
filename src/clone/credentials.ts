import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { authHeaderKey, basicAuthValue, authScope } from '../git/auth.js';
import { unsetLocalConfig } from '../git/config.js';
import type { Repository } from '../git/repository.js';

/**
 * persist-credentials: true keeps the auth header for later steps. It is appended to the clone's
 * config by file write, so the token never appears in a command line.
 */
export async function persistCredentials(gitDir: string, originUrl: string, token: string) {
  const scope = authScope(originUrl);
  if (!token || !scope) return;
  const section = `[http "${scope}"]\n\textraheader = ${basicAuthValue(token)}\n`;
  await fs.appendFile(path.join(gitDir, 'config'), section);
}

/** Removes what persistCredentials wrote (the post step does this, as actions/checkout does). */
export async function removeCredentials(repo: Repository, originUrl: string): Promise<void> {
  const key = authHeaderKey(originUrl);
  if (!key) return;
  await unsetLocalConfig(repo, key);
}
