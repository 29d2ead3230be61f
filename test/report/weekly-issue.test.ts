import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHub } from '../../src/github/client.js';
import { publishWeeklyIssue, REPORT_LABEL, weekMarker } from '../../src/github/report-issue.js';
import { type GitData, gitData } from '../harness/git-data.js';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { emptyWorld, serveReportWorld } from '../harness/github-report.js';
import { IssuesState } from '../plan/issues-state.js';

const ref = { owner: 'acme', repo: 'app' };
const branch = { ...ref, branch: 'shipkit-data' };
let api: GitHubApi;
let data: GitData;
let issues: IssuesState;
let gh: GitHub;

beforeEach(async () => {
  api = await startGitHubApi();
  data = gitData(api, ref);
  issues = new IssuesState(api, ref.owner, ref.repo);
  serveReportWorld(api, ref, emptyWorld(), data);
  gh = getOctokit('ghs_test', { baseUrl: api.url });
  data.setBranch('shipkit-data', data.commit('data', { 'gate/README': 'x\n' }));
});
afterEach(async () => {
  api.assertNoViolations();
  data.close();
  await api.close();
});

const publish = (runId: string, body = 'the report') =>
  publishWeeklyIssue(gh, ref, branch, {
    key: '2026-W48',
    title: 'Weekly report 2026-W48: green',
    body,
    runId,
    pollMs: 20,
    waitMs: 10_000,
  });

describe('one issue per report week', () => {
  it('two runs at once: one claims the week and creates the issue, the other waits and updates it', async () => {
    const [a, b] = await Promise.all([publish('run-a', 'from a'), publish('run-b', 'from b')]);
    expect(issues.issues).toHaveLength(1);
    expect(a.number).toBe(b.number);
    expect([a.action, b.action].sort()).toEqual(['created', 'updated']);
    // both tried to move the branch from the same tip; GitHub refused the second (not a fast forward)
    const refMoves = api.calls.filter((c) => c.method === 'PATCH' && c.path.includes('/git/refs/'));
    expect(refMoves.map((c) => c.status)).toContain(422);
    expect(JSON.parse(data.files('shipkit-data')['report/issues/2026-W48.json'] ?? '{}')).toMatchObject({
      issue: a.number,
    });
    expect(issues.issues[0]?.body).toMatch(new RegExp(`^${weekMarker('2026-W48')}\\nfrom [ab]$`));
  });

  it('a claim left by a run that died is taken over once stale; its issue, found by the marker, is adopted', async () => {
    const old = issues.addIssue({
      title: 'Weekly report 2026-W48: yellow',
      body: `${weekMarker('2026-W48')}\nold`,
      labels: [REPORT_LABEL],
    });
    const claim = JSON.stringify({ claimedBy: 'dead-run', at: '2026-11-30T17:17:00Z' });
    const tip = data.branch('shipkit-data') as string;
    data.setBranch(
      'shipkit-data',
      data.commit('claim', { 'report/issues/2026-W48.json': `${claim}\n` }, [tip]),
    );
    const got = await publish('run-c', 'new');
    expect(got).toMatchObject({ number: old.number, action: 'updated' });
    expect(issues.issues).toHaveLength(1);
    expect(issues.issues[0]?.body).toBe(`${weekMarker('2026-W48')}\nnew`);
  });

  it('a fresh claim whose run never records an issue makes a waiting run fail with one line, creating nothing', async () => {
    const claim = JSON.stringify({ claimedBy: 'slow-run', at: new Date().toISOString() });
    const tip = data.branch('shipkit-data') as string;
    data.setBranch(
      'shipkit-data',
      data.commit('claim', { 'report/issues/2026-W48.json': `${claim}\n` }, [tip]),
    );
    await expect(
      publishWeeklyIssue(gh, ref, branch, {
        key: '2026-W48',
        title: 't',
        body: 'b',
        runId: 'run-d',
        pollMs: 10,
        waitMs: 50,
      }),
    ).rejects.toThrow(
      /^shipkit-data:report\/issues\/2026-W48.json: run slow-run claimed the week's issue at .* re-run this job later$/,
    );
    expect(issues.issues).toHaveLength(0);
  });
});
