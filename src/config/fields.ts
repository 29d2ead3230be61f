import { z } from 'zod';
import { ShipkitError } from '../errors.js';
import { parseDuration, parsePercent, parsePercentOf, parseRate } from './units.js';

/** Field types shared by the sections of shipkit.yml. Each accepts what teams write. */

export const percent = (what = 'a percentage') =>
  z
    .union([z.number(), z.string().regex(/^\s*(\d+(\.\d+)?|\.\d+)\s*%\s*$/, `expected ${what} such as 90%`)])
    .transform((v, ctx) => {
      const n = parsePercent(v);
      if (n === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `expected ${what} between 0% and 100%, got ${JSON.stringify(v)}`,
        });
        return z.NEVER;
      }
      return n;
    })
    .meta({ 'x-accepts': 'a percentage, e.g. `90%`' });

export const percentOf = () =>
  z
    .union([
      z.number(),
      z
        .string()
        .regex(
          /^\s*(\d+(\.\d+)?|\.\d+)\s*%(\s+of\s+.+)?$/i,
          'expected a percentage such as 100% of public APIs',
        ),
    ])
    .transform((v, ctx) => {
      const r = parsePercentOf(v);
      if (!r) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a percentage between 0% and 100%, got ${JSON.stringify(v)}`,
        });
        return z.NEVER;
      }
      return r;
    })
    .meta({ 'x-accepts': 'a percentage with an optional scope, e.g. `100% of public APIs`' });

export const duration = (max?: { ms: number; text: string }) =>
  z
    .string({ error: 'expected a duration such as 500ms, 1.5s or 2min' })
    .regex(/^\s*(\d+(\.\d+)?|\.\d+)\s*[a-zµ]+\s*$/i, 'expected a duration such as 500ms, 1.5s or 2min')
    .transform((v, ctx) => {
      const ms = parseDuration(v);
      if (ms === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown duration unit in ${JSON.stringify(v)}: use ns, us, ms, s, min or h`,
        });
        return z.NEVER;
      }
      if (max && ms > max.ms) {
        ctx.addIssue({ code: 'custom', message: `expected at most ${max.text}` });
        return z.NEVER;
      }
      return ms;
    })
    .meta({ 'x-accepts': 'a duration in ns, us, ms, s, min or h, e.g. `500ms`' });

export const rate = () =>
  z
    .string({ error: 'expected a rate such as 100+ req/sec' })
    .regex(/^\s*(\d+(\.\d+)?|\.\d+)\s*\+?\s*\S.*$/, 'expected a rate such as 100+ req/sec')
    .transform((v, ctx) => {
      const r = parseRate(v);
      if (!r) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a rate such as "100+ req/sec", "100 req/s" or "6000 requests per minute", got ${JSON.stringify(v)}`,
        });
        return z.NEVER;
      }
      return r;
    })
    .meta({ 'x-accepts': 'a rate, e.g. `100+ req/sec` (`+`: at least)' });

/** The smallest and largest value a numeric field accepts. */
export interface Range {
  min: number;
  max: number;
}

/**
 * Bounds of the numbers that make shipkit loop, wait or allocate: every input of that kind (config
 * field, CLI flag, action input) is checked against its range before anything runs.
 */
export const RANGES = {
  /** A/B runs of each side (`gates.performance.samples`, `--samples`, input `samples`). */
  samples: { min: 2, max: 1000 },
  /** Unmeasured runs before the A/B samples (`--warmup`). */
  warmup: { min: 0, max: 100 },
  /** Past runs read as the baseline (`gates.performance.history`). */
  history: { min: 1, max: 1000 },
  /** Sprint number (`--sprint`, input `sprint`, `sprint.number`). */
  sprint: { min: 1, max: 100_000 },
  /** Sprint length in calendar weeks (`3-weeks`) and in working days (`10d`). */
  sprintWeeks: { min: 1, max: 52 },
  sprintDays: { min: 1, max: 260 },
  /** Days in one holiday range. */
  holidayDays: { min: 1, max: 366 },
} as const satisfies Record<string, Range>;

export function wholeNumber(range: Range): string {
  return `expected a whole number from ${range.min} to ${range.max}`;
}

/** A whole number: 0 or more, or within `range`. */
export const count = (range?: Range) => {
  if (!range) return z.number().int('expected a whole number').nonnegative('expected 0 or more');
  const message = wholeNumber(range);
  return z.number().int(message).min(range.min, message).max(range.max, message);
};

/**
 * A whole number typed as a CLI flag or an action input, checked by the schema the config field
 * uses: an error names the flag or input (`name`), the range and what was given.
 */
export function countInput(raw: string, name: string, range: Range): number {
  const text = raw.trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!count(range).safeParse(n).success) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new ShipkitError(`${name}: ${wholeNumber(range)}, got ${JSON.stringify(shown)}`);
  }
  return n;
}
