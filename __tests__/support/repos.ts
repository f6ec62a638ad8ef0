import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { gitSync } from './git.js';

export interface HistoryOptions {
  /** Commits to add. */
  commits: number;
  /** Files touched per commit. */
  filesPerCommit?: number;
  /** Distinct file paths the commits cycle through. */
  fileCount?: number;
  /** Bytes of each file version; content is pseudo-random, so it does not compress. */
  blobBytes?: number;
  /** Seed for the deterministic content. */
  seed?: string;
}

function pseudoRandom(seed: string, bytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let counter = 0; total < bytes; counter++) {
    const chunk = createHash('sha256').update(`${seed}:${counter}`).digest();
    chunks.push(chunk);
    total += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** A fast-import stream that appends `commits` commits to `branch` (from its tip when it exists). */
function historyStream(
  branch: string,
  options: HistoryOptions,
  from: string | undefined,
  start: number
) {
  const filesPerCommit = options.filesPerCommit ?? 3;
  const fileCount = options.fileCount ?? 50;
  const blobBytes = options.blobBytes ?? 200;
  const seed = options.seed ?? branch;
  const parts: Buffer[] = [];
  for (let i = 0; i < options.commits; i++) {
    const n = start + i;
    const message = `commit ${n} on ${branch}\n`;
    const time = 1_700_000_000 + n * 60;
    parts.push(
      Buffer.from(
        `commit refs/heads/${branch}\ncommitter Test <test@example.com> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}`
      )
    );
    if (i === 0 && from) parts.push(Buffer.from(`from ${from}\n`));
    for (let f = 0; f < filesPerCommit; f++) {
      const file = `src/dir${(n * filesPerCommit + f) % 10}/file${(n * filesPerCommit + f) % fileCount}.txt`;
      const content = pseudoRandom(`${seed}:${n}:${f}`, blobBytes);
      parts.push(
        Buffer.from(`M 100644 inline ${file}\ndata ${content.length}\n`),
        content,
        Buffer.from('\n')
      );
    }
    parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

/** Creates a bare repository <root>/<owner>/<name>.git with a generated history on `branch`. */
export function createOrigin(
  root: string,
  slug: string,
  options: HistoryOptions,
  branch = 'main'
): string {
  const bare = path.join(root, `${slug}.git`);
  mkdirSync(bare, { recursive: true });
  gitSync(bare, ['init', '--quiet', '--bare', `--initial-branch=${branch}`]);
  gitSync(bare, ['config', 'uploadpack.allowFilter', 'true']);
  gitSync(bare, ['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  gitSync(bare, ['config', 'http.receivepack', 'true']);
  addCommits(bare, branch, options);
  return bare;
}

function commitCount(bare: string, branch: string): number {
  try {
    return Number(gitSync(bare, ['rev-list', '--count', `refs/heads/${branch}`]));
  } catch {
    return 0;
  }
}

/** Appends generated commits to `branch` (created from `fromRef` when it does not exist). Returns the new tip. */
export function addCommits(
  bare: string,
  branch: string,
  options: HistoryOptions,
  fromRef?: string
): string {
  const existing = commitCount(bare, branch);
  const from =
    existing > 0
      ? `refs/heads/${branch}^0`
      : fromRef
        ? gitSync(bare, ['rev-parse', fromRef])
        : undefined;
  const start = existing > 0 ? existing : from ? commitCount(bare, fromRef ?? '') : 0;
  gitSync(bare, ['fast-import', '--quiet'], historyStream(branch, options, from, start));
  return gitSync(bare, ['rev-parse', `refs/heads/${branch}`]);
}

export function createTag(bare: string, tag: string, target: string, annotated = true): string {
  if (annotated) gitSync(bare, ['tag', '-a', '-m', `tag ${tag}`, tag, target]);
  else gitSync(bare, ['tag', tag, target]);
  return gitSync(bare, ['rev-parse', `${tag}^{commit}`]);
}

export function revParse(repo: string, rev: string): string {
  return gitSync(repo, ['rev-parse', rev]);
}

/** A bare origin under `root` and a plain clone of it (file transport, no server). */
export function createLocalClone(root: string, history: HistoryOptions = { commits: 5 }) {
  const origin = createOrigin(path.join(root, 'origin'), 'acme/widgets', history);
  const clone = path.join(root, 'clone');
  gitSync(root, ['clone', '--quiet', origin, clone]);
  return { origin, clone, gitDir: path.join(clone, '.git') };
}
