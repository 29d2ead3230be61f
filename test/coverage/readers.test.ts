import { describe, expect, it } from 'vitest';
import type { CoverageTotals, Measure } from '../../src/gate/coverage/model.js';
import { readCoverage } from '../../src/gate/coverage/read.js';

import { fileTotals, summarize } from '../../src/gate/coverage/summary.js';
import {
  coveragePyReport,
  fixture,
  gcovrSummary,
  goCoverTotal,
  istanbulTextSummary,
  jacocoCsv,
  lcovSummary,
} from './tool-summaries.js';

const pair = (c: { covered: number; total: number } | null) =>
  c ? { covered: c.covered, total: c.total } : null;

/** The figures read for each measure named equal the ones the tool printed. */
function expectFigures(
  t: CoverageTotals,
  printed: Partial<Record<Measure, { covered: number; total: number }>>,
  measures: Measure[],
) {
  for (const m of measures) expect(pair(t[m]), m).toEqual(printed[m]);
}

describe('c8 (V8 coverage through Istanbul) on minimist 1.2.8 and its tape tests', () => {
  const c8 = fixture('c8', 'full');
  const printed = istanbulTextSummary('c8', 'full', 'c8-stdout.txt');
  const opts = { root: c8, pathMap: { '/tmp/shipkit-cov/js/minimist/': '' } };

  it('reads c8 itself printed this: the figures are there', () => {
    expect(Object.keys(printed).sort()).toEqual(['branches', 'functions', 'lines', 'statements']);
  });

  it('lcov.info totals equal the text summary', async () => {
    const t = summarize(await readCoverage([`${c8}/lcov.info`], opts));
    expectFigures(t, printed, ['lines', 'branches', 'functions']);
    expect(t.statements).toBeNull();
  });

  it('coverage-final.json totals equal the text summary, statements too', async () => {
    const r = await readCoverage([`${c8}/coverage-final.json`], opts);
    expect([...r.files.keys()]).toEqual(['index.js']);
    const t = summarize(r);
    expectFigures(t, printed, ['lines', 'statements', 'branches', 'functions']);
  });

  it('coverage-summary.json gives the same totals, marked as totals only', async () => {
    const r = await readCoverage([`${c8}/coverage-summary.json`], opts);
    expect(r.files.size).toBe(0);
    expect([...(r.totalsOnly?.keys() ?? [])]).toEqual(['index.js']);
    const t = summarize(r);
    expectFigures(t, printed, ['lines', 'statements', 'branches', 'functions']);
  });

  it('Cobertura from the same run: lines, branches and methods equal the text summary', async () => {
    const t = summarize(await readCoverage([`${c8}/cobertura-coverage.xml`], opts));
    expectFigures(t, printed, ['lines', 'branches', 'functions']);
  });

  it('Clover from the same run: lines, statements and conditionals equal the text summary', async () => {
    const t = summarize(await readCoverage([`${c8}/clover.xml`], opts));
    expectFigures(t, printed, ['lines', 'statements', 'branches']);
  });

  it('every format of one run gives the same line map', async () => {
    const maps = [];
    for (const f of ['lcov.info', 'coverage-final.json', 'cobertura-coverage.xml', 'clover.xml']) {
      const r = await readCoverage([`${c8}/${f}`], opts);
      const lines = r.files.get('index.js')?.lines;
      maps.push([...(lines ?? [])].map(([l, h]) => [l, h > 0]));
    }
    for (const m of maps.slice(1)) expect(m.sort()).toEqual(maps[0]?.sort());
  });

  it('lcov.info and coverage-final.json put the same branches on the same lines', async () => {
    const a = (await readCoverage([`${c8}/lcov.info`], opts)).files.get('index.js');
    const b = (await readCoverage([`${c8}/coverage-final.json`], opts)).files.get('index.js');
    const sorted = (m: Map<number, [number, number]> | undefined) =>
      [...(m ?? [])].sort((x, y) => x[0] - y[0]);
    expect(sorted(a?.branches)).toEqual(sorted(b?.branches));
  });
});

