// A busy ISO week (2026-W48) for the report's GitHub collectors: 300 merged pull requests, 360
// commits by 12 authors, 200 workflow runs, 40 code-scanning and 40 Dependabot alerts, deployments,
// a sprint milestone, and gate and perf history on the data branch.
import { buildReport } from '../../src/report/build.js';
import { snapshotJson, snapshotPath } from '../../src/report/json.js';
import { weekWindow } from '../../src/report/window.js';
import type { GitData } from '../harness/git-data.js';
import { emptyWorld, type ReportWorld } from '../harness/github-report.js';
import type { IssuesState } from '../plan/issues-state.js';

export const WINDOW = { from: '2026-11-23T00:00:00Z', to: '2026-11-30T00:00:00Z', week: '2026-W48' };
const HOUR = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const start = Date.parse(WINDOW.from);
const sha = (i: number) => i.toString(16).padStart(40, 'c');

export function busyWorld(): ReportWorld {
  const w = emptyWorld();
  for (let i = 0; i < 360; i++) {
    w.commits.push({
      oid: sha(i + 1),
      committedDate: at(start + 1000 + i * 0.45 * HOUR),
      email: `dev${i % 12}@example.com`,
    });
  }
  // a commit outside the window (the week before) is not counted
  w.commits.push({ oid: sha(9999), committedDate: at(start - HOUR), email: 'late@example.com' });
  for (let i = 0; i < 320; i++) {
    const merged = i < 300 ? at(start + HOUR + i * 0.5 * HOUR) : null;
    w.pulls.push({
      number: 1000 + i,
      createdAt: at(start - 24 * HOUR + i * 0.55 * HOUR),
      mergedAt: merged,
      rollup: i % 50 === 7 ? 'FAILURE' : 'SUCCESS',
    });
  }
  for (let i = 0; i < 30; i++) {
    w.issues.push({
      number: 500 + i,
      title:
        i === 3
          ? 'Release blocked by <script>alert(1)</script> {{ secrets.X }} ::error::boom @channel'
          : `Issue ${i}`,
      createdAt: at(start + i * 5 * HOUR),
      closedAt: i % 3 === 0 && i !== 3 ? at(start + i * 5 * HOUR + 2 * HOUR) : null,
      labels: i === 3 || i === 4 ? ['blocker'] : [],
    });
  }
  const names = ['CI', 'Lint', 'E2E', 'Docs'];
  for (let i = 0; i < 200; i++) {
    const name = names[i % 4] as string;
    const conclusion = name === 'E2E' && i % 8 === 2 ? 'failure' : i % 25 === 0 ? 'cancelled' : 'success';
    w.runs.push({
      name,
      headSha: sha(1 + Math.floor(i / 4)),
      conclusion,
      createdAt: at(start + 2 * HOUR + i * 0.8 * HOUR),
      seconds: { CI: 300, Lint: 60, E2E: 900, Docs: 120 }[name] as number,
      attempt: name === 'E2E' && i % 16 === 6 ? 2 : 1,
    });
  }
  // a pull request's run is not on the default branch
  w.runs.push({
    name: 'CI',
    headSha: sha(77),
    conclusion: 'failure',
    createdAt: at(start + 3 * HOUR),
    seconds: 10,
    branch: 'feature',
  });
  for (let i = 0; i < 40; i++) {
    w.codeScanning.push({
      severity: i < 30 ? 'warning' : 'error',
      securitySeverity: i < 2 ? 'critical' : i < 10 ? 'high' : undefined,
    });
    w.dependabot.push({ severity: i < 1 ? 'critical' : i < 15 ? 'high' : 'medium' });
  }
  w.deployments.push(
    {
      environment: 'production',
      createdAt: at(start + 10 * HOUR),
      state: 'SUCCESS',
      statusAt: at(start + 10.5 * HOUR),
      commitDate: at(start + 8 * HOUR),
    },
    {
      environment: 'production',
      createdAt: at(start + 30 * HOUR),
      state: 'FAILURE',
      statusAt: at(start + 30.5 * HOUR),
      commitDate: at(start + 28 * HOUR),
    },
    {
      environment: 'production',
      createdAt: at(start + 33 * HOUR),
      state: 'SUCCESS',
      statusAt: at(start + 33.5 * HOUR),
      commitDate: at(start + 32 * HOUR),
    },
    {
      environment: 'staging',
      createdAt: at(start + 50 * HOUR),
      state: 'SUCCESS',
      statusAt: at(start + 50.25 * HOUR),
      commitDate: at(start + 49 * HOUR),
    },
    {
      environment: 'production',
      createdAt: at(start - 30 * HOUR),
      state: 'SUCCESS',
      statusAt: at(start - 29 * HOUR),
      commitDate: at(start - 31 * HOUR),
    },
  );
  return w;
}

