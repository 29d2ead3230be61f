import { ShipkitError } from '../errors.js';
import type { ReportWindow } from './snapshot.js';

/**
 * The report's window, computed rather than taken from the schedule time (a scheduled run can be
 * late or dropped): by default the ISO week that ended most recently, Monday 00:00 UTC to the next
 * Monday 00:00 UTC (exclusive).
 */

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** What the user asked for: `--week`, or `--from`/`--to`, or nothing (the last finished week). */
export interface WindowRequest {
  week?: string;
  from?: string;
  to?: string;
}

/** The ISO week a time falls in: `2026-W49`. */
export function isoWeekOf(time: Date): string {
  const day = Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day - weekday * DAY + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC of ISO week 1 of `year` (the week holding 4 January). */
function firstMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
}

/** The window of an ISO week such as `2026-W49`; anything else is a ShipkitError naming the flag. */
export function weekWindow(week: string, flag = '--week'): ReportWindow {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  const year = Number(m?.[1]);
  const n = Number(m?.[2]);
  const weeks = m ? (isoWeekOf(new Date(firstMonday(year + 1) - DAY)) === `${year}-W53` ? 53 : 52) : 0;
  if (!m || n < 1 || n > weeks) {
    throw new ShipkitError(`${flag} ${JSON.stringify(week)} is not an ISO week`, {
      hint: m
        ? `${year} has weeks 01 to ${weeks}.`
        : 'Write it as YEAR-Wnn, e.g. 2026-W49 (the week from Monday 30 November 2026).',
    });
  }
  const from = firstMonday(year) + (n - 1) * WEEK;
  return { from: iso(from), to: iso(from + WEEK), week };
}

/** The ISO week that ended most recently before `now`. */
export function lastFinishedWeek(now: Date): ReportWindow {
  const thisWeek = weekWindow(isoWeekOf(now));
  return weekWindow(isoWeekOf(new Date(Date.parse(thisWeek.from) - DAY)));
}

/**
 * The window a request names. `--from`/`--to` take a date (YYYY-MM-DD, `--to` inclusive: the window
 * ends at the end of that day) or an ISO time with offset (`--to` exclusive; a fraction of a second
 * moves it to the next whole second, as git and GitHub record whole seconds and the API takes
 * nothing finer: both readers then count the same commits). A window that has not ended by `now` is
 * refused: the report is of a finished period.
 */
export function resolveWindow(request: WindowRequest, now: Date): ReportWindow {
  if (request.week !== undefined && (request.from !== undefined || request.to !== undefined)) {
    throw new ShipkitError('--week cannot be combined with --from/--to', {
      hint: 'Give either --week 2026-W49 or --from DATE --to DATE.',
    });
  }
  let window: ReportWindow;
  if (request.week !== undefined) window = weekWindow(request.week);
  else if (request.from !== undefined || request.to !== undefined) {
    if (request.from === undefined || request.to === undefined) {
      throw new ShipkitError(`${request.from === undefined ? '--from' : '--to'} is missing`, {
        hint: 'Give both --from and --to, e.g. --from 2026-11-01 --to 2026-11-30.',
      });
    }
    const from = instant(request.from, '--from', false);
    const to = instant(request.to, '--to', true);
    if (
      to <= from &&
      !DATE.test(request.to) &&
      !DATE.test(request.from) &&
      Date.parse(request.to) > Date.parse(request.from)
    ) {
      throw new ShipkitError(
        `--from ${request.from} and --to ${request.to} fall within one second (both move to ${iso(to)})`,
        { hint: 'git and GitHub record whole seconds: give a window of at least one second.' },
      );
    }
    if (to <= from) {
      throw new ShipkitError(`--to ${request.to} is not after --from ${request.from}`, {
        hint: 'The window must be at least one day long; --to is the last day included.',
      });
    }
    window = { from: iso(from), to: iso(to) };
  } else window = lastFinishedWeek(now);
  if (Date.parse(window.to) > now.getTime()) {
    throw new ShipkitError(
      `the window ${window.week ?? `${window.from} to ${window.to}`} has not ended yet (it ends ${window.to})`,
      { hint: 'Report on a finished period: leave --week out for the last finished ISO week.' },
    );
  }
  return window;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(text: string, flag: string, endOfDay: boolean): number {
  const t = DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) + (endOfDay ? DAY : 0) : Date.parse(text);
  if ((!DATE.test(text) && !TIME.test(text)) || !Number.isFinite(t)) {
    throw new ShipkitError(`${flag} ${JSON.stringify(text)} is not a date`, {
      hint: 'Write a date as YYYY-MM-DD (UTC) or a time as 2026-11-30T00:00:00Z.',
    });
  }
  if (DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
    throw new ShipkitError(`${flag} ${JSON.stringify(text)} is not a calendar date`, {
      hint: 'Check the month and day.',
    });
  }
  // Date.parse keeps milliseconds and drops finer digits: any fraction moves to the next second.
  const fraction = /\.(\d+)/.exec(text)?.[1] ?? '';
  return /[1-9]/.test(fraction) ? Math.floor(t / 1000) * 1000 + 1000 : t;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Whether an ISO time falls inside the window (from inclusive, to exclusive). */
export function inWindow(window: ReportWindow, time: string | number): boolean {
  const t = typeof time === 'number' ? time : Date.parse(time);
  return t >= Date.parse(window.from) && t < Date.parse(window.to);
}

/** The window one week earlier (the previous snapshot's week, for week-over-week figures). */
export function previousWeekStart(window: ReportWindow): string {
  return iso(Date.parse(window.from) - WEEK);
}
