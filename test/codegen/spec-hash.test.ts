import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../src/codegen/spec-text.js';
import { hashCanonical } from '../../src/codegen/spec-hash.js';
import { fixtures, root } from './helpers.js';

/** The spec hash as it was first written (JSON.stringify with a sorting replacer): the reference. */
function canonicalBefore(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) return x;
    const keys = Object.keys(x);
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++)
      if ((keys[i - 1] as string) > (keys[i] as string)) sorted = false;
    if (sorted) return x;
    const out: Record<string, unknown> = {};
    for (const k of keys.sort()) out[k] = (x as Record<string, unknown>)[k];
    return out;
  });
}

const hashBefore = (v: unknown) => createHash('sha256').update(canonicalBefore(v)).digest('hex');
const now = (v: unknown) => {
  const h = createHash('sha256');
  hashCanonical(v, h);
  return h.digest('hex');
};

/** A seeded random value with the keys that make ordering hard: integer-like, `__proto__`, non-ASCII. */
function randomValue(seed: number): unknown {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const keys = [
    'b',
    'a',
    '10',
    '2',
    '0',
    '01',
    '-1',
    '4294967295',
    '4294967294',
    '__proto__',
    'é',
    'Z',
    '$ref',
    '',
    '😀',
    'a b',
    '1.5',
  ];
  const strings = ['x', '', 'line\nbreak', 'quote"back\\slash', '\u2028', '😀', '\ud800', 'é', '`$'];
  const value = (depth: number): unknown => {
    const r = rand();
    if (depth > 4 || r < 0.35) {
      const p = rand();
      if (p < 0.3) return strings[Math.floor(rand() * strings.length)];
      if (p < 0.5) return Math.floor(rand() * 2000) - 1000;
      if (p < 0.6) return rand() * 1e22;
      if (p < 0.7) return rand() < 0.5;
      if (p < 0.8) return null;
      if (p < 0.85) return undefined;
      return [Number.NaN, Number.POSITIVE_INFINITY, -0][Math.floor(rand() * 3)];
    }
    if (r < 0.55) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
    const o: Record<string, unknown> = {};
    const n = Math.floor(rand() * 6);
    for (let i = 0; i < n; i++) {
      const k = keys[Math.floor(rand() * keys.length)] as string;
      Object.defineProperty(o, k, {
        value: value(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return o;
  };
  // A spec's root is an object, never undefined.
  return { w: value(0), '1': value(0), v: value(0) };
}

describe('spec hash', () => {
  it('is the hash the sorting JSON.stringify gave, on every codegen fixture and GitHub’s spec', () => {
    const texts: [string, string][] = [
      [
        'github',
        gunzipSync(readFileSync(join(root, 'test/fixtures/github/api.github.com.json.gz'))).toString('utf8'),
      ],
      ['swagger2.yaml', readFileSync(join(fixtures, 'swagger2.yaml'), 'utf8')],
      ['split', readFileSync(join(fixtures, 'split/openapi.yaml'), 'utf8')],
    ];
    for (const f of readdirSync(join(fixtures, 'specs')))
      texts.push([f, gunzipSync(readFileSync(join(fixtures, 'specs', f))).toString('utf8')]);
    for (const [name, text] of texts) {
      const data = parseSpecText(text, `/specs/${name}`).data;
      expect(now(data), name).toBe(hashBefore(data));
    }
  });

  it('orders integer-like keys, __proto__, non-ASCII keys and skips undefined as before (2,000 random values)', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const v = randomValue(seed);
      expect(now(v), `seed ${seed}`).toBe(hashBefore(v));
    }
  });

  it('is the same in pieces as whole: a long document with surrogate pairs across the 64 KB flushes', () => {
    const v = Array.from({ length: 20000 }, (_, i) => ({ z: '😀'.repeat(i % 7), a: i, é: [i, '\ud83d'] }));
    expect(now(v)).toBe(hashBefore(v));
  });
});
