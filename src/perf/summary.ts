import { type BenchResult, type Direction, valuesOf } from './model.js';
import { mean, median, stddev } from './stats.js';

/** One metric of `shipkit bench summary --json` (the shape the issue fixes). */
export interface MetricSummary {
  name: string;
  unit: string;
  direction: Direction;
  median: number;
  mean: number;
  stddev: number;
  n: number;
}

/** Median, mean and spread of each metric; without samples the tool's one figure (n = 1, stddev 0). */
export function summarize(result: BenchResult): { metrics: MetricSummary[] } {
  return {
    metrics: result.metrics.map((m) => {
      const xs = valuesOf(m);
      return {
        name: m.name,
        unit: m.unit,
        direction: m.direction,
        median: median(xs),
        mean: xs === m.samples ? mean(xs) : m.value,
        stddev: stddev(xs),
        n: xs.length,
      };
    }),
  };
}
