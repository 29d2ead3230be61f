import type { GateSummary } from '../../src/gate/baseline.js';
import type { PerfRun } from '../../src/perf/history.js';
import { buildReport, type ReportInputs } from '../../src/report/build.js';
import type { ReportHistory } from '../../src/report/history.js';
import type { ReportSnapshot } from '../../src/report/snapshot.js';
import { weekWindow } from '../../src/report/window.js';

/** Text a commit, a title or a benchmark name may carry, meant to break a renderer or the runner. */
export const HOSTILE =
  '<script>alert(1)</script> {{constructor}} ::error::owned @channel @here & <!channel> `x` *b* [l](javascript:x)';

const DAY = 86_400_000;

/** 52 weeks of stored gate and perf history ending with `week`, one gate summary and perf run a day. */
export function history(
  week = '2026-W49',
  days = 364,
  benchmarks = 3,
  name = (i: number) => `bench ${i}`,
): ReportHistory {
  const end = Date.parse(weekWindow(week).to);
  const gate: GateSummary[] = [];
  const perf: PerfRun[] = [];
  for (let d = days; d >= 1; d--) {
    const at = new Date(end - d * DAY + 3_600_000).toISOString();
    const commit = d.toString(16).padStart(40, '0');
    const pct = 80 + ((days - d) % 17) / 2;
    gate.push({
      schemaVersion: 1,
      commit,
      createdAt: at,
      coverage: { lines: { covered: pct * 10, total: 1000, pct }, files: {}, formats: ['lcov'] },
    });
    const metrics: PerfRun['metrics'] = {};
    for (let b = 0; b < benchmarks; b++) {
      metrics[name(b)] = { unit: 'ms', direction: 'smaller', median: 10 + b + ((days - d) % 5) / 10, n: 5 };
    }
    perf.push({ schemaVersion: 1, commit, createdAt: at, tool: 'vitest', metrics });
  }
  return { gate, perf, snapshots: [], source: 'shipkit-data (test)' };
}

/** Inputs for every section, as the git and GitHub collectors would hand them over. */
export function fullInputs(text = 'CI', week = '2026-W49'): ReportInputs {
  const window = weekWindow(week);
  const src = 'GET /test';
  return {
    window,
    generatedAt: '2026-12-07T17:17:00Z',
    repository: 'octo-org/octo-repo',
    defaultBranch: 'main',
    runUrl: 'https://github.com/octo-org/octo-repo/actions/runs/42',
    activity: {
      commits: 31,
      authors: 4,
      pullRequestsMerged: 9,
      pullRequestsOpened: 11,
      issuesOpened: 5,
      issuesClosed: 7,
      sources: { commits: 'git log main' },
    },
    releases: [
      {
        tag: `v1.2.0-${text}`,
        date: '2026-12-02T10:00:00Z',
        url: 'https://github.com/octo-org/octo-repo/releases/tag/v1.2.0',
        name: text,
      },
    ],
    history: history(week),
    tests: {
      runs: 40,
      byConclusion: { success: 38, failure: 2 },
      passRate: 95,
      slowest: [{ name: text, runs: 20, failures: 1, medianSeconds: 300, flaky: 1 }],
      flakiest: [{ name: text, runs: 20, failures: 1, medianSeconds: 300, flaky: 1 }],
      latestConclusion: 'success',
      source: src,
    },
    security: {
      codeScanning: { open: 3, bySeverity: { high: 1, medium: 2 }, source: src },
      dependabot: {
        status: 'n/a',
        reason:
          'GET /repos/o/r/dependabot/alerts answered 403: grant `security-events: read` or use a token with it',
      },
    },
    deployments: { status: 'n/a', reason: 'no deployment in the window' },
    velocity: {
      milestone: `Sprint 7 ${text}`,
      closedIssues: 12,
      openIssues: 3,
      pointsClosed: 21,
      pointsTotal: 30,
      source: src,
    },
    changes: {
      documentation: { commits: 2, files: 3, source: 'git log' },
      changelog: { commits: 1, file: 'CHANGELOG.md', source: 'git log' },
    },
    pullRequestChecks: { checked: 9, failing: 0, failingNumbers: [], source: src },
    blockingIssues: { open: 1, label: 'blocker', issues: [{ number: 12, title: text }], source: src },
  };
}

export function fullSnapshot(text = 'CI'): ReportSnapshot {
  return buildReport(fullInputs(text));
}