describe('coverage.py 6.5 (Debian python3-coverage) on textwrap and shlex with their CPython tests', () => {
  const dir = fixture('coveragepy');
  const printed = coveragePyReport('coveragepy', 'report.txt');

  it('JSON: statements and branches equal `coverage report` (Stmts, Miss, Branch, BrPart)', async () => {
    const r = await readCoverage([`${dir}/coverage.json`], { root: dir });
    expect([...r.files.keys()].sort()).toEqual([
      'stdcopy/__init__.py',
      'stdcopy/shlex.py',
      'stdcopy/textwrap.py',
    ]);
    const t = summarize(r);
    expect(pair(t.statements)).toEqual({ covered: printed.stmts - printed.miss, total: printed.stmts });
    expect(t.branches?.total).toBe(printed.branch);
    let partial = 0;
    for (const f of r.files.values()) {
      for (const [c, n] of f.branches?.values() ?? []) if (c > 0 && c < n) partial++;
    }
    expect(partial).toBe(printed.brpart);
    // coverage.py's Cover column: executed statements and branches over all of them.
    const covered = (t.statements?.covered ?? 0) + (t.branches?.covered ?? 0);
    expect(Math.round((covered / (printed.stmts + printed.branch)) * 100)).toBe(printed.cover);
  });

  it("its lcov output, read the way `lcov --summary` reads it, gives lcov's figures", async () => {
    const t = summarize(await readCoverage([`${dir}/coverage.lcov`], { root: dir }));
    const lcov = lcovSummary('coveragepy', 'lcov-summary.txt');
    expectFigures(t, lcov, ['lines', 'branches']);
  });

  it('Cobertura XML from the same run: lines are the statements coverage.py reported', async () => {
    const t = summarize(await readCoverage([`${dir}/coverage.xml`], { root: dir }));
    expect(pair(t.lines)).toEqual({ covered: printed.stmts - printed.miss, total: printed.stmts });
    expect(t.branches?.total).toBe(printed.branch);
  });
});

describe('go test -coverprofile (Debian golang-go 1.19) on encoding/csv and container/list copied from GOROOT', () => {
  const dir = fixture('go');
  for (const mode of ['set', 'count', 'atomic']) {
    it(`${mode} mode: statements equal \`go tool cover -func\`'s total`, async () => {
      const r = await readCoverage([`${dir}/cover-${mode}.out`], { root: dir });
      expect([...r.files.keys()].sort()).toEqual([
        'container/list/list.go',
        'csv/reader.go',
        'csv/writer.go',
      ]);
      const t = summarize(r);
      expect(t.statements?.pct?.toFixed(1)).toBe(goCoverTotal('go', `cover-func-${mode}.txt`));
    });
  }

  it('per package, as `go test -cover` printed it', async () => {
    const r = await readCoverage([`${dir}/cover-count.out`], { root: dir });
    const printed = new Map(
      [
        ...(await import('node:fs'))
          .readFileSync(`${dir}/go-test-count.txt`, 'utf8')
          .matchAll(/stdcopy\/(\S+)\s.*coverage: ([\d.]+)% of statements/g),
      ].map((m) => [m[1], m[2]]),
    );
    expect(printed.size).toBe(2);
    for (const [pkg, pct] of printed) {
      let c = 0;
      let n = 0;
      for (const [p, f] of r.files) {
        if (!p.startsWith(`${pkg}/`)) continue;
        const t = fileTotals(f);
        c += t.statements?.covered ?? 0;
        n += t.statements?.total ?? 0;
      }
      expect(((c / n) * 100).toFixed(1)).toBe(pct);
    }
  });
});

describe('JaCoCo 0.8.6 (Debian libjacoco-java) on java.util.Base64 and BitSet from the JDK sources', () => {
  const dir = fixture('jacoco');

  it("lines, branches and methods equal JaCoCo's CSV report of the same run", async () => {
    const r = await readCoverage([`${dir}/jacoco.xml`], { root: dir });
    expect([...r.files.keys()].sort()).toEqual(['stdcopy/Base64.java', 'stdcopy/BitSet.java']);
    const csv = jacocoCsv('jacoco', 'jacoco.csv');
    const t = summarize(r);
    expect(pair(t.lines)).toEqual(csv.line);
    expect(pair(t.branches)).toEqual(csv.branch);
    expect(pair(t.functions)).toEqual(csv.method);
    expect(t.statements).toBeNull();
  });
});

