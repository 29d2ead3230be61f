import { z } from 'zod';
import { versionedKind } from '../versioned-json.js';

/**
 * The weekly report's model (`report.json`). Collectors fill it, the checkpoint is decided from
 * it, and every other format is rendered from it alone: a saved snapshot re-renders byte for byte,
 * and the snapshots of past weeks (on the data branch) are the history trends are drawn from.
 *
 * An input that could not be read is `{ status: "n/a", reason }`, never a silent 0.
 */

export const notAvailableSchema = z
  .strictObject({
    status: z.literal('n/a'),
    reason: z.string().min(1).describe('Why the input could not be read, and how to make it readable.'),
  })
  .describe('An input that could not be read.');
export type NotAvailable = z.infer<typeof notAvailableSchema>;

/** A value, or n/a with its reason. */
export function orNotAvailable<T extends z.ZodType>(value: T) {
  return z.union([value, notAvailableSchema]);
}

export function isNotAvailable(value: unknown): value is NotAvailable {
  return typeof value === 'object' && value !== null && (value as { status?: unknown }).status === 'n/a';
}

/** The read values of a list that may hold n/a (a type guard for filter). */
export function isAvailable<T>(value: T | NotAvailable): value is T {
  return !isNotAvailable(value);
}

const count = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const isoTime = z.iso.datetime({ offset: true });
const source = z
  .string()
  .min(1)
  .describe(
    'Where the figure came from, e.g. `git log origin/main`, `GET /search/issues`, `shipkit-data:gate/`.',
  );

export const windowSchema = z.strictObject({
  from: isoTime.describe('Start, inclusive (ISO week: Monday 00:00 UTC).'),
  to: isoTime.describe('End, exclusive (the next Monday 00:00 UTC).'),
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/)
    .optional()
    .describe('The ISO week, when the window is one.'),
});
export type ReportWindow = z.infer<typeof windowSchema>;

export const activitySchema = z.strictObject({
  commits: orNotAvailable(count),
  authors: orNotAvailable(count),
  pullRequestsMerged: orNotAvailable(count),
  pullRequestsOpened: orNotAvailable(count),
  issuesOpened: orNotAvailable(count),
  issuesClosed: orNotAvailable(count),
  /** figure name → its source (`pullRequestsMerged: "(#N) in commit subjects"` offline). */
  sources: z.record(z.string(), source),
});

export const releaseSchema = z.strictObject({
  tag: z.string().min(1),
  date: isoTime,
  url: z.string().optional(),
  name: z.string().optional(),
});

/** One point of a trend: a stored gate or perf run, or a past week's snapshot. */
export const pointSchema = z.strictObject({
  at: isoTime,
  value: finite,
  commit: z.string().optional(),
});

export const coverageSchema = z.strictObject({
  /** Line coverage in percent at the end of the window (latest default-branch run). */
  current: orNotAvailable(finite),
  /** The same a week earlier. */
  previous: orNotAvailable(finite),
  /** current − previous in percentage points; null when either is n/a. */
  change: finite.nullable(),
  /** Oldest first; what the chart draws. */
  series: z.array(pointSchema),
  source,
});

export const benchmarkTrendSchema = z.strictObject({
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['smaller', 'bigger']),
  current: finite,
  previous: finite.optional(),
  /** (current − previous) / previous × 100; absent without a previous value. */
  changePercent: finite.optional(),
  series: z.array(pointSchema),
});

export const performanceSchema = z.strictObject({
  benchmarks: z.array(benchmarkTrendSchema),
  /** The largest regression in percent among the benchmarks (worse is positive); null without any. */
  worstChangePercent: finite.nullable(),
  source,
});

export const workflowSchema = z.strictObject({
  name: z.string(),
  runs: count,
  failures: count,
  /** Median run duration in seconds, when known. */
  medianSeconds: finite.optional(),
  /** Runs of one commit that both failed and succeeded (re-run to green). */
  flaky: count,
});

export const testsSchema = z.strictObject({
  runs: count,
  byConclusion: z.record(z.string(), count),
  /** successful / (completed runs, skipped and cancelled excluded), in percent; null with none. */
  passRate: finite.nullable(),
  /** Slowest first. */
  slowest: z.array(workflowSchema),
  /** Flakiest first. */
  flakiest: z.array(workflowSchema),
  /** The default branch's latest completed run's conclusion (build status). */
  latestConclusion: z.string().nullable(),
  source,
});

const bySeverity = z.record(z.string(), count);

export const securitySchema = z.strictObject({
  codeScanning: orNotAvailable(z.strictObject({ open: count, bySeverity, source })),
  dependabot: orNotAvailable(z.strictObject({ open: count, bySeverity, source })),
});

