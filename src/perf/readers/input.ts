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
