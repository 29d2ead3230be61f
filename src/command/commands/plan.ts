import { z } from 'zod';
import { RANGES } from '../../config/fields.js';
import type { CommandSpec } from '../spec.js';
import { keyword, words } from '../args.js';

export interface PlanArgs {
  sprint: number;
  start?: string;
  duration?: string;
}

const sprintNumber = z
  .string()
  .regex(/^\d{1,6}$/, { error: (i) => `the sprint must be a number, got ${JSON.stringify(i.input)}` })
  .transform(Number)
  .refine((n) => n >= RANGES.sprint.min && n <= RANGES.sprint.max, {
    error: `the sprint number must be between ${RANGES.sprint.min} and ${RANGES.sprint.max}`,
  });

export const plan: CommandSpec<PlanArgs> = {
  name: 'plan',
  summary: 'plans the sprint from the backlog on the default branch and proposes it as one pull request',
  usage: '/plan sprint N [start=YYYY-MM-DD] [duration=2-weeks]',
  minimum: 'write',
  pullRequest: false,
  options: ['start', 'duration'],
  args: z
    .strictObject({
      _: words(keyword('sprint'), sprintNumber),
      start: z.iso
        .date({ error: (i) => `expected a date YYYY-MM-DD, got ${JSON.stringify(i.input)}` })
        .optional(),
      duration: z
        .string()
        .regex(/^\d{1,3}[- ]?(d|days?|w|weeks?)$/i, {
          error: (i) => `expected a length such as 2-weeks or 10d, got ${JSON.stringify(i.input)}`,
        })
        .optional(),
    })
    .transform(({ _, start, duration }) => ({
      sprint: Number((_ as unknown[])[1]),
      ...(start ? { start } : {}),
      ...(duration ? { duration } : {}),
    })),
};
