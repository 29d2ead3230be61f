import { z } from 'zod';

/** The `plan` section of shipkit.yml. */

export const planSchema = z
  .strictObject({
    backlog: z.string().optional().describe('Backlog file (YAML or JSON), or omit to read GitHub issues.'),
    templates: z
      .string()
      .optional()
      .describe('Directory whose .hbs files override the built-in plan templates.'),
    duration: z
      .string()
      .regex(/^\d+\s*(-?\s*weeks?|w|d|days?)$/i, 'expected a sprint length such as 3-weeks or 10d')
      .default('2-weeks')
      .describe('Default sprint length, e.g. `3-weeks` or `10d`.'),
    working_days: z
      .array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']))
      .default(['mon', 'tue', 'wed', 'thu', 'fri'])
      .describe('Days the team works.'),
  })
  .describe('Sprint planning.');
