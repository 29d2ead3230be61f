import { z } from 'zod';
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

export const duration = () =>
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

export const count = () => z.number().int('expected a whole number').nonnegative('expected 0 or more');
