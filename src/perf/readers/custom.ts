import type { BenchResult, Direction } from '../model.js';
import { type BenchInput, isObject, num } from './input.js';

/**
 * github-action-benchmark's `customSmallerIsBetter` / `customBiggerIsBetter` JSON:
 * `[{"name", "unit", "value", "range"?, "extra"?}]`. The file does not say which of the two it is:
 * the caller says so (`direction`), otherwise a rate unit (`/s`, `ops`, `req/s`) means bigger.
 */
export function isCustomBenchmark(doc: unknown): doc is Record<string, unknown>[] {
  return (
    Array.isArray(doc) &&
    doc.length > 0 &&
    doc.every((d) => isObject(d) && 'name' in d && 'value' in d && 'unit' in d)
  );
}

function directionForUnit(unit: string): Direction {
  return /(\/\s*(s|sec|second|min|minute|h|hour)\b)|\bops\b|\bper\s+(second|minute)\b|\brps\b|\bqps\b|\btps\b/i.test(
    unit,
  )
    ? 'bigger'
    : 'smaller';
}

export function readCustomBenchmark(
  input: BenchInput,
  doc: Record<string, unknown>[],
  direction?: Direction,
): BenchResult {
  return {
    tool: 'custom',
    metrics: doc.map((d, i) => {
      const name = String(d.name);
      const unit = String(d.unit);
      return {
        name,
        unit,
        direction: direction ?? directionForUnit(unit),
        value: num(input, d.value, `[${i}] "${name}": value`),
      };
    }),
  };
}
