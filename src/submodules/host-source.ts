import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { exists } from '../fs-util.js';
import { detachModuleHead, submoduleUrl } from '../git/submodules.js';
import type { Repository } from '../git/repository.js';
import { submoduleClonePaths, withSubmoduleCommit } from '../host/submodule-clone.js';
import { copyModuleDir } from './module-copy.js';
import type { RecordedSubmodule } from './recorded.js';

/** The cache-dir whose host clones serve submodule repositories. */
export interface HostSubmoduleSource {
  cacheDir: string;
  progress: boolean;
}

/** Schemes git allows for submodules by default (protocol.allow "always"); ssh's scp form too. */
const ALWAYS_ALLOWED = new Set(['http', 'https', 'ssh', 'git', 'git+ssh', 'ssh+git']);

/**
 * True for a URL that `git submodule update` would fetch with git's default protocol rules, and
 * that carries no password (which a shared host clone's config must never hold). A local path,
 * `file://`, `ext::` or another remote helper is left to `git submodule update`, which refuses
 * it as it does on the hosted path.
 */
export function servableFromHost(url: string): boolean {
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(url)) return false;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  if (scheme) {
    if (!ALWAYS_ALLOWED.has(scheme[1].toLowerCase())) return false;
    try {
      return new URL(url).password === '';
    } catch {
      return false;
    }
  }
  // scp-like `[user@]host:path`: a colon before any slash (git's rule for an ssh URL).
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  return colon > 0 && (slash < 0 || colon < slash);
}

/**
 * Puts a fresh copy of the submodule's repository from its host clone at `destination` (the
 * superproject's `modules/<name>`): objects hard-linked (copied across file systems), no
 * alternates, the template config. What was at `destination` goes first: in a shared host clone's
 * worktree another job could have written it. False when the URL is not served from the host (the
 * caller leaves the submodule to `git submodule update`).
 */
export async function copyFromHostClone(
  superproject: Repository,
  submodule: RecordedSubmodule,
  destination: string,
  { cacheDir, progress }: HostSubmoduleSource
): Promise<boolean> {
  const url = await submoduleUrl(superproject, submodule.name);
  if (!url || !servableFromHost(url)) return false;
  const paths = submoduleClonePaths(cacheDir, url);
  // Its nested submodules' repositories stay until their own level replaces them: the .git files
  // of their checkouts point there, and the nested level's `git submodule sync` reads them.
  const nested = path.join(destination, 'modules');
  const kept = `${destination}.nested-${randomUUID()}`;
  const keep = await exists(nested);
  if (keep) await fs.rename(nested, kept);
  try {
    await fs.rm(destination, { recursive: true, force: true });
    await withSubmoduleCommit(
      paths,
      url,
      superproject.at(paths.dir),
      submodule.commit,
      { progress },
      source => copyModuleDir(source, destination)
    );
    if (keep) await fs.rename(kept, nested);
  } finally {
    if (keep) await fs.rm(kept, { recursive: true, force: true });
  }
  // A checkout that is already there (a worktree moved to a new commit) reads its current
  // revision from HEAD: the copy's names no branch it has.
  await detachModuleHead(superproject.at(destination), submodule.commit);
  return true;
}
