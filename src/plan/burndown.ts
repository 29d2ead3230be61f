import { z } from 'zod';
import { versionedKind } from '../versioned-json.js';
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

/** What `shipkit plan status --json` prints; the plan's verify-week.mjs reads it as `--progress`. */
export const burndownSchema = z.object({
  schemaVersion: z.literal(1),
  sprint: z.number(),
  start: z.string(),
  end: z.string(),
  total: z.number(),
  /** Points remaining at the end of each working day up to `today` (and the ideal line). */
  days: z.array(z.object({ date: z.string(), remaining: z.number(), ideal: z.number() })),
  remaining: z.number(),
  /** Task ids closed and open. */
  closed: z.array(z.string()),
  open: z.array(z.string()),
});
export type Burndown = z.infer<typeof burndownSchema>;

export const SPRINT_PROGRESS = versionedKind(burndownSchema, {
  what: 'sprint progress',
  writer: '`shipkit plan status --json`',
});

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
    schemaVersion: 1,
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
