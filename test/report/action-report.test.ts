import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/report/json.js';
import { type ReportRepo, reportRepo, runReport } from './report-world.js';

let repo: ReportRepo | undefined;
afterEach(async () => {
  await repo?.close();
  repo = undefined;
});

const reportIssues = (r: ReportRepo) => r.issues.issues.filter((i) => i.labels.includes('shipkit-report'));

describe('actions/report (bundled) against the stand-in', () => {
  it('reports a busy week in at most 50 API calls: files, summary, snapshot on the data branch, one issue', async () => {
    repo = await reportRepo();
    const result = await runReport(repo);
    expect(result.stderr).toBe('');
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    repo.api.assertNoViolations();
    expect(repo.api.calls.length).toBeLessThanOrEqual(50);
    const out = result.outputs['out-dir'] as string;
    const snapshot = parseSnapshot(await readFile(join(out, 'report.json'), 'utf8'), 'report.json');
    expect(snapshot.window).toEqual({
      from: '2026-11-23T00:00:00Z',
      to: '2026-11-30T00:00:00Z',
      week: '2026-W48',
    });
    expect(snapshot.activity).toMatchObject({ commits: 360, authors: 12, pullRequestsMerged: 300 });
    expect(snapshot.security.dependabot).toMatchObject({ open: 40 });
    // this week's last gate summary, and last week's (read through W47's stored snapshot)
    // (88.975: the gate summary of commit 360, the window's last; 78: W47's last day)
    expect(snapshot.coverage).toMatchObject({ current: 88.975, previous: 78 });
    expect((snapshot.coverage as { change: number }).change).toBeCloseTo(10.97, 1);
    expect((snapshot.coverage as { series: unknown[] }).series.length).toBeGreaterThanOrEqual(14);
    expect(snapshot.activityTrend.map((w) => w.commits)).toEqual([200, 360]);
    expect(result.outputs.verdict).toBe(snapshot.checkpoint.verdict);
    for (const f of ['report.md', 'report.html', 'slack.json']) await readFile(join(out, f), 'utf8');
    expect(result.summary).toBe(await readFile(join(out, 'report.md'), 'utf8'));
    // the snapshot stored on the data branch is the one written
    const stored = repo.data.files('shipkit-data')['report/2026-W48.json'];
    expect(stored).toBe(await readFile(join(out, 'report.json'), 'utf8'));
    const issues = reportIssues(repo);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.title).toBe(`Weekly report 2026-W48: ${snapshot.checkpoint.verdict}`);
    expect(issues[0]?.body).toMatch(/^<!-- shipkit:report week=2026-W48 -->\n/);
    expect(result.outputs['issue-number']).toBe(String(issues[0]?.number));
    // bench/report-api.bench.mjs runs this test and reads the count (speed is measured there, not here)
    if (process.env.SHIPKIT_REPORT_BENCH) {
      const calls = repo.api.calls;
      const bench = {
        calls: calls.length,
        reads: calls.filter((c) => c.method === 'GET' || c.route?.endsWith('/graphql')).length,
        graphql: calls.filter((c) => c.operationId?.startsWith('graphql:')).length,
        mergedPullRequests: repo.world.pulls.filter((p) => p.mergedAt).length,
        runs: repo.world.runs.filter((r) => !r.branch).length,
        alerts: repo.world.codeScanning.length + repo.world.dependabot.length,
        actionMs: result.durationMs,
      };
      await writeFile(process.env.SHIPKIT_REPORT_BENCH, `${JSON.stringify(bench)}\n`);
    }
  }, 60_000);

  it('hostile titles are text: no workflow command, no raw tag in the summary or the issue', async () => {
    repo = await reportRepo();
    const result = await runReport(repo);
    expect(result.exitCode).toBe(0);
    expect(result.commands.filter((c) => c.command !== 'add-mask')).toEqual([]);
    const issue = reportIssues(repo)[0];
    for (const text of [result.summary, issue?.body ?? '']) {
      expect(text).toContain('Release blocked by');
      expect(text).not.toContain('<script>');
    }
    const slack = await readFile(join(result.outputs['out-dir'] as string, 'slack.json'), 'utf8');
    expect(slack).not.toMatch(/(?<!\u200b)@channel|<script>/);
  }, 60_000);
});
