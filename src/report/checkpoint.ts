import type { CheckId, ReportConfig } from '../config/sections/report.js';
import {
  type Check,
  type CheckStatus,
  type Checkpoint,
  isAvailable,
  isNotAvailable,
  type ReportSnapshot,
  type ReportVerdict,
} from './snapshot.js';

/**
 * The weekly checkpoint (Part 9 of the plan): eight checks decided from the snapshot's figures,
 * each pass / warn / fail / n/a with its reason, and one verdict. Red when a required check fails;
 * yellow when any check warns, a check that is not required fails, or a required input is n/a
 * (unknown is not green); green otherwise.
 */

type Figures = Omit<ReportSnapshot, 'checkpoint' | 'narrative'>;
type Settings = Pick<ReportConfig, 'thresholds' | 'required'>;
type Decided = Omit<Check, 'id' | 'title' | 'required'>;

const TITLES: Record<CheckId, string> = {
  'pr-checks': 'Pull request checks passing',
  coverage: 'Coverage above threshold',
  tests: 'Tests passing',
  security: 'No critical security issue',
  performance: 'Performance within baseline',
  documentation: 'Documentation updated',
  changelog: 'CHANGELOG updated',
  'blocking-issues': 'No blocking issues',
};

const na = (reason: string): Decided => ({ status: 'n/a', reason });
const fmt = (n: number) => String(Math.round(n * 100) / 100);

