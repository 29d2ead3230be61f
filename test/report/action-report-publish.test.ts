import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/report/json.js';
import { type ClaudeServer, startClaudeServer, toolUse } from '../plan/claude-server.js';
import { type ReportRepo, reportRepo, runReport } from './report-world.js';
import { type SlackServer, startSlack } from './slack-server.js';

let repo: ReportRepo | undefined;
let slack: SlackServer | undefined;
let claude: ClaudeServer | undefined;
afterEach(async () => {
  await repo?.close();
  await slack?.close();
  await claude?.close();
  repo = slack = claude = undefined;
});

const reportIssues = (r: ReportRepo) => r.issues.issues.filter((i) => i.labels.includes('shipkit-report'));
const snapshots = (r: ReportRepo) =>
  Object.keys(r.data.files('shipkit-data')).filter((p) => /^report\/[^/]+\.json$/.test(p));

describe('publishing the week (bundled action, stand-in)', () => {
  it('a re-run of the same week updates the one issue and replaces the one snapshot', async () => {
    repo = await reportRepo();
    const first = await runReport(repo);
    expect(first.exitCode).toBe(0);
    repo.world.commits.push({
      oid: 'f'.repeat(40),
      committedDate: '2026-11-29T20:00:00Z',
      email: 'new@example.com',
    });
    const second = await runReport(repo);
    expect(second.stderr).toBe('');
    expect(second.exitCode).toBe(0);
    expect(reportIssues(repo)).toHaveLength(1);
    expect(second.outputs['issue-number']).toBe(first.outputs['issue-number']);
    expect(snapshots(repo)).toEqual(['report/2026-W47.json', 'report/2026-W48.json']);
    const stored = parseSnapshot(repo.data.files('shipkit-data')['report/2026-W48.json'] ?? '', 'stored');
    expect(stored.activity.commits).toBe(361);
    expect(reportIssues(repo)[0]?.body).toContain('361');
    repo.api.assertNoViolations();
  }, 90_000);

  it('two runs at once leave one issue', async () => {
    repo = await reportRepo();
    const [a, b] = await Promise.all([runReport(repo), runReport(repo)]);
    expect([a.exitCode, b.exitCode, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    expect(reportIssues(repo)).toHaveLength(1);
    expect(a.outputs['issue-number']).toBe(b.outputs['issue-number']);
    expect(snapshots(repo)).toEqual(['report/2026-W47.json', 'report/2026-W48.json']);
    repo.api.assertNoViolations();
  }, 120_000);

  it('a 403 on Dependabot alerts and a 5xx on code scanning are n/a in the report, not a failed run', async () => {
    repo = await reportRepo();
    repo.api.fault({
      route: 'GET /repos/{owner}/{repo}/dependabot/alerts',
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      },
    });
    repo.api.fault({ route: 'GET /repos/{owner}/{repo}/code-scanning/alerts', status: 502, times: 2 });
    const result = await runReport(repo);
    expect(result.exitCode).toBe(0);
    const snapshot = parseSnapshot(await readFile(result.outputs.snapshot as string, 'utf8'), 'report.json');
    expect(snapshot.security.dependabot).toMatchObject({
      status: 'n/a',
      reason: expect.stringMatching(/dependabot\/alerts answered 403 .*Dependabot alerts: read/),
    });
    expect(snapshot.security.codeScanning).toMatchObject({
      status: 'n/a',
      reason: expect.stringMatching(/code-scanning\/alerts answered 502/),
    });
    expect(result.summary).toMatch(/Dependabot alerts: read/);
    // the security check cannot pass on an unknown input
    expect(snapshot.checkpoint.checks.find((c) => c.id === 'security')?.status).not.toBe('pass');
  }, 60_000);

  it('posts slack.json to the webhook, retrying a 429, and never prints the URL', async () => {
    repo = await reportRepo();
    slack = await startSlack([{ status: 429, body: 'rate_limited', retryAfter: 1 }]);
    const result = await runReport(repo, { 'slack-webhook': slack.url });
    expect(result.exitCode).toBe(0);
    expect(slack.posts).toHaveLength(2);
    expect(slack.posts[1]?.body).toBe(
      await readFile(join(result.outputs['out-dir'] as string, 'slack.json'), 'utf8'),
    );
    expect(result.masks).toContain(slack.url);
    const printed = `${result.stdout}\n${result.stderr}`.replaceAll(`::add-mask::${slack.url}`, '');
    expect(printed).not.toContain('xoxSecretToken123');
    expect(result.warnings.map((w) => w.message)).toContain(
      'the Slack webhook answered 429 rate_limited; retrying in 1 s',
    );
  }, 60_000);

  it('a Slack 400 invalid_blocks fails the step with one line, after the files and the issue', async () => {
    repo = await reportRepo();
    slack = await startSlack([{ status: 400, body: 'invalid_blocks' }]);
    const result = await runReport(repo, { 'slack-webhook': slack.url });
    expect(result.exitCode).toBe(1);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^the Slack webhook refused the report: 400 invalid_blocks/),
    ]);
    expect(reportIssues(repo)).toHaveLength(1);
    const printed = `${result.stdout}\n${result.stderr}`.replaceAll(`::add-mask::${slack.url}`, '');
    expect(printed).not.toContain('xoxSecretToken123');
  }, 60_000);

  it('fail-on red exits 1 on a red checkpoint, after publishing', async () => {
    repo = await reportRepo((w) => {
      // every default-branch run failed: tests fail
      for (const r of w.runs) r.conclusion = 'failure';
    });
    const result = await runReport(repo, { 'fail-on': 'red' });
    expect(result.outputs.verdict).toBe('red');
    expect(result.exitCode).toBe(1);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^the weekly checkpoint is red \(fail-on: red\)/),
    ]);
    expect(reportIssues(repo)).toHaveLength(1);
  }, 60_000);

  it('assist: Claude drafts the narrative from the snapshot; its text is data in every format', async () => {
    repo = await reportRepo();
    claude = await startClaudeServer();
    claude.reply(
      toolUse('weekly_narrative', { summary: 'A busy week. <script>alert(1)</script> ::error::no @channel' }),
    );
    const result = await runReport(
      repo,
      { assist: 'true', 'anthropic-api-key': 'sk-ant-test' },
      { ANTHROPIC_BASE_URL: claude.url },
    );
    expect(result.exitCode).toBe(0);
    expect(claude.problems).toEqual([]);
    const prompt = (claude.requests[0]?.body.messages as { content: string }[])[0]?.content;
    expect(prompt).toContain('"pullRequestsMerged":300');
    const out = result.outputs['out-dir'] as string;
    const snapshot = parseSnapshot(await readFile(join(out, 'report.json'), 'utf8'), 'report.json');
    expect(snapshot.narrative?.text).toBe('A busy week. <script>alert(1)</script> ::error::no @channel');
    expect(result.summary).toContain('A busy week.');
    for (const f of ['report.md', 'report.html', 'slack.json']) {
      expect(await readFile(join(out, f), 'utf8')).not.toContain('<script>alert(1)');
    }
    expect(result.commands.filter((c) => c.command !== 'add-mask')).toEqual([]);
  }, 60_000);

  it('a token that may not write the data branch fails in one line naming the permission, after the files', async () => {
    repo = await reportRepo();
    repo.api.fault({
      route: 'POST /repos/{owner}/{repo}/git/trees',
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      },
    });
    const result = await runReport(repo);
    expect(result.exitCode).toBe(1);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^GitHub refused to write shipkit-data \(403: Resource not accessible by integration\)\. Give the job `permissions:` `contents: write`, or set `store-snapshot: false`/,
      ),
    ]);
    expect(result.summary).toContain('2026-W48');
    await readFile(join(result.outputs['out-dir'] as string, 'report.html'), 'utf8');
    expect(reportIssues(repo)).toHaveLength(0);
  }, 60_000);
});
