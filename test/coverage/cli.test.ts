import { describe, expect, it } from 'vitest';
import { shipkit as run } from '../harness/cli.js';
import { fixture, lcovSummary } from './tool-summaries.js';

const shipkit = (args: string[], cwd = fixture()) => run(args, cwd);

describe('shipkit coverage summary', () => {
  it("prints `lcov --summary`'s counts for the same tracefile, rounded as every output is", async () => {
    const r = await shipkit(['coverage', 'summary', 'lcov/tests.info', '--path-map', '/tmp/shipkit-cov/c/=']);
    expect(r.code).toBe(0);
    const lcov = lcovSummary('lcov', 'lcov-summary.txt');
    for (const m of ['lines', 'functions', 'branches'] as const) {
      const c = lcov[m];
      if (!c) throw new Error(`lcov printed no ${m}`);
      // lcov prints one decimal rounded to nearest; shipkit two, rounded down (Codecov's rule).
      const pct = Math.floor((c.covered / c.total) * 10000 + 1e-6) / 100;
      expect(r.stdout).toContain(
        `  ${m}${'.'.repeat(11 - m.length)}: ${pct}% (${c.covered} of ${c.total} ${m})`,
      );
    }
  });

  it('--json merges shards given as a glob and marks differing branch sets approximate', async () => {
    const r = await shipkit([
      'coverage',
      'summary',
      'c8/shard*/coverage-final.json',
      '--json',
      '--path-map',
      '/tmp/shipkit-cov/js/minimist/=',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      'files',
      'lines',
      'statements',
      'branches',
      'functions',
      'approximate',
    ]);
    const full = JSON.parse(
      (
        await shipkit([
          'coverage',
          'summary',
          'c8/full/coverage-final.json',
          '--json',
          '--path-map',
          '/tmp/shipkit-cov/js/minimist/=',
        ])
      ).stdout,
    );
    expect(json.lines).toEqual(full.lines);
    expect(json.statements).toEqual(full.statements);
    expect(json.approximate).toEqual(['branches']);
    expect(full.approximate).toEqual([]);
    expect(json.lines).toEqual({ covered: 259, total: 263, pct: 98.47 });
  });

  it('--files lists each file; Go reports statements', async () => {
    const r = await shipkit(['coverage', 'summary', 'go/cover-count.out', '--root', 'go', '--files']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^csv\/writer\.go\s+[\d.]+% \d+\/\d+\s+[\d.]+% \d+\/\d+/m);
    expect(r.stdout).toMatch(/statements\.: [\d.]+% \(\d+ of \d+ statements\)/);
    const json = JSON.parse(
      (await shipkit(['coverage', 'summary', 'go/cover-count.out', '--root', 'go', '--files', '--json']))
        .stdout,
    );
    expect(Object.keys(json.byFile).sort()).toEqual([
      'container/list/list.go',
      'csv/reader.go',
      'csv/writer.go',
    ]);
  });

  it('exit 1 with file:line for a truncated report; exit 2 for a wrong command line', async () => {
    const bad = await shipkit(['coverage', 'summary', 'c8/full/clover.xml.missing']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no coverage report matches c8\/full\/clover\.xml\.missing/);
    const usage = await shipkit(['coverage', 'summary']);
    expect(usage.code).toBe(2);
  });
});
