import type { BenchResult, Metric } from '../model.js';
import { type BenchInput, fail, isObject, type Json, num, numbers } from './input.js';

/**
 * criterion.rs `target/criterion/<id>/new/estimates.json` (ns), with `sample.json` beside it for
 * the samples (time per iteration of each measurement: times[i] / iters[i]) and `benchmark.json`
 * for the name. Both the old (`Mean`, `[[iters],[times]]`) and new (`mean`, `{iters, times}`) forms.
 */
export function isCriterionEstimates(doc: unknown): doc is Json {
  return (
    isObject(doc) &&
    (isObject(doc.Mean) || isObject(doc.mean)) &&
    isObject(doc.Mean ?? doc.mean) &&
    'point_estimate' in ((doc.Mean ?? doc.mean) as Json)
  );
}

export function isCriterionSample(doc: unknown): boolean {
  if (isObject(doc)) return Array.isArray(doc.iters) && Array.isArray(doc.times);
  return (
    Array.isArray(doc) &&
    doc.length === 2 &&
    doc.every((a) => Array.isArray(a) && a.every((x) => typeof x === 'number'))
  );
}

function criterionSamples(input: BenchInput, doc: unknown): number[] {
  const [iters, times] = isObject(doc) ? [doc.iters, doc.times] : (doc as unknown[]);
  const it = numbers(input, iters, 'iters');
  const ts = numbers(input, times, 'times');
  if (it.length !== ts.length)
    fail(input, `criterion sample has ${it.length} iteration counts but ${ts.length} times`);
  return ts.map((t, i) => t / (it[i] as number));
}

function nameFrom(input: BenchInput): string {
  const bench = input.sibling?.('benchmark.json');
  if (bench) {
    const b = JSON.parse(bench) as Json;
    if (typeof b.full_id === 'string') return b.full_id;
  }
  const parts = input.file.split(/[\\/]/);
  const at = parts.findIndex(
    (p, i) => i > 0 && ['new', 'base', 'change'].includes(p) && i === parts.length - 2,
  );
  if (at > 0) {
    const start = parts.lastIndexOf('criterion', at);
    return parts.slice(start >= 0 ? start + 1 : Math.max(0, at - 2), at).join('/');
  }
  return parts[parts.length - 1] ?? 'criterion';
}

export function readCriterionEstimates(input: BenchInput, doc: Json): BenchResult {
  const est = (k: string, k2: string) =>
    (isObject(doc[k]) ? doc[k] : isObject(doc[k2]) ? doc[k2] : undefined) as Json | undefined;
  const meanE = est('Mean', 'mean') as Json;
  const median = est('Median', 'median');
  const name = nameFrom(input);
  const sample = input.sibling?.('sample.json');
  const samples = sample ? criterionSamples(input, JSON.parse(sample)) : undefined;
  const metric: Metric = {
    name,
    unit: 'ns',
    direction: 'smaller',
    value: num(input, meanE.point_estimate, 'Mean.point_estimate'),
    ...(samples ? { samples } : {}),
    ...(median ? { stats: { p50: num(input, median.point_estimate, 'Median.point_estimate') } } : {}),
  };
  return { tool: 'criterion', metrics: [metric] };
}

export function readCriterionSample(input: BenchInput, doc: unknown): BenchResult {
  const samples = criterionSamples(input, doc);
  const value = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    tool: 'criterion',
    metrics: [{ name: nameFrom(input), unit: 'ns', direction: 'smaller', value, samples }],
  };
}
