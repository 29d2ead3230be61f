import { GLOBAL_NAMES } from './globals.js';
import { CLIENT_RUNTIME } from './runtime.js';

/** Words TypeScript reserves (as identifiers or type names). */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'as implements interface let package private protected public static yield any boolean number string symbol ' +
    'unknown never object bigint undefined type declare namespace module abstract async await constructor get set ' +
    'infer is keyof readonly require unique of satisfies accessor out global'
  ).split(' '),
);

/**
 * Names the generated files declare themselves (index.ts re-exports types.ts beside them, so a
 * schema of the same name would be ambiguous): everything the runtime exports, read from its
 * source, and what client.ts, mocks.ts and index.ts add around it (test/codegen/output.test.ts
 * checks this list against every export of a generated client).
 */
export const OWN_NAMES = new Set([
  ...[
    ...CLIENT_RUNTIME.matchAll(
      /^export (?:declare )?(?:interface|type|class|function|const|let|enum) (\w+)/gm,
    ),
  ].map((m) => m[1] as string),
  'Operations',
  'OperationId',
  'ApiClient',
  'Credentials',
  'Int64',
  'createClient',
  'decodeResponse',
  'createMockClient',
  'MockClient',
  'MockHandlers',
  'EXAMPLES',
  'operationTests',
  'schemas',
]);

/**
 * `s` followed by the word raw[start..end) (ASCII letters and digits) with its first letter
 * upper-cased, or lower-cased with `lower`: no toUpperCase call for each word of thousands of names.
 */
function withWord(s: string, raw: string, start: number, end: number, lower: boolean): string {
  const c = raw.charCodeAt(start);
  const first = lower
    ? c >= 65 && c <= 90
      ? String.fromCharCode(c + 32)
      : (raw[start] as string)
    : c >= 97 && c <= 122
      ? String.fromCharCode(c - 32)
      : (raw[start] as string);
  return s + first + raw.slice(start + 1, end);
}

function isLowerOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** `full-repository` → `FullRepository`; keeps inner capitals (`OAuthApp`). */
export function pascalCase(raw: string): string {
  // Words: runs of ASCII letters and digits.
  let s = '';
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : -1;
    if ((c >= 65 && c <= 90) || isLowerOrDigit(c)) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      s = withWord(s, raw, start, i, false);
      start = -1;
    }
  }
  if (s === '') s = 'Schema';
  if (/^[0-9]/.test(s)) s = `_${s}`;
  return s;
}

/** `repos/get-content` → `reposGetContent`. */
export function camelCase(raw: string): string {
  // Words: runs of ASCII letters and digits, split where a lower-case letter or digit meets a capital.
  let s = '';
  let start = -1;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : -1;
    const upper = c >= 65 && c <= 90;
    if (!upper && !isLowerOrDigit(c)) {
      if (start !== -1) s = withWord(s, raw, start, i, s === '');
      start = -1;
    } else if (start === -1) start = i;
    else if (upper && isLowerOrDigit(raw.charCodeAt(i - 1))) {
      s = withWord(s, raw, start, i, s === '');
      start = i;
    }
  }
  if (s === '') return 'operation';
  if (/^[0-9]/.test(s)) s = `_${s}`;
  if (RESERVED.has(s)) s = `${s}_`;
  return s;
}

function isIdentifier(s: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s);
}

/** A property key as written in a type or object literal: bare when it can be, quoted otherwise. */
export function propertyKey(s: string): string {
  return isIdentifier(s) ? s : JSON.stringify(s);
}

/**
 * Gives each key a unique name from its preferred spelling. Keys are ordered by (priority,
 * preferred name, key) — never by declaration order — so a reordered spec names things the same.
 * A name that would shadow a global (`Blob`, `File`, `Error`…), a reserved word or one of the
 * generated files' own names gets the suffix `Model`; a clash between two keys a number.
 */
export function allocateNames(
  entries: { key: string; preferred: string; priority: number }[],
  taken: Iterable<string> = [],
): Map<string, string> {
  const used = new Set<string>(taken);
  const out = new Map<string, string>();
  const sorted = [...entries].sort(
    (a, b) =>
      a.priority - b.priority ||
      (a.preferred < b.preferred ? -1 : a.preferred > b.preferred ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  for (const e of sorted) {
    let base = e.preferred;
    if (GLOBAL_NAMES.has(base) || RESERVED.has(base) || OWN_NAMES.has(base)) base = `${base}Model`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    out.set(e.key, name);
  }
  return out;
}
