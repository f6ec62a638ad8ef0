// Builds dist/main and dist/post with ncc. With --check, builds into a temporary folder and
// fails when the committed dist/ differs from a fresh build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const entries = { main: 'src/main.ts', post: 'src/post.ts' };
const check = process.argv.includes('--check');
const outRoot = check ? mkdtempSync(path.join(tmpdir(), 'clone-cache-dist-')) : 'dist';

function build(name, entry) {
  const out = path.join(outRoot, name);
  const fresh = `${out}.building`;
  rmSync(fresh, { recursive: true, force: true });
  execFileSync('npx', ['ncc', 'build', entry, '-o', fresh, '--quiet', '--target', 'es2022'], {
    stdio: 'inherit'
  });
  // Replace the old bundle only once the new one built: a failed build leaves dist/ as it was.
  rmSync(out, { recursive: true, force: true });
  renameSync(fresh, out);
}

function files(dir) {
  return readdirSync(dir, { recursive: true })
    .filter(name => statSync(path.join(dir, name)).isFile())
    .sort();
}

for (const [name, entry] of Object.entries(entries)) build(name, entry);

if (check) {
  const problems = [];
  for (const name of Object.keys(entries)) {
    const fresh = path.join(outRoot, name);
    const committed = path.join('dist', name);
    const freshFiles = files(fresh);
    let committedFiles;
    try {
      committedFiles = files(committed);
    } catch {
      problems.push(`${committed} is missing`);
      continue;
    }
    if (freshFiles.join() !== committedFiles.join()) {
      problems.push(`${committed} holds [${committedFiles}], a fresh build [${freshFiles}]`);
      continue;
    }
    for (const file of freshFiles) {
      if (!readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(committed, file)))) {
        problems.push(`${path.join(committed, file)} differs from a fresh build`);
      }
    }
  }
  rmSync(outRoot, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(
      `dist/ is out of date; run 'npm run build' and commit dist/:\n  ${problems.join('\n  ')}`
    );
    process.exit(1);
  }
  console.log('dist/ equals a fresh build.');
}
