import type { BenchResult, Metric } from '../model.js';
import { type BenchInput, isObject, type Json, num, objects, summaryOf } from './input.js';

/**
 * Google Benchmark `--benchmark_format=json` / `--benchmark_out`: with repetitions, each
 * `run_type: iteration` row is a sample and the `_mean`/`_median` aggregates are skipped;
 * `real_time` in `time_unit`. With `--benchmark_report_aggregates_only` there are no such rows:
 * the `mean` aggregate is the value and `stddev` over `repetitions` the summary.
 */
export function isGoogleBenchmark(doc: unknown): doc is Json {
  return isObject(doc) && isObject(doc.context) && Array.isArray(doc.benchmarks);
}

export function readGoogleBenchmark(input: BenchInput, doc: Json): BenchResult {
  const byName = new Map<string, Metric>();
  const aggregates = new Map<string, Record<string, number>>();
  const units = new Map<string, string>();
  for (const b of objects(input, doc.benchmarks, 'benchmarks')) {
    const unit = typeof b.time_unit === 'string' ? b.time_unit : 'ns';
    const name = String(b.run_name ?? b.name);
    if (b.run_type === 'aggregate') {
      const agg = aggregates.get(name) ?? {};
      if (typeof b.aggregate_name === 'string' && typeof b.real_time === 'number')
        agg[b.aggregate_name] = b.real_time;
      if (typeof b.repetitions === 'number') agg.repetitions = b.repetitions;
      if (typeof b.time_unit === 'string') units.set(name, b.time_unit);
      aggregates.set(name, agg);
      continue;
    }
    if (typeof b.error_occurred === 'boolean' && b.error_occurred) continue;
    const value = num(input, b.real_time, `${name}: real_time`);
    const metric = byName.get(name) ?? { name, unit, direction: 'smaller' as const, value: 0, samples: [] };
    metric.samples?.push(value);
    byName.set(name, metric);
  }
  for (const [name, agg] of aggregates) {
    if (byName.has(name) || typeof agg.mean !== 'number') continue;
    const summary = summaryOf(agg.repetitions, agg.stddev);
    byName.set(name, {
      name,
      unit: units.get(name) ?? 'ns',
      direction: 'smaller',
      value: agg.mean,
      ...(summary ? { summary } : {}),
    });
  }
  return {
    tool: 'google-benchmark',
    metrics: [...byName.values()].map((m) => {
      const s = m.samples ?? [];
      const agg = aggregates.get(m.name);
      return {
        ...m,
        ...(s.length > 0 ? { value: s.reduce((a, b) => a + b, 0) / s.length } : {}),
        ...(agg?.median ? { stats: { p50: agg.median } } : {}),
      };
    }),
  };
}
