import { z } from 'zod';
import { count, duration, percent, percentOf, rate } from '../fields.js';

/** The `gates` section of shipkit.yml (also accepted as `quality_gates`). */

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

export type GatesConfig = z.output<typeof gatesSchema>;
