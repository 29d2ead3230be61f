import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShipkitError } from '../../src/errors.js';
import { compareResults } from '../../src/perf/compare.js';
import { checkLimits } from '../../src/perf/limits.js';
import type { BenchResult } from '../../src/perf/model.js';
import { readBenchFile } from '../../src/perf/read.js';
import {
  changeFromFastRuns,
  changeFromHistory,
  DEFAULT_DETECT,
  verdictFor,
} from '../../src/perf/regression.js';
import {
  hodgesLehmann,
  lowerTrimmedMean,
  pairedHodgesLehmann,
  seededRandom,
  tQuantile,
  welchP,
} from '../../src/perf/stats.js';

const F = join(import.meta.dirname, '../fixtures/perf');
const read = (f: string) => readBenchFile(join(F, f));

describe('statistics', () => {
  it('Hodges-Lehmann interval is the 24th and 77th of 100 differences for 10 a side (exact table, 95%)', () => {
    // differences 10j − i are all distinct, so the order statistics can be read off by hand
    const x = Array.from({ length: 10 }, (_, i) => i);
    const y = Array.from({ length: 10 }, (_, j) => 10 * j);
    const s = hodgesLehmann(x, y, 0.95);
    expect(s.low).toBe(14);
    expect(s.high).toBe(67);
    expect(s.estimate).toBe(40.5);
  });

  it('paired (signed-rank) interval for 10 pairs: Walsh averages of 1..10', () => {
    const s = pairedHodgesLehmann([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95);
    expect(s).toEqual({ estimate: 5.5, low: 3, high: 8 });
  });

  it("faster-half mean with Yuen's winsorized standard error, worked by hand", () => {
    // keep 3 of 6: mean(1, 2, 3) = 2; winsorized at 3: 1 2 3 3 3 3, variance 0.7;
    // se² = (n − 1) · 0.7 / (h (h − 1)) = 5 · 0.7 / 6
    const t = lowerTrimmedMean([20, 3, 1, 10, 2, 4], 0.5);
    expect(t.mean).toBe(2);
    expect(t.se2).toBeCloseTo(3.5 / 6, 12);
    expect(t.df).toBe(2);
  });

  it('A/B change from the faster halves: a shift of every run is found, slow runs are ignored', () => {
    const base = [100, 101, 102, 103, 104, 150, 160, 101, 102, 103];
    const slower = base.map((v) => v * 1.1);
    const c = changeFromFastRuns(base, slower, 0.95);
    expect(c.estimate).toBeCloseTo(10, 6);
    expect(verdictFor(c, 'smaller', DEFAULT_DETECT)).toBe('regressed');
    // more slow runs on the head side alone (a busier moment) move nothing
    const busier = [100, 101, 102, 103, 104, 190, 170, 180, 102, 103];
    expect(verdictFor(changeFromFastRuns(base, busier, 0.95), 'smaller', DEFAULT_DETECT)).toBe('unchanged');
    // bigger is better: the faster halves are the higher values
    const ops = changeFromFastRuns(
      base.map((v) => 1e4 / v),
      slower.map((v) => 1e4 / v),
      0.95,
      'bigger',
    );
    expect(ops.estimate).toBeCloseTo(-9.0909, 3);
    expect(verdictFor(ops, 'bigger', DEFAULT_DETECT)).toBe('regressed');
  });

  it('t quantile and Welch p-value match textbook values', () => {
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262, 2);
    expect(tQuantile(0.975, 1e9)).toBeCloseTo(1.96, 2);
    expect(welchP([1, 2, 3, 4, 5], [3, 4, 5, 6, 7])).toBeCloseTo(0.0805, 3);
  });

  it('the seeded generator repeats itself', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('regression verdicts', () => {
  const opts = DEFAULT_DETECT;
  it('needs both the minimum effect and significance', () => {
    expect(verdictFor({ estimate: 8, low: 3, high: 12 }, 'smaller', opts)).toBe('regressed');
    expect(verdictFor({ estimate: 8, low: -1, high: 17 }, 'smaller', opts)).toBe('inconclusive');
    expect(verdictFor({ estimate: 2, low: 1, high: 3 }, 'smaller', opts)).toBe('unchanged');
    expect(verdictFor({ estimate: 4, low: 1, high: 7 }, 'smaller', opts)).toBe('inconclusive');
    expect(verdictFor({ estimate: -8, low: -12, high: -3 }, 'smaller', opts)).toBe('improved');
  });

  it('bigger is better flips the meaning', () => {
    expect(verdictFor({ estimate: -8, low: -12, high: -3 }, 'bigger', opts)).toBe('regressed');
    expect(verdictFor({ estimate: 8, low: 3, high: 12 }, 'bigger', opts)).toBe('improved');
  });

  it('real hyperfine runs: 10x the work is a regression; a rerun of the same command is not', () => {
    const slow = compareResults(read('hyperfine/base.json'), read('hyperfine/head.json'), opts);
    expect(slow.verdict).toBe('fail');
    expect(slow.metrics[0]?.verdict).toBe('regressed');
    expect(slow.metrics[0]?.change.low).toBeGreaterThan(5);
    const same = compareResults(read('hyperfine/base.json'), read('hyperfine/rerun.json'), opts);
    expect(same.metrics[0]?.verdict).not.toBe('regressed');
    expect(same.metrics[0]?.base.n).toBe(15);
  });

  it('go -count 5 compared with itself: tight metrics unchanged, a noisy one inconclusive, zeros included', () => {
    const go = read('go/bench.txt');
    const c = compareResults(go, go, opts);
    expect(c.verdict).toBe('warn');
    const v = Object.fromEntries(c.metrics.map((m) => [m.name, m.verdict]));
    // Fib20 spreads 25.0-28.4 µs over 5 runs: a 5 % change cannot be ruled out
    expect(v['BenchmarkFib20-2']).toBe('inconclusive');
    expect(v['BenchmarkJoin-2']).toBe('unchanged');
    expect(v['BenchmarkJoin-2 (allocs/op)']).toBe('unchanged');
    expect(c.metrics.find((m) => m.name === 'BenchmarkFib20-2 (B/op)')?.change.estimate).toBe(0);
  });

  it('an extra allocation on every run is a regression even from 0', () => {
    const go = read('go/bench.txt');
    const worse: BenchResult = {
      ...go,
      metrics: go.metrics.map((m) =>
        m.unit === 'B/op' ? { ...m, samples: m.samples?.map((v) => v + 8) } : m,
      ),
    };
    const c = compareResults(go, worse, opts);
    expect(c.metrics.find((m) => m.name === 'BenchmarkFib20-2 (B/op)')?.verdict).toBe('regressed');
    expect(c.metrics.find((m) => m.name === 'BenchmarkJoin-2 (B/op)')?.change.estimate).toBeCloseTo(50, 6);
  });

  it('one figure a side is never "regressed": inconclusive, with a note', () => {
    // Benchmark.js's figures without the ±rme and runs sampled it printed beside them.
    const printed = read('benchmarkjs/output.txt');
    const base: BenchResult = { ...printed, metrics: printed.metrics.map(({ summary: _s, ...m }) => m) };
    const head: BenchResult = { ...base, metrics: base.metrics.map((m) => ({ ...m, value: m.value * 0.5 })) };
    const c = compareResults(base, head, opts);
    expect(c.metrics.map((m) => m.verdict)).toEqual(['inconclusive', 'inconclusive']);
    expect(c.metrics[0]?.change.estimate).toBeCloseTo(-50, 6);
    expect(c.verdict).toBe('warn');
    expect(c.notes.join('\n')).toMatch(/1 sample on either side/);
  });

  it('a metric missing on one side warns and says which', () => {
    const base = read('google-benchmark/bm.json');
    const head: BenchResult = { ...base, metrics: base.metrics.slice(1) };
    const c = compareResults(base, head, opts);
    expect(c.verdict).toBe('warn');
    expect(c.notes[0]).toMatch(/BM_StringCopy\/64: in the base but missing from the head/);
    const added = compareResults(head, base, opts);
    expect(added.notes[0]).toMatch(/new in the head/);
  });

  it('units that cannot be converted are refused; s and ms are converted', () => {
    const hf = read('hyperfine/base.json');
    const inMs: BenchResult = {
      ...hf,
      metrics: hf.metrics.map((m) => ({
        ...m,
        unit: 'ms',
        value: m.value * 1000,
        samples: m.samples?.map((v) => v * 1000),
      })),
    };
    const c = compareResults(hf, inMs, DEFAULT_DETECT);
    expect(c.metrics[0]?.change.estimate).toBeCloseTo(0, 9);
    const inBytes: BenchResult = { ...hf, metrics: hf.metrics.map((m) => ({ ...m, unit: 'B' })) };
    expect(() => compareResults(hf, inBytes, DEFAULT_DETECT)).toThrow(ShipkitError);
    expect(() => compareResults(hf, inBytes, DEFAULT_DETECT)).toThrow(/base is in s but the head is in B/);
  });

  it('history: a head within past run-to-run noise is not a regression; far outside it is', () => {
    const past = [100, 104, 97, 110, 99, 102, 95, 108, 101, 103];
    expect(verdictFor(changeFromHistory(past, 106, 0.95), 'smaller', DEFAULT_DETECT)).toBe('inconclusive');
    expect(verdictFor(changeFromHistory(past, 130, 0.95), 'smaller', DEFAULT_DETECT)).toBe('regressed');
    expect(verdictFor(changeFromHistory(past, 101, 0.95), 'smaller', DEFAULT_DETECT)).not.toBe('regressed');
  });
});

describe('absolute limits', () => {
  it('latency_p99 and throughput against a k6 summary', () => {
    const k6 = read('k6/summary-export.json');
    const checks = checkLimits(k6.metrics, {
      latency_p99: 19,
      throughput: { per_second: 100, at_least: true },
    });
    expect(checks).toContainEqual(
      expect.objectContaining({ metric: 'my_trend', rule: 'p99 ≤ 19 ms', actual: 19.9, ok: false }),
    );
    expect(checks).toContainEqual(
      expect.objectContaining({ metric: 'http_reqs', actual: 3, limit: 100, ok: false }),
    );
    const pass = checkLimits(k6.metrics, { latency_p99: 500 });
    expect(pass.filter((c) => c.rule.startsWith('p99')).every((c) => c.ok)).toBe(true);
  });

  it("k6's own thresholds count as limits: `true` in the summary export is a failed one", () => {
    const k6 = read('k6/summary-export.json');
    const rules = checkLimits(k6.metrics, {}).map((c) => [c.metric, c.rule, c.ok]);
    expect(rules).toEqual([
      ['checks', 'k6 threshold rate>70', true],
      ['http_reqs', 'k6 threshold rate<100', false],
      ['my_trend', 'k6 threshold my_trend<1000', false],
    ]);
    const same = checkLimits(read('k6/handle-summary.json').metrics, {}).map((c) => [c.metric, c.rule, c.ok]);
    expect(same.sort()).toEqual(rules.sort());
  });

  it('a bound on any metric by name, converted to its unit', () => {
    const go = read('go/bench.txt');
    const checks = checkLimits(go.metrics, {
      metrics: { 'BenchmarkFib20-2': { max: '20us' }, 'BenchmarkJoin-2 (B/op)': { max: '16 B/op' } },
    });
    expect(checks).toContainEqual(
      expect.objectContaining({ metric: 'BenchmarkFib20-2', limit: 20000, ok: false }),
    );
    expect(checks).toContainEqual(expect.objectContaining({ metric: 'BenchmarkJoin-2 (B/op)', ok: true }));
    expect(() =>
      checkLimits(go.metrics, { metrics: { 'BenchmarkJoin-2 (B/op)': { max: '2 req/s' } } }),
    ).toThrow(
      /^gates\.performance\.metrics\["BenchmarkJoin-2 \(B\/op\)"\]: bound "2 req\/s" is not in its unit \(B\/op\)$/,
    );
    expect(() =>
      checkLimits(read('benchmarkjs/output.txt').metrics, {
        metrics: { 'RegExp#test': { min: 1000, stat: 'p99' } },
      }),
    ).toThrow(/^gates\.performance\.metrics\["RegExp#test"\]\.stat: metric "RegExp#test" has no p99/);
  });

  it('hyperfine p99 from samples against latency_p99', () => {
    const hf = read('hyperfine/base.json');
    const [c] = checkLimits(hf.metrics, { latency_p99: 500 });
    expect(c).toMatchObject({ rule: 'p99 ≤ 500 ms', ok: true });
  });
});
