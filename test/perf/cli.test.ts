import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';

const F = 'test/fixtures/perf';

describe('shipkit bench', () => {
  it('compare --json: the documented shape, exit 1 on a regression', async () => {
    const r = await shipkit([
      'bench',
      'compare',
      '--base',
      `${F}/hyperfine/base.json`,
      '--head',
      `${F}/hyperfine/head.json`,
      '--json',
    ]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['metrics', 'verdict']);
    expect(out.verdict).toBe('fail');
    const [m] = out.metrics;
    expect(Object.keys(m)).toEqual(['name', 'unit', 'direction', 'base', 'head', 'change', 'verdict']);
    expect(Object.keys(m.base)).toEqual(['median', 'n']);
    expect(Object.keys(m.change)).toEqual(['estimate', 'low', 'high']);
    expect(m).toMatchObject({ name: 'work', unit: 's', direction: 'smaller', verdict: 'regressed' });
    expect(m.change.low).toBeLessThanOrEqual(m.change.estimate);
    expect(m.change.estimate).toBeLessThanOrEqual(m.change.high);
  });

  it('compare: a readable table and exit 0 when nothing regressed', async () => {
    const r = await shipkit([
      'bench',
      'compare',
      '--base',
      `${F}/go/bench.txt`,
      '--head',
      `${F}/go/bench.txt`,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^metric\s+base median\s+head median\s+change \[interval\]\s+verdict$/m);
    expect(r.stdout).toMatch(
      /^BenchmarkJoin-2\s+29\.11 ns\/op \(n=5\)\s+29\.11 ns\/op \(n=5\)\s+\+0\.0% \[/m,
    );
    expect(r.stdout).toContain('verdict: warn');
  });

  it('summary --json: median, mean, stddev and n per metric', async () => {
    const r = await shipkit(['bench', 'summary', `${F}/go/bench.txt`, '--json']);
    expect(r.code).toBe(0);
    const fib = JSON.parse(r.stdout).metrics[0];
    expect(Object.keys(fib)).toEqual(['name', 'unit', 'direction', 'median', 'mean', 'stddev', 'n']);
    expect(fib).toMatchObject({
      name: 'BenchmarkFib20-2',
      unit: 'ns/op',
      median: 26405,
      mean: 26744.8,
      n: 5,
    });
  });

  it('summary of a one-figure format notes the single sample', async () => {
    const r = await shipkit(['bench', 'summary', `${F}/benchmarkjs/output.txt`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ops/sec');
    expect(r.stderr).toContain('RegExp#test: 1 sample');
  });

  it('bad input: units that differ, a missing metric, a k6 stream, a usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shipkit-bench-'));
    await writeFile(
      join(dir, 'a.json'),
      '[{"name":"parse","unit":"ms","value":10},{"name":"size","unit":"KB","value":5}]',
    );
    await writeFile(join(dir, 'b.json'), '[{"name":"parse","unit":"MB","value":10}]');
    await writeFile(join(dir, 'c.json'), '[{"name":"parse","unit":"ms","value":10.1}]');
    const units = await shipkit(['bench', 'compare', '--base', 'a.json', '--head', 'b.json'], dir);
    expect(units.code).toBe(1);
    expect(units.stderr).toContain(
      'metric "parse": the base is in ms but the head is in MB; they cannot be compared',
    );
    const missing = await shipkit(
      ['bench', 'compare', '--base', 'a.json', '--head', 'c.json', '--json'],
      dir,
    );
    expect(missing.code).toBe(0);
    expect(JSON.parse(missing.stdout).verdict).toBe('warn');
    expect(missing.stderr).toContain('note: size: in the base but missing from the head');
    const k6 = await shipkit(['bench', 'summary', `${F}/k6/raw-stream.json`]);
    expect(k6.code).toBe(1);
    expect(k6.stderr).toContain("raw-stream.json: this is k6's raw JSON-lines stream");
    expect(k6.stderr).not.toMatch(/\n\s+at /);
    expect((await shipkit(['bench', 'compare', '--base', 'a.json'], dir)).code).toBe(2);
    expect(
      (await shipkit(['bench', 'run', '--base-cmd', 'true', '--head-cmd', 'true', '--samples', '1'], dir))
        .stderr,
    ).toContain('--samples: expected a whole number from 2 to 1000, got "1"');
  });

  it('run: A/B of two argv commands, no shell', async () => {
    const r = await shipkit([
      'bench',
      'run',
      '--base-cmd',
      `${process.execPath} -e 0`,
      '--head-cmd',
      `${process.execPath} -e 0`,
      '--samples',
      '3',
      '--warmup',
      '0',
      '--no-confirm',
      '--json',
    ]);
    expect(r.stderr).toMatch(/^round 1: /);
    expect(r.stderr).not.toMatch(/round 2/);
    const out = JSON.parse(r.stdout);
    expect(out.metrics[0]).toMatchObject({ name: 'wall time', unit: 'ms', base: { n: 3 }, head: { n: 3 } });
    const bad = await shipkit([
      'bench',
      'run',
      '--base-cmd',
      'definitely-not-a-program-xyz',
      '--head-cmd',
      'true',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('base command could not start');
  });
});
