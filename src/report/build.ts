import { reportSchema, type ReportConfig } from '../config/sections/report.js';
import { ShipkitError } from '../errors.js';
import { fieldPath } from '../versioned-json.js';
import { decideCheckpoint } from './checkpoint.js';
import { activityTrend, coverageFromHistory, performanceFromHistory, type ReportHistory } from './history.js';
import {
  type Activity,
  type BlockingIssues,
  type Changes,
  type Coverage,
  type Deployments,
  type NotAvailable,
  type Performance,
  type PullRequestChecks,
  type Release,
  type ReportSnapshot,
  type ReportWindow,
  reportSnapshotSchema,
  type Security,
  type Tests,
  type Velocity,
} from './snapshot.js';

/**
 * The collectors' answers, already read: the git collector (src/cli/report-git.ts) and the GitHub
 * collectors each fill what their source holds. A section left out becomes n/a with a reason
 * saying so; it is never a silent 0.
 */
export interface ReportInputs {
  window: ReportWindow;
  /** ISO time; the caller's clock, so a test or a re-run can pin it. */
  generatedAt: string;
  repository?: string;
  defaultBranch?: string;
  runUrl?: string;
  activity?: Partial<Omit<Activity, 'sources'>> & { sources?: Record<string, string> };
  releases?: Release[] | NotAvailable;
  /** The data branch's gate and perf history and past snapshots; coverage and performance come from it. */
  history?: ReportHistory | NotAvailable;
  /** Given directly, these win over what the history gives. */
  coverage?: Coverage | NotAvailable;
  performance?: Performance | NotAvailable;
  tests?: Tests | NotAvailable;
  security?: Partial<Security>;
  deployments?: Deployments | NotAvailable;
  velocity?: Velocity | NotAvailable;
  changes?: Partial<Changes>;
  pullRequestChecks?: PullRequestChecks | NotAvailable;
  blockingIssues?: BlockingIssues | NotAvailable;
  narrative?: ReportSnapshot['narrative'];
}

const API = 'read from the GitHub API, which this run did not call (actions/report does)';

/** Why a section nobody collected is n/a. */
export const NOT_COLLECTED = {
  pullRequestsOpened: `not collected: ${API}`,
  issuesOpened: `not collected: ${API}`,
  issuesClosed: `not collected: ${API}`,
  commits: 'not collected: no git history or API answer was given',
  authors: 'not collected: no git history or API answer was given',
  pullRequestsMerged: 'not collected: no git history or API answer was given',
  releases: 'not collected: no tags or releases were read',
  history: 'not collected: the data branch (shipkit-data) was not read; fetch it to draw trends',
  tests: `not collected: workflow runs are ${API}`,
  codeScanning: `not collected: code-scanning alerts are ${API}`,
  dependabot: `not collected: Dependabot alerts are ${API}`,
  deployments: `not collected: deployments are ${API}`,
  velocity: `not collected: the sprint milestone is ${API}`,
  documentation: 'not collected: no git history was read',
  changelog: 'not collected: no git history was read',
  pullRequestChecks: `not collected: pull request checks are ${API}`,
  blockingIssues: `not collected: open issues are ${API}`,
} as const;

const na = (key: keyof typeof NOT_COLLECTED): NotAvailable => ({ status: 'n/a', reason: NOT_COLLECTED[key] });

const ACTIVITY = [
  'commits',
  'authors',
  'pullRequestsMerged',
  'pullRequestsOpened',
  'issuesOpened',
  'issuesClosed',
] as const;

function activityOf(given: ReportInputs['activity'] = {}): Activity {
  const activity = { sources: { ...given.sources } } as Activity;
  for (const key of ACTIVITY) activity[key] = given[key] ?? na(key);
  return activity;
}

/**
 * The snapshot: the window, every figure with its source (n/a with a reason where an input could not
 * be read), the trends from the history, and the checkpoint decided with `config` (the `report:`
 * section; its defaults when left out). The result is checked against the published schema, so a
 * collector's bad value stops here, naming the field, instead of reaching a renderer.
 */
export function buildReport(
  inputs: ReportInputs,
  config: ReportConfig = reportSchema.parse({}),
): ReportSnapshot {
  const history = inputs.history ?? na('history');
  const fromHistory = <T>(derive: (h: ReportHistory) => T): T | NotAvailable =>
    'status' in history ? history : derive(history);
  const activity = activityOf(inputs.activity);
  const figures: Omit<ReportSnapshot, 'checkpoint' | 'narrative'> = {
    schemaVersion: 1,
    generatedAt: inputs.generatedAt,
    ...(inputs.repository ? { repository: inputs.repository } : {}),
    ...(inputs.defaultBranch ? { defaultBranch: inputs.defaultBranch } : {}),
    ...(inputs.runUrl ? { runUrl: inputs.runUrl } : {}),
    window: inputs.window,
    activity,
    releases: inputs.releases ?? na('releases'),
    coverage: inputs.coverage ?? fromHistory((h) => coverageFromHistory(h, inputs.window)),
    performance: inputs.performance ?? fromHistory((h) => performanceFromHistory(h, inputs.window)),
    tests: inputs.tests ?? na('tests'),
    security: {
      codeScanning: inputs.security?.codeScanning ?? na('codeScanning'),
      dependabot: inputs.security?.dependabot ?? na('dependabot'),
    },
    deployments: inputs.deployments ?? na('deployments'),
    velocity: inputs.velocity ?? na('velocity'),
    changes: {
      documentation: inputs.changes?.documentation ?? na('documentation'),
      changelog: inputs.changes?.changelog ?? na('changelog'),
    },
    pullRequestChecks: inputs.pullRequestChecks ?? na('pullRequestChecks'),
    blockingIssues: inputs.blockingIssues ?? na('blockingIssues'),
    activityTrend: activityTrend('status' in history ? [] : history.snapshots, inputs.window, activity),
  };
  const snapshot = {
    ...figures,
    checkpoint: decideCheckpoint(figures, config),
    ...(inputs.narrative ? { narrative: inputs.narrative } : {}),
  };
  const parsed = reportSnapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ShipkitError(
      `the report's ${fieldPath(issue?.path ?? [])} is not valid: ${issue?.message ?? 'invalid'}`,
      { hint: 'A collector returned a value the snapshot schema does not accept; this is a bug in shipkit.' },
    );
  }
  return parsed.data;
}
