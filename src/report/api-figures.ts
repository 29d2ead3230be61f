import type { z } from 'zod';
import { median } from '../perf/stats.js';
import type { testsSchema, workflowSchema } from './snapshot.js';

/**
 * Figures computed from what the GitHub API lists (workflow runs, deployments): pure functions,
 * so the collectors in src/github/report-*.ts only read, and these are tested on their own.
 */

export interface RunFacts {
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  attempt: number;
  createdAt: string;
  /** Seconds from start to the last update, for a completed run. */
  seconds?: number;
}

type Workflow = z.infer<typeof workflowSchema>;
type Tests = z.infer<typeof testsSchema>;

const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);
/** Not a verdict on the code: left out of the pass rate. */
const NEUTRAL = new Set(['skipped', 'cancelled', 'neutral', 'stale', 'action_required']);
const LISTED = 5;

/** The median, or undefined for no values (perf/stats.ts answers NaN). */
function medianOf(values: number[]): number | undefined {
  return values.length === 0 ? undefined : median(values);
}

/** Runs of one workflow for one commit that failed and also succeeded, or went green on a re-run. */
function flakyCount(runs: RunFacts[]): number {
  const bySha = new Map<string, RunFacts[]>();
  for (const r of runs) bySha.set(r.headSha, [...(bySha.get(r.headSha) ?? []), r]);
  let flaky = 0;
  for (const group of bySha.values()) {
    const failed = group.some((r) => FAILED.has(r.conclusion ?? ''));
    const passed = group.some((r) => r.conclusion === 'success');
    const reran = group.some((r) => r.conclusion === 'success' && r.attempt > 1);
    if ((failed && passed) || reran) flaky += 1;
  }
  return flaky;
}

/** The tests and build section from the default branch's runs of the window, newest first. */
export function testsFigures(runs: RunFacts[], source: string): Tests {
  const byConclusion: Record<string, number> = {};
  for (const r of runs) {
    const key = r.status === 'completed' ? (r.conclusion ?? 'unknown') : r.status;
    byConclusion[key] = (byConclusion[key] ?? 0) + 1;
  }
  const judged = runs.filter((r) => r.status === 'completed' && !NEUTRAL.has(r.conclusion ?? ''));
  const passed = judged.filter((r) => r.conclusion === 'success').length;
  const byName = new Map<string, RunFacts[]>();
  for (const r of runs) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const workflows: Workflow[] = [...byName].map(([name, list]) => {
    const m = medianOf(list.flatMap((r) => (r.seconds === undefined ? [] : [r.seconds])));
    return {
      name,
      runs: list.length,
      failures: list.filter((r) => FAILED.has(r.conclusion ?? '')).length,
      ...(m === undefined ? {} : { medianSeconds: m }),
      flaky: flakyCount(list),
    };
  });
  const byNameOrder = (a: Workflow, b: Workflow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const slowest = workflows
    .filter((w) => w.medianSeconds !== undefined)
    .sort((a, b) => (b.medianSeconds ?? 0) - (a.medianSeconds ?? 0) || byNameOrder(a, b))
    .slice(0, LISTED);
  const flakiest = workflows
    .filter((w) => w.flaky > 0)
    .sort((a, b) => b.flaky - a.flaky || b.failures - a.failures || byNameOrder(a, b))
    .slice(0, LISTED);
  // the build status: the newest run that judged the code (a cancelled or skipped one did not)
  const latest = [...judged].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
  )[0];
  return {
    runs: runs.length,
    byConclusion,
    passRate: judged.length === 0 ? null : round((passed / judged.length) * 100, 2),
    slowest,
    flakiest,
    latestConclusion: latest?.conclusion ?? null,
    source,
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface DeploymentFacts {
  environment: string;
  createdAt: string;
  /** The latest status's state, upper case as GraphQL gives it (SUCCESS, FAILURE, ERROR, INACTIVE...). */
  state: string | null;
  /** When the latest status was set. */
  statusAt: string | null;
  /** Committer date of the deployed commit. */
  commitDate: string | null;
}

const SUCCEEDED = new Set(['SUCCESS', 'INACTIVE']); // inactive: replaced by a later successful one
const BROKE = new Set(['FAILURE', 'ERROR']);
const HOUR = 3_600_000;

type Dora = {
  deploymentFrequencyPerWeek: number | { status: 'n/a'; reason: string };
  leadTimeHours: number | { status: 'n/a'; reason: string };
  changeFailureRate: number | { status: 'n/a'; reason: string };
  timeToRestoreHours: number | { status: 'n/a'; reason: string };
};

const na = (reason: string) => ({ status: 'n/a' as const, reason });

/**
 * The deployments section and the four DORA keys from the deployments created in the window (all
 * listed deployments, oldest first or not, the later ones used to find a restore):
 * frequency = successful deployments per week; lead time = median hours from the deployed commit
 * to its successful status; change failure rate = failed / finished in percent; time to restore =
 * median hours from a failed deployment to the next successful one in its environment.
 */
export function deploymentFigures(
  all: DeploymentFacts[],
  window: { from: string; to: string },
  source: string,
) {
  const inWindow = (d: DeploymentFacts) => d.createdAt >= window.from && d.createdAt < window.to;
  const listed = all.filter(inWindow);
  const byEnvironment: Record<string, number> = {};
  for (const d of listed) byEnvironment[d.environment] = (byEnvironment[d.environment] ?? 0) + 1;
  const ok = listed.filter((d) => SUCCEEDED.has(d.state ?? ''));
  const failed = listed.filter((d) => BROKE.has(d.state ?? ''));
  const weeks = (Date.parse(window.to) - Date.parse(window.from)) / (7 * 24 * HOUR);
  const none = 'no deployment in the window';
  const leads = ok.flatMap((d) =>
    d.commitDate && d.statusAt ? [(Date.parse(d.statusAt) - Date.parse(d.commitDate)) / HOUR] : [],
  );
  const restores = failed.flatMap((f) => {
    const next = all
      .filter(
        (d) => d.environment === f.environment && d.createdAt > f.createdAt && SUCCEEDED.has(d.state ?? ''),
      )
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))[0];
    const at = next?.statusAt ?? next?.createdAt;
    return at ? [(Date.parse(at) - Date.parse(f.statusAt ?? f.createdAt)) / HOUR] : [];
  });
  const lead = medianOf(leads);
  const restore = medianOf(restores);
  const dora: Dora = {
    deploymentFrequencyPerWeek: listed.length === 0 ? na(none) : round(ok.length / weeks, 2),
    leadTimeHours:
      lead === undefined
        ? na(listed.length ? 'no successful deployment with a known commit' : none)
        : round(lead, 2),
    changeFailureRate:
      ok.length + failed.length === 0
        ? na(listed.length ? 'no finished deployment in the window' : none)
        : round((failed.length / (ok.length + failed.length)) * 100, 2),
    timeToRestoreHours:
      restore === undefined
        ? na(
            failed.length
              ? 'no successful deployment after the failed ones yet'
              : 'no failed deployment in the window',
          )
        : round(restore, 2),
  };
  return { count: listed.length, byEnvironment, dora, source };
}
