// Deterministic text for the demo's history: lines of source code, commit messages, authors.

/** mulberry32: a small, fast, seeded generator (Math.random cannot be seeded). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = (seed ^ 0x9e3779b9) >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** A whole number in [0, limit). */
  int(limit: number): number {
    return Math.floor(this.next() * limit);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const NAMES = [
  'request',
  'buffer',
  'index',
  'entry',
  'config',
  'state',
  'result',
  'handler',
  'options',
  'count',
  'offset',
  'path',
  'token',
  'cache',
  'stream',
  'record'
];
const CALLS = ['read', 'parse', 'resolve', 'update', 'check', 'load', 'merge', 'emit', 'format'];

/** One line of plausible TypeScript, about 40 bytes. */
export function codeLine(random: Random): string {
  const indent = '  '.repeat(random.int(4));
  const a = random.pick(NAMES);
  const b = random.pick(NAMES);
  switch (random.int(5)) {
    case 0:
      return `${indent}const ${a}${random.int(100)} = ${random.pick(CALLS)}(${b}, ${random.int(1000)});\n`;
    case 1:
      return `${indent}if (${a}.${b} > ${random.int(64)}) return ${random.pick(CALLS)}(${a});\n`;
    case 2:
      return `${indent}${a}.${random.pick(CALLS)}(${b}.${random.pick(NAMES)});\n`;
    case 3:
      return `${indent}// ${random.pick(CALLS)} the ${a} before the ${b} is ${random.pick(CALLS)}d\n`;
    default:
      return `${indent}}\n`;
  }
}

const VERBS = ['Fix', 'Add', 'Refactor', 'Speed up', 'Document', 'Simplify', 'Test', 'Handle'];

/** A commit message: a subject naming the area and, for some commits, a short body. */
export function commitMessage(random: Random, area: string): string {
  const subject = `${area}: ${random.pick(VERBS).toLowerCase()} ${random.pick(NAMES)} ${random.pick(CALLS)}`;
  if (random.int(3) > 0) return `${subject}\n`;
  const body = `The ${random.pick(NAMES)} was ${random.pick(CALLS)}d twice when the ${random.pick(NAMES)} changed.`;
  return `${subject}\n\n${body}\n`;
}

export const AUTHORS = [
  'Ada Lovelace <ada@example.com>',
  'Alan Turing <alan@example.com>',
  'Grace Hopper <grace@example.com>',
  'Edsger Dijkstra <edsger@example.com>',
  'Barbara Liskov <barbara@example.com>',
  'Donald Knuth <don@example.com>',
  'Frances Allen <fran@example.com>',
  'Ken Thompson <ken@example.com>',
  'Margaret Hamilton <margaret@example.com>',
  'Dennis Ritchie <dmr@example.com>',
  'Radia Perlman <radia@example.com>',
  'John McCarthy <jmc@example.com>'
];
