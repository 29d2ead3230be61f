import { RANGES } from '../config/fields.js';
import { readSprintLength, type SprintLength } from '../config/sections/plan.js';
import { ShipkitError } from '../errors.js';

/** Dates as whole days since 1970-01-01 (UTC), so date arithmetic is integer arithmetic. */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function parseDay(text: string, what = 'date'): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || formatDay(ms / MS_PER_DAY) !== text.trim()) {
    throw new ShipkitError(`${what}: expected a date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  }
  return ms / MS_PER_DAY;
}

/** Formatted days, kept because a plan formats the same few hundred days for thousands of tasks. */
const formatted = new Map<Day, string>();

export function formatDay(day: Day): string {
  let text = formatted.get(day);
  if (text === undefined) {
    if (formatted.size > 100_000) formatted.clear();
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(day, text);
  }
  return text;
}

export function weekdayOf(day: Day): (typeof WEEKDAY_NAMES)[number] {
  // 1970-01-01 was a Thursday.
  return WEEKDAY_NAMES[(((day + 4) % 7) + 7) % 7] as (typeof WEEKDAY_NAMES)[number];
}

/** `2026-12-24` or `2026-12-24..2026-12-31` → every day of it. */
export function expandRange(text: string, what: string): Day[] {
  const [from, to] = text.split('..').map((s) => s.trim());
  const a = parseDay(from ?? '', what);
  const b = to ? parseDay(to, what) : a;
  if (b < a) throw new ShipkitError(`${what}: the range ${text} ends before it starts`);
  if (b - a + 1 > RANGES.holidayDays.max) {
    throw new ShipkitError(`${what}: the range ${text} is over ${RANGES.holidayDays.max} days long`, {
      hint: 'Write one range per holiday period.',
    });
  }
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

export type { SprintLength };

/** A sprint length; `field` names where it was written (`--duration`, `plan.duration`). */
export function parseSprintLength(text: string, field = 'sprint duration'): SprintLength {
  const r = readSprintLength(text);
  if (typeof r === 'string') {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new ShipkitError(`${field}: ${r}, got ${JSON.stringify(shown)}`, {
      hint: '`N-weeks` counts calendar weeks from the start; `Nd` counts working days.',
    });
  }
  return r;
}

/** Which days are working days: the week's working days less holidays. */
export class WorkCalendar {
  /** Works on each weekday, Sunday first (a table: asked for every day of every task). */
  private readonly works: boolean[];
  private readonly holidays: Set<Day>;

  constructor(workingDays: readonly string[], holidays: Iterable<Day>) {
    const names = new Set(workingDays);
    this.works = WEEKDAY_NAMES.map((name) => names.has(name));
    this.holidays = new Set(holidays);
  }

  isWorkingDay(day: Day): boolean {
    return this.works[(((day + 4) % 7) + 7) % 7] === true && !this.holidays.has(day);
  }

  isHoliday(day: Day): boolean {
    return this.holidays.has(day);
  }

  /** The first working day on or after `day` (gives up after a year without one). */
  nextWorkingDay(day: Day): Day {
    for (let d = day; d < day + 366; d++) if (this.isWorkingDay(d)) return d;
    throw new ShipkitError(`no working day within a year of ${formatDay(day)}`, {
      hint: 'Check `working_days` and `holidays`.',
    });
  }

  /** The sprint's first and last calendar day (inclusive) for a start and a length. */
  sprintEnd(start: Day, length: SprintLength): Day {
    if (length.unit === 'weeks') return start + length.count * 7 - 1;
    let d = start - 1;
    for (let n = 0; n < length.count; n++) d = this.nextWorkingDay(d + 1);
    return d;
  }

  /** How many working days lie between `start` and `end` (inclusive). */
  countWorkingDays(start: Day, end: Day): number {
    let n = 0;
    for (let d = start; d <= end; d++) if (this.isWorkingDay(d)) n++;
    return n;
  }

  workingDaysBetween(start: Day, end: Day): Day[] {
    const days: Day[] = [];
    for (let d = start; d <= end; d++) if (this.isWorkingDay(d)) days.push(d);
    return days;
  }
}
