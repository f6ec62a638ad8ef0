import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expectedTables } from './support/readme-tables.js';
import { ROOT } from './support/runner.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** A markdown table as rows of trimmed cells, whatever its column padding. */
function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .map(row =>
      row
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map(cell => (/^\s*:?-+:?\s*$/.test(cell) ? '---' : cell.trim()))
    );
}

function block(name: string): string[][] {
  const pattern = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`);
  const match = pattern.exec(readme);
  return cells(match ? match[1] : `(no <!-- ${name}:start --> block in README.md)`);
}

test('the README inputs table equals action.yml', () => {
  expect(block('inputs')).toEqual(cells(expectedTables().inputs));
});

/** Every input of actions/checkout v7's action.yml, in its order. */
const CHECKOUT_INPUTS = [
  'repository',
  'ref',
  'token',
  'ssh-key',
  'ssh-known-hosts',
  'ssh-strict',
  'ssh-user',
  'persist-credentials',
  'path',
  'clean',
  'filter',
  'sparse-checkout',
  'sparse-checkout-cone-mode',
  'fetch-depth',
  'fetch-tags',
  'show-progress',
  'lfs',
  'submodules',
  'set-safe-directory',
  'github-server-url',
  'allow-unsafe-pr-checkout'
];

test("the README's Replacing actions/checkout table names every checkout input, with this action's default", () => {
  const rows = block('checkout-parity').slice(2);
  expect(rows.map(row => row[0])).toEqual(CHECKOUT_INPUTS.map(name => `\`${name}\``));
  const declared = new Map(
    cells(expectedTables().inputs)
      .slice(2)
      .map(row => [row[0], row[1]])
  );
  for (const row of rows) expect([row[0], row[2]]).toEqual([row[0], declared.get(row[0])]);
  for (const output of ['ref', 'commit']) {
    expect(cells(expectedTables().outputs).map(row => row[0])).toContain(`\`${output}\``);
  }
});

test('the README outputs table equals action.yml', () => {
  expect(block('outputs')).toEqual(cells(expectedTables().outputs));
});

test('the README quick start is two commands, and .ci/run runs its test command', () => {
  const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  expect(quickStart.trim().split('\n')).toEqual(['npm ci && npm run demo', 'npm test']);
  expect(readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
});

test('the README layout names every folder of src/ and __tests__/, and every file of src/', () => {
  const layout = /<!-- layout:start -->([\s\S]*?)<!-- layout:end -->/.exec(readme)?.[1] ?? '';
  // A list item with its wrapped continuation lines, as one line.
  const items = layout.split(/\n(?=- )/).map(item => item.trim().replace(/\n\s+/g, ' '));
  const missing: string[] = [];
  for (const root of ['src', '__tests__']) {
    for (const entry of readdirSync(path.join(ROOT, root), {
      recursive: true,
      withFileTypes: true
    })) {
      const relative = path.relative(ROOT, path.join(entry.parentPath, entry.name));
      const folder = path.basename(path.dirname(relative));
      if (entry.isDirectory()) {
        if (!layout.includes(`\`${relative}/\``) && !layout.includes(`\`${entry.name}/\``)) {
          missing.push(`${relative}/`);
        }
      } else if (root === 'src') {
        // A file is named with its folder's line, or with its full path at the top level.
        const line = items.find(l => l.startsWith(`- \`src/${folder}/\``)) ?? layout;
        if (!line.includes(`\`${entry.name}\``) && !layout.includes(`\`${relative}\``)) {
          missing.push(relative);
        }
      }
    }
  }
  expect(missing).toEqual([]);
});

test('README prose is wrapped at 100 characters (tables, code and marked blocks aside)', () => {
  const long: string[] = [];
  let code = false;
  readme.split('\n').forEach((line, index) => {
    if (line.startsWith('```')) code = !code;
    else if (!code && !/^\s*(\||<!--)/.test(line) && line.length > 100) {
      long.push(`${index + 1}: ${line.slice(0, 60)}...`);
    }
  });
  expect(long).toEqual([]);
});

test("the README keeps the Troubleshooting heading that the action's errors link to", () => {
  // src/permissions/help.ts links to <repository>#troubleshooting.
  expect(readme).toMatch(/^## Troubleshooting$/m);
});

test("every figure in the README's opening paragraph is one of its Performance table", () => {
  const opening = /^# .*\n\n([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';
  const figures = [...opening.matchAll(/(\d+\.\d+)(?: s\b|x\b)/g)].map(match => match[1]);
  expect(figures.length).toBeGreaterThan(0);
  const performance = /\n## Performance\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  const tableCells = new Set(
    performance
      .split('\n')
      .filter(line => line.startsWith('|'))
      .flatMap(line => line.split('|').map(cell => cell.trim()))
  );
  expect(figures.filter(figure => !tableCells.has(figure))).toEqual([]);
});
