import { describe, expect, test } from '@jest/globals';
import { Collector, fullCollection } from '../../src/cache/garbage.js';

describe("V8's full collection", () => {
  test('is available without --expose-gc, and frees what nothing references', async () => {
    const collect = fullCollection();
    expect(typeof collect).toBe('function');
    const ref = new WeakRef({ buffer: Buffer.alloc(1024) });
    // A WeakRef's target lives at least until the current job ends.
    await new Promise(resolve => setImmediate(resolve));
    collect!();
    expect(ref.deref()).toBeUndefined();
  });

  test('is asked for once each time the given bytes more went through', () => {
    const collector = new Collector(100);
    for (const bytes of [40, 99, 100, 150, 199, 260, 299, 1000]) collector.after(bytes);
    // At 100 (next at 200), 260 (next at 360), 1000.
    expect(collector.count).toBe(3);
    expect(collector.ms).toBeGreaterThanOrEqual(0);
  });
});
