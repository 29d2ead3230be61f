// API calls of the weekly report for a busy week, beside issue-metrics' for the same week.
//
// The bundled report action (dist/report.js) runs as the runner starts it against the GitHub
// stand-in (test/report/action-report.test.ts, the busy week of test/report/busy-week.ts: 300
// merged pull requests, 360 commits, 200 workflow runs, 40 code-scanning and 40 Dependabot alerts,
// deployments, a sprint milestone, gate and perf history), which counts every request.
//
// issue-metrics (github/issue-metrics, issue_metrics.py get_per_issue_metrics) searches with
// per_page=100, then for each pull request found calls pull_request() (GET the pull), the issue's
// events() (time to ready for review), comments() and the pull's reviews() (time to first
// response): 4 REST calls per pull request plus the search pages. It reads fewer kinds of figures;
// the row is the cost of reading the same week's pull requests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { row } from './measure.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'shipkit-report-api-bench-'));
const out = join(dir, 'counts.json');
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    'test/report/action-report.test.ts',
    '-t',
    'at most 50',
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SHIPKIT_REPORT_BENCH: out } },
);
const got = JSON.parse(readFileSync(out, 'utf8'));
rmSync(dir, { recursive: true, force: true });
const issueMetrics = 4 * got.mergedPullRequests + Math.ceil(got.mergedPullRequests / 100);
console.log(
  `busy week: ${got.mergedPullRequests} merged pull requests, ${got.runs} workflow runs, ${got.alerts} alerts`,
);
row('report action: API calls (reads and writes)', got.calls, 'calls', 'issue-metrics', issueMetrics);
row('  of which GraphQL queries', got.graphql, 'calls');
row('issue-metrics for the same pull requests', issueMetrics, 'calls');
row('report action: whole run (node start-up included)', got.actionMs, 'ms');
