// What the weekly report reads from GitHub, served by the stand-in: the default branch's commits
// and the searches (GraphQL), workflow runs, code-scanning and Dependabot alerts, deployments
// (GraphQL), blobs of the data branch in batches (GraphQL) and files by path (contents API).
// Every REST answer is a complete object that the stand-in validates against GitHub's description.
import { execFileSync } from 'node:child_process';
import type { GitData } from './git-data.js';
import { notFound, ok, paginated, serveRepository } from './github-answers.js';
import type { ApiRequest, ApiResponse, GitHubApi } from './github-api.js';
import { type Json, repositoryObject, userObject } from './github-objects.js';
import { codeScanningAlert, dependabotAlert, workflowRun } from './github-report-objects.js';

export interface SeedCommit {
  oid: string;
  committedDate: string;
  email: string;
}

export interface SeedPull {
  number: number;
  createdAt: string;
  mergedAt: string | null;
  /** The head commit's check rollup; null: no checks. */
  rollup: 'SUCCESS' | 'FAILURE' | 'ERROR' | 'PENDING' | null;
}

export interface SeedIssue {
  number: number;
  title: string;
  createdAt: string;
  closedAt: string | null;
  labels: string[];
}

export interface SeedRun {
  name: string;
  headSha: string;
  conclusion: string | null;
  status?: string;
  attempt?: number;
  createdAt: string;
  seconds: number;
  branch?: string;
}

export interface SeedDeployment {
  environment: string;
  createdAt: string;
  state: string | null;
  statusAt: string | null;
  commitDate: string | null;
}

export interface ReportWorld {
  defaultBranch: string;
  commits: SeedCommit[];
  pulls: SeedPull[];
  issues: SeedIssue[];
  runs: SeedRun[];
  codeScanning: { severity: string; securitySeverity?: string }[];
  dependabot: { severity: 'low' | 'medium' | 'high' | 'critical' }[];
  deployments: SeedDeployment[];
}

export function emptyWorld(): ReportWorld {
  return {
    defaultBranch: 'main',
    commits: [],
    pulls: [],
    issues: [],
    runs: [],
    codeScanning: [],
    dependabot: [],
    deployments: [],
  };
}

/** `qualifier:FROM..TO` of a search string, as times. */
function range(query: string, qualifier: string): [number, number] | undefined {
  const m = new RegExp(`${qualifier}:(\\S+)\\.\\.(\\S+)`).exec(query);
  return m ? [Date.parse(m[1] as string), Date.parse(m[2] as string)] : undefined;
}

const within = (t: string | null, r: [number, number] | undefined) =>
  t !== null && r !== undefined && Date.parse(t) >= r[0] && Date.parse(t) <= r[1];

/** A page of a connection with an offset cursor. */
function page<T>(all: T[], after: unknown, size: number) {
  const start = typeof after === 'string' ? Number(Buffer.from(after, 'base64').toString()) : 0;
  const nodes = all.slice(start, start + size);
  const end = start + nodes.length;
  return {
    nodes,
    pageInfo: { hasNextPage: end < all.length, endCursor: Buffer.from(String(end)).toString('base64') },
  };
}

/** Answers the GitHub search qualifiers the report uses (is:pr/is:issue, merged/created/closed, label). */
function search(world: ReportWorld, query: string, after: unknown, size: number) {
  let items: Json[];
  if (/is:pr/.test(query)) {
    const merged = range(query, 'merged');
    const created = range(query, 'created');
    items = world.pulls
      .filter(
        (p) =>
          (merged ? within(p.mergedAt, merged) : true) && (created ? within(p.createdAt, created) : true),
      )
      .map((p) => ({
        __typename: 'PullRequest',
        number: p.number,
        commits: { nodes: [{ commit: { statusCheckRollup: p.rollup ? { state: p.rollup } : null } }] },
      }));
  } else {
    const created = range(query, 'created');
    const closed = range(query, 'closed');
    const label = /label:"([^"]+)"/.exec(query)?.[1];
    items = world.issues
      .filter(
        (i) =>
          (created ? within(i.createdAt, created) : true) &&
          (closed ? within(i.closedAt, closed) : true) &&
          (/is:open/.test(query) ? i.closedAt === null : true) &&
          (label ? i.labels.includes(label) : true),
      )
      .map((i) => ({
        __typename: 'Issue',
        number: i.number,
        title: i.title,
        url: `https://github.com/o/r/issues/${i.number}`,
      }));
  }
  return { issueCount: items.length, ...page(items, after, size) };
}

function history(world: ReportWorld, vars: Record<string, unknown>) {
  const since = Date.parse(String(vars.since));
  const until = Date.parse(String(vars.until));
  const list = world.commits
    .filter((c) => Date.parse(c.committedDate) >= since && Date.parse(c.committedDate) <= until)
    .sort((a, b) => Date.parse(b.committedDate) - Date.parse(a.committedDate))
    .map((c) => ({ oid: c.oid, committedDate: c.committedDate, author: { email: c.email } }));
  return { totalCount: list.length, ...page(list, vars.after, 100) };
}

/** `before: history(until: $before, first: N)`: the N newest commits up to `$before` (inclusive). */
function before(world: ReportWorld, vars: Record<string, unknown>, query: string) {
  const first = Number(/before: history\(until: \$before, first: (\d+)\)/.exec(query)?.[1] ?? Number.NaN);
  if (!Number.isInteger(first))
    throw new Error('ReportActivity: `before: history(until: $before, first: N)` expected');
  const until = Date.parse(String(vars.before));
  const nodes = world.commits
    .filter((c) => Date.parse(c.committedDate) <= until)
    .sort((a, b) => Date.parse(b.committedDate) - Date.parse(a.committedDate))
    .slice(0, first)
    .map((c) => ({ oid: c.oid, committedDate: c.committedDate }));
  return { nodes };
}

