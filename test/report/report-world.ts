// The stand-in of a repository for the report action: the busy week's API answers, issues and
// milestones, releases, and a data branch in a real bare git repository.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GitData, gitData } from '../harness/git-data.js';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { type GitHubReleases, githubReleases } from '../harness/github-releases.js';
import { type ReportWorld, serveReportWorld } from '../harness/github-report.js';
import { type RunActionResult, runAction } from '../harness/runner.js';
import { IssuesState } from '../plan/issues-state.js';
import { busyWorld, seedDataBranch, seedSprint } from './busy-week.js';

export const REF = { owner: 'acme', repo: 'app' };

export interface ReportRepo {
  api: GitHubApi;
  data: GitData;
  issues: IssuesState;
  releases: GitHubReleases;
  world: ReportWorld;
  workspace: string;
  close(): Promise<void>;
}

export async function reportRepo(change: (w: ReportWorld) => void = () => {}): Promise<ReportRepo> {
  const api = await startGitHubApi();
  const data = gitData(api, REF);
  const world = busyWorld();
  change(world);
  serveReportWorld(api, REF, world, data);
  const issues = new IssuesState(api, REF.owner, REF.repo);
  seedSprint(issues);
  const releases = await githubReleases(api, REF);
  const r = releases.addRelease({ tag: 'v2.4.0', name: 'v2.4.0 <script>alert(1)</script>' });
  r.created_at = r.published_at = '2026-11-26T15:00:00Z';
  seedDataBranch(data, world);
  const workspace = await mkdtemp(join(tmpdir(), 'shipkit-report-ws-'));
  return {
    api,
    data,
    issues,
    releases,
    world,
    workspace,
    async close() {
      await releases.close();
      data.close();
      await api.close();
    },
  };
}

export function runReport(
  repo: ReportRepo,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<RunActionResult> {
  return runAction({
    action: 'actions/report',
    ...scheduledRun(repo, inputs),
    token: 'ghs_reporttoken',
    env,
  });
}

/** What the runner gives a report step of the weekly schedule in `repo` (week 2026-W48 unless `inputs` say). */
export function scheduledRun(repo: ReportRepo, inputs: Record<string, string> = {}) {
  return {
    inputs: { week: '2026-W48', ...inputs },
    apiUrl: repo.api.url,
    graphqlUrl: repo.api.graphqlUrl,
    repository: `${REF.owner}/${REF.repo}`,
    workspace: repo.workspace,
    event: { name: 'schedule', payload: { repository: { default_branch: 'main' } } },
  };
}
