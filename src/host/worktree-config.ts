import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { configFileEntries } from '../git/config.js';

/**
 * Per-worktree config in the shared host clone. A task worktree's sparse checkout lives in its own
 * `worktrees/<id>/config.worktree`, which git reads only with `extensions.worktreeConfig` on in
 * the shared config; with it on, `core.bare = true` must move from the shared config to the main
 * worktree's `config.worktree` (else every worktree is taken for bare), as git itself does.
 * Nothing but that layout and the sparse keys is kept: a planted value runs nothing.
 */

/** The keys a worktree's config.worktree may keep (as `git config --list` names them). */
const SPARSE_KEYS = new Set(['core.sparsecheckout', 'core.sparsecheckoutcone', 'index.sparse']);

export const WORKTREE_CONFIG_KEY = 'extensions.worktreeconfig';

/** The main (bare) worktree's config.worktree when the extension is on, as git writes it. */
export const MAIN_WORKTREE_CONFIG = '[core]\n\tbare = true\n';

function asBoolean(value: string): string | undefined {
  const lower = value.toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(lower)) return 'true';
  if (['false', 'no', 'off', '0'].includes(lower)) return 'false';
  return undefined;
}

export interface SanitizedWorktreeConfig {
  /** The keys that were dropped (named for the warning). */
  dropped: string[];
  /** The worktree keeps sparse settings of its own: the extension must stay on. */
  keepsSparse: boolean;
}

/**
 * Rewrites `worktrees/<id>/config.worktree` to its sparse keys (boolean values only), or removes
 * it when it has none. Written only when it changes, so a live job's worktree sees no gap.
 */
export async function sanitizeWorktreeConfig(
  hostDir: string,
  id: string
): Promise<SanitizedWorktreeConfig> {
  const relative = path.join('worktrees', id, 'config.worktree');
  const file = path.join(hostDir, relative);
  const stat = await fs.lstat(file).catch(() => undefined);
  if (!stat) return { dropped: [], keepsSparse: false };
  if (!stat.isFile()) {
    await fs.rm(file, { recursive: true, force: true });
    return { dropped: [relative], keepsSparse: false };
  }
  const kept = new Map<string, string>();
  const dropped: string[] = [];
  for (const [key, value] of await configFileEntries(file)) {
    const normalized = asBoolean(value);
    if (SPARSE_KEYS.has(key) && normalized !== undefined) kept.set(key, normalized);
    else dropped.push(`${relative} ${key}`);
  }
  const text = ['core', 'index']
    .map(section => {
      const lines = [...kept]
        .filter(([key]) => key.startsWith(`${section}.`))
        .map(([key, value]) => `\t${key.slice(section.length + 1)} = ${value}\n`);
      return lines.length ? `[${section}]\n${lines.join('')}` : '';
    })
    .join('');
  if (!text) await fs.rm(file, { force: true });
  else if ((await fs.readFile(file, 'utf8')) !== text) await fs.writeFile(file, text);
  return { dropped, keepsSparse: kept.get('core.sparsecheckout') === 'true' };
}

/** True when the main worktree's config.worktree holds exactly what the layout puts there. */
export async function isOwnMainWorktreeConfig(hostDir: string): Promise<boolean> {
  const stat = await fs.lstat(path.join(hostDir, 'config.worktree')).catch(() => undefined);
  if (!stat?.isFile()) return false;
  const entries = await configFileEntries(path.join(hostDir, 'config.worktree'));
  return entries.length === 1 && entries[0][0] === 'core.bare' && entries[0][1] === 'true';
}

/** The shared config with the extension on: the template without `bare`, which moved. */
export function withWorktreeConfig(template: string): string {
  const moved = template.replace('\tbare = true\n', '');
  if (moved === template) throw new Error('the host clone template has no core.bare line');
  return `${moved}[extensions]\n\tworktreeConfig = true\n`;
}
