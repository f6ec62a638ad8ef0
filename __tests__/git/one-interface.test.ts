import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

// Every git command of the action is a named operation in src/git: no other file builds a git
// argv, starts git, or reaches the runner beneath the operations.

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const GIT_DIR = path.join(SRC, 'git');

const RULES: { what: string; pattern: RegExp }[] = [
  {
    what: 'passes an argv to .run/.output/.succeeds',
    pattern: /\.(?:run|output|succeeds)\(\s*\[/g
  },
  {
    what: "starts 'git' itself",
    pattern:
      /\b(?:spawn|spawnSync|execFile|execFileSync|exec|execSync)\(\s*['"`](?:[^'"`\s]*\/)?git['"`\s]/g
  },
  { what: 'imports @actions/exec', pattern: /(?:from\s*|import\(\s*)['"]@actions\/exec['"]/g },
  { what: 'calls the git runner directly', pattern: /\b(?:runGit|gitOutput|gitSucceeds)\s*\(/g }
];

interface Violation {
  line: number;
  what: string;
}

function findViolations(text: string): Violation[] {
  const found: Violation[] = [];
  for (const { what, pattern } of RULES) {
    for (const match of text.matchAll(pattern)) {
      found.push({ line: text.slice(0, match.index).split('\n').length, what });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === GIT_DIR ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('no file outside src/git builds a git command line or runs git', () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(30);
  const violations = files.flatMap(file =>
    findViolations(readFileSync(file, 'utf8')).map(
      v => `${path.relative(SRC, file)}:${v.line}: ${v.what}`
    )
  );
  expect(violations).toEqual([]);
});

test('the check finds each kind of violation, and its line', () => {
  const sample = [
    "import * as exec from '@actions/exec';",
    "await git.run(['fetch', 'origin']);",
    'const out = await git.output(',
    "  ['rev-parse', 'HEAD']",
    ');',
    "spawn('git', ['status'], { cwd });",
    "execFileSync('/usr/bin/git', ['--version']);",
    'await runGit(dir, args);',
    "const head = await repo.resolveCommit('HEAD');",
    "spawn('cp', ['-a', source, target]);"
  ].join('\n');
  expect(findViolations(sample)).toEqual([
    { line: 1, what: 'imports @actions/exec' },
    { line: 2, what: 'passes an argv to .run/.output/.succeeds' },
    { line: 3, what: 'passes an argv to .run/.output/.succeeds' },
    { line: 6, what: "starts 'git' itself" },
    { line: 7, what: "starts 'git' itself" },
    { line: 8, what: 'calls the git runner directly' }
  ]);
});
