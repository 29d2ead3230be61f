import { describe, expect, it } from 'vitest';
import { globRegExp, pathMatcher } from '../../src/gate/glob.js';

describe('one glob syntax for shipkit.yml paths, report globs and release assets', () => {
  it('matches whole relative paths: ** any depth, * and ? within a segment, {a,b} of globs', () => {
    const re = globRegExp('src/**/*.{ts,m?s}');
    expect(['src/a.ts', 'src/x/y/b.mjs', 'src/c.mts'].map((p) => re.test(p))).toEqual([true, true, true]);
    expect(['lib/a.ts', 'src/a.tsx', 'src/c.cjs'].map((p) => re.test(p))).toEqual([false, false, false]);
    expect(globRegExp('*.tgz').test('dist/a.tgz')).toBe(false);
    expect(globRegExp('cov/{a,b/*}.xml').test('cov/b/x.xml')).toBe(true);
  });

  it('reads [..] as a class only when asked (coverage report globs); otherwise a bracket is itself', () => {
    expect(globRegExp('shard[12]/lcov.info', { classes: true }).test('shard2/lcov.info')).toBe(true);
    expect(globRegExp('shard[!12]/lcov.info', { classes: true }).test('shard2/lcov.info')).toBe(false);
    expect(globRegExp('app/[id]/*.tsx').test('app/[id]/page.tsx')).toBe(true);
    expect(globRegExp('app/[id]/*.tsx').test('app/i/page.tsx')).toBe(false);
  });

  it('in shipkit.yml, a glob without a slash is a file name at any depth, one ending in / a directory', () => {
    const match = pathMatcher(['*.test.ts', 'src/generated/', './docs/**']);
    expect(['test/a/b.test.ts', 'src/generated/x/y.ts', 'docs/a.md'].map(match)).toEqual([true, true, true]);
    expect(['src/b.ts', 'src/generated.ts', 'x/docs/a.md'].map(match)).toEqual([false, false, false]);
  });
});
