/**
 * What every benchmark reader produces: named metrics, each with a unit, a direction and,
 * where the tool records them, its individual samples.
 */

/** `smaller`: smaller is better (times, bytes); `bigger`: bigger is better (throughput). */
export type Direction = 'smaller' | 'bigger';

export interface Metric {
  name: string;
  /** The unit the tool reports, e.g. `s`, `ns/op`, `B/op`, `ops/sec`, `ms`, `req/s`. */
  unit: string;
  direction: Direction;
  /** The tool's headline figure: a mean or median, in `unit`. */
  value: number;
  /** Individual measurements in `unit`, when the tool gives them (one per run or iteration batch). */
  samples?: number[];
  /**
   * How many samples the tool took and their standard deviation (in `unit`, around `value`, their
   * mean), when it reports these but not the samples themselves (vitest's `sd`/`sampleCount`,
   * Benchmark.js's ±rme and runs sampled, pytest-benchmark's `stddev`/`rounds`, Google Benchmark's
   * `stddev` aggregate over repetitions). Compared by Welch's t-test (regression.ts).
   */
  summary?: Summary;
  /** Extra statistics the tool reports, in `unit`: `p50`, `p90`, `p95`, `p99`, `min`, `max`, `rate`. */
  stats?: Record<string, number>;
  /** k6 thresholds as the tool decided them: `true` means the threshold FAILED. */
  thresholds?: Record<string, boolean>;
}

/** n samples with mean `value` and sample standard deviation `sd` (n − 1). */
export interface Summary {
  n: number;
  sd: number;
}

export type Tool =
  | 'hyperfine'
  | 'go'
  | 'vitest'
  | 'benchmarkjs'
  | 'pytest-benchmark'
  | 'k6'
  | 'google-benchmark'
  | 'criterion'
  | 'custom'
  | 'ab';

export interface BenchResult {
  tool: Tool;
  metrics: Metric[];
}

/**
 * A direction as a person writes it: `smaller` / `bigger`, or github-action-benchmark's tool names
 * `customSmallerIsBetter` / `customBiggerIsBetter`; undefined for anything else.
 */
export function directionNamed(text: string): Direction | undefined {
  if (text === 'smaller' || text === 'customSmallerIsBetter') return 'smaller';
  if (text === 'bigger' || text === 'customBiggerIsBetter') return 'bigger';
  return undefined;
}

/**
 * Mean, standard deviation and count of a metric's samples: from the samples when there are ≥ 2,
 * else from the summary the tool reported; undefined when neither says how much the runs vary.
 */
export function spreadOf(m: Metric): { mean: number; sd: number; n: number } | undefined {
  const xs = m.samples ?? [];
  if (xs.length >= 2) {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    return { mean, sd, n: xs.length };
  }
  if (m.summary && m.summary.n >= 2 && Number.isFinite(m.summary.sd) && m.summary.sd >= 0)
    return { mean: m.value, sd: m.summary.sd, n: m.summary.n };
  return undefined;
}

/** The samples of a metric, or its one headline figure. */
export function valuesOf(m: Metric): number[] {
  return m.samples && m.samples.length > 0 ? m.samples : [m.value];
}
