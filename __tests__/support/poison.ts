import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import { gitSync } from './git.js';

/** Unpacks every pack of a git directory into loose objects, as a poisoned entry holds them. */
export function looseObjectsOnly(gitDir: string): void {
  const packDir = path.join(gitDir, 'objects', 'pack');
  for (const name of readdirSync(packDir).filter(n => n.endsWith('.pack'))) {
    const pack = readFileSync(path.join(packDir, name));
    for (const ext of ['.pack', '.idx', '.rev']) {
      rmSync(path.join(packDir, name.replace(/\.pack$/, ext)), { force: true });
    }
    gitSync(gitDir, ['unpack-objects', '-q'], pack);
  }
}

/** Puts other content under a blob's id as a loose object: git will read it without a word. */
export function substituteBlob(gitDir: string, id: string, content: string): void {
  const file = path.join(gitDir, 'objects', id.slice(0, 2), id.slice(2));
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(file, { force: true });
  writeFileSync(file, deflateSync(Buffer.from(`blob ${Buffer.byteLength(content)}\0${content}`)));
  chmodSync(file, 0o444);
}
