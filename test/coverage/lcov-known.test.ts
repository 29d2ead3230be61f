// The lcov reader and the shard merge give exactly what the previous reader gave on every real lcov
// fixture and on a tracefile of every form (digests in test/fixtures/coverage/lcov-known.json,
// written by lcov-known.mjs from the reader before the compact stores).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLcov } from '../../src/gate/coverage/lcov.js';
import { knownOutputs, syntheticTracefile } from './lcov-known.js';
import { fixture } from './tool-summaries.js';

describe('lcov reader and merge against the previous reader', () => {
  it('the synthetic tracefile has the rare forms it is there for', () => {
    const text = syntheticTracefile();
    for (const form of [/^FN:\d+,\d+,/m, /^FNA:/m, /^BRDA:\d+,e\d,\d,/m, /,-$/m, /^DA:\d+,\d+,d41d/m, /\r$/m])
      expect(text).toMatch(form);
    const path = join(mkdtempSync(join(tmpdir(), 'shipkit-lcov-synthetic-')), 'synthetic.info');
    writeFileSync(path, text);
    const files = readLcov(path, { file: path, warn: () => {} }).files;
    expect(
      files.some(
        (f) => (f.coverage.lines.size ?? 0) > 0 && [...f.coverage.lines.keys()].some((l) => l > 1 << 20),
      ),
    ).toBe(true);
    expect(files.some((f) => (f.coverage.functions?.size ?? 0) > 2)).toBe(true);
  });

  const known = JSON.parse(readFileSync(fixture('lcov-known.json'), 'utf8')) as Record<string, string>;
  for (const which of ['read', 'merge'] as const) {
    it(`${which}: gives the digests the previous reader gave`, async () => {
      const now = await knownOutputs(which);
      const expected = Object.entries(known).filter(([name]) => name.startsWith(`${which} `));
      expect(Object.keys(now).sort()).toEqual(expected.map(([name]) => name).sort());
      for (const [name, digest] of expected) expect(now[name], name).toBe(digest);
    });
  }
});
