import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './runner.js';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');

/** The README's inputs and outputs tables as they must read, generated from action.yml. */
export function expectedTables(): { inputs: string; outputs: string } {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
  const inputs = [
    '| input | default | description |',
    '|---|---|---|',
    ...Object.entries(action.inputs).map(
      ([name, spec]) =>
        `| \`${name}\` | ${spec.default ? `\`${spec.default}\`` : '(empty)'} | ${cell(spec.description)} |`
    )
  ].join('\n');
  const outputs = [
    '| output | description |',
    '|---|---|',
    ...Object.entries(action.outputs).map(
      ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
    )
  ].join('\n');
  return { inputs, outputs };
}
