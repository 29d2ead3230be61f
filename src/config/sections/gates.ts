import { z } from 'zod';
import { count, duration, percent, percentOf, RANGES, rate } from '../fields.js';

/** The `gates` section of shipkit.yml (also accepted as `quality_gates`). */

/** What a gate does when its figure is below the target (coverage: project, patch). */
const BELOW_ACTIONS = ['fail_if_below', 'warn_if_below', 'informational'] as const;
/** What a gate does when a bound is exceeded (performance, security). */
const EXCEEDED_ACTIONS = ['fail_if_exceeded', 'warn_if_exceeded', 'informational'] as const;

const coverageTarget = (what: string) =>
  z
    .union([z.literal('auto'), percent(what)])
    .describe(`${what}: a percentage such as 80%, or \`auto\` (no drop against the baseline).`);

const patchCoverage = z
  .union([
    coverageTarget('a patch coverage target'),
    z
      .strictObject({
        target: coverageTarget('a patch coverage target'),
        action: z
          .enum(BELOW_ACTIONS)
          .optional()
          .describe('What happens when patch coverage is below the target (default: the coverage action).'),
      })
      .describe('Patch coverage target with its own action.'),
  ])
  .describe(
    'Patch coverage: the share of executable lines added or changed by the pull request that tests ran. ' +
      '`auto` uses the baseline project coverage as the target.',
  );

const fileMinimum = z
  .strictObject({
    path: z.string().min(1).describe('Glob of repository paths, e.g. `src/core/**`.'),
    minimum: percent('a coverage minimum').describe('Least line coverage of each matching file.'),
  })
  .describe('A coverage minimum for each file matching `path`.');

const component = z
  .strictObject({
    name: z.string().min(1).describe('Name shown in the summary, e.g. `api`.'),
    paths: z.array(z.string().min(1)).min(1).describe('Globs of the files in the component.'),
    threshold: coverageTarget('a component coverage target')
      .optional()
      .describe('Component coverage target, or `auto`; default: the project threshold.'),
    patch: coverageTarget('a component patch target').optional().describe('Patch coverage target.'),
    informational: z
      .boolean()
      .optional()
      .describe('Report the component but never let it fail or warn the gate.'),
  })
  .describe('A group of files with targets of its own.');

const testCoverage = z
  .strictObject({
    threshold: coverageTarget('a coverage target').describe(
      'Project coverage target, e.g. 90%, or `auto`: no drop beyond `tolerance` against the baseline.',
    ),
    tolerance: percent()
      .optional()
      .describe('With `auto` targets, the drop allowed against the baseline (default 0%).'),
    action: z
      .enum(BELOW_ACTIONS)
      .default('fail_if_below')
      .describe('What happens when coverage is below the target.'),
    patch: patchCoverage.optional(),
    file_minimum: percent('a coverage minimum')
      .optional()
      .describe('Least line coverage of every file in the report, e.g. 50%.'),
    files: z.array(fileMinimum).optional().describe('Coverage minimums for files matching a glob.'),
    components: z.array(component).optional().describe('Groups of files with their own targets.'),
    informational: z
      .boolean()
      .optional()
      .describe('Report coverage but never fail or warn (the same as `action: informational`).'),
    ignore: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs of files left out of every coverage figure, e.g. `src/generated/**`.'),
  })
  .describe('Coverage gate.');

const duplication = z
  .strictObject({
    threshold: percent('a duplication limit').describe('Largest share of duplicated lines, e.g. 5%.'),
    max_new_clones: count()
      .optional()
      .describe('Most clones the pull request may add, counted against the base report when there is one.'),
    action: z
      .enum(['warn_if_above', 'fail_if_above', 'informational'])
      .default('warn_if_above')
      .describe('What happens when duplication is above the limit.'),
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
    confidence: percent('a confidence level')
      .optional()
      .describe('Confidence of the change interval; a regression must be significant at it. Default 95%.'),
    samples: count(RANGES.samples)
      .optional()
      .describe('A/B mode: runs of each of base and head, interleaved ABAB. Default 10.'),
    history: count(RANGES.history)
      .optional()
      .describe('Past runs (commits) used as the baseline and drawn in the trend. Default 20.'),
    metrics: z
      .record(
        z.string(),
        z
          .strictObject({
            max: z
              .union([z.string(), z.number()])
              .optional()
              .describe('Upper bound, e.g. `30us`, `16 B/op`.'),
            min: z.union([z.string(), z.number()]).optional().describe('Lower bound, e.g. `100 req/s`.'),
            stat: z
              .enum(['value', 'p50', 'p90', 'p95', 'p99'])
              .optional()
              .describe('Figure the bound applies to: the headline value (default) or a percentile.'),
          })
          .describe('Bounds on one metric.'),
      )
      .optional()
      .describe('Absolute bounds on any metric by its name, e.g. `BenchmarkParse-8: {max: 30us}`.'),
    action: z
      .enum(EXCEEDED_ACTIONS)
      .default('fail_if_exceeded')
      .describe('What happens when a limit is exceeded: fail (default), warn, or report only.'),
  })
  .describe('Performance gate.');

const allowed = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .describe('Advisory or rule id: a GHSA id, a CVE, an npm advisory number or a SARIF rule id.'),
    path: z
      .string()
      .min(1)
      .optional()
      .describe('Only findings at this path (a glob, or a package name for npm audit).'),
    expires: z.iso
      .date('expected a date such as 2026-12-31')
      .describe('Date (YYYY-MM-DD) after which the entry stops suppressing and is reported.'),
    reason: z.string().optional().describe('Why the finding is accepted, shown in the summary.'),
  })
  .describe('A finding accepted until a date.');

const security = z
  .strictObject({
    max_vulnerabilities: count().default(0).describe('Most vulnerabilities (high and critical) allowed.'),
    max_warnings: count().optional().describe('Most lower-severity findings allowed.'),
    allowlist: z.array(allowed).optional().describe('Findings accepted until their expiry date.'),
    action: z
      .enum(EXCEEDED_ACTIONS)
      .default('fail_if_exceeded')
      .describe('What happens when there are more findings than allowed.'),
  })
  .describe('Security gate (npm audit, SARIF).');

const documentation = z
  .strictObject({
    coverage: percentOf().describe('Documented share of the API, e.g. `100% of public APIs`.'),
    action: z
      .enum(['warn_if_below', 'fail_if_below', 'informational'])
      .default('warn_if_below')
      .describe('What happens when documentation coverage is below the target.'),
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

export type GatesConfig = z.output<typeof gatesSchema>;
export type CoverageConfig = z.output<typeof testCoverage>;
export type DuplicationConfig = z.output<typeof duplication>;
export type SecurityConfig = z.output<typeof security>;
export type DocumentationConfig = z.output<typeof documentation>;
