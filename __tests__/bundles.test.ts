import { expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './support/runner.js';

/** Every JavaScript file of the committed bundles (entries and their chunks). */
function bundleFiles(): string[] {
  return ['main', 'post'].flatMap(step =>
    readdirSync(path.join(ROOT, 'dist', step))
      .filter(name => name.endsWith('.js'))
      .map(name => path.join(ROOT, 'dist', step, name))
  );
}

test('nothing bundled calls HttpClient.getAgentDispatcher, the one user of undici (src/undici-stub.ts)', () => {
  const files = bundleFiles();
  expect(files.length).toBeGreaterThanOrEqual(2);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // Its definition in @actions/http-client is the one use allowed (the stub names it in words).
    const uses = text.match(/getAgentDispatcher\s*[(\]'"]/g) ?? [];
    const definitions = text.match(/^\s*getAgentDispatcher\(serverUrl\) \{$/gm) ?? [];
    expect({ file, uses: uses.length }).toEqual({ file, uses: definitions.length });
  }
});

test("the main bundle's entry holds none of undici: each step starts without parsing it", () => {
  const entry = readFileSync(path.join(ROOT, 'dist', 'main', 'index.js'), 'utf8');
  expect(entry).toContain('undici is not bundled');
  // Error codes that only undici's own modules define.
  expect(entry).not.toMatch(/UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT/);
});
