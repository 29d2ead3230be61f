import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/perf/compare.js';
import { readBenchFile } from '../../src/perf/read.js';
import { DEFAULT_DETECT } from '../../src/perf/regression.js';

// One tiny function measured by each tool, as the tool itself reports it (test/fixtures/perf/generate-slowdown.sh):
// `base`, `slow` (a slower implementation of the same function) and `rerun` (base again). None of these files
// holds the samples, only the tool's own dispersion (sd and count, ±rme and runs, stddev and rounds or
// repetitions), which is what the comparison has to go on.
const F = join(import.meta.dirname, '../fixtures/perf');
const compare = (tool: string, head: 'slow' | 'rerun') => {
  const ext = tool === 'benchmarkjs' ? 'txt' : 'json';
  const base = readBenchFile(join(F, tool, `slowdown-base.${ext}`));
  const c = compareResults(base, readBenchFile(join(F, tool, `slowdown-${head}.${ext}`)), DEFAULT_DETECT);
  expect(c.metrics).toHaveLength(1);
  return c;
};
const TOOLS = ['vitest', 'benchmarkjs', 'google-benchmark', 'pytest-benchmark'];

describe('benchmarks judged with the dispersion their tool reports', () => {
  it.each(TOOLS)('%s: no samples in the file, but a count and a spread', (tool) => {
    const ext = tool === 'benchmarkjs' ? 'txt' : 'json';
    for (const run of ['base', 'slow', 'rerun']) {
      const [m] = readBenchFile(join(F, tool, `slowdown-${run}.${ext}`)).metrics;
      expect(m?.samples).toBeUndefined();
      expect(m?.summary?.n).toBeGreaterThanOrEqual(10);
      expect(m?.summary?.sd).toBeGreaterThan(0);
    }
  });

  it.each(TOOLS)('%s: the deliberate slowdown is "regressed" and fails the comparison', (tool) => {
    const c = compare(tool, 'slow');
    const [m] = c.metrics;
    expect(m?.verdict).toBe('regressed');
    expect(c.verdict).toBe('fail');
    // Even the interval's most favourable end is at least 1.5x slower (ops/sec: bigger is better).
    const factor =
      m?.direction === 'bigger' ? 100 / (100 + (m?.change.high ?? 0)) : 1 + (m?.change.low ?? 0) / 100;
    expect(factor).toBeGreaterThan(1.5);
    expect(c.notes).toEqual([]);
  });

  it.each(TOOLS)('%s: the unchanged re-run is not "regressed"', (tool) => {
    const c = compare(tool, 'rerun');
    expect(c.metrics[0]?.verdict).not.toBe('regressed');
    expect(c.verdict).not.toBe('fail');
  });

  it('Benchmark.js: sd from ±rme and runs sampled (rme = critical·sd/√n/mean·100, its t table)', () => {
    const [m] = readBenchFile(join(F, 'benchmarkjs/slowdown-slow.txt')).metrics;
    // "51,265 ops/sec ±8.94% (35 runs sampled)": df 34 > 30, so critical = 1.96.
    expect(m?.value).toBe(51265);
    expect(m?.summary?.n).toBe(35);
    expect(m?.summary?.sd).toBeCloseTo(51265 * 0.0894 * (Math.sqrt(35) / 1.96), 6);
  });
});

describe('a stored run keeps the dispersion the tool reported', () => {
  it('toRun stores the summary of a metric without samples, and parseRun reads it back', async () => {
    const { parseRun, toRun } = await import('../../src/perf/history.js');
    const run = toRun(
      'abc123',
      readBenchFile(join(F, 'google-benchmark/slowdown-base.json')),
      '2026-01-01T00:00:00Z',
    );
    const stored = run.metrics.BM_SumOfSquares;
    expect(stored?.summary).toEqual({ n: 10, sd: expect.any(Number) });
    expect(parseRun(JSON.stringify(run), 'run.json')).toEqual(run);
  });
});
