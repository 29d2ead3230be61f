import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectText } from '../../src/gate/coverage/detect.js';
import { LineHits } from '../../src/gate/coverage/line-hits.js';
import { PathResolver, parsePathMap } from '../../src/gate/coverage/paths.js';
import { expandGlob, globRegExp } from '../../src/gate/glob.js';

describe('LineHits behaves as the Map<number, number> the model declares', () => {
  it('matches a Map on the same operations', () => {
    const ours = new LineHits();
    const map = new Map<number, number>();
    const ops: [number, number][] = [
      [5, 0],
      [1, 3],
      [5, 2],
      [2_000_000, 7],
      [400, 1],
    ];
    for (const [l, h] of ops) {
      ours.set(l, h);
      map.set(l, h);
    }
    expect(ours.size).toBe(map.size);
    expect(ours.get(5)).toBe(2);
    expect(ours.get(6)).toBeUndefined();
    expect(ours.has(2_000_000)).toBe(true);
    expect([...ours].sort((a, b) => a[0] - b[0])).toEqual([...map].sort((a, b) => a[0] - b[0]));
    expect([...ours.keys()]).toEqual([1, 5, 400, 2_000_000]);
    expect([...ours.values()]).toEqual([3, 2, 1, 7]);
    expect(ours.delete(5)).toBe(true);
    expect(ours.delete(5)).toBe(false);
    expect(ours.size).toBe(3);
    expect(ours.coveredCount()).toBe(3);
    expect(new Map(ours).get(400)).toBe(1);
    ours.set(9, -4);
    expect(ours.get(9)).toBe(0);
    ours.set(10, 1e12);
    expect(ours.get(10)).toBe(0xfffffffe);
  });

  it('keeps every count exactly as its lines grow past one and two bytes, added, summed and trimmed', () => {
    const ours = new LineHits();
    const map = new Map<number, number>();
    const counts = [0, 1, 254, 255, 256, 65_533, 65_534, 65_535, 70_000, 0xfffffffd];
    let line = 0;
    for (const h of counts) {
      for (const l of [line, line + 300]) {
        ours.add(l, h);
        map.set(l, Math.min((map.get(l) ?? 0) + h, 0xfffffffe));
        ours.add(l, 1);
        map.set(l, Math.min((map.get(l) ?? 0) + 1, 0xfffffffe));
      }
      line += 3;
      ours.trim();
      expect([...ours]).toEqual([...map].sort((a, b) => a[0] - b[0]));
    }
    ours.add(0, 0xfffffffe);
    expect(ours.get(0)).toBe(0xfffffffe);
    expect(ours.coveredCount()).toBe(map.size);
    const copy = new LineHits();
    copy.addAll(ours);
    expect([...copy]).toEqual([...ours]);
  });

  it('addAll of LineHits sums as add does: in place, growing, widening to two and four bytes, capped', () => {
    const counts = [0, 1, 3, 200, 254, 255, 60_000, 65_534, 0xfffffffd, 0xfffffffe];
    const make = (seed: number, length: number) => {
      const l = new LineHits();
      for (let line = 0; line < length; line += 1 + ((line * seed) % 3))
        l.set(line, counts[(line + seed) % counts.length] as number);
      l.trim();
      return l;
    };
    for (const [a, b] of [
      [make(1, 40), make(2, 40)],
      [make(3, 20), make(5, 60)],
      [make(7, 60), make(11, 20)],
      [make(13, 0), make(2, 30)],
    ] as const) {
      const expected = new LineHits();
      for (const [line, h] of a) expected.add(line, h);
      for (const [line, h] of b) expected.add(line, h);
      a.addAll(b);
      expect([...a]).toEqual([...expected]);
      expect(a.size).toBe(expected.size);
      expect(a.coveredCount()).toBe(expected.coveredCount());
    }
  });
});

