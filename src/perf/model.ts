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
  /** Extra statistics the tool reports, in `unit`: `p50`, `p90`, `p95`, `p99`, `min`, `max`, `rate`. */
  stats?: Record<string, number>;
  /** k6 thresholds as the tool decided them: `true` means the threshold FAILED. */
  thresholds?: Record<string, boolean>;
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

/** The samples of a metric, or its one headline figure. */
export function valuesOf(m: Metric): number[] {
  return m.samples && m.samples.length > 0 ? m.samples : [m.value];
}
