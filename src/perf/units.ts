import { ShipkitError } from '../errors.js';

/** Time units the tools print, as nanoseconds. `ns/op` compares with `ns`. */
const TIME_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, sec: 1e9 };

/** Nanoseconds per one of this unit, or undefined when it is not a time. */
export function timeScale(unit: string): number | undefined {
  return TIME_NS[unit.replace(/\/op$/, '').trim()];
}

export function isTime(unit: string): boolean {
  return timeScale(unit) !== undefined;
}

/** Events per second for rate units (`/s`, `ops/sec`, `req/s`, `rps`), or undefined. */
export function rateScale(unit: string): number | undefined {
  const u = unit.trim().toLowerCase();
  if (/^(rps|qps|ops|tps|hz)$/.test(u)) return 1;
  const m = /^(?:[a-z]*\s*)?\/\s*(s|sec|second|m|min|minute|h|hr|hour)$/.exec(u);
  if (!m) return undefined;
  return m[1]?.startsWith('h') ? 1 / 3600 : m[1]?.startsWith('m') ? 1 / 60 : 1;
}

/**
 * Converts values in `from` to `to` when both are times (s → ms …) or both rates; the same unit
 * passes through. Anything else is a unit mismatch, reported with the metric's name.
 */
export function converter(name: string, from: string, to: string): (v: number) => number {
  if (from === to) return (v) => v;
  const a = timeScale(from);
  const b = timeScale(to);
  if (a !== undefined && b !== undefined) return (v) => (v * a) / b;
  const ra = rateScale(from);
  const rb = rateScale(to);
  if (ra !== undefined && rb !== undefined) return (v) => (v * ra) / rb;
  throw new ShipkitError(
    `metric "${name}": the base is in ${to} but the head is in ${from}; they cannot be compared`,
    {
      hint: 'Compare outputs of the same benchmark tool and settings (the same -benchmem, time unit, summaryTimeUnit).',
    },
  );
}
