import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHub, type GitHub } from '../../src/github/client.js';
import { collectFromGitHub } from '../../src/github/report-collect.js';
import { REPORT_RETRIES } from '../../src/github/report-section.js';
import { type GitData, gitData } from '../harness/git-data.js';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { githubReleases } from '../harness/github-releases.js';
import { serveReportWorld } from '../harness/github-report.js';
import { IssuesState } from '../plan/issues-state.js';
import { busyWorld, seedDataBranch, seedSprint, WINDOW } from './busy-week.js';

const ref = { owner: 'acme', repo: 'app' };
let api: GitHubApi;
let data: GitData;
let gh: GitHub;

beforeEach(async () => {
  api = await startGitHubApi();
  data = gitData(api, ref);
  gh = getOctokit('ghs_test', { baseUrl: api.url });
});
afterEach(async () => {
  data.close();
  await api.close();
});

const collect = (warn: (m: string) => void = () => {}) =>
  collectFromGitHub(gh, ref, {
    window: WINDOW,
    dataBranch: 'shipkit-data',
    blockingLabel: 'blocker',
    pointsPrefix: 'points:',
    warn,
  });

describe('the report collectors against the stand-in', () => {
  it('reads a busy week (300 merged pull requests, 200 runs, 40 + 40 alerts) in at most 50 calls', async () => {
    const world = busyWorld();
    serveReportWorld(api, ref, world, data);
    seedSprint(new IssuesState(api, ref.owner, ref.repo));
    seedDataBranch(data, world);
    const releases = await githubReleases(api, ref);
    const r = releases.addRelease({ tag: 'v2.4.0', name: 'v2.4.0' });
    r.created_at = r.published_at = '2026-11-26T15:00:00Z';
    releases.addRelease({ tag: 'v2.3.0' }).published_at = '2026-11-10T15:00:00Z';
    const got = await collect();
    api.assertNoViolations();
    expect(api.calls.length).toBeLessThanOrEqual(50);
    expect(got.activity).toMatchObject({
      commits: 360,
      authors: 12,
      pullRequestsMerged: 300,
      issuesOpened: 30,
    });
    expect(got.pullRequestChecks).toMatchObject({ checked: 300, failing: 6 });
    expect(got.blockingIssues).toMatchObject({ open: 2, label: 'blocker' });
    expect(got.tests).toMatchObject({ runs: 200 });
    expect(got.security.codeScanning).toMatchObject({
      open: 40,
      bySeverity: { critical: 2, high: 8, warning: 20, error: 10 },
    });
    expect(got.security.dependabot).toMatchObject({
      open: 40,
      bySeverity: { critical: 1, high: 14, medium: 25 },
    });
    expect(got.velocity).toMatchObject({
      milestone: 'Sprint 12',
      closedIssues: 6,
      openIssues: 4,
      pointsClosed: 12,
      pointsTotal: 20,
    });
    expect(got.deployments).toMatchObject({ count: 4, byEnvironment: { production: 3, staging: 1 } });
    expect(got.history).toMatchObject({ gate: expect.any(Array), perf: expect.any(Array) });
    expect(got.releases).toEqual([
      { tag: 'v2.4.0', name: 'v2.4.0', date: '2026-11-26T15:00:00Z', url: expect.any(String) },
    ]);
    await releases.close();
    expect(got.tests).toMatchObject({
      byConclusion: { success: 168, failure: 25, cancelled: 7 },
      passRate: 87.05, // 168 of the 193 runs that were not cancelled
      latestConclusion: 'success',
    });
    if (!('flakiest' in (got.tests as object))) throw new Error('tests is n/a');
    expect((got.tests as { flakiest: { name: string }[] }).flakiest.map((w) => w.name)).toEqual(['E2E']);
    expect(got.deployments).toMatchObject({
      dora: {
        deploymentFrequencyPerWeek: 3,
        leadTimeHours: 1.5,
        changeFailureRate: 25,
        timeToRestoreHours: 3,
      },
    });
    expect((got.history as { perf: unknown[] }).perf).toHaveLength(21);
    const history = got.history as { gate: { commit: string }[]; snapshots: { window: { week?: string } }[] };
    expect(history.snapshots.map((s) => s.window.week)).toEqual(['2026-W47']);
    // W47's gate summaries, named by its snapshot's coverage series, are read too
    expect(history.gate.filter((g) => /^c{36}1b5[89a-e]$/.test(g.commit)).length).toBe(7);
    expect(history.gate.length).toBeGreaterThan(7);
  });
});

describe('a section GitHub refuses', () => {
  it('a 403 on Dependabot alerts and a 503 on workflow runs are n/a naming the endpoint; the rest is read', async () => {
    const world = busyWorld();
    serveReportWorld(api, ref, world, data);
    seedSprint(new IssuesState(api, ref.owner, ref.repo));
    const releases = await githubReleases(api, ref);
    api.fault({
      route: 'GET /repos/{owner}/{repo}/dependabot/alerts',
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      },
    });
    api.fault({ route: 'GET /repos/{owner}/{repo}/actions/runs', status: 503, times: 5 });
    // shipkit's own client as the report action makes it: one retry of a server error
    gh = createGitHub('ghs_test', {
      apiUrl: api.url,
      graphqlUrl: api.graphqlUrl,
      warn: () => {},
      retries: REPORT_RETRIES,
    });
    const got = await collect();
    await releases.close();
    expect(got.security.dependabot).toEqual({
      status: 'n/a',
      reason: expect.stringMatching(
        /^GET \/repos\/acme\/app\/dependabot\/alerts answered 403 .*Dependabot alerts: read/,
      ),
    });
    expect(got.tests).toEqual({
      status: 'n/a',
      reason: expect.stringMatching(/^GET \/repos\/acme\/app\/actions\/runs answered 503/),
    });
    expect(got.security.codeScanning).toMatchObject({ open: 40 });
    expect(got.activity.commits).toBe(360);
    // one retry of the server error, then n/a
    expect(api.calls.filter((c) => c.path.endsWith('/actions/runs')).map((c) => c.status)).toEqual([
      503, 503,
    ]);
  });

  it('a week without deployments has n/a DORA keys, not zeros; no data branch is no history', async () => {
    const world = busyWorld();
    world.deployments = [];
    serveReportWorld(api, ref, world, data);
    seedSprint(new IssuesState(api, ref.owner, ref.repo));
    const releases = await githubReleases(api, ref);
    const got = await collect();
    await releases.close();
    expect(got.deployments).toMatchObject({
      count: 0,
      dora: {
        deploymentFrequencyPerWeek: { status: 'n/a', reason: 'no deployment in the window' },
        leadTimeHours: { status: 'n/a' },
        changeFailureRate: { status: 'n/a' },
        timeToRestoreHours: { status: 'n/a' },
      },
    });
    expect(got.history).toMatchObject({ gate: [], perf: [], snapshots: [] });
  });
});
