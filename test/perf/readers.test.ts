import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShipkitError } from '../../src/errors.js';
import { directionNamed } from '../../src/perf/model.js';
import { readBenchFile } from '../../src/perf/read.js';
import { readBench } from '../../src/perf/readers/detect.js';

const F = join(import.meta.dirname, '../fixtures/perf');
const byName = (file: string) => {
  const r = readBenchFile(join(F, file));
  return { tool: r.tool, m: Object.fromEntries(r.metrics.map((x) => [x.name, x])) };
};
const errorOf = (fn: () => unknown): ShipkitError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShipkitError) return e;
    throw e;
  }
  throw new Error('expected a ShipkitError');
};

describe('benchmark readers over real tool output', () => {
  it('hyperfine --export-json: seconds, every run a sample', () => {
    const doc = JSON.parse(readFileSync(join(F, 'hyperfine/base.json'), 'utf8'));
    const { tool, m } = byName('hyperfine/base.json');
    expect(tool).toBe('hyperfine');
    expect(m.work?.unit).toBe('s');
    expect(m.work?.direction).toBe('smaller');
    expect(m.work?.samples).toEqual(doc.results[0].times);
    expect(m.work?.value).toBe(doc.results[0].mean);
  });

  it('go test -bench -count 5 -benchmem: one sample per line, B/op and allocs/op as metrics', () => {
    const { tool, m } = byName('go/bench.txt');
    expect(tool).toBe('go');
    expect(m['BenchmarkFib20-2']?.unit).toBe('ns/op');
    expect(m['BenchmarkFib20-2']?.samples).toEqual([26028, 28356, 25054, 27881, 26405]);
    expect(m['BenchmarkJoin-2 (B/op)']?.samples).toEqual([16, 16, 16, 16, 16]);
    expect(m['BenchmarkJoin-2 (allocs/op)']?.unit).toBe('allocs/op');
  });

  it('vitest bench --outputJson: ms, percentiles kept', () => {
    const { tool, m } = byName('vitest/bench.json');
    expect(tool).toBe('vitest');
    const loop = m['sum.bench.mjs > sum > for loop'];
    expect(loop?.unit).toBe('ms');
    expect(loop?.stats?.p99).toBeGreaterThan(0);
    expect(loop?.stats?.sampleCount).toBeGreaterThan(1000);
  });

  it('tinybench task results: ms, with the (thinned) samples', () => {
    const doc = JSON.parse(readFileSync(join(F, 'tinybench/tasks.json'), 'utf8'));
    const { m } = byName('tinybench/tasks.json');
    expect(m.reduce?.unit).toBe('ms');
    expect(m.reduce?.samples).toEqual(doc[1].result.samples);
    expect(m['for loop']?.value).toBe(doc[0].result.mean);
  });

  it('Benchmark.js output: ops/sec, bigger is better', () => {
    const { tool, m } = byName('benchmarkjs/output.txt');
    expect(tool).toBe('benchmarkjs');
    expect(m['RegExp#test']).toMatchObject({ unit: 'ops/sec', direction: 'bigger', value: 70876637 });
    expect(m['String#indexOf']?.stats?.runs).toBe(78);
  });

  it('pytest-benchmark JSON: seconds, rounds as samples', () => {
    const doc = JSON.parse(readFileSync(join(F, 'pytest-benchmark/bench.json'), 'utf8'));
    const { tool, m } = byName('pytest-benchmark/bench.json');
    expect(tool).toBe('pytest-benchmark');
    const fib = m[doc.benchmarks[0].fullname];
    expect(fib?.samples).toHaveLength(doc.benchmarks[0].stats.data.length);
    expect(fib?.value).toBe(doc.benchmarks[0].stats.mean);
  });

  it('Google Benchmark JSON with repetitions: iteration rows are samples, aggregates skipped', () => {
    const { tool, m } = byName('google-benchmark/bm.json');
    expect(tool).toBe('google-benchmark');
    expect(Object.keys(m)).toEqual(['BM_StringCopy/64', 'BM_StringCopy/4096', 'BM_VectorPush']);
    expect(m.BM_VectorPush?.samples).toHaveLength(5);
    expect(m.BM_VectorPush?.unit).toBe('ns');
  });

  it('k6 --summary-export: percentiles, and `true` means the threshold failed', () => {
    const { tool, m } = byName('k6/summary-export.json');
    expect(tool).toBe('k6');
    expect(m.my_trend).toMatchObject({ unit: 'ms', value: 15, thresholds: { 'my_trend<1000': true } });
    expect(m.my_trend?.stats?.p99).toBe(19.9);
    expect(m.http_reqs).toMatchObject({
      unit: '/s',
      direction: 'bigger',
      value: 3,
      thresholds: { 'rate<100': true },
    });
    expect(m.checks?.thresholds).toEqual({ 'rate>70': false });
    expect(m.vus).toBeUndefined();
  });

  it('k6 handleSummary data: `ok: false` read as failed, the same as the export', () => {
    const a = byName('k6/handle-summary.json').m;
    const b = byName('k6/summary-export.json').m;
    expect(a.my_trend?.thresholds).toEqual(b.my_trend?.thresholds);
    expect(a.my_trend?.stats?.p95).toBe(19.5);
    expect(a.checks?.thresholds).toEqual({ 'rate>70': false });
  });

  it('criterion estimates.json with sample.json and benchmark.json beside it', () => {
    const { tool, m } = byName('criterion/Fibonacci/Recursive/new/estimates.json');
    expect(tool).toBe('criterion');
    const f = m['Fibonacci/Recursive'];
    expect(f?.unit).toBe('ns');
    expect(f?.value).toBeCloseTo(19284.2, 1);
    expect(f?.samples).toHaveLength(100);
    expect(f?.samples?.[0]).toBeCloseTo(1014000 / 52, 6);
  });

  it('criterion sample.json alone, named from its directory', () => {
    const { m } = byName('criterion/Fibonacci/Recursive/base/sample.json');
    expect(m['Fibonacci/Recursive']?.samples).toHaveLength(100);
  });

  it('github-action-benchmark custom JSON: direction from the unit unless told', () => {
    const big = byName('custom/customBiggerIsBetter_output.json').m;
    expect(big['My Custom Bigger Is Better Benchmark - Throughput']?.direction).toBe('bigger');
    expect(big['My Custom Bigger Is Better Benchmark - Free Memory']?.direction).toBe('smaller');
    // told as `--direction` / the action's `direction` input: github-action-benchmark's tool name
    const direction = directionNamed('customBiggerIsBetter');
    expect(direction).toBe('bigger');
    const told = readBenchFile(join(F, 'custom/customBiggerIsBetter_output.json'), { direction });
    expect(told.metrics.every((x) => x.direction === 'bigger')).toBe(true);
    expect(['smaller', 'customSmallerIsBetter', 'bigger', 'up'].map(directionNamed)).toEqual([
      'smaller',
      'smaller',
      'bigger',
      undefined,
    ]);
    const small = byName('custom/customSmallerIsBetter_output2.json').m;
    expect(small['Binary file']).toMatchObject({ unit: 'ns', direction: 'smaller', value: 3886.75 });
  });
});