export interface ReportStandIn {
  world: ReportWorld;
}

/** Registers the report's routes and GraphQL operations on `api` for `owner/repo`. */
export function serveReportWorld(
  api: GitHubApi,
  scope: { owner: string; repo: string },
  world: ReportWorld,
  data?: GitData,
): ReportStandIn {
  const branchRef = () => ({
    name: world.defaultBranch,
    target: { __typename: 'Commit' },
  });
  api.onGraphql('ReportActivity', (vars, query) => ({
    repository: {
      defaultBranchRef: {
        ...branchRef(),
        target: { history: history(world, vars), before: before(world, vars, query) },
      },
    },
    merged: search(world, String(vars.merged), vars.mergedAfter, 100),
    opened: { issueCount: search(world, String(vars.opened), null, 1).issueCount },
    issuesOpened: { issueCount: search(world, String(vars.issuesOpened), null, 1).issueCount },
    issuesClosed: { issueCount: search(world, String(vars.issuesClosed), null, 1).issueCount },
    blocking: search(world, String(vars.blocking), null, 20),
  }));
  api.onGraphql('ReportCommits', (vars) => ({
    repository: { defaultBranchRef: { target: { history: history(world, vars) } } },
  }));
  api.onGraphql('ReportMerged', (vars) => ({
    merged: search(world, String(vars.merged), vars.mergedAfter, 100),
  }));
  api.onGraphql('ReportDeployments', (vars) => {
    const list = [...world.deployments]
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .map((d) => ({
        createdAt: d.createdAt,
        environment: d.environment,
        latestStatus: d.state ? { state: d.state, createdAt: d.statusAt } : null,
        commit: d.commitDate ? { committedDate: d.commitDate } : null,
      }));
    return { repository: { deployments: page(list, vars.after, 100) } };
  });
  api.onGraphql('ReportFiles', (vars) => {
    const repository: Record<string, Json | null> = {};
    for (const [name, oid] of Object.entries(vars)) {
      if (!/^o\d+$/.test(name)) continue;
      const text = data ? catBlob(data, String(oid)) : undefined;
      repository[`f${name.slice(1)}`] =
        text === undefined ? null : { __typename: 'Blob', text, isTruncated: false };
    }
    return { repository };
  });
  const base = `${api.url}/repos/${scope.owner}/${scope.repo}`;
  const repo = minimalRepository(api.url, scope);
  serveRepository(api, scope, {
    'GET /repos/{owner}/{repo}/actions/runs': (req) => listRuns(api, req, world, base, repo),
    'GET /repos/{owner}/{repo}/code-scanning/alerts': (req) =>
      paginated(
        api.url,
        req,
        world.codeScanning.map((a, i) => codeScanningAlert(base, i + 1, a)),
      ),
    'GET /repos/{owner}/{repo}/dependabot/alerts': (req) =>
      paginated(
        api.url,
        req,
        world.dependabot.map((a, i) => dependabotAlert(base, i + 1, a.severity)),
      ),
    'GET /repos/{owner}/{repo}/contents/{path}': (req) => (data ? contentFile(base, data, req) : notFound()),
  });
  return { world };
}

function catBlob(data: GitData, oid: string): string | undefined {
  try {
    return data.git(['cat-file', 'blob', oid]);
  } catch {
    return undefined;
  }
}

function contentFile(base: string, data: GitData, req: ApiRequest): ApiResponse {
  const path = String(req.params.path);
  const ref = String(req.query.ref ?? 'HEAD');
  let sha: string;
  let text: string;
  try {
    const git = (args: string[]) =>
      execFileSync('git', args, { cwd: data.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    sha = git(['rev-parse', `${ref}:${path}`]).trim();
    text = git(['cat-file', 'blob', sha]);
  } catch {
    return notFound('https://docs.github.com/rest/repos/contents#get-repository-content');
  }
  const url = `${base}/contents/${path}?ref=${ref}`;
  return ok({
    type: 'file',
    encoding: 'base64',
    size: Buffer.byteLength(text),
    name: path.split('/').pop(),
    path,
    content: Buffer.from(text).toString('base64'),
    sha,
    url,
    git_url: `${base}/git/blobs/${sha}`,
    html_url: `https://github.com/${path}`,
    download_url: null,
    _links: { self: url, git: `${base}/git/blobs/${sha}`, html: `https://github.com/${path}` },
  });
}

function minimalRepository(apiUrl: string, scope: { owner: string; repo: string }): Json {
  return repositoryObject({
    apiUrl,
    owner: userObject(apiUrl, scope.owner, 1001),
    name: scope.repo,
    id: 1296269,
    defaultBranch: 'main',
    createdAt: '2020-01-01T00:00:00Z',
  });
}

function listRuns(
  api: GitHubApi,
  req: ApiRequest,
  world: ReportWorld,
  base: string,
  repo: Json,
): ApiResponse {
  const branch = req.query.branch === undefined ? undefined : String(req.query.branch);
  const created = req.query.created === undefined ? undefined : String(req.query.created).split('..');
  const list = world.runs
    .filter((r) => branch === undefined || (r.branch ?? world.defaultBranch) === branch)
    .filter(
      (r) =>
        !created ||
        (Date.parse(r.createdAt) >= Date.parse(created[0] as string) &&
          Date.parse(r.createdAt) <= Date.parse(created[1] as string)),
    )
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const objects = list.map((r) => workflowRun(base, repo, world.runs.indexOf(r) + 1, r, world.defaultBranch));
  return paginated(api.url, req, objects, (runs) => ({ total_count: list.length, workflow_runs: runs }));
}
