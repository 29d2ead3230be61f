import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { parseSnapshot, snapshotJson, snapshotPath } from '../../src/report/json.js';
import { weekWindow } from '../../src/report/window.js';
import { shipkit } from '../harness/cli.js';
import type { ReportWorld } from '../harness/github-report.js';
import { busyWorld } from './busy-week.js';
import { type DatedCommit, datedRepo, git } from './git-repo.js';
import { REF, type ReportRepo, reportRepo, runReport } from './report-world.js';

let repo: ReportRepo | undefined;
afterEach(async () => {
  await repo?.close();
  repo = undefined;
});

/**
 * The busy week (2026-W48) as a real git history: the stand-in's commits are the clone's commits
 * (same SHAs, dates and authors), so the gate summaries on the data branch name commits both
 * sides know. A documentation change, a CHANGELOG change and the v2.4.0 tag are in the week.
 */
function busyHistory(): DatedCommit[] {
  const commits = busyWorld().commits;
  const late = commits.pop() as (typeof commits)[number]; // the week before: first in history
  const files: Record<number, Record<string, string>> = {
    5: { 'docs/guide.md': 'how to\n' },
    9: { 'CHANGELOG.md': '## 2.4.0\n' },
  };
  return [late, ...commits].map(
    (c, i): DatedCommit => ({
      subject: i === 0 ? 'chore: last week' : `feat: change ${i} (#${999 + i})`,
      at: c.committedDate,
      email: c.email,
      ...(files[i] ? { files: files[i] } : {}),
      ...(i === 120 ? { tag: { name: 'v2.4.0' } } : {}),
    }),
  );
}

/** The world's commits replaced by the clone's, in the world's order (the late one last). */
function fromClone(dir: string) {
  const log = git(dir, 'log', '--reverse', '--format=%H %cI %aE', 'main').trim().split('\n');
  const real = log.map((line) => {
    const [oid = '', at = '', email = ''] = line.split(' ');
    return { oid, committedDate: new Date(at).toISOString().replace(/\.000Z$/, 'Z'), email };
  });
  return (w: ReportWorld) => {
    w.commits = [...real.slice(1), real[0] as (typeof real)[number]];
  };
}

/** A clone of `source` in the action's workspace (origin/HEAD set, as `git clone` leaves it). */
function cloneInto(source: string, workspace: string): void {
  execFileSync('git', ['clone', '-q', source, workspace]);
}

/**
 * `shipkit report --repo` (a token, the stand-in's API URL) in a clone and actions/report with the
 * clone as its workspace, on the same week and the same repository, must write the same
 * report.json: every figure, source, n/a reason and check. Only what labels the run differs, and
 * is removed: `generatedAt` (each run's own clock) and `runUrl` (the Actions run's page; a local
 * run has none).
 */
