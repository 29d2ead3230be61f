import { z } from 'zod';
import { count, RANGES } from '../config/fields.js';
import {
  day,
  dayRange,
  pathFilter,
  sprintLength,
  teamMemberSchema,
  WEEKDAYS,
} from '../config/sections/plan.js';

/** The backlog file (YAML or JSON): items, and optionally the sprint they are planned into. */

/**
 * A backlog id: a plain key. It names files (`tasks/<id>.test.ts`), Mermaid nodes and lines of
 * generated code, so it holds no spaces, line breaks or quotes, and fits in a file name.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const id = z
  .union([
    z
      .string()
      .regex(
        ID_PATTERN,
        'expected an id of letters, digits, `.`, `_` and `-` (at most 64, starting with a letter or digit), e.g. `T1` or `auth-login`',
      ),
    z.number().int().nonnegative(),
  ])
  .transform(String)
  .describe('A key unique in the backlog, e.g. `T1` or an issue number.');

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type Priority = (typeof PRIORITIES)[number];

const PRIORITY_WORDS: Record<string, Priority> = {
  p0: 'P0',
  critical: 'P0',
  p1: 'P1',
  high: 'P1',
  p2: 'P2',
  medium: 'P2',
  normal: 'P2',
  p3: 'P3',
  low: 'P3',
};

/** `P1`, `p1`, `high`, `1` → `P1`; undefined when the word is not a priority. */
export function parsePriority(value: string | number): Priority | undefined {
  return PRIORITY_WORDS[typeof value === 'number' ? `p${value}` : value.trim().toLowerCase()];
}

const priority = z
  .union([z.enum(PRIORITIES), z.string(), z.number().int()])
  .transform((v, ctx) => {
    const p = parsePriority(v);
    if (!p) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected a priority: P0, P1, P2, P3 (or critical, high, medium, low)',
      });
      return z.NEVER;
    }
    return p;
  })
  .meta({ 'x-accepts': '`P0`–`P3`, or critical / high / medium / low' });

export const ESTIMATE = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(points?|pts?|p|hours?|hrs?|h)\s*$/i;

export const itemSchema = z
  .strictObject({
    id,
    title: z.string().min(1).describe('What the task delivers.'),
    points: z.number().nonnegative().optional().describe('Estimate in story points.'),
    estimate: z
      .string()
      .regex(ESTIMATE, 'expected an estimate such as "3 points" or "8h"')
      .optional()
      .describe('Estimate with its unit: `3 points` or `8h` (one unit per backlog).'),
    depends_on: z.array(id).default([]).describe('Ids of the items that must be done first.'),
    owner: z.string().optional().describe('Team member who does it (a `team` name).'),
    priority: priority.optional().describe('P0 (must) … P3 (nice to have); P2 when omitted.'),
    labels: z
      .array(z.string())
      .default([])
      .describe('Labels; an `area` or a label matching a skill picks an owner.'),
    area: z.string().optional().describe('Area of the code (matched with team skills).'),
    description: z.string().optional().describe('Longer text (Markdown).'),
    status: z.enum(['open', 'closed']).default('open').describe('`closed` items are done and not planned.'),
    carried_over: z.boolean().default(false).describe('Unfinished work from the previous sprint.'),
    paths: z
      .array(pathFilter())
      .default([])
      .describe('Paths the task touches (the sprint CI workflow watches them).'),
  })
  .describe('A backlog item.');

const goal = z.union([
  z.string().min(1),
  z.strictObject({
    title: z.string().min(1).describe('The objective.'),
    priority: priority.optional().describe('P0 primary … P3.'),
    items: z.array(id).default([]).describe('Items that deliver it.'),
    criteria: z.array(z.string()).default([]).describe('How to tell it is met.'),
  }),
]);

export const sprintSchema = z
  .strictObject({
    number: count(RANGES.sprint).optional().describe('Sprint number.'),
    start: day().optional().describe('First day of the sprint.'),
    duration: sprintLength().optional().describe('`3-weeks` (calendar weeks) or `10d` (working days).'),
    goals: z.array(goal).default([]).describe('Objectives, as text or `{title, priority, items, criteria}`.'),
    working_days: z.array(z.enum(WEEKDAYS)).optional().describe('Days the team works.'),
    holidays: z.array(dayRange()).optional().describe('Days nobody works.'),
    team: z.array(teamMemberSchema).optional().describe("Team members (replaces the config's team)."),
    hours_per_point: z.number().positive().optional().describe('Hours one point stands for.'),
    velocity: z
      .array(z.number().nonnegative())
      .optional()
      .describe('Points closed in earlier sprints, oldest first.'),
  })
  .describe('The sprint the backlog is planned into (each field overrides shipkit.yml).');

export const backlogSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema this file follows.'),
    sprint: sprintSchema.optional(),
    items: z.array(itemSchema).describe('The backlog.'),
  })
  .describe('A shipkit backlog.');

export type BacklogFile = z.output<typeof backlogSchema>;
export type BacklogItemInput = z.output<typeof itemSchema>;
export type SprintInput = z.output<typeof sprintSchema>;
export type GoalInput = z.output<typeof goal>;

let cached: Record<string, unknown> | undefined;

/** The published JSON Schema of a backlog file (schema/backlog.schema.json). */
export function backlogJsonSchema(): Record<string, unknown> {
  cached ??= {
    ...(z.toJSONSchema(backlogSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>),
    $id: 'https://github.com/shipkit/shipkit/schema/backlog.schema.json',
    title: 'shipkit backlog (backlog.yml)',
  };
  return cached;
}
