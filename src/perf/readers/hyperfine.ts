import type { BenchResult } from '../model.js';
import { type BenchInput, fail, isObject, type Json, num, numbers } from './input.js';

/** `hyperfine --export-json`: one metric per command, wall time in seconds, every run a sample. */
export function isHyperfine(doc: unknown): doc is Json {
  return isObject(doc) && Array.isArray(doc.results) && doc.results.every((r) => isObject(r) && 'times' in r);
}

export function readHyperfine(input: BenchInput, doc: Json): BenchResult {
  const results = doc.results as Json[];
  if (results.length === 0) fail(input, 'hyperfine export has no results');
  return {
    tool: 'hyperfine',
    metrics: results.map((r, i) => {
      const name = typeof r.command === 'string' ? r.command : `command ${i + 1}`;
      const samples = numbers(input, r.times, `results[${i}].times`);
      return {
        name,
        unit: 's',
        direction: 'smaller' as const,
        value: num(input, r.mean, `results[${i}].mean`),
        samples,
        stats: { min: num(input, r.min, `results[${i}].min`), max: num(input, r.max, `results[${i}].max`) },
      };
    }),
  };
}
