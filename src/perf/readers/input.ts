import { ShipkitError } from '../../errors.js';

/** One benchmark output as a reader sees it: its text, where it came from, and nearby files. */
export interface BenchInput {
  file: string;
  text: string;
  /** Sibling files a format needs (criterion's sample.json and benchmark.json beside estimates.json). */
  sibling?: (name: string) => string | undefined;
}

export function fail(input: BenchInput, message: string, hint?: string): never {
  throw new ShipkitError(message, { location: { file: input.file }, ...(hint ? { hint } : {}) });
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A number the format promises; a clear message naming the field when it is not one. */
export function num(input: BenchInput, v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    fail(input, `${field} is ${JSON.stringify(v) ?? 'missing'}, expected a number`);
  }
  return v;
}

export function numbers(input: BenchInput, v: unknown, field: string): number[] {
  if (!Array.isArray(v)) fail(input, `${field} is not a list of numbers`);
  return v.map((x, i) => num(input, x, `${field}[${i}]`));
}

/** A metric's samples when the tool kept any (a non-empty list), each checked to be a number. */
export function samplesOf(input: BenchInput, v: unknown, field: string): number[] | undefined {
  return Array.isArray(v) && v.length > 0 ? numbers(input, v, field) : undefined;
}

/**
 * How a metric's runs spread, to spread into the metric: its samples when the tool kept any, else
 * the tool's (n, sd) summary when it gives a usable one, else nothing (one figure).
 */
export function dispersionOf(
  input: BenchInput,
  samples: { value: unknown; field: string },
  summary: { n: unknown; sd: unknown },
): { samples?: number[]; summary?: { n: number; sd: number } } {
  const kept = samplesOf(input, samples.value, samples.field);
  if (kept) return { samples: kept };
  const s = summaryOf(summary.n, summary.sd);
  return s ? { summary: s } : {};
}

/** A list of objects the format promises (benchmarks, groups); a clear message naming the field. */
export function objects(input: BenchInput, v: unknown, field: string): Json[] {
  if (!Array.isArray(v)) fail(input, `${field} is not a list`);
  return v.map((x, i) => {
    if (!isObject(x)) fail(input, `${field}[${i}] is ${JSON.stringify(x)}, expected an object`);
    return x;
  });
}

/**
 * A summary (n, sd) from optional fields: both finite, n an integer ≥ 2, sd ≥ 0; else undefined
 * (the metric is then one figure, as before).
 */
export function summaryOf(n: unknown, sd: unknown): { n: number; sd: number } | undefined {
  if (typeof n !== 'number' || typeof sd !== 'number') return undefined;
  if (!Number.isInteger(n) || n < 2 || !Number.isFinite(sd) || sd < 0) return undefined;
  return { n, sd };
}
