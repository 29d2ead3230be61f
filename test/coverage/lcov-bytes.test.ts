// The lcov reader parses bytes in place from large read chunks. These tests check that the way a
// file is cut into chunks, its line endings and a missing final newline change nothing, on real
// tracefiles (gcc's repeated records, c8's 1.2 MB report), and that the rare forms read byte by byte
// or handed to the text path (checksums, `-` taken, lcov 2 FN end lines, non-numeric branch keys)
// give the figures lcov gives them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readLcov } from '../../src/gate/coverage/lcov.js';
import { LineHits, LineScratch } from '../../src/gate/coverage/line-hits.js';
import { readCoverage } from '../../src/gate/coverage/read.js';
import type { ReportContents } from '../../src/gate/coverage/source.js';
import { summarize } from '../../src/gate/coverage/summary.js';
import { fixture, lcovSummary } from './tool-summaries.js';

const dir = mkdtempSync(join(tmpdir(), 'shipkit-coverage-bytes-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const read = (path: string, chunk?: number) => readLcov(path, { file: path, warn: () => {} }, chunk);

/** Everything a reader produced, as plain data that toEqual compares in full. */
function plain(r: ReportContents) {
  return r.files.map((f) => ({
    path: f.path,
    line: f.line,
    lines: [...f.coverage.lines],
    branches: f.coverage.branches && [...f.coverage.branches],
    branchHits: f.coverage.branchHits && [...f.coverage.branchHits],
    functions: f.coverage.functions && [...f.coverage.functions],
  }));
}

const gcc = readFileSync(fixture('lcov', 'tests.info'), 'utf8');

describe('lcov read from bytes: chunks, line endings, last line', () => {
  it('the gcc tracefile (one record per test binary) has the forms the tests rely on', () => {
    expect(gcc).toMatch(/^BRDA:\d+,\d+,\d+,-$/m);
    expect(gcc).toMatch(/^FNDA:\d+,/m);
    const sf = [...gcc.matchAll(/^SF:(.*)$/gm)].map((m) => m[1]);
    expect(new Set(sf).size).toBeLessThan(sf.length);
  });

  it('every chunk size gives the same files, lines, branches and functions', () => {
    const path = write('tests.info', gcc);
    const whole = plain(read(path));
    expect(whole.length).toBeGreaterThan(3);
    for (const chunk of [1, 2, 3, 7, 13, 64, 1000, 4096]) expect(plain(read(path, chunk))).toEqual(whole);
  });

  it('the 1.2 MB c8 report cut into odd chunks equals lcov --summary', async () => {
    const text = gunzipSync(readFileSync(fixture('bench', 'full.lcov.gz')));
    const path = write('full.lcov', text);
    const whole = plain(read(path));
    for (const chunk of [4099, 65_521]) expect(plain(read(path, chunk))).toEqual(whole);
    const t = summarize(await readCoverage([path], { root: dir }));
    const lcov = lcovSummary('bench', 'full-lcov-summary.txt');
    expect({ covered: t.lines.covered, total: t.lines.total }).toEqual(lcov.lines);
    expect({ covered: t.branches?.covered, total: t.branches?.total }).toEqual(lcov.branches);
  });

  it('CRLF line endings and a file without a final newline read the same', async () => {
    const whole = plain(read(write('lf.info', gcc)));
    const crlf = gcc.replaceAll('\n', '\r\n');
    expect(plain(read(write('crlf.info', crlf)))).toEqual(whole);
    expect(plain(read(write('crlf-7.info', crlf), 7))).toEqual(whole);
    expect(plain(read(write('no-newline.info', gcc.trimEnd())))).toEqual(whole);
    expect(plain(read(write('crlf-no-newline.info', crlf.trimEnd()), 5))).toEqual(whole);
    const opts = { pathMap: { '/tmp/shipkit-cov/c/': '' }, root: fixture('lcov') };
    const t = summarize(await readCoverage([join(dir, 'crlf-no-newline.info')], opts));
    const lcov = lcovSummary('lcov', 'lcov-summary.txt');
    expect({ covered: t.lines.covered, total: t.lines.total }).toEqual(lcov.lines);
    expect({ covered: t.branches?.covered, total: t.branches?.total }).toEqual(lcov.branches);
    expect({ covered: t.functions?.covered, total: t.functions?.total }).toEqual(lcov.functions);
  });

  it('a truncated file still names the record that never ended, whatever the chunk size', () => {
    const cut = gcc.slice(0, gcc.indexOf('end_of_record', 2000));
    const path = write('cut.info', cut);
    for (const chunk of [undefined, 9]) {
      expect(() => read(path, chunk)).toThrow(/has no end_of_record: the report is truncated/);
    }
  });
});

describe('lcov line forms', () => {
  const tracefile = [
    'TN:unit',
    'SF:src/a.c',
    'FN:3,9,main', // lcov 2: start, end, name
    'FN:12,helper,with,commas',
    'FNDA:4,main',
    'FNDA:0,helper,with,commas',
    'DA:3,4',
    'DA:4,2,d41d8cd98f00b204e9800998ecf8427e', // with a checksum
    'DA:5,0',
    'BRDA:4,0,0,3',
    'BRDA:4,0,1,-', // not taken, block never ran
    'BRDA:4,e0,0,1', // lcov 2 exception branch: a text key
    'BRF:3',
    'BRH:2',
    'LF:3',
    'LH:2',
    'end_of_record',
    'SF:src/a.c', // a second record for the same file: merged
    'FN:3,9,main',
    'FNDA:1,main',
    'DA:5,7',
    'DA:6,0',
    'BRDA:4,0,1,2',
    'end_of_record',
    'SF:src/b.c',
    'DA:1,1',
    'BRDA:2,0,1,1', // out of order, and one branch listed twice
    'BRDA:2,0,0,0',
    'BRDA:2,0,1,1',
    'end_of_record',
  ].join('\n');

  it('reads each form as lcov does and merges repeated records by line, branch and name', () => {
    const r = read(write('forms.info', tracefile));
    const [a, b] = plain(r);
    expect(r.files.map((f) => f.path)).toEqual(['src/a.c', 'src/b.c']);
    expect(a?.line).toBe(2);
    expect(a?.lines).toEqual([
      [3, 4],
      [4, 2],
      [5, 7],
      [6, 0],
    ]);
    // Ordered by block then branch as numbers, as lcov's text keys compare (e0 is not a number).
    expect(a?.branchHits).toEqual([[4, [3, 1, 2]]]);
    expect(a?.branches).toEqual([[4, [3, 3]]]);
    expect(a?.functions).toEqual([
      ['main', { line: 3, hits: 5 }],
      ['helper,with,commas', { line: 12, hits: 0 }],
    ]);
    expect(b?.branchHits).toEqual([[2, [0, 2]]]);
    expect(b?.branches).toEqual([[2, [1, 2]]]);
    for (const chunk of [1, 6, 17]) expect(plain(read(join(dir, 'forms.info'), chunk))).toEqual([a, b]);
  });

  it('a BRF without BRDA still reports branches (0 of 0), as lcov counts them', () => {
    const r = read(write('brf.info', 'SF:c.c\nDA:1,1\nBRF:0\nBRH:0\nFNF:0\nend_of_record\n'));
    expect(plain(r)[0]?.branches).toEqual([]);
    expect(plain(r)[0]?.functions).toEqual([]);
  });

  it('malformed lines are still named with their line number, in any chunk', () => {
    const path = write('bad.info', 'TN:\nSF:a.c\nDA:1,1\nDA:2,x\nend_of_record\n');
    for (const chunk of [undefined, 3]) {
      try {
        read(path, chunk);
        throw new Error('expected an error');
      } catch (err) {
        expect((err as Error).message).toMatch(/not a valid lcov line \(expected a number\): "DA:2,x"/);
        expect((err as { location?: unknown }).location).toEqual({ file: path, line: 4 });
      }
    }
  });
});

describe('dense line stores', () => {
  it('LineScratch gathers a file and LineHits takes it exact-size, adding to what it has', () => {
    const scratch = new LineScratch(8);
    const lines = new LineHits([[2, 1]]);
    expect(scratch.add(2, 3)).toBe(true);
    expect(scratch.add(5, 0)).toBe(true);
    expect(scratch.add(5, 2)).toBe(true);
    expect(scratch.add(8, 1)).toBe(false); // past its length: the reader adds it itself
    expect(scratch.add(3, 1.5)).toBe(false);
    scratch.flushInto(lines);
    expect([...lines]).toEqual([
      [2, 4],
      [5, 2],
    ]);
    const fresh = new LineHits();
    scratch.add(1, 1);
    scratch.flushInto(fresh);
    expect([...fresh]).toEqual([[1, 1]]);
    expect(fresh.size).toBe(1);
    fresh.addAll(lines);
    fresh.addAll(new Map([[2_000_000, 3]]));
    expect([...fresh]).toEqual([
      [1, 1],
      [2, 4],
      [5, 2],
      [2_000_000, 3],
    ]);
  });
});

describe('counts kept beside the stores', () => {
  it('a covered count given to addDense is used until a line changes, then counted again', () => {
    const scratch = new Uint32Array(8);
    scratch[1] = 1; // 0 hits
    scratch[2] = 4; // 3 hits
    scratch[5] = 2; // 1 hit
    const lines = new LineHits();
    lines.addDense(scratch, 6, 3, 4, 2);
    expect(lines.coveredCount()).toBe(2);
    lines.set(1, 5);
    expect(lines.coveredCount()).toBe(3);
    lines.delete(2);
    expect(lines.coveredCount()).toBe(2);
    lines.add(5, 0);
    lines.set(5, 0);
    expect(lines.coveredCount()).toBe(1);
    lines.clear();
    expect(lines.coveredCount()).toBe(0);
  });

  it('function names read from bytes keep their own text, alike or not, ASCII or not', () => {
    // "Aa" and "BB" hash alike in Java's string hash; "é" is decoded as UTF-8.
    const names = ['Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'é'];
    const body = names.map((n, i) => `FN:${i + 1},${n}\nFNDA:${i + 1},${n}\n`).join('');
    const r = read(write('collide.info', `SF:a.js\n${body}DA:1,1\nend_of_record\n`));
    expect([...(r.files[0]?.coverage.functions ?? [])]).toEqual([
      ['Aa', { line: 1, hits: 1 }],
      ['BB', { line: 2, hits: 2 }],
      ['AaAa', { line: 3, hits: 3 }],
      ['BBBB', { line: 4, hits: 4 }],
      ['AaBB', { line: 5, hits: 5 }],
      ['é', { line: 6, hits: 6 }],
    ]);
  });
});

describe('report paths checked without a disk look-up each', () => {
  it('a file under node_modules is found where it exists, and not where its folder does not', async () => {
    const { mkdirSync } = await import('node:fs');
    const root = mkdtempSync(join(tmpdir(), 'shipkit-coverage-root-'));
    mkdirSync(join(root, 'pkg/node_modules/x'), { recursive: true });
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'pkg/node_modules/x/a.js'), '1\n');
    writeFileSync(join(root, 'src/b.js'), '1\n');
    const report = [
      'pkg/node_modules/x/a.js',
      'gone/node_modules/y/c.js',
      'src/node_modules/z/d.js',
      'src/b.js',
      './src/../src/b.js',
    ]
      .map((p) => `SF:${p}\nDA:1,1\nend_of_record\n`)
      .join('');
    writeFileSync(join(root, 'lcov.info'), report);
    const warnings: string[] = [];
    const r = await readCoverage(['lcov.info'], { root, warn: (w) => warnings.push(w) });
    expect([...r.files.keys()].sort()).toEqual([
      'gone/node_modules/y/c.js',
      'pkg/node_modules/x/a.js',
      'src/b.js',
      'src/node_modules/z/d.js',
    ]);
    expect(r.files.get('src/b.js')?.lines.get(1)).toBe(2);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^2 file\(s\) .* not in the repository .*: gone\/node_modules\/y\/c\.js, src\/node_modules\/z\/d\.js$/,
      ),
    ]);
  });
});
