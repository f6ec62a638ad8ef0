import { createHash } from 'node:crypto';
import { gitSync } from './git.js';
import type { LfsServer } from './lfs-server.js';

/** The pointer file git-lfs commits in place of an object. */
export function lfsPointer(oid: string, size: number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${size}\n`;
}

/** Deterministic, incompressible bytes: one file's content. */
export function lfsContent(seed: string, bytes: number): Buffer {
  const chunks: Buffer[] = [];
  for (let counter = 0, total = 0; total < bytes; counter++, total += 32) {
    chunks.push(createHash('sha256').update(`${seed}:${counter}`).digest());
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/**
 * One commit on `branch` of the bare `origin` that tracks `pattern` with LFS and sets each file
 * of `files` (path -> content) as a pointer; the contents go to the LFS server. Returns the tip.
 */
export function commitLfsFiles(
  origin: string,
  branch: string,
  lfs: LfsServer,
  files: Record<string, Buffer>,
  pattern = '*.bin'
): string {
  const attributes = `${pattern} filter=lfs diff=lfs merge=lfs -text\n`;
  const message = `LFS files: ${Object.keys(files).join(', ')}\n`;
  const parts = [
    `commit refs/heads/${branch}\ncommitter Test <test@example.com> 1800000000 +0000\n`,
    `data ${Buffer.byteLength(message)}\n${message}from refs/heads/${branch}^0\n`,
    `M 100644 inline .gitattributes\ndata ${attributes.length}\n${attributes}\n`
  ];
  for (const [file, content] of Object.entries(files)) {
    const { oid, size } = lfs.put(content);
    const pointer = lfsPointer(oid, size);
    parts.push(`M 100644 inline ${file}\ndata ${pointer.length}\n${pointer}\n`);
  }
  gitSync(origin, ['fast-import', '--quiet'], parts.join('') + '\n');
  return gitSync(origin, ['rev-parse', `refs/heads/${branch}`]);
}

/** The oid of `content`, as git-lfs names it. */
export function oidOf(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