/** Sprint 12 (holds the window's last day) with 10 issues, 6 closed, 2 points each. */
export function seedSprint(issues: IssuesState): void {
  const m = issues.addMilestone({
    title: 'Sprint 12',
    description:
      'Sprint 12: 2026-11-16 – 2026-12-04 (shipkit plan).\n<!-- shipkit:plan sprint=12 start=2026-11-16 end=2026-12-04 -->',
    due_on: '2026-12-04T08:00:00Z',
  });
  issues.addMilestone({
    title: 'Sprint 11',
    description: '<!-- shipkit:plan sprint=11 start=2026-10-26 end=2026-11-13 -->',
  });
  for (let i = 0; i < 10; i++) {
    issues.addIssue({
      title: `task ${i}`,
      milestone: m.number,
      labels: ['points:2'],
      state: i < 6 ? 'closed' : 'open',
      closed_at: i < 6 ? '2026-11-25T10:00:00Z' : null,
    });
  }
}

const gateSummary = (commit: string, createdAt: string, pct: number) =>
  `${JSON.stringify({
    schemaVersion: 1,
    commit,
    createdAt,
    coverage: { lines: { covered: pct * 10, total: 1000, pct }, files: {}, formats: ['lcov'] },
  })}\n`;

/**
 * Gate summaries of commits in the window (one per 40 commits), a perf run a day for three weeks,
 * and the week before (W47) as actions/report stored it: its snapshot, whose coverage series names
 * the commits of W47's gate summaries (78 % on its last day).
 */
export function seedDataBranch(data: GitData, world: ReportWorld): void {
  const files: Record<string, string> = {};
  const before = weekWindow('2026-W47');
  const earlier = Array.from({ length: 7 }, (_, d) => ({
    schemaVersion: 1 as const,
    commit: sha(7000 + d),
    createdAt: at(Date.parse(before.from) + d * 24 * HOUR + 15 * HOUR),
    coverage: {
      lines: { covered: 750 + d * 5, total: 1000, pct: 75 + d * 0.5 },
      files: {},
      formats: ['lcov'],
    },
  }));
  for (const g of earlier) {
    files[`gate/${g.commit.slice(0, 2)}/${g.commit}.json`] = gateSummary(
      g.commit,
      g.createdAt,
      g.coverage.lines.pct,
    );
  }
  const past = buildReport({
    window: before,
    generatedAt: before.to,
    activity: { commits: 200, authors: 10, pullRequestsMerged: 150 },
    history: { gate: earlier, perf: [], snapshots: [], source: 'shipkit-data' },
  });
  files[snapshotPath(before)] = snapshotJson(past);
  world.commits.slice(0, 360).forEach((c, i) => {
    if (i % 40 !== 39) return;
    files[`gate/${c.oid.slice(0, 2)}/${c.oid}.json`] = gateSummary(c.oid, c.committedDate, 80 + i / 40);
  });
  for (let d = 0; d < 21; d++) {
    const created = new Date(start - 14 * 24 * HOUR + d * 24 * HOUR + 12 * HOUR).toISOString();
    const run = {
      schemaVersion: 1,
      commit: sha(5000 + d),
      createdAt: created,
      tool: 'hyperfine',
      metrics: {
        'parse big file': { unit: 'ms', direction: 'smaller', median: 100 + (d >= 14 ? 8 : 0), n: 10 },
      },
    };
    files[`perf/${created.replace(/[:.]/g, '-')}-${run.commit}.json`] = `${JSON.stringify(run)}\n`;
  }
  data.setBranch('shipkit-data', data.commit('history', files));
}