describe('gcc --coverage on gnulib base64 and c-strcasecmp with their gnulib tests', () => {
  const dir = fixture('lcov');

  it('one tracefile per test binary, concatenated: merged as `lcov --summary` merges them', async () => {
    const r = await readCoverage([`${dir}/tests.info`], {
      pathMap: { '/tmp/shipkit-cov/c/': '' },
      root: dir,
    });
    expect([...r.files.keys()].sort()).toEqual([
      'lib/base64.c',
      'lib/c-ctype.h',
      'lib/c-strcasecmp.c',
      'lib/ialloc.h',
      'tests/test-base64.c',
      'tests/test-c-strcasecmp.c',
    ]);
    const t = summarize(r);
    const lcov = lcovSummary('lcov', 'lcov-summary.txt');
    expectFigures(t, lcov, ['lines', 'functions', 'branches']);
    expect(r.approximate.size).toBe(0);
  });

  it('each test binary alone equals its own `lcov --summary`', async () => {
    for (const b of ['b1', 'b2']) {
      const t = summarize(
        await readCoverage([`${dir}/${b}.info`], { pathMap: { '/tmp/shipkit-cov/c/': '' }, root: dir }),
      );
      const lcov = lcovSummary('lcov', `${b}-summary.txt`);
      expectFigures(t, lcov, ['lines', 'functions', 'branches']);
    }
  });

  it('the two tracefiles given as shards merge to the same figures', async () => {
    const opts = { pathMap: { '/tmp/shipkit-cov/c/': '' }, root: dir };
    const shards = summarize(await readCoverage([`${dir}/b1.info`, `${dir}/b2.info`], opts));
    const one = summarize(await readCoverage([`${dir}/tests.info`], opts));
    expect(shards).toEqual(one);
  });

  it("gcovr's Cobertura equals gcovr's printed summary (lines, branches)", async () => {
    const g = fixture('gcovr');
    const r = await readCoverage([`${g}/gcovr-cobertura.xml`], { root: g });
    expect(r.files.has('lib/c-strncasecmp.c')).toBe(true);
    const t = summarize(r);
    const printed = gcovrSummary('gcovr', 'gcovr-summary.txt');
    expectFigures(t, printed, ['lines', 'branches']);
    expect(t.functions).toBeNull();
  });
});

describe('c8 --all over yaml, ajv, zod, handlebars, @octokit, @actions and graphql (the bench report)', () => {
  it('lcov (1.2 MB, 400+ files) and Cobertura of one run equal c8 text summary', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/shipkit-coverage-big-`);
    for (const f of ['full.lcov', 'full-cobertura.xml']) {
      writeFileSync(`${dir}/${f}`, gunzipSync(readFileSync(fixture('bench', `${f}.gz`))));
    }
    const printed = istanbulTextSummary('bench', 'full-c8-stdout.txt');
    const lcov = lcovSummary('bench', 'full-lcov-summary.txt');
    const fromLcov = await readCoverage([`${dir}/full.lcov`], { root: dir });
    const fromXml = await readCoverage([`${dir}/full-cobertura.xml`], { root: dir });
    expect(fromLcov.files.size).toBeGreaterThan(400);
    expect(fromXml.files.size).toBe(fromLcov.files.size);
    const a = summarize(fromLcov);
    const b = summarize(fromXml);
    expect(pair(a.lines)).toEqual(printed.lines);
    expect(pair(a.branches)).toEqual(printed.branches);
    expect(pair(b.lines)).toEqual(printed.lines);
    expect(pair(b.branches)).toEqual(printed.branches);
    expect(pair(b.functions)).toEqual(printed.functions);
    // Istanbul's lcov writer writes one FN record per function, two of one name in a file included:
    // each is a function, as c8 counts them (lcov 1.16 --summary merges them by name and says fewer).
    expect(pair(a.functions)).toEqual(printed.functions);
    expect(pair(a.lines)).toEqual(lcov.lines);
    expect(lcov.functions?.total).toBeLessThan(printed.functions?.total ?? 0);
  });
});
