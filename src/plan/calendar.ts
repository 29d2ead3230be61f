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

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
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
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

export interface SprintLength {
  /** `weeks`: calendar weeks from the start; `days`: working days. */
  unit: 'weeks' | 'days';
  count: number;
}

export function parseSprintLength(text: string): SprintLength {
  const m = /^\s*(\d+)\s*(-?\s*weeks?|w|d|days?)\s*$/i.exec(text);
  if (!m) {
    throw new ShipkitError(`sprint duration: expected 3-weeks or 10d, got ${JSON.stringify(text)}`, {
      hint: '`N-weeks` counts calendar weeks from the start; `Nd` counts working days.',
    });
  }
  const count = Number(m[1]);
  if (count < 1) throw new ShipkitError('sprint duration must be at least one day');
  return { unit: /w/i.test(m[2] ?? '') ? 'weeks' : 'days', count };
}

/** Which days are working days: the week's working days less holidays. */
export class WorkCalendar {
  private readonly weekdays: Set<string>;
  private readonly holidays: Set<Day>;

  constructor(workingDays: readonly string[], holidays: Iterable<Day>) {
    this.weekdays = new Set(workingDays);
    this.holidays = new Set(holidays);
  }

  isWorkingDay(day: Day): boolean {
    return this.weekdays.has(weekdayOf(day)) && !this.holidays.has(day);
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

  workingDaysBetween(start: Day, end: Day): Day[] {
    const days: Day[] = [];
    for (let d = start; d <= end; d++) if (this.isWorkingDay(d)) days.push(d);
    return days;
  }
}