describe('paths and globs', () => {
  const root = mkdtempSync(join(tmpdir(), 'shipkit-coverage-paths-'));
  mkdirSync(join(root, 'packages/web/src'), { recursive: true });
  mkdirSync(join(root, 'svc'), { recursive: true });
  writeFileSync(join(root, 'packages/web/src/app.ts'), '');
  writeFileSync(join(root, 'svc/go.mod'), 'module example.com/org/svc\n\ngo 1.22\n');
  writeFileSync(join(root, 'svc/main.go'), '');

  it('maps absolute, prefixed, Go module and suffix paths to repository paths', () => {
    const r = new PathResolver({ root, pathMap: { '/app/': 'packages/web/' } });
    const ctx = { reportDir: join(root, 'coverage') };
    expect(r.resolve(join(root, 'packages/web/src/app.ts'), ctx)).toEqual({
      path: 'packages/web/src/app.ts',
      found: true,
    });
    expect(r.resolve('/app/src/app.ts', ctx)).toEqual({ path: 'packages/web/src/app.ts', found: true });
    expect(r.resolve('src/app.ts', ctx)).toEqual({
      path: 'packages/web/src/app.ts',
      found: true,
      fixed: 'common suffix',
    });
    expect(r.resolve('example.com/org/svc/main.go', { ...ctx, goModules: true })).toEqual({
      path: 'svc/main.go',
      found: true,
    });
    expect(r.resolve('/usr/include/stdio.h', ctx)).toEqual({ outside: '/usr/include/stdio.h' });
    expect(r.resolve('C:\\build\\x.c', ctx)).toEqual({ outside: 'C:/build/x.c' });
    expect(r.resolve('lib/new.c', ctx)).toEqual({ path: 'lib/new.c', found: false });
  });

  it('matches paths from another machine by their longest common suffix, as Codecov does', () => {
    const repo = mkdtempSync(join(tmpdir(), 'shipkit-coverage-suffix-'));
    for (const f of ['web/src/util/index.ts', 'web/src/index.ts', 'api/src/index.ts', 'README.md']) {
      mkdirSync(join(repo, f, '..'), { recursive: true });
      writeFileSync(join(repo, f), '');
    }
    const r = new PathResolver({ root: repo });
    const ctx = { reportDir: repo };
    const fixed = (path: string) => ({ path, found: true, fixed: 'common suffix' });
    // A runner's checkout, a container, Windows: the one repository file sharing the most segments.
    expect(r.resolve('/home/runner/work/x/x/web/src/util/index.ts', ctx)).toEqual(
      fixed('web/src/util/index.ts'),
    );
    expect(r.resolve('/app/api/src/index.ts', ctx)).toEqual(fixed('api/src/index.ts'));
    expect(r.resolve('C:\\a\\x\\web\\src\\index.ts', ctx)).toEqual(fixed('web/src/index.ts'));
    expect(r.resolve('file:///C:/a/x/web/src/index.ts', ctx)).toEqual(fixed('web/src/index.ts'));
    expect(r.resolve('/home/runner/work/x/x/README.md', ctx)).toEqual(fixed('README.md'));
    // Two files as good as each other (src/index.ts): none is picked; a file name alone is not enough.
    expect(r.resolve('/build/src/index.ts', ctx)).toEqual({ outside: '/build/src/index.ts' });
    expect(r.resolve('/build/lib/index.ts', ctx)).toEqual({ outside: '/build/lib/index.ts' });
    expect(r.resolve('C:\\nowhere\\x.c', ctx)).toEqual({ outside: 'C:/nowhere/x.c' });
  });

  it('reads FROM=TO path maps (the first = splits), refusing an entry without FROM=', () => {
    const bad = (entry: string) => new Error(`bad ${entry}`);
    expect(parsePathMap(['/app/=', 'web/=packages/web/'], bad)).toEqual({
      '/app/': '',
      'web/': 'packages/web/',
    });
    expect(parsePathMap(['a=b=c'], bad)).toEqual({ a: 'b=c' });
    expect(() => parsePathMap(['src/=lib/', '=lib/'], bad)).toThrow('bad =lib/');
    expect(() => parsePathMap(['src'], bad)).toThrow('bad src');
  });

  it('expands globs the way shells and CI configs write them', () => {
    writeFileSync(join(root, 'packages/web/lcov.info'), '');
    mkdirSync(join(root, 'node_modules/x'), { recursive: true });
    writeFileSync(join(root, 'node_modules/x/lcov.info'), '');
    expect(expandGlob('**/lcov.info', root)).toEqual(['packages/web/lcov.info']);
    expect(expandGlob('packages/*/lcov.info', root)).toEqual(['packages/web/lcov.info']);
    expect(globRegExp('cov/{a,b}/*.xml').test('cov/b/x.xml')).toBe(true);
    expect(globRegExp('cov/{a,b}/*.xml').test('cov/c/x.xml')).toBe(false);
  });

  it('detects formats by content', () => {
    expect(detectText('TN:\nSF:a.c\n')).toBe('lcov');
    expect(detectText('mode: atomic\nx.go:1.1,2.2 1 0\n')).toBe('go');
    expect(
      detectText(
        '<?xml version="1.0"?>\n<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="x">',
      ),
    ).toBe('jacoco');
    expect(detectText('<coverage generated="1" clover="3.2.0"><project>')).toBe('clover');
    expect(detectText('<coverage line-rate="0.5" version="gcovr 5.2">')).toBe('cobertura');
    expect(detectText('{"meta": {"version": "7.4", "format": 2}, "files": {}}')).toBe('coveragepy');
    expect(detectText('<html>')).toBeUndefined();
  });
});
