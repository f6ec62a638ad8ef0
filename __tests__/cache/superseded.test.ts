import { describe, expect, test } from '@jest/globals';
import { isEntryOfPrefix, planDeletions, type ListedEntry } from '../../src/cache/superseded.js';

const PREFIX = 'clone-cache-Linux-acme-widgets';
const MAIN = 'refs/heads/main';
const sha = (n: number) => n.toString(16).padStart(40, '0');

let nextId = 1;
/** An entry of the prefix on main, saved `minutesAgo` minutes ago, unless told otherwise. */
function entry(minutesAgo: number, changes: Partial<ListedEntry> = {}): ListedEntry {
  const id = nextId++;
  return {
    id,
    key: `${PREFIX}-${sha(id)}`,
    ref: MAIN,
    version: 'v-zstd',
    sizeBytes: 1000,
    createdAt: Date.parse('2026-01-01T12:00:00Z') - minutesAgo * 60_000,
    ...changes
  };
}

const plan = (listed: ListedEntry[], saved: ListedEntry) =>
  planDeletions(listed, { prefix: PREFIX, ref: MAIN, savedKey: saved.key });
const keys = (entries: ListedEntry[]) => entries.map(e => e.key);

describe('isEntryOfPrefix', () => {
  test.each([
    [`${PREFIX}-${sha(1)}`, true],
    [`${PREFIX}-${'a'.repeat(64)}`, true],
    [`${PREFIX}-${'a'.repeat(39)}`, false],
    [`${PREFIX}-${'a'.repeat(41)}`, false],
    [`${PREFIX}-${'A'.repeat(40)}`, false],
    [`${PREFIX}-docs-${sha(1)}`, false],
    [`${PREFIX}${sha(1)}`, false],
    [`other-${sha(1)}`, false],
    [`${PREFIX}-`, false]
  ])('%s: %s', (key, expected) => {
    expect(isEntryOfPrefix(PREFIX, key)).toBe(expected);
  });
});

describe('planDeletions', () => {
  test('keeps the entry just saved and the one before it; deletes the older ones', () => {
    const [saved, before, old, older] = [entry(0), entry(60), entry(120), entry(180)];
    const result = plan([older, saved, old, before], saved);
    expect(keys(result.remove)).toEqual(keys([old, older]));
    expect(keys(result.entries)).toEqual(keys([saved, before, old, older]));
    expect(result.note).toBeUndefined();
  });

  test('deletes nothing when only the saved entry and the one before it exist', () => {
    const [saved, before] = [entry(0), entry(60)];
    expect(plan([before, saved], saved).remove).toEqual([]);
    expect(plan([saved], saved).remove).toEqual([]);
  });

  test('an entry another job saved after this one stays, and so does the one before this one', () => {
    const [newer, saved, before, old] = [entry(-5), entry(0), entry(60), entry(120)];
    expect(keys(plan([old, before, saved, newer], saved).remove)).toEqual(keys([old]));
  });

  test('never deletes an entry of another ref, another prefix, or a key that is not <prefix>-<sha>', () => {
    const saved = entry(0);
    const before = entry(60);
    const others = [
      entry(500, { ref: 'refs/heads/feature' }),
      entry(500, { ref: 'refs/pull/7/merge' }),
      entry(500, { key: `${PREFIX}-docs-${sha(900)}` }),
      entry(500, { key: `${PREFIX}-manual` }),
      entry(500, { key: `clone-cache-Linux-acme-gadgets-${sha(901)}` }),
      entry(500, { key: `node-modules-${sha(902)}` })
    ];
    const result = plan([saved, before, ...others], saved);
    expect(result.remove).toEqual([]);
    expect(keys(result.entries)).toEqual(keys([saved, before]));
  });

  test('entries of another version (another compression or platform) stay', () => {
    const saved = entry(0);
    const gzipOld = entry(300, { version: 'v-gzip' });
    const gzipOlder = entry(400, { version: 'v-gzip' });
    const [before, old] = [entry(60), entry(120)];
    const result = plan([saved, gzipOld, gzipOlder, before, old], saved);
    expect(keys(result.remove)).toEqual(keys([old]));
    expect(result.entries).toHaveLength(5);
  });

  test('nothing is deleted while the entry just saved is not listed', () => {
    const listed = [entry(60), entry(120), entry(180)];
    const result = planDeletions(listed, {
      prefix: PREFIX,
      ref: MAIN,
      savedKey: `${PREFIX}-${sha(999)}`
    });
    expect(result.remove).toEqual([]);
    expect(result.note).toMatch(/not listed yet/);
  });

  test('entries saved in the same millisecond are ordered by id', () => {
    const at = entry(0).createdAt;
    const [a, b, c] = [
      entry(0, { createdAt: at }),
      entry(0, { createdAt: at }),
      entry(0, { createdAt: at })
    ];
    // c has the highest id: the newest. Saving b keeps c, b and a (the one before b).
    expect(plan([a, b, c], b).remove).toEqual([]);
    expect(keys(plan([a, b, c], c).remove)).toEqual(keys([a]));
    const d = entry(0, { createdAt: at });
    expect(keys(plan([a, b, c, d], d).remove)).toEqual(keys([b, a]));
  });
});
