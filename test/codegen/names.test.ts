import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { camelCase, pascalCase } from '../../src/codegen/names.js';
import { pathTemplateNames } from '../../src/codegen/spec-parts.js';

/** camelCase as it was first written, with regular expressions: the reference. */
function camelCaseBefore(raw: string): string {
  const ws = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  if (ws.length === 0) return 'operation';
  let s = ws
    .map((w, i) => (i === 0 ? w[0]?.toLowerCase() + w.slice(1) : (w[0] as string).toUpperCase() + w.slice(1)))
    .join('');
  if (/^[0-9]/.test(s)) s = `_${s}`;
  return s;
}

/** pascalCase as it was first written, with a regular expression: the reference. */
function pascalCaseBefore(raw: string): string {
  const ws = raw.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let s = ws.map((w) => (w[0] as string).toUpperCase() + w.slice(1)).join('');
  if (s === '') s = 'Schema';
  if (/^[0-9]/.test(s)) s = `_${s}`;
  return s;
}

const pathTemplateNamesBefore = (path: string) =>
  [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);

// Strings made of the characters that decide where words and template names start and end.
const tricky = fc
  .array(fc.constantFrom('a', 'B', 'z', 'Z', '0', '9', '-', '_', '.', ' ', '/', '{', '}', 'é', '😀'), {
    maxLength: 16,
  })
  .map((cs) => cs.join(''));

describe('names from the spec', () => {
  it('camelCase splits words as the regular expressions did', () => {
    for (const id of ['repos/get-content', 'getHTTPThing2x', 'users.calendar.ListEvents', '2fa', '', 'ÉTÉ']) {
      expect(camelCase(id), id).toBe(camelCaseBefore(id));
    }
    fc.assert(
      fc.property(tricky, (s) => {
        // (No reserved word, which camelCase suffixes with `_`, is made of these letters.)
        expect(camelCase(s)).toBe(camelCaseBefore(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('pascalCase joins words as the regular expression did', () => {
    for (const name of ['full-repository', 'OAuthApp', 'microsoft.graph.user', '2fa', '', '-é-']) {
      expect(pascalCase(name), name).toBe(pascalCaseBefore(name));
    }
    fc.assert(
      fc.property(tricky, (s) => {
        expect(pascalCase(s)).toBe(pascalCaseBefore(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("pathTemplateNames finds a path's template names as the regular expression did", () => {
    for (const p of ['/a/{b}/c/{d-e}', '/{}', '/{{x}', '/{a', '/a}{b}', '/{a}{b}']) {
      expect(pathTemplateNames(p), p).toEqual(pathTemplateNamesBefore(p));
    }
    fc.assert(
      fc.property(tricky, (s) => {
        expect(pathTemplateNames(s)).toEqual(pathTemplateNamesBefore(s));
      }),
      { numRuns: 5000 },
    );
  });
});