export const deploymentsSchema = z.strictObject({
  count: count,
  byEnvironment: z.record(z.string(), count),
  /** The four DORA keys; each n/a without a deployment source. */
  dora: z.strictObject({
    deploymentFrequencyPerWeek: orNotAvailable(finite),
    leadTimeHours: orNotAvailable(finite),
    changeFailureRate: orNotAvailable(finite),
    timeToRestoreHours: orNotAvailable(finite),
  }),
  source,
});

export const velocitySchema = z.strictObject({
  milestone: z.string(),
  closedIssues: count,
  openIssues: count,
  /** Story points closed, when the issues carry them. */
  pointsClosed: finite.optional(),
  pointsTotal: finite.optional(),
  source,
});

/** Files changed on the default branch in the window (documentation and CHANGELOG checks). */
export const changesSchema = z.strictObject({
  /** Commits in the window that touched a documentation path (`report.documentation_paths`). */
  documentation: orNotAvailable(z.strictObject({ commits: count, files: count, source })),
  /** Commits in the window that touched the changelog (`report.changelog`). */
  changelog: orNotAvailable(z.strictObject({ commits: count, file: z.string(), source })),
});

/** Checks of the pull requests merged (or open) in the window: the "all PR checks passing" input. */
export const pullRequestChecksSchema = z.strictObject({
  checked: count,
  failing: count,
  /** Numbers of the failing pull requests (at most 20). */
  failingNumbers: z.array(z.number().int().positive()).max(20),
  source,
});

/** Open issues carrying the blocking label at the end of the window. */
export const blockingIssuesSchema = z.strictObject({
  open: count,
  label: z.string(),
  /** The first few (at most 20), for the report to name them. */
  issues: z
    .array(
      z.strictObject({ number: z.number().int().positive(), title: z.string(), url: z.string().optional() }),
    )
    .max(20),
  source,
});

/** One past week (or this one) of the activity chart, oldest first. */
export const activityWeekSchema = z.strictObject({
  from: isoTime,
  commits: count,
  pullRequestsMerged: count.optional(),
});

export const checkStatusSchema = z.enum(['pass', 'warn', 'fail', 'n/a']);
export type CheckStatus = z.infer<typeof checkStatusSchema>;

export const checkSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  status: checkStatusSchema,
  required: z.boolean(),
  value: z.union([finite, z.string()]).optional(),
  threshold: z.union([finite, z.string()]).optional(),
  reason: z.string().optional(),
});
export type Check = z.infer<typeof checkSchema>;

export const verdictSchema = z.enum(['green', 'yellow', 'red']);
export type ReportVerdict = z.infer<typeof verdictSchema>;

export const checkpointSchema = z.strictObject({
  verdict: verdictSchema,
  checks: z.array(checkSchema),
});

export const narrativeSchema = z.strictObject({
  text: z.string(),
  model: z.string(),
});

export const reportSnapshotSchema = z.strictObject({
  schemaVersion: z.literal(1),
  generatedAt: isoTime,
  repository: z.string().optional(),
  defaultBranch: z.string().optional(),
  /** Link to the workflow run that made the report, when made in Actions. */
  runUrl: z.string().optional(),
  window: windowSchema,
  activity: activitySchema,
  releases: orNotAvailable(z.array(releaseSchema)),
  coverage: orNotAvailable(coverageSchema),
  performance: orNotAvailable(performanceSchema),
  tests: orNotAvailable(testsSchema),
  security: securitySchema,
  deployments: orNotAvailable(deploymentsSchema),
  velocity: orNotAvailable(velocitySchema),
  changes: changesSchema,
  pullRequestChecks: orNotAvailable(pullRequestChecksSchema),
  blockingIssues: orNotAvailable(blockingIssuesSchema),
  /** Commits per week from past snapshots and this one, oldest first (the activity chart). */
  activityTrend: z.array(activityWeekSchema),
  checkpoint: checkpointSchema,
  /** Optional narrative drafted by Claude from this snapshot (assist: true). */
  narrative: narrativeSchema.optional(),
});
export type ReportSnapshot = z.infer<typeof reportSnapshotSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Release = z.infer<typeof releaseSchema>;
export type TrendPoint = z.infer<typeof pointSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type Performance = z.infer<typeof performanceSchema>;
export type BenchmarkTrend = z.infer<typeof benchmarkTrendSchema>;
export type Tests = z.infer<typeof testsSchema>;
export type WorkflowFigures = z.infer<typeof workflowSchema>;
export type Security = z.infer<typeof securitySchema>;
export type Deployments = z.infer<typeof deploymentsSchema>;
export type Velocity = z.infer<typeof velocitySchema>;
export type Changes = z.infer<typeof changesSchema>;
export type PullRequestChecks = z.infer<typeof pullRequestChecksSchema>;
export type BlockingIssues = z.infer<typeof blockingIssuesSchema>;
export type ActivityWeek = z.infer<typeof activityWeekSchema>;
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const REPORT_SNAPSHOT = versionedKind(reportSnapshotSchema, {
  what: 'weekly report snapshot (report.json)',
  writer: '`shipkit report --out DIR` or actions/report',
});