const DECIDE: Record<CheckId, (f: Figures, s: Settings) => Decided> = {
  'pr-checks': (f) => {
    const p = f.pullRequestChecks;
    if (isNotAvailable(p)) return na(p.reason);
    const failing = p.failingNumbers.map((n) => `#${n}`).join(', ');
    return p.failing > 0
      ? {
          status: 'fail',
          value: p.failing,
          threshold: 0,
          reason: `${p.failing} of ${p.checked} with failing checks${failing ? `: ${failing}` : ''}`,
        }
      : { status: 'pass', value: 0, threshold: 0, reason: `${p.checked} checked, none failing` };
  },
  coverage: (f, s) => {
    const c = f.coverage;
    if (isNotAvailable(c)) return na(c.reason);
    if (isNotAvailable(c.current)) return na(c.current.reason);
    const min = s.thresholds.coverage;
    const value = c.current;
    if (value < min)
      return { status: 'fail', value, threshold: min, reason: `${fmt(value)} % is below ${fmt(min)} %` };
    if (c.change !== null && c.change < 0) {
      return {
        status: 'warn',
        value,
        threshold: min,
        reason: `above ${fmt(min)} % but down ${fmt(-c.change)} points on the week`,
      };
    }
    return { status: 'pass', value, threshold: min, reason: `${fmt(value)} % ≥ ${fmt(min)} %` };
  },
  tests: (f, s) => {
    const t = f.tests;
    if (isNotAvailable(t)) return na(t.reason);
    const min = s.thresholds.tests_pass_rate;
    if (t.latestConclusion === null || t.passRate === null)
      return na('no completed default-branch workflow run in the window');
    if (t.latestConclusion !== 'success') {
      return {
        status: 'fail',
        value: t.latestConclusion,
        threshold: 'success',
        reason: `the latest default-branch run ended ${t.latestConclusion}`,
      };
    }
    if (t.passRate < min) {
      return {
        status: 'warn',
        value: t.passRate,
        threshold: min,
        reason: `the latest run passed, but only ${fmt(t.passRate)} % of the week's runs did`,
      };
    }
    return {
      status: 'pass',
      value: t.passRate,
      threshold: min,
      reason: `latest run passed; ${fmt(t.passRate)} % of ${t.runs} runs passed`,
    };
  },
  security: (f, s) => {
    const parts = [f.security.codeScanning, f.security.dependabot];
    const read = parts.filter(isAvailable);
    if (read.length === 0) return na(parts.map((p) => (isNotAvailable(p) ? p.reason : '')).join('; '));
    const critical = read.reduce((sum, p) => sum + (p.bySeverity.critical ?? 0), 0);
    const high = read.reduce((sum, p) => sum + (p.bySeverity.high ?? 0), 0);
    const max = s.thresholds.critical_alerts;
    const unread = parts.filter(isNotAvailable).map((p) => p.reason);
    if (critical > max)
      return {
        status: 'fail',
        value: critical,
        threshold: max,
        reason: `${critical} open critical alert(s)`,
      };
    if (unread.length > 0)
      return {
        status: 'warn',
        value: critical,
        threshold: max,
        reason: `no critical alert among those read; not read: ${unread.join('; ')}`,
      };
    if (high > 0)
      return { status: 'warn', value: critical, threshold: max, reason: `no critical alert, ${high} high` };
    return { status: 'pass', value: critical, threshold: max, reason: 'no open critical alert' };
  },
  performance: (f, s) => {
    const p = f.performance;
    if (isNotAvailable(p)) return na(p.reason);
    const tolerance = s.thresholds.performance_percent;
    if (p.worstChangePercent === null)
      return na('no benchmark has a run in both this week and the week before');
    const worst = p.worstChangePercent;
    return worst > tolerance
      ? {
          status: 'fail',
          value: worst,
          threshold: tolerance,
          reason: `a benchmark regressed ${fmt(worst)} % (more than ${fmt(tolerance)} %)`,
        }
      : {
          status: 'pass',
          value: worst,
          threshold: tolerance,
          reason: `every benchmark within ${fmt(tolerance)} % of last week`,
        };
  },
  documentation: (f) => {
    const d = f.changes.documentation;
    if (isNotAvailable(d)) return na(d.reason);
    return d.commits > 0
      ? {
          status: 'pass',
          value: d.commits,
          reason: `${d.commits} commit(s) changed ${d.files} documentation file(s)`,
        }
      : { status: 'fail', value: 0, reason: 'no commit in the window changed the documentation' };
  },
  changelog: (f) => {
    const c = f.changes.changelog;
    if (isNotAvailable(c)) return na(c.reason);
    return c.commits > 0
      ? { status: 'pass', value: c.commits, reason: `${c.file} changed in ${c.commits} commit(s)` }
      : { status: 'fail', value: 0, reason: `${c.file} did not change in the window` };
  },
  'blocking-issues': (f) => {
    const b = f.blockingIssues;
    if (isNotAvailable(b)) return na(b.reason);
    const named = b.issues.map((i) => `#${i.number}`).join(', ');
    return b.open > 0
      ? {
          status: 'fail',
          value: b.open,
          threshold: 0,
          reason: `${b.open} open issue(s) labelled ${b.label}${named ? `: ${named}` : ''}`,
        }
      : { status: 'pass', value: 0, threshold: 0, reason: `no open issue labelled ${b.label}` };
  },
};

/** The verdict of a list of checks (see the rule above). */
export function verdictOf(checks: readonly Pick<Check, 'status' | 'required'>[]): ReportVerdict {
  if (checks.some((c) => c.required && c.status === 'fail')) return 'red';
  const worrying = (c: Pick<Check, 'status' | 'required'>) =>
    c.status === 'warn' || c.status === 'fail' || (c.required && c.status === 'n/a');
  return checks.some(worrying) ? 'yellow' : 'green';
}

/** Decides the eight checks and the verdict from a snapshot's figures. */
export function decideCheckpoint(
  figures: Figures,
  settings: Settings,
  ids: readonly CheckId[] = Object.keys(TITLES) as CheckId[],
): Checkpoint {
  const required = new Set(settings.required);
  const checks: Check[] = ids.map((id) => {
    const decided = DECIDE[id](figures, settings);
    return { id, title: TITLES[id], required: required.has(id), ...decided };
  });
  return { verdict: verdictOf(checks), checks };
}

export type { CheckStatus };
