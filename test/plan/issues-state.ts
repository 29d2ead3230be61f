// Issues, labels and milestones of one repository, served through the GitHub API stand-in. Every
// answer is a complete REST object, validated by the stand-in against GitHub's description.
import { notFound, ok, paginated, serveRepository, validationFailed } from '../harness/github-answers.js';
import type { ApiRequest, ApiResponse, GitHubApi, Handler } from '../harness/github-api.js';
import { type Json, nodeId, timestamp, userObject } from '../harness/github-objects.js';

export interface Issue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  milestone: number | null;
  closed_at: string | null;
  sub_issues: number[];
}

export interface Milestone {
  number: number;
  title: string;
  description: string | null;
  due_on: string | null;
  state: 'open' | 'closed';
}

export class IssuesState {
  readonly issues: Issue[] = [];
  readonly milestones: Milestone[] = [];
  private readonly created = timestamp(new Date(Date.UTC(2026, 10, 1)));

  constructor(
    private readonly api: GitHubApi,
    private readonly owner: string,
    private readonly repo: string,
  ) {
    const routes: Record<string, Handler> = {
      'GET /repos/{owner}/{repo}/milestones': (req) => this.listMilestones(req),
      'POST /repos/{owner}/{repo}/milestones': (req) => this.createMilestone(req),
      'PATCH /repos/{owner}/{repo}/milestones/{milestone_number}': (req) => this.updateMilestone(req),
      'GET /repos/{owner}/{repo}/issues': (req) => this.listIssues(req),
      'POST /repos/{owner}/{repo}/issues': (req) => this.createIssue(req),
      'GET /repos/{owner}/{repo}/issues/{issue_number}': (req) =>
        this.withIssue(req, (i) => ok(this.issueObject(i))),
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}': (req) => this.updateIssue(req),
      'GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues': (req) =>
        this.withIssue(req, (i) =>
          paginated(
            api.url,
            req,
            i.sub_issues.map((n) => this.issueObject(this.issues.find((x) => x.number === n) as Issue)),
          ),
        ),
    };
    serveRepository(api, { owner, repo }, routes);
  }

  addIssue(init: Partial<Issue> & { title: string }): Issue {
    const issue: Issue = {
      number: this.issues.length + 1,
      body: null,
      state: 'open',
      labels: [],
      assignees: [],
      milestone: null,
      closed_at: null,
      sub_issues: [],
      ...init,
    };
    this.issues.push(issue);
    return issue;
  }

  addMilestone(init: Partial<Milestone> & { title: string }): Milestone {
    const m: Milestone = {
      number: this.milestones.length + 1,
      description: null,
      due_on: null,
      state: 'open',
      ...init,
    };
    this.milestones.push(m);
    return m;
  }

  /** Writes (POST/PATCH/DELETE) the API has answered so far. */
  writes(): number {
    return this.api.calls.filter((c) => c.method !== 'GET').length;
  }

  private get repoUrl(): string {
    return `${this.api.url}/repos/${this.owner}/${this.repo}`;
  }

  private listMilestones(req: ApiRequest): ApiResponse {
    const state = String(req.query.state ?? 'open');
    const list = this.milestones.filter((m) => state === 'all' || m.state === state);
    if (req.query.sort === 'due_on') list.sort((a, b) => String(a.due_on).localeCompare(String(b.due_on)));
    if (req.query.direction === 'desc') list.reverse();
    return paginated(
      this.api.url,
      req,
      list.map((m) => this.milestoneObject(m)),
    );
  }

  private createMilestone(req: ApiRequest): ApiResponse {
    const body = req.body as {
      title: string;
      description?: string;
      due_on?: string;
      state?: 'open' | 'closed';
    };
    if (this.milestones.some((m) => m.title === body.title)) {
      return validationFailed(
        { resource: 'Milestone', code: 'already_exists', field: 'title' },
        'https://docs.github.com/rest/issues/milestones#create-a-milestone',
      );
    }
    const m = this.addMilestone({
      title: body.title,
      description: body.description ?? null,
      due_on: body.due_on ? normaliseDue(body.due_on) : null,
      state: body.state ?? 'open',
    });
    return {
      status: 201,
      body: this.milestoneObject(m),
      headers: { location: `${this.repoUrl}/milestones/${m.number}` },
    };
  }

  private updateMilestone(req: ApiRequest): ApiResponse {
    const m = this.milestones.find((x) => x.number === Number(req.params.milestone_number));
    if (!m) return notFound();
    const body = req.body as Partial<Milestone>;
    if (body.title !== undefined) m.title = body.title;
    if (body.description !== undefined) m.description = body.description;
    if (body.due_on !== undefined) m.due_on = body.due_on ? normaliseDue(body.due_on) : null;
    if (body.state !== undefined) m.state = body.state;
    return ok(this.milestoneObject(m));
  }

  private listIssues(req: ApiRequest): ApiResponse {
    const state = String(req.query.state ?? 'open');
    const milestone = req.query.milestone === undefined ? undefined : String(req.query.milestone);
    const labels = req.query.labels === undefined ? [] : String(req.query.labels).split(',');
    const list = this.issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => milestone === undefined || milestone === '*' || String(i.milestone) === milestone)
      .filter((i) => labels.every((l) => i.labels.includes(l)))
      .sort((a, b) => b.number - a.number);
    return paginated(
      this.api.url,
      req,
      list.map((i) => this.issueObject(i)),
    );
  }

  private createIssue(req: ApiRequest): ApiResponse {
    const body = req.body as {
      title: string;
      body?: string;
      labels?: string[];
      assignees?: string[];
      milestone?: number;
    };
    const issue = this.addIssue({
      title: String(body.title),
      body: body.body ?? null,
      labels: body.labels ?? [],
      assignees: body.assignees ?? [],
      milestone: body.milestone ?? null,
    });
    return {
      status: 201,
      body: this.issueObject(issue),
      headers: { location: `${this.repoUrl}/issues/${issue.number}` },
    };
  }

  private updateIssue(req: ApiRequest): ApiResponse {
    return this.withIssue(req, (issue) => {
      const body = req.body as Partial<Issue>;
      if (body.title !== undefined) issue.title = String(body.title);
      if (body.body !== undefined) issue.body = body.body;
      if (body.labels !== undefined) issue.labels = body.labels;
      if (body.assignees !== undefined) issue.assignees = body.assignees;
      if (body.milestone !== undefined) issue.milestone = body.milestone;
      if (body.state !== undefined) issue.state = body.state;
      return ok(this.issueObject(issue));
    });
  }

  private withIssue(req: ApiRequest, then: (issue: Issue) => ApiResponse): ApiResponse {
    const issue = this.issues.find((i) => i.number === Number(req.params.issue_number));
    return issue ? then(issue) : notFound();
  }

  private user(login: string): Json {
    return userObject(this.api.url, login, 1000 + [...login].reduce((s, c) => s + c.charCodeAt(0), 0));
  }

  private milestoneObject(m: Milestone): Json {
    const url = `${this.repoUrl}/milestones/${m.number}`;
    const inIt = this.issues.filter((i) => i.milestone === m.number);
    return {
      url,
      html_url: `https://github.com/${this.owner}/${this.repo}/milestone/${m.number}`,
      labels_url: `${url}/labels`,
      id: 5_000_000 + m.number,
      node_id: nodeId('MI', 5_000_000 + m.number),
      number: m.number,
      state: m.state,
      title: m.title,
      description: m.description,
      creator: this.user(this.owner),
      open_issues: inIt.filter((i) => i.state === 'open').length,
      closed_issues: inIt.filter((i) => i.state === 'closed').length,
      created_at: this.created,
      updated_at: this.created,
      closed_at: m.state === 'closed' ? this.created : null,
      due_on: m.due_on,
    };
  }

  private issueObject(i: Issue): Json {
    const url = `${this.repoUrl}/issues/${i.number}`;
    const m = this.milestones.find((x) => x.number === i.milestone);
    const assignees = i.assignees.map((a) => this.user(a));
    return {
      id: 9_000_000 + i.number,
      node_id: nodeId('I', 9_000_000 + i.number),
      url,
      repository_url: this.repoUrl,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${i.number}`,
      number: i.number,
      state: i.state,
      title: i.title,
      body: i.body,
      user: this.user(this.owner),
      labels: i.labels.map((name, k) => ({
        id: 7_000_000 + k,
        node_id: nodeId('LA', 7_000_000 + k),
        url: `${this.repoUrl}/labels/${encodeURIComponent(name)}`,
        name,
        description: null,
        color: 'ededed',
        default: false,
      })),
      assignee: assignees[0] ?? null,
      assignees,
      milestone: m ? this.milestoneObject(m) : null,
      locked: false,
      comments: 0,
      closed_at: i.closed_at,
      created_at: this.created,
      updated_at: this.created,
      author_association: 'OWNER',
      sub_issues_summary: { total: i.sub_issues.length, completed: 0, percent_completed: 0 },
    };
  }
}

/** GitHub keeps a milestone's due date as the day at 07:00 or 08:00 UTC (Pacific midnight). */
function normaliseDue(due: string): string {
  return `${due.slice(0, 10)}T08:00:00Z`;
}
