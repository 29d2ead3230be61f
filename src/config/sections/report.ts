import { z } from 'zod';

/** The `report` section of shipkit.yml. */

export const reportSchema = z
  .strictObject({
    formats: z
      .array(z.enum(['markdown', 'html', 'json', 'slack']))
      .default(['markdown'])
      .describe('Formats the weekly report is written in.'),
    slack_webhook_env: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name such as SLACK_WEBHOOK_URL')
      .optional()
      .describe('Name of the environment variable that holds the Slack webhook URL (never the URL itself).'),
  })
  .describe('Weekly report. Not built yet: the section is accepted, and loading it warns.');
