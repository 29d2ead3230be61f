// Pull requests (list, get, create, update) on the branches of a real git repository (git-data.ts),
// served through the GitHub stand-in: head and base SHAs are the branches' tips, and the commit
// count and diff figures are git's own. Every answer validates against GitHub's REST description.

import { type GitData, gitData } from './git-data.js';
import { notFound, paginated, serveRepository, validationFailed } from './github-answers.js';
import {
  type ApiRequest,
  type ApiResponse,
  type GitHubApi,
  type Handler,
  startGitHubApi,
} from './github-api.js';
import { ACTIONS_BOT, type Json, nodeId, repositoryObject, timestamp, userObject } from './github-objects.js';

export interface PullsOptions {
  owner: string;
  repo: string;
  /** A read-only GITHUB_TOKEN (e.g. `pull_request` from a fork): every write answers 403. */
  readOnly?: boolean;
  /** Pull requests whose head is on a fork: number → the fork's owner (the branch is read here). */
  forks?: Record<number, string>;
}

export interface PullRequest {
  number: number;
  /** Branch names, without `owner:`. */
  head: string;
  base: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface GitHubPulls {
  /** Every pull request, in the order they were opened. */
  readonly pulls: PullRequest[];
}

const DOCS = 'https://docs.github.com/rest/pulls/pulls';
/** Fields of `pull-request` that `pull-request-simple` (the list) does not have. */
const FULL_ONLY = [
  'merged',
  'mergeable',
  'rebaseable',
  'mergeable_state',
  'merged_by',
  'comments',
  'review_comments',
  'maintainer_can_modify',
  'commits',
  'additions',
  'deletions',
  'changed_files',
];

export function githubPulls(api: GitHubApi, git: GitData, options: PullsOptions): GitHubPulls {
  const { owner, repo } = options;
  const base = `${api.url}/repos/${owner}/${repo}`;
  const html = `https://github.com/${owner}/${repo}`;
  const ownerUser = userObject(api.url, owner, 1);
  const author = userObject(api.url, ACTIONS_BOT.login, ACTIONS_BOT.id);
  const repository = repositoryObject({
    apiUrl: api.url,
    owner: ownerUser,
    name: repo,
    id: 7,
    defaultBranch: 'main',
    createdAt: timestamp(),
  });
  const pulls: PullRequest[] = [];
  /** The last SHA seen on each PR's branches: GitHub keeps it when a branch is deleted. */
  const seen = new Map<string, string>();
  const tip = (branch: string) => {
    const sha = git.branch(branch) ?? seen.get(branch) ?? '0'.repeat(40);
    seen.set(branch, sha);
    return sha;
  };
  /** Commits on `head` not on `base`, and git's numstat of the change since their merge base. */
  const diff = (p: PullRequest) => {
    const [b, h] = [tip(p.base), tip(p.head)];
    const commits = Number(git.git(['rev-list', '--count', `${b}..${h}`]));
    let numstat: string;
    try {
      numstat = git.git(['diff', '--numstat', `${b}...${h}`]);
    } catch {
      numstat = git.git(['diff', '--numstat', b, h]); // no merge base
    }
    const rows = numstat
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
    const sum = (i: number) => rows.reduce((n, r) => n + (Number(r[i]) || 0), 0);
    return { commits, additions: sum(0), deletions: sum(1), changed_files: rows.length };
  };
  const pullObject = (p: PullRequest): Json => {
    const url = `${base}/pulls/${p.number}`;
    const page = `${html}/pull/${p.number}`;
    const headSha = tip(p.head);
    const branch = (ref: string, fork?: string) => {
      const user = fork ? userObject(api.url, fork, 2) : ownerUser;
      const repo = fork
        ? {
            ...repository,
            id: 8,
            name: options.repo,
            full_name: `${fork}/${options.repo}`,
            owner: user,
            fork: true,
          }
        : repository;
      return { label: `${fork ?? owner}:${ref}`, ref, repo, sha: tip(ref), user };
    };
    const link = (href: string) => ({ href });
    return {
      url,
      id: 1_000_000_000 + p.number,
      node_id: nodeId('PR', 1_000_000_000 + p.number),
      html_url: page,
      diff_url: `${page}.diff`,
      patch_url: `${page}.patch`,
      issue_url: `${base}/issues/${p.number}`,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${base}/pulls/comments{/number}`,
      comments_url: `${base}/issues/${p.number}/comments`,
      statuses_url: `${base}/statuses/${headSha}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: author,
      body: p.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
      closed_at: p.closedAt,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branch(p.head, options.forks?.[p.number]),
      base: branch(p.base),
      _links: {
        self: link(url),
        html: link(page),
        issue: link(`${base}/issues/${p.number}`),
        comments: link(`${base}/issues/${p.number}/comments`),
        review_comments: link(`${url}/comments`),
        review_comment: link(`${base}/pulls/comments{/number}`),
        commits: link(`${url}/commits`),
        statuses: link(`${base}/statuses/${headSha}`),
      },
      author_association: 'NONE',
      auto_merge: null,
      draft: p.draft,
      merged: false,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      ...diff(p),
    };
  };
  const simple = (p: PullRequest): Json => {
    const o = pullObject(p);
    for (const k of FULL_ONLY) delete o[k];
    return o;
  };
  /** `owner:branch` or `branch` → the branch of this repository; undefined for another owner. */
  const branchName = (head: string) => {
    const colon = head.indexOf(':');
    if (colon < 0) return head;
    return head.slice(0, colon).toLowerCase() === owner.toLowerCase() ? head.slice(colon + 1) : undefined;
  };
  const openFor = (head: string, baseRef: string, except?: PullRequest) =>
    pulls.find((p) => p !== except && p.state === 'open' && p.head === head && p.base === baseRef);

  const list = (req: ApiRequest): ApiResponse => {
    const q = req.query;
    const state = String(q.state ?? 'open');
    const head = q.head === undefined ? undefined : branchName(String(q.head));
    const sort = String(q.sort ?? 'created');
    const direction = String(q.direction ?? (sort === 'created' ? 'desc' : 'asc'));
    let found = pulls.filter(
      (p) =>
        (state === 'all' || p.state === state) &&
        (q.head === undefined || p.head === head) &&
        (q.base === undefined || p.base === q.base),
    );
    const key = (p: PullRequest) => (sort === 'updated' ? p.updatedAt : p.createdAt);
    found = found.sort((a, b) => key(a).localeCompare(key(b)) || a.number - b.number);
    if (direction === 'desc') found.reverse();
    return paginated(api.url, req, found, (page) => page.map(simple));
  };

  const create = (req: ApiRequest): ApiResponse => {
    const input = req.body as { title?: string; head: string; base: string; body?: string; draft?: boolean };
    const head = branchName(input.head);
    if (head === undefined || !git.branch(head)) return failed({ field: 'head', code: 'invalid' });
    if (!git.branch(input.base)) return failed({ field: 'base', code: 'invalid' });
    if (input.title === undefined) return failed({ field: 'title', code: 'missing_field' });
    if (openFor(head, input.base)) {
      return failed({ code: 'custom', message: `A pull request already exists for ${owner}:${head}.` });
    }
    if (git.git(['rev-list', '--count', `${tip(input.base)}..${tip(head)}`]) === '0') {
      return failed({ code: 'custom', message: `No commits between ${input.base} and ${head}` });
    }
    const now = timestamp();
    const p: PullRequest = {
      number: pulls.length + 1,
      head,
      base: input.base,
      title: input.title,
      body: input.body ?? null,
      state: 'open',
      draft: input.draft ?? false,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    pulls.push(p);
    const body = pullObject(p);
    return { status: 201, body, headers: { location: String(body.url) } };
  };

  const withPull = (req: ApiRequest, then: (p: PullRequest) => ApiResponse): ApiResponse => {
    const p = pulls.find((x) => x.number === Number(req.params.pull_number));
    return p ? then(p) : notFound(DOCS);
  };

  const update = (req: ApiRequest): ApiResponse =>
    withPull(req, (p) => {
      const input = req.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string };
      if (input.base !== undefined && !git.branch(input.base)) {
        return failed({ field: 'base', code: 'invalid' });
      }
      if (input.state === 'open' && p.state === 'closed' && openFor(p.head, input.base ?? p.base, p)) {
        return failed({ code: 'custom', message: `A pull request already exists for ${owner}:${p.head}.` });
      }
      if (input.title !== undefined) p.title = input.title;
      if (input.body !== undefined) p.body = input.body;
      if (input.base !== undefined) p.base = input.base;
      p.updatedAt = timestamp();
      if (input.state !== undefined && input.state !== p.state) {
        p.state = input.state;
        p.closedAt = input.state === 'closed' ? p.updatedAt : null;
      }
      return { status: 200, body: pullObject(p) };
    });

  const routes: Record<string, Handler> = {
    'GET /repos/{owner}/{repo}/pulls': list,
    'POST /repos/{owner}/{repo}/pulls': create,
    'GET /repos/{owner}/{repo}/pulls/{pull_number}': (req) =>
      withPull(req, (p) => ({ status: 200, body: pullObject(p) })),
    'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': update,
  };
  serveRepository(api, options, routes, () => DOCS);
  return { pulls };
}

/** GitHub's 422 for a pull request it will not open or change. */
function failed(error: { field?: string; code: string; message?: string }): ApiResponse {
  return validationFailed({ resource: 'PullRequest', ...error }, DOCS);
}

/**
 * A GitHub stand-in serving `repo`, whose `main` is one commit of `files` (path → text), with pull
 * requests on its branches: what a codegen PR test starts from.
 */
export async function startRepoWithPulls(
  repo: { owner: string; repo: string },
  files: Record<string, string>,
): Promise<{ api: GitHubApi; data: GitData; pulls: PullRequest[] }> {
  const api = await startGitHubApi();
  const data = gitData(api, repo);
  data.setBranch('main', data.commit('initial', files));
  const { pulls } = githubPulls(api, data, repo);
  return { api, data, pulls };
}