describe('bad benchmark input', () => {
  it('a k6 raw JSON-lines stream where a summary is expected', () => {
    const e = errorOf(() => readBenchFile(join(F, 'k6/raw-stream.json')));
    expect(e.message).toMatch(/raw JSON-lines stream/);
    expect(e.hint).toMatch(/--summary-export/);
  });

  it('NaN and negative times name the metric', () => {
    const nan = '{"results":[{"command":"x","mean":0.1,"min":0.1,"max":0.1,"times":[0.1, "NaN"]}]}';
    expect(errorOf(() => readBench({ file: 'h.json', text: nan })).message).toMatch(/times\[1\]/);
    const neg = '[{"name":"load","unit":"ms","value":-3}]';
    const e = errorOf(() => readBench({ file: 'c.json', text: neg }));
    expect(e.message).toMatch(/"load" has a negative time/);
    expect(e.location?.file).toBe('c.json');
  });

  it('a malformed entry in a real output names its field, never a TypeError', () => {
    // biome-ignore lint/suspicious/noExplicitAny: a tool's JSON, changed in one place per case
    const broken = (file: string, change: (doc: any) => void) => {
      const doc = JSON.parse(readFileSync(join(F, file), 'utf8'));
      change(doc);
      return errorOf(() => readBench({ file, text: JSON.stringify(doc) }));
    };
    expect(broken('pytest-benchmark/bench.json', (d) => d.benchmarks.push(null)).message).toMatch(
      /^benchmarks\[\d+\] is null, expected an object$/,
    );
    expect(broken('google-benchmark/bm.json', (d) => (d.benchmarks[0] = 'x')).message).toMatch(
      /^benchmarks\[0\] is "x", expected an object$/,
    );
    const vitest = broken('vitest/bench.json', (d) => (d.files[0].groups[0].benchmarks = {}));
    expect(vitest.message).toBe('files[0].groups[0].benchmarks is not a list');
    expect(vitest.location?.file).toBe('vitest/bench.json');
    expect(
      broken('vitest/bench.json', (d) => (d.files[0].groups[0].benchmarks[0].samples = [0.1, '0.2'])).message,
    ).toMatch(/: samples\[1\] is "0\.2", expected a number$/);
    expect(broken('custom/customSmallerIsBetter_output2.json', (d) => (d[0].value = 'x')).message).toMatch(
      /^\[0\] ".+": value is "x", expected a number$/,
    );
  });

  it('unknown JSON and unknown text say which formats are read', () => {
    const formats =
      'Expected one of: hyperfine --export-json, go test -bench text, vitest bench --outputJson, tinybench task results, Benchmark.js output, pytest-benchmark JSON, k6 summary export, Google Benchmark JSON, criterion estimates.json/sample.json, github-action-benchmark custom JSON.';
    expect(errorOf(() => readBench({ file: 'x.json', text: '{"a":1}' })).hint).toBe(formats);
    const text = errorOf(() => readBench({ file: 'x.txt', text: 'hello' }));
    expect(text.message).toMatch(/not a benchmark output/);
    expect(text.hint).toBe(formats);
    expect(errorOf(() => readBench({ file: 'x.txt', text: '' })).message).toMatch(/empty/);
  });
});
