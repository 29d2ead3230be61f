import type { BenchResult, Metric } from '../model.js';
import { type BenchInput, dispersionOf, isObject, type Json, num, objects } from './input.js';

/**
 * `vitest bench --outputJson` (tinybench underneath): times in ms. Vitest writes `samples: []`
 * in this file; when a run keeps them (tinybench's own task results) they are read. Otherwise its
 * `sd` and `sampleCount` (tinybench: rme = sem·critical/mean·100, sem = sd/√n) are the summary.
 */
export function isVitestBench(doc: unknown): doc is Json {
  return (
    isObject(doc) &&
    Array.isArray(doc.files) &&
    doc.files.every((f) => isObject(f) && Array.isArray(f.groups))
  );
}

export function readVitestBench(input: BenchInput, doc: Json): BenchResult {
  const metrics: Metric[] = [];
  (doc.files as Json[]).forEach((file, f) => {
    objects(input, file.groups, `files[${f}].groups`).forEach((group, g) => {
      const prefix = typeof group.fullName === 'string' ? `${group.fullName} > ` : '';
      for (const b of objects(input, group.benchmarks ?? [], `files[${f}].groups[${g}].benchmarks`)) {
        const name = `${prefix}${String(b.name)}`;
        const spread = dispersionOf(
          input,
          { value: b.samples, field: `${name}: samples` },
          { n: b.sampleCount, sd: b.sd },
        );
        const stats: Record<string, number> = {};
        for (const k of ['min', 'max', 'p75', 'p99', 'p995', 'p999', 'median', 'sd', 'hz', 'sampleCount']) {
          if (typeof b[k] === 'number') stats[k === 'median' ? 'p50' : k] = b[k] as number;
        }
        metrics.push({
          name,
          unit: 'ms',
          direction: 'smaller',
          value: num(input, b.mean, `${name}: mean`),
          ...spread,
          stats,
        });
      }
    });
  });
  return { tool: 'vitest', metrics };
}

/**
 * tinybench's own results saved as JSON: `bench.tasks.map(({name, result}) => ({name, result}))`
 * (times in ms; `result.samples` holds the iterations' times when kept).
 */
export function isTinybenchTasks(doc: unknown): doc is Json[] {
  return (
    Array.isArray(doc) &&
    doc.length > 0 &&
    doc.every((t) => isObject(t) && typeof t.name === 'string' && isObject(t.result) && 'mean' in t.result)
  );
}

export function readTinybenchTasks(input: BenchInput, doc: Json[]): BenchResult {
  return {
    tool: 'vitest',
    metrics: doc.map((t) => {
      const name = String(t.name);
      const r = t.result as Json;
      const spread = dispersionOf(
        input,
        { value: r.samples, field: `${name}: result.samples` },
        { n: r.sampleCount, sd: r.sd },
      );
      const stats: Record<string, number> = {};
      for (const k of ['min', 'max', 'p75', 'p99', 'p995', 'p999', 'sd', 'hz']) {
        if (typeof r[k] === 'number') stats[k] = r[k] as number;
      }
      return {
        name,
        unit: 'ms',
        direction: 'smaller' as const,
        value: num(input, r.mean, `${name}: result.mean`),
        ...spread,
        stats,
      };
    }),
  };
}
