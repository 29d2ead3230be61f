import { z } from 'zod';
import { count, duration, percent, percentOf, rate } from './fields.js';

/**
 * `.github/shipkit.yml`: one schema, a section per command. Every object is strict, so a
 * misspelled key is an error (with a "did you mean"), never silently ignored.
 */

const testCoverage = z
  .strictObject({
    threshold: z
      .union([z.literal('auto'), percent('a coverage target')])
      .describe(
        'Project coverage target, e.g. 90%, or `auto`: no drop beyond `tolerance` against the baseline.',
      ),
    tolerance: percent()
      .optional()
      .describe('With `threshold: auto`, the drop allowed against the baseline.'),
    action: z
      .enum(['fail_if_below', 'warn_if_below', 'informational'])
      .default('fail_if_below')
      .describe('What happens when coverage is below the target.'),
  })
  .describe('Coverage gate.');

const duplication = z
  .strictObject({
    threshold: percent('a duplication limit').describe('Largest share of duplicated lines, e.g. 5%.'),
    action: z.enum(['warn_if_above', 'fail_if_above', 'informational']).default('warn_if_above'),
  })
  .describe('Duplication gate (jscpd report).');

const performance = z
  .strictObject({
    latency_p50: duration().optional().describe('Largest median latency, e.g. 200ms.'),
    latency_p90: duration().optional().describe('Largest 90th percentile latency.'),
    latency_p95: duration().optional().describe('Largest 95th percentile latency.'),
    latency_p99: duration().optional().describe('Largest 99th percentile latency, e.g. 500ms.'),
    throughput: rate().optional().describe('Throughput bound, e.g. `100+ req/sec` (at least 100 a second).'),
    regression: percent()
      .optional()
      .describe('Smallest change against the baseline that counts as a regression, e.g. 5%.'),
    action: z.enum(['fail_if_exceeded', 'warn_if_exceeded', 'informational']).default('fail_if_exceeded'),
  })
  .describe('Performance gate.');

const security = z
  .strictObject({
    max_vulnerabilities: count().default(0).describe('Most vulnerabilities (high and critical) allowed.'),
    max_warnings: count().optional().describe('Most lower-severity findings allowed.'),
    action: z.enum(['fail_if_exceeded', 'warn_if_exceeded', 'informational']).default('fail_if_exceeded'),
  })
  .describe('Security gate (npm audit, SARIF).');

const documentation = z
  .strictObject({
    coverage: percentOf().describe('Documented share of the API, e.g. `100% of public APIs`.'),
    action: z.enum(['warn_if_below', 'fail_if_below', 'informational']).default('warn_if_below'),
  })
  .describe('Documentation gate (TypeDoc coverage).');

export const gatesSchema = z
  .strictObject({
    test_coverage: testCoverage.optional(),
    code_duplication: duplication.optional(),
    performance: performance.optional(),
    security: security.optional(),
    documentation: documentation.optional(),
  })
  .describe('Quality gates. The `quality_gates:` block of the automation plan loads as written.');

const codegenTarget = z.strictObject({
  spec: z.string().min(1).describe('Path of the OpenAPI or .proto spec, relative to the repository root.'),
  out: z.string().min(1).describe('Directory the generated code is written to.'),
  zod: z.boolean().default(false).describe('Also generate zod schemas.'),
  mocks: z.boolean().default(false).describe('Also generate an in-memory fake client and test templates.'),
  int64: z.enum(['bigint', 'string']).default('string').describe('How 64-bit integers are typed.'),
});

export const codegenSchema = z
  .strictObject({
    targets: z.array(codegenTarget).default([]).describe('Specs to generate clients from.'),
  })
  .describe('Client generation from OpenAPI and .proto specs.');

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
  .describe('Weekly report.');

export const releaseSchema = z
  .strictObject({
    tag_prefix: z.string().default('v').describe('Prefix of release tags, e.g. `v` or `pkg@`.'),
    changelog: z.string().default('CHANGELOG.md').describe('Changelog file to update.'),
    version_files: z.array(z.string()).default(['package.json']).describe('Files whose version is bumped.'),
  })
  .describe('Release pipeline.');

export const commandsSchema = z
  .strictObject({
    prefix: z.string().min(1).default('/').describe('What starts a command in a PR comment.'),
    permission: z
      .enum(['read', 'triage', 'write', 'maintain', 'admin'])
      .default('write')
      .describe('Least repository permission a commenter needs to run a command.'),
    allowed: z
      .array(z.enum(['gate', 'plan', 'codegen', 'report', 'release']))
      .default(['gate', 'plan', 'codegen', 'report'])
      .describe('Commands that may be run from a comment.'),
  })
  .describe('PR comment commands.');

export const configSchema = z
  .strictObject({
    gates: gatesSchema.optional(),
    quality_gates: gatesSchema
      .optional()
      .describe('Another name of `gates`, so the automation plan block loads as written.')
      .meta({ 'x-alias-of': 'gates' }),
    codegen: codegenSchema.default({ targets: [] }),
    plan: planSchema.default(() => planSchema.parse({})),
    report: reportSchema.default(() => reportSchema.parse({})),
    release: releaseSchema.default(() => releaseSchema.parse({})),
    commands: commandsSchema.default(() => commandsSchema.parse({})),
  })
  .superRefine((v, ctx) => {
    if (v.gates && v.quality_gates) {
      ctx.addIssue({
        code: 'custom',
        path: ['quality_gates'],
        message: '`gates` and `quality_gates` are the same section; keep one of them',
      });
    }
  })
  .transform(({ quality_gates, gates, ...rest }) => ({ gates: gates ?? quality_gates ?? {}, ...rest }));

export type ShipkitConfig = z.output<typeof configSchema>;
export type GatesConfig = ShipkitConfig['gates'];
