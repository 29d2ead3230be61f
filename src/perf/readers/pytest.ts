import type { BenchResult } from '../model.js';
import { type BenchInput, dispersionOf, isObject, type Json, num, objects } from './input.js';

/**
 * pytest-benchmark `--benchmark-json`: seconds per round; `stats.data` holds the rounds when saved
 * (`--benchmark-save-data`), else `stats.rounds` and `stats.stddev` are the summary.
 */
export function isPytestBenchmark(doc: unknown): doc is Json {
  return isObject(doc) && Array.isArray(doc.benchmarks) && isObject(doc.machine_info);
}

export function readPytestBenchmark(input: BenchInput, doc: Json): BenchResult {
  return {
    tool: 'pytest-benchmark',
    metrics: objects(input, doc.benchmarks, 'benchmarks').map((b, i) => {
      const name = String(b.fullname ?? b.name ?? `benchmark ${i + 1}`);
      const stats = isObject(b.stats) ? b.stats : {};
      const spread = dispersionOf(
        input,
        { value: stats.data, field: `${name}: stats.data` },
        { n: stats.rounds, sd: stats.stddev },
      );
      return {
        name,
        unit: 's',
        direction: 'smaller' as const,
        value: num(input, stats.mean, `${name}: stats.mean`),
        ...spread,
        stats: {
          min: num(input, stats.min, `${name}: stats.min`),
          max: num(input, stats.max, `${name}: stats.max`),
          p50: num(input, stats.median, `${name}: stats.median`),
        },
      };
    }),
  };
}
