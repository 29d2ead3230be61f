import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { shipkit as run } from '../harness/cli.js';
import { fixture, lcovSummary } from './tool-summaries.js';

const shipkit = (args: string[], cwd = fixture()) => run(args, cwd);

describe('shipkit coverage summary', () => {
  it('prints what `lcov --summary` printed for the same tracefile', async () => {
    const r = await shipkit(['coverage', 'summary', 'lcov/tests.info', '--path-map', '/tmp/shipkit-cov/c/=']);
    expect(r.code).toBe(0);
    const ours = r.stdout.split('\n').filter((l) => /^\s+(lines|functions|branches)\.+:/.test(l));
    const lcov = (await readFile(fixture('lcov', 'lcov-summary.txt'), 'utf8'))
      .split('\n')
      .filter((l) => /^\s+(lines|functions|branches)\.+:/.test(l));
    expect(ours).toEqual(lcov);
    expect(lcovSummary('lcov', 'lcov-summary.txt').lines).not.toBeNull();
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
