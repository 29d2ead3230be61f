import { z } from 'zod';

/** The `report` section of shipkit.yml: the weekly report and its checkpoint. */

/** The eight checks of the weekly checkpoint, in the order the report shows them. */
export const CHECK_IDS = [
  'pr-checks',
  'coverage',
  'tests',
  'security',
  'performance',
  'documentation',
  'changelog',
  'blocking-issues',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** Checks whose failure turns the verdict red unless `required` says otherwise. */
export const DEFAULT_REQUIRED: CheckId[] = [
  'pr-checks',
  'coverage',
  'tests',
  'security',
  'performance',
  'blocking-issues',
];

const percent = z.number().min(0).max(100);

const thresholdsSchema = z
  .strictObject({
    coverage: percent
      .default(90)
      .describe('Line coverage (percent) at the end of the week below which `coverage` fails.'),
    tests_pass_rate: percent
      .default(90)
      .describe(
        'Pass rate (percent) of the week\u2019s default-branch workflow runs below which `tests` warns.',
      ),
    performance_percent: z
      .number()
      .positive()
      .default(5)
      .describe(
        'Largest week-over-week regression (percent) a benchmark may show before `performance` fails.',
      ),
    critical_alerts: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .describe('Open critical security alerts allowed before `security` fails.'),
  })
  .describe('Thresholds of the checkpoint checks.');

export const reportSchema = z
  .strictObject({
    formats: z
      .array(z.enum(['markdown', 'html', 'json', 'slack']))
      .default(['markdown', 'html', 'json', 'slack'])
      .describe('Formats the weekly report is written in (report.md, report.html, report.json, slack.json).'),
    slack_webhook_env: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'expected an environment variable name such as SLACK_WEBHOOK_URL')
      .optional()
      .describe('Name of the environment variable that holds the Slack webhook URL (never the URL itself).'),
    assist: z
      .boolean()
      .default(false)
      .describe(
        'Draft a short narrative of the week with Claude (needs ANTHROPIC_API_KEY); every figure still comes from the snapshot.',
      ),
    thresholds: thresholdsSchema.prefault({}),
    required: z
      .array(z.enum(CHECK_IDS))
      .default(DEFAULT_REQUIRED)
      .describe(
        'Checks whose failure makes the verdict red (and whose unknown input makes it yellow); a failing check not listed makes it yellow.',
      ),
    blocking_label: z
      .string()
      .min(1)
      .default('blocker')
      .describe('Label of the issues that count as blocking.'),
    documentation_paths: z
      .array(z.string().min(1))
      .default(['docs/', 'README.md'])
      .describe('Paths (a directory ends with /) whose change in the week counts as documentation updated.'),
  })
  .describe('Weekly report and its green / yellow / red checkpoint.');
export type ReportConfig = z.infer<typeof reportSchema>;
