import { formatDay, parseDay, WorkCalendar } from './calendar.js';

export interface SprintIssue {
  number: number;
  /** Task id from the shipkit marker, or `#number`. */
  task: string;
  title: string;
  points: number;
  /** YYYY-MM-DD it was closed, or null while open. */
  closed: string | null;
}

export interface Burndown {
  sprint: number;
  start: string;
  end: string;
  total: number;
  /** Points remaining at the end of each working day up to `today` (and the ideal line). */
  days: { date: string; remaining: number; ideal: number }[];
  remaining: number;
  /** Task ids closed and open: what the weekly verification script reads as --progress. */
  closed: string[];
  open: string[];
}

/** Points remaining per working day, from when each issue was closed. */
export function burndown(
  sprint: number,
  start: string,
  end: string,
  issues: SprintIssue[],
  today: string,
  workingDays: readonly string[] = ['mon', 'tue', 'wed', 'thu', 'fri'],
  holidays: number[] = [],
): Burndown {
  const calendar = new WorkCalendar(workingDays, holidays);
  const days = calendar.workingDaysBetween(parseDay(start), parseDay(end));
  const total = issues.reduce((s, i) => s + i.points, 0);
  const last = parseDay(today);
  const round = (n: number) => Math.round(n * 100) / 100;
  const series = days
    .filter((d) => d <= last)
    .map((d) => {
      const date = formatDay(d);
      const done = issues
        .filter((i) => i.closed !== null && i.closed <= date)
        .reduce((s, i) => s + i.points, 0);
      const k = days.indexOf(d) + 1;
      return { date, remaining: round(total - done), ideal: round(total - (total * k) / days.length) };
    });
  const closed = issues.filter((i) => i.closed !== null && i.closed <= today);
  return {
    sprint,
    start,
    end,
    total,
    days: series,
    remaining: round(total - closed.reduce((s, i) => s + i.points, 0)),
    closed: closed.map((i) => i.task),
    open: issues.filter((i) => !closed.includes(i)).map((i) => i.task),
  };
}

export function burndownMarkdown(b: Burndown): string {
  const rows = b.days.map((d) => `| ${d.date} | ${d.remaining} | ${d.ideal} |`);
  return [
    `## Sprint ${b.sprint} burndown (${b.start} – ${b.end})`,
    '',
    `${b.remaining} of ${b.total} points remaining; ${b.closed.length} task(s) closed, ${b.open.length} open.`,
    '',
    '| Day | Remaining | Ideal |',
    '| --- | ---: | ---: |',
    ...rows,
  ].join('\n');
}
