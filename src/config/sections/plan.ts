import { z } from 'zod';
import { RANGES } from '../fields.js';

/** The `plan` section of shipkit.yml, and the sprint fields a backlog file may also carry. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RANGE = /^\d{4}-\d{2}-\d{2}(\s*\.\.\s*\d{4}-\d{2}-\d{2})?$/;

export const day = () =>
  z
    .string({ error: 'expected a date such as 2026-12-01' })
    .regex(DATE, 'expected a date such as 2026-12-01')
    .meta({ 'x-accepts': 'a date, `YYYY-MM-DD`' });

export const dayRange = () =>
  z
    .string({ error: 'expected a date or a range such as 2026-12-24..2026-12-31' })
    .regex(RANGE, 'expected a date or a range such as 2026-12-24..2026-12-31')
    .meta({ 'x-accepts': 'a date or an inclusive range `YYYY-MM-DD..YYYY-MM-DD`' });

/**
 * A path filter the generated sprint workflow watches (`on.push.paths`): one line, no control
 * characters, no `${{` (GitHub's parser rejects an expression there, and the workflow would not load).
 */
export const pathFilter = () =>
  z
    .string()
    .min(1)
    .max(1000)
    .refine((p) => !/[\p{Cc}\u2028\u2029]/u.test(p), 'a path filter is one line without control characters')
    .refine((p) => !p.includes('${{'), 'a path filter cannot hold an expression (`${{`)')
    .meta({ 'x-accepts': 'a glob such as `src/**`: one line, no `${{`' });

export interface SprintLength {
  /** `weeks`: calendar weeks from the start; `days`: working days. */
  unit: 'weeks' | 'days';
  count: number;
}

const SPRINT_LENGTH_FORMAT = 'expected a sprint length such as 3-weeks or 10d';

/** `3-weeks` or `10d` within RANGES.sprintWeeks / sprintDays, else what is wrong with it. */
export function readSprintLength(text: string): SprintLength | string {
  const m = /^\s*(\d+)\s*(-?\s*weeks?|w|d|days?)\s*$/i.exec(text);
  if (!m) return SPRINT_LENGTH_FORMAT;
  const unit = /w/i.test(m[2] ?? '') ? 'weeks' : 'days';
  const range = unit === 'weeks' ? RANGES.sprintWeeks : RANGES.sprintDays;
  const count = Number(m[1]);
  if (count < range.min || count > range.max)
    return `expected ${range.min} to ${range.max} ${unit === 'weeks' ? 'weeks' : 'working days'}`;
  return { unit, count };
}

export const sprintLength = () =>
  z
    .string()
    .regex(/^\s*\d+\s*(-?\s*weeks?|w|d|days?)\s*$/i, SPRINT_LENGTH_FORMAT)
    .superRefine((v, ctx) => {
      const r = readSprintLength(v);
      // The format is the regex's to report (it is also the JSON Schema's pattern); the range is ours.
      if (typeof r === 'string' && r !== SPRINT_LENGTH_FORMAT) ctx.addIssue({ code: 'custom', message: r });
    })
    .meta({
      'x-accepts': `\`N-weeks\` (calendar weeks, at most ${RANGES.sprintWeeks.max}) or \`Nd\` (working days, at most ${RANGES.sprintDays.max})`,
    });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const teamMemberSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .describe('GitHub login (or name) of the member; backlog `owner` values refer to it.'),
    capacity: z
      .union([
        z.number().positive(),
        z
          .string()
          .regex(
            /^\s*(\d+(\.\d+)?|\.\d+)\s*(points?|pts?|p|hours?|hrs?|h)\s*(\/|\s+per\s+|\s+a\s+)\s*d(ay)?\s*$/i,
            {
              message: 'expected a daily capacity such as "2 points/day" or "6h/day"',
            },
          ),
      ])
      .default(1)
      .describe('Work a day at full time: a number of points, or "2 points/day", or "6h/day".'),
    part_time: z
      .union([
        z.number().gt(0).max(1),
        z.string().regex(/^\s*\d+(\.\d+)?\s*%\s*$/, 'expected a share such as 50%'),
      ])
      .default(1)
      .describe("Share of the member's time on this sprint: `50%` or 0.5."),
    skills: z
      .array(z.string())
      .default([])
      .describe('Areas the member works on (matched with item labels/area).'),
    time_off: z.array(dayRange()).default([]).describe('Days off: dates or ranges `2026-12-24..2026-12-31`.'),
  })
  .describe('A team member.');

export type TeamMemberInput = z.output<typeof teamMemberSchema>;

export const planSchema = z
  .strictObject({
    backlog: z.string().optional().describe('Backlog file (YAML or JSON), or omit to read GitHub issues.'),
    templates: z
      .string()
      .optional()
      .describe('Directory whose .hbs files override the built-in plan templates.'),
    duration: sprintLength().default('2-weeks').describe('Default sprint length, e.g. `3-weeks` or `10d`.'),
    working_days: z
      .array(z.enum(WEEKDAYS))
      .default(['mon', 'tue', 'wed', 'thu', 'fri'])
      .describe('Days the team works.'),
    holidays: z.array(dayRange()).default([]).describe('Days nobody works: dates or ranges.'),
    team: z.array(teamMemberSchema).default([]).describe('Team members and their capacity.'),
    hours_per_point: z
      .number()
      .positive()
      .optional()
      .describe('Hours one point stands for; lets hour capacities plan a backlog in points (and back).'),
    velocity: z
      .array(z.number().nonnegative())
      .default([])
      .describe('Points closed in earlier sprints, oldest first (used when GitHub milestones are not read).'),
    labels: z
      .strictObject({
        points: z
          .string()
          .default('points:')
          .describe("Label prefix carrying an issue's points, e.g. `points:3`."),
        priority: z
          .string()
          .default('priority:')
          .describe('Label prefix carrying the priority, e.g. `priority:P1`.'),
        area: z.string().default('area:').describe('Label prefix carrying the area (matched with skills).'),
        wave: z.string().default('wave:').describe('Label prefix shipkit writes with the wave of a task.'),
        backlog: z.string().optional().describe('Only open issues with this label form the backlog.'),
      })
      .default({ points: 'points:', priority: 'priority:', area: 'area:', wave: 'wave:' })
      .describe('Labels that carry plan fields on GitHub issues.'),
    paths: z
      .array(pathFilter())
      .default([])
      .describe('Paths the sprint touches; the generated CI workflow runs on changes to them.'),
  })
  .describe('Sprint planning.');

export type PlanConfig = z.output<typeof planSchema>;
