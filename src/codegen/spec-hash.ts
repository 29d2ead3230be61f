import { createHash, type Hash } from 'node:crypto';
import { relative } from 'node:path';
import type { SpecSet } from './load.js';

/** sha256 of the spec's content with keys sorted: a reordered spec hashes the same. */
export function specHash(spec: SpecSet): string {
  const h = createHash('sha256');
  for (const path of [...spec.files.keys()].sort()) {
    h.update(relative(spec.root.path, path));
    hashCanonical((spec.files.get(path) as { data: unknown }).data, h);
  }
  return h.digest('hex');
}

/** A string JSON.stringify would write as is between quotes: no quote, backslash, control or surrogate. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * Feeds `h` the JSON of `v` with every object's keys sorted (integer-like keys first, ascending,
 * as JS orders them; then the others by code unit): the text `JSON.stringify` gives for a copy of
 * `v` with sorted keys, written here piece by piece (no copy, no 13 MB string for GitHub's spec).
 * Pieces go to the hash between whole values, so no surrogate pair is ever split. An object whose
 * keys are in order and whose values are not objects (most schema leaves) is one JSON.stringify;
 * plain strings are quoted without it, and each key's text is made once.
 */
export function hashCanonical(v: unknown, h: Hash): void {
  let text = '';
  const keyTexts = new Map<string, string>();
  const write = (x: unknown): void => {
    if (typeof x === 'string') text += NEEDS_ESCAPE.test(x) ? JSON.stringify(x) : `"${x}"`;
    else if (x === null) text += 'null';
    else if (typeof x === 'number') text += Number.isFinite(x) ? String(x) : 'null';
    // Booleans; a bigint throws as JSON.stringify does.
    else if (typeof x !== 'object') text += JSON.stringify(x) ?? 'null';
    else if (Array.isArray(x)) {
      text += '[';
      for (let i = 0; i < x.length; i++) {
        if (i > 0) text += ',';
        const y: unknown = x[i];
        if (y === undefined || typeof y === 'function' || typeof y === 'symbol') text += 'null';
        else write(y);
      }
      text += ']';
    } else if (typeof (x as { toJSON?: unknown }).toJSON === 'function') {
      text += JSON.stringify(x);
    } else {
      const o = x as Record<string, unknown>;
      const keys = Object.keys(o);
      let sorted = true;
      let leaf = true;
      for (let i = 0; i < keys.length; i++) {
        if (sorted && i > 0 && (keys[i - 1] as string) > (keys[i] as string)) sorted = false;
        const y = o[keys[i] as string];
        if (y !== null && typeof y === 'object') {
          leaf = false;
          if (!sorted) break;
        }
      }
      if (sorted && leaf) text += JSON.stringify(o);
      else {
        let first = true;
        text += '{';
        for (const k of sorted ? keys : sortKeys(keys)) {
          const y = o[k];
          if (y === undefined || typeof y === 'function' || typeof y === 'symbol') continue;
          if (!first) text += ',';
          first = false;
          let kt = keyTexts.get(k);
          if (kt === undefined) {
            kt = `${JSON.stringify(k)}:`;
            keyTexts.set(k, kt);
          }
          text += kt;
          write(y);
        }
        text += '}';
      }
    }
    if (text.length > 65536) {
      h.update(text);
      text = '';
    }
  };
  write(v);
  h.update(text);
}

/**
 * Object.keys of an object whose keys are out of order, in the order a copy made by assigning them
 * in sorted order lists them: integer keys (which Object.keys gives first, ascending) and then the
 * others sorted. A `__proto__` key is dropped, as that assignment sets the prototype instead.
 */
function sortKeys(keys: string[]): string[] {
  let n = 0;
  while (n < keys.length && isArrayIndex(keys[n] as string)) n++;
  if (keys.length - n > 24) {
    const rest = keys.slice(n).sort();
    keys.length = n;
    for (const k of rest) keys.push(k);
  } else {
    // Most objects have a few keys: an insertion sort (`>` compares code units, as sort() does)
    // costs less than a call to sort().
    for (let i = n + 1; i < keys.length; i++) {
      const k = keys[i] as string;
      let j = i - 1;
      for (; j >= n && (keys[j] as string) > k; j--) keys[j + 1] = keys[j] as string;
      keys[j + 1] = k;
    }
  }
  const proto = keys.indexOf('__proto__', n);
  if (proto !== -1) keys.splice(proto, 1);
  return keys;
}

function isArrayIndex(k: string): boolean {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
}
