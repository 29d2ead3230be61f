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

/**
 * Feeds `h` the JSON of `v` with every object's keys sorted (integer-like keys first, ascending,
 * as JS orders them; then the others by code unit): the text `JSON.stringify` gives for a copy of
 * `v` with sorted keys, written here piece by piece (no copy, no 13 MB string for GitHub's spec).
 * Pieces go to the hash between whole values, so no surrogate pair is ever split.
 */
export function hashCanonical(v: unknown, h: Hash): void {
  let text = '';
  const write = (x: unknown): void => {
    if (x === null) {
      text += 'null';
      return;
    }
    if (typeof x === 'string') {
      text += JSON.stringify(x);
      return;
    }
    if (typeof x !== 'object') {
      // Numbers (NaN and Infinity as null), booleans; a bigint throws as JSON.stringify does.
      text += JSON.stringify(x) ?? 'null';
      return;
    }
    if (Array.isArray(x)) {
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
      let first = true;
      text += '{';
      for (const k of sortedKeys(o)) {
        const y = o[k];
        if (y === undefined || typeof y === 'function' || typeof y === 'symbol') continue;
        if (!first) text += ',';
        first = false;
        text += JSON.stringify(k);
        text += ':';
        write(y);
      }
      text += '}';
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
 * The keys of `o` in the order a copy made by assigning them in sorted order lists them: integer
 * keys (which Object.keys gives first, ascending) and then the others sorted. A `__proto__` key
 * that is not already in order is dropped, as that assignment sets the prototype instead.
 */
function sortedKeys(o: Record<string, unknown>): string[] {
  const keys = Object.keys(o);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++)
    if ((keys[i - 1] as string) > (keys[i] as string)) sorted = false;
  if (sorted) return keys;
  let n = 0;
  while (n < keys.length && isArrayIndex(keys[n] as string)) n++;
  const rest = keys.slice(n).sort();
  keys.length = n;
  for (const k of rest) if (k !== '__proto__') keys.push(k);
  return keys;
}

function isArrayIndex(k: string): boolean {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
}