describe('shipkit report and actions/report agree', () => {
  const perRun = (text: string, file: string) => {
    const { generatedAt, runUrl, ...rest } = parseSnapshot(text, file);
    return { rest, generatedAt, runUrl };
  };

  async function both(repoState: ReportRepo, arm?: () => void) {
    const cliOut = mkdtempSync(join(tmpdir(), 'shipkit-report-cli-out-'));
    // publishing (snapshot on the data branch, the week's issue) is not part of the outcome and
    // would change the data branch the CLI reads at the same time
    const inputs = { out: 'action-out', 'fail-on': 'red', 'store-snapshot': 'false', issue: 'false' };
    const runAction = () => runReport(repoState, inputs);
    const week = ['--week', '2026-W48', '--repo', `${REF.owner}/${REF.repo}`];
    const runCli = () =>
      shipkit(['report', ...week, '--out', cliOut, '--fail-on', 'red'], repoState.workspace, {
        GITHUB_TOKEN: 'ghs_cli',
        GITHUB_API_URL: repoState.api.url,
        GITHUB_GRAPHQL_URL: repoState.api.graphqlUrl,
      });
    // a fault is armed before each run in turn (the stand-in counts matching calls across both)
    const inTurn = async <T>(run: () => Promise<T>) => {
      arm?.();
      return run();
    };
    const [action, cli] = arm
      ? [await inTurn(runAction), await inTurn(runCli)]
      : await Promise.all([runAction(), runCli()]);
    const actionJson = readFileSync(join(repoState.workspace, 'action-out', 'report.json'), 'utf8');
    const cliJson = readFileSync(join(cliOut, 'report.json'), 'utf8');
    return { action, cli, actionReport: perRun(actionJson, 'action'), cliReport: perRun(cliJson, 'cli') };
  }

  it('the same report.json and verdict for a red week read through the API', async () => {
    const source = datedRepo(busyHistory());
    repo = await reportRepo(fromClone(source));
    cloneInto(source, repo.workspace);
    const { action, cli, actionReport, cliReport } = await both(repo);
    expect(cli.stderr).toBe('');
    expect(action.stderr).toBe('');
    expect(cliReport.rest).toEqual(actionReport.rest);
    // what was stripped is what labels the run
    expect(actionReport.runUrl).toBe('https://github.com/acme/app/actions/runs/1');
    expect(cliReport.runUrl).toBeUndefined();
    // a red week: the action's output and the CLI's --fail-on red exit code say the same
    expect(actionReport.rest.checkpoint.verdict).toBe('red');
    expect(action.outputs.verdict).toBe('red');
    expect([action.exitCode, cli.code]).toEqual([1, 1]);
    // the figures are real on both sides, not two equal n/a
    expect(actionReport.rest.activity).toMatchObject({ commits: 360, authors: 12, pullRequestsMerged: 300 });
    expect(actionReport.rest.coverage).toMatchObject({ previous: 78 });
    expect(actionReport.rest.changes).toMatchObject({
      documentation: { commits: 1, files: 1 },
      changelog: { commits: 1, file: 'CHANGELOG.md' },
    });
    repo.api.assertNoViolations();
  }, 60_000);

  it('the same report.json when the clone has also fetched the data branch', async () => {
    const source = datedRepo(busyHistory());
    repo = await reportRepo(fromClone(source));
    cloneInto(source, repo.workspace);
    git(repo.workspace, 'fetch', '-q', repo.data.dir, 'shipkit-data:refs/remotes/origin/shipkit-data');
    const { action, cli, actionReport, cliReport } = await both(repo);
    expect([action.stderr, cli.stderr]).toEqual(['', '']);
    expect(cliReport.rest).toEqual(actionReport.rest);
    expect([action.outputs.verdict, action.exitCode, cli.code]).toEqual(['red', 1, 1]);
    expect(actionReport.rest.coverage).toMatchObject({ current: 88.975, previous: 78 });
  }, 60_000);

  it('the same trends when the data branch holds what one reader could pick and the other not', async () => {
    const source = datedRepo(busyHistory());
    repo = await reportRepo(fromClone(source));
    cloneInto(source, repo.workspace);
    const data = repo.data;
    const head = data.branch('shipkit-data') as string;
    const files = data.files(head);
    // the week's own snapshot, as a run earlier this week stored it (coverage 50 %, 1 commit)
    const own = weekWindow('2026-W48');
    files[snapshotPath(own)] = snapshotJson(
      buildReport({
        window: own,
        generatedAt: own.from,
        activity: { commits: 1, authors: 1, pullRequestsMerged: 0 },
        history: { gate: [], perf: [], snapshots: [], source: 'shipkit-data' },
      }),
    );
    // a second perf run on the window's last day, later than the daily one, with another benchmark
    const lastDay = Date.parse(own.to) - 3 * 3_600_000;
    const created = new Date(lastDay).toISOString();
    files[`perf/${created.replace(/[:.]/g, '-')}-${'e'.repeat(40)}.json`] = `${JSON.stringify({
      schemaVersion: 1,
      commit: 'e'.repeat(40),
      createdAt: created,
      tool: 'hyperfine',
      metrics: { 'serialize report': { unit: 'ms', direction: 'smaller', median: 40, n: 10 } },
    })}\n`;
    // a gate summary of the commit before the window (in both histories, named by no snapshot)
    const late = git(repo.workspace, 'rev-list', '--max-parents=0', 'HEAD').trim();
    files[`gate/${late.slice(0, 2)}/${late}.json`] = `${JSON.stringify({
      schemaVersion: 1,
      commit: late,
      createdAt: new Date(Date.parse(own.from) - 1_800_000).toISOString(),
      coverage: { lines: { covered: 600, total: 1000, pct: 60 }, files: {}, formats: ['lcov'] },
    })}\n`;
    data.setBranch('shipkit-data', data.commit('history and more', files, [head]));
    git(repo.workspace, 'fetch', '-q', data.dir, 'shipkit-data:refs/remotes/origin/shipkit-data');
    // the action reads the data branch through the API; `shipkit report` without a token, with git
    const out = mkdtempSync(join(tmpdir(), 'shipkit-report-offline-'));
    const inputs = { out: 'action-out', 'store-snapshot': 'false', issue: 'false' };
    const [action, cli] = await Promise.all([
      runReport(repo, inputs),
      shipkit(['report', '--week', '2026-W48', '--out', out], repo.workspace, {
        GITHUB_TOKEN: '',
        GH_TOKEN: '',
      }),
    ]);
    expect([action.stderr, cli.stderr]).toEqual(['', '']);
    const trends = (file: string) => {
      const r = parseSnapshot(readFileSync(file, 'utf8'), file);
      // each names where it read (the API, or git and the ref)
      const { source: _c, ...coverage } = r.coverage as { source: string };
      const { source: _p, ...performance } = r.performance as { source: string };
      // past weeks only: this week's figures are each collector's own (git counts `(#N)` subjects)
      return { coverage, performance, pastWeeks: r.activityTrend.slice(0, -1) };
    };
    const online = trends(join(repo.workspace, 'action-out', 'report.json'));
    const offline = trends(join(out, 'report.json'));
    expect(offline).toEqual(online);
    // and they are real: "previous" is the summary of the last commit before the window (60 %),
    // read by both though no snapshot names it; W47's figures, named by its snapshot, stay drawn
    expect(online.coverage).toMatchObject({ previous: 60 });
    const drawn = (online.coverage as { series: { value: number }[] }).series.map((p) => p.value);
    expect(drawn.slice(0, 3)).toEqual([75, 75.5, 76]);
    const names = (online.performance as { benchmarks?: { name: string }[] }).benchmarks?.map((b) => b.name);
    expect(names).toEqual(['parse big file', 'serialize report']);
  }, 60_000);

  it('the same n/a for a section whose endpoint answers 503 twice (both give up after one retry)', async () => {
    const source = datedRepo(busyHistory());
    repo = await reportRepo(fromClone(source));
    cloneInto(source, repo.workspace);
    const api = repo.api;
    const { action, cli, actionReport, cliReport } = await both(repo, () => {
      api.fault({ route: 'GET /repos/{owner}/{repo}/actions/runs', status: 503, times: 2 });
    });
    expect(actionReport.rest.tests).toMatchObject({
      status: 'n/a',
      reason: expect.stringMatching(/^GET \/repos\/acme\/app\/actions\/runs answered 503/),
    });
    expect(cliReport.rest).toEqual(actionReport.rest);
    expect([action.outputs.verdict, action.exitCode, cli.code]).toEqual(['red', 1, 1]);
  }, 60_000);
});
