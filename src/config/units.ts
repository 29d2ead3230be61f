/**
 * Values as teams write them in shipkit.yml: `90%`, `500ms`, `100+ req/sec`,
 * `100% of public APIs`. Each parser returns undefined when the text is not of its form, so the
 * schema can say what was expected.
 */

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;

const PERCENT = new RegExp(String.raw`^${NUMBER}\s*%$`);
/** A percentage: `90%`, `90 %`, or a bare number 0-100. */
export function parsePercent(value: string | number): number | undefined {
  if (typeof value === 'number') return value >= 0 && value <= 100 ? value : undefined;
  const m = PERCENT.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 100 ? n : undefined;
}

const PERCENT_OF = new RegExp(String.raw`^${NUMBER}\s*%(?:\s+of\s+(.+))?$`, 'i');
/** `100% of public APIs` → { percent: 100, of: 'public APIs' }. */
export function parsePercentOf(value: string | number): { percent: number; of?: string } | undefined {
  if (typeof value === 'number') return value >= 0 && value <= 100 ? { percent: value } : undefined;
  const m = PERCENT_OF.exec(value.trim());
  if (!m) return undefined;
  const percent = Number(m[1]);
  if (percent > 100) return undefined;
  return m[2] ? { percent, of: m[2].trim() } : { percent };
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
};
const DURATION = new RegExp(String.raw`^${NUMBER}\s*([a-zµ]+)$`, 'i');
/** A duration in milliseconds: `500ms`, `1.5 s`, `2min`, `250us`. A bare number is not accepted. */
export function parseDuration(value: string): number | undefined {
  const m = DURATION.exec(value.trim());
  if (!m?.[2]) return undefined;
  const factor = DURATION_UNITS[m[2].toLowerCase()];
  return factor === undefined ? undefined : Number(m[1]) * factor;
}

const RATE_PER: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  m: 1 / 60,
  min: 1 / 60,
  minute: 1 / 60,
  h: 1 / 3600,
  hr: 1 / 3600,
  hour: 1 / 3600,
};
const RATE = new RegExp(
  String.raw`^${NUMBER}\s*(\+)?\s*(?:(?:req|reqs|requests?|ops?|operations?|msgs?|messages?|events?|tx|items?)\s*)?(?:/|\s+per\s+)\s*(s|sec|second|m|min|minute|h|hr|hour)$`,
  'i',
);
const RATE_SHORT = new RegExp(String.raw`^${NUMBER}\s*(\+)?\s*(rps|qps|ops|tps)$`, 'i');

export interface Rate {
  /** Events per second. */
  per_second: number;
  /** `100+ req/sec`: the figure is a floor (at least), not a ceiling. */
  at_least: boolean;
}
/** A rate: `100+ req/sec`, `100 req/s`, `6000 requests per minute`, `100 rps`. */
export function parseRate(value: string): Rate | undefined {
  const text = value.trim();
  const m = RATE.exec(text);
  if (m?.[3]) {
    const per = RATE_PER[m[3].toLowerCase()];
    if (per === undefined) return undefined;
    return { per_second: Number(m[1]) * per, at_least: m[2] === '+' };
  }
  const s = RATE_SHORT.exec(text);
  if (s) return { per_second: Number(s[1]), at_least: s[2] === '+' };
  return undefined;
}
