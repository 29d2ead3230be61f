// An in-memory GitHub repository (issue comments, check runs, repository, permissions) served
// through a GitHubApi stand-in. Every answer validates against GitHub's REST description.
import {
  DOCS,
  notFound,
  ok,
  paginated,
  readOnlyError,
  serveRepository,
  unprocessable,
} from './github-answers.js';
import type { ApiRequest, ApiResponse, GitHubApi, Handler } from './github-api.js';
import {
  ACTIONS_BOT,
  actionsApp,
  type Json,
  nodeId,
  repositoryObject,
  timestamp,
  userObject,
} from './github-objects.js';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface GitHubStateOptions {
  owner: string;
  repo: string;
  /** Repository role per username; anyone else has `read` (a public repository). */
  permissions?: Record<string, Permission>;
  /** A read-only GITHUB_TOKEN (e.g. `pull_request` from a fork): every write answers 403. */
  readOnly?: boolean;
  /** Author of what is written through the API (default `github-actions[bot]`). */
  actor?: string;
  defaultBranch?: string;
}

export interface IssueComment extends Json {
  id: number;
  body: string;
  issue_url: string;
  user: Json;
  created_at: string;
  updated_at: string;
}

export interface CheckRun extends Json {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotations_count: number;
    annotations_url: string;
  };
}

export interface GitHubState {
  /** All issue comments, oldest first. */
  readonly comments: IssueComment[];
  readonly checkRuns: CheckRun[];
  /** Annotations per check run id, as GitHub lists them. */
  readonly annotations: Map<number, Json[]>;
  /** Seeds a comment written by someone else (default: the repository owner). */
  addComment(issueNumber: number, body: string, login?: string): IssueComment;
  /** Comments of one issue or pull request. */
  commentsOn(issueNumber: number): IssueComment[];
}

const LEVELS: Permission[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
const LEGACY: Record<Permission, string> = {
  none: 'none',
  read: 'read',
  triage: 'read',
  write: 'write',
  maintain: 'write',
  admin: 'admin',
};
const WRITE_DOCS: Record<string, string> = {
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': `${DOCS}/issues/comments#create-an-issue-comment`,
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': `${DOCS}/issues/comments#update-an-issue-comment`,
  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': `${DOCS}/issues/comments#delete-an-issue-comment`,
  'POST /repos/{owner}/{repo}/check-runs': `${DOCS}/checks/runs#create-a-check-run`,
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': `${DOCS}/checks/runs#update-a-check-run`,
};

export function githubState(api: GitHubApi, options: GitHubStateOptions): GitHubState {
  const repo = new RepoState(api, options);
  repo.register();
  return repo;
}

class RepoState implements GitHubState {
  readonly comments: IssueComment[] = [];
  readonly checkRuns: CheckRun[] = [];
  /** Annotations per check run, as GitHub lists them (every create and update appends). */
  readonly annotations = new Map<number, Json[]>();
  private readonly userIds = new Map<string, number>([[ACTIONS_BOT.login, ACTIONS_BOT.id]]);
  private nextCommentId = 1_000_000_001;
  private nextCheckRunId = 2_000_000_001;
  private readonly createdAt = timestamp();

  constructor(
    private readonly api: GitHubApi,
    private readonly options: GitHubStateOptions,
  ) {}

  register(): void {
    const routes: Record<string, Handler> = {
      'GET /repos/{owner}/{repo}': () => ok(this.repository()),
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission': (req) =>
        ok(this.permissionOf(String(req.params.username))),
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': (req) => this.listComments(req),
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': (req) => this.createComment(req),
      'GET /repos/{owner}/{repo}/issues/comments/{comment_id}': (req) => this.withComment(req, ok),
      'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': (req) => this.updateComment(req),
      'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': (req) => this.deleteComment(req),
      'POST /repos/{owner}/{repo}/check-runs': (req) => this.createCheckRun(req),
      'GET /repos/{owner}/{repo}/check-runs/{check_run_id}': (req) => this.withCheckRun(req, ok),
      'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': (req) => this.updateCheckRun(req),
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': (req) => this.listCheckRuns(req),
      'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations': (req) =>
        this.withCheckRun(req, (run) => paginated(this.api.url, req, this.annotations.get(run.id) ?? [])),
    };
    serveRepository(this.api, this.options, routes, (route) => WRITE_DOCS[route] ?? DOCS);
    // Who the token is: an installation token (a `[bot]` actor) may not ask REST, GraphQL answers.
    this.api.on('GET /user', () => this.authenticatedUser());
    this.api.onGraphql('ShipkitViewer', () => ({ viewer: { login: this.actor } }));
  }

  private authenticatedUser(): ApiResponse {
    if (this.actor.endsWith('[bot]')) {
      return readOnlyError(`${DOCS}/users/users#get-the-authenticated-user`);
    }
    const created = this.createdAt;
    return ok({
      ...this.user(this.actor),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 1,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: created,
      updated_at: created,
    });
  }

  addComment(issueNumber: number, body: string, login = this.options.owner): IssueComment {
    const id = this.nextCommentId++;
    const url = `${this.repoUrl}/issues/comments/${id}`;
    const now = timestamp();
    const comment: IssueComment = {
      id,
      node_id: nodeId('IC', id),
      url,
      html_url: `https://github.com/${this.fullName}/issues/${issueNumber}#issuecomment-${id}`,
      body,
      user: this.user(login),
      created_at: now,
      updated_at: now,
      issue_url: `${this.repoUrl}/issues/${issueNumber}`,
      author_association: this.association(login),
      performed_via_github_app: login === ACTIONS_BOT.login ? actionsApp(this.api.url) : null,
      reactions: emptyReactions(`${url}/reactions`),
    };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issueNumber: number): IssueComment[] {
    return this.comments.filter((c) => c.issue_url === `${this.repoUrl}/issues/${issueNumber}`);
  }

  private get fullName(): string {
    return `${this.options.owner}/${this.options.repo}`;
  }

  private get repoUrl(): string {
    return `${this.api.url}/repos/${this.fullName}`;
  }

  private get actor(): string {
    return this.options.actor ?? ACTIONS_BOT.login;
  }

  private listComments(req: ApiRequest): ApiResponse {
    const since = typeof req.query.since === 'string' ? req.query.since : undefined;
    const comments = this.commentsOn(Number(req.params.issue_number)).filter(
      (c) => !since || c.updated_at >= since,
    );
    return paginated(this.api.url, req, comments);
  }

  private createComment(req: ApiRequest): ApiResponse {
    const { body } = req.body as { body: string };
    const comment = this.addComment(Number(req.params.issue_number), body, this.actor);
    return { status: 201, body: comment, headers: { location: String(comment.url) } };
  }

  private updateComment(req: ApiRequest): ApiResponse {
    return this.withComment(req, (comment) => {
      comment.body = (req.body as { body: string }).body;
      comment.updated_at = timestamp();
      return ok(comment);
    });
  }

  private deleteComment(req: ApiRequest): ApiResponse {
    return this.withComment(req, (comment) => {
      this.comments.splice(this.comments.indexOf(comment), 1);
      return { status: 204 };
    });
  }

  private withComment(req: ApiRequest, then: (comment: IssueComment) => ApiResponse): ApiResponse {
    const comment = this.comments.find((c) => c.id === req.params.comment_id);
    return comment ? then(comment) : notFound();
  }

  private createCheckRun(req: ApiRequest): ApiResponse {
    const input = req.body as Json;
    const id = this.nextCheckRunId++;
    const url = `${this.repoUrl}/check-runs/${id}`;
    const htmlUrl = `https://github.com/${this.fullName}/runs/${id}`;
    const run: CheckRun = {
      id,
      name: String(input.name),
      head_sha: String(input.head_sha),
      node_id: nodeId('CR', id),
      external_id: '',
      url,
      html_url: htmlUrl,
      details_url: htmlUrl,
      status: 'queued',
      conclusion: null,
      started_at: timestamp(),
      completed_at: null,
      output: {
        title: null,
        summary: null,
        text: null,
        annotations_count: 0,
        annotations_url: `${url}/annotations`,
      },
      check_suite: { id: 3_000_000_000 + id },
      app: actionsApp(this.api.url),
      pull_requests: [],
    };
    const error = this.applyCheckRunInput(run, input);
    if (error) return error;
    this.checkRuns.push(run);
    return { status: 201, body: run };
  }

  private updateCheckRun(req: ApiRequest): ApiResponse {
    return this.withCheckRun(req, (run) => this.applyCheckRunInput(run, req.body as Json) ?? ok(run));
  }

  /** Applies a create/update body; its annotations are appended to the run's, as on GitHub. */
  private applyCheckRunInput(run: CheckRun, input: Json): ApiResponse | undefined {
    const error = applyCheckRunInput(run, input);
    if (error) return error;
    const added = ((input.output as { annotations?: Json[] } | undefined)?.annotations ?? []).map((a) => ({
      path: a.path,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level,
      title: a.title ?? null,
      message: a.message,
      raw_details: a.raw_details ?? null,
      blob_href: `https://github.com/${this.fullName}/blob/${run.head_sha}/${String(a.path)}`,
    }));
    this.annotations.set(run.id, [...(this.annotations.get(run.id) ?? []), ...added]);
    return undefined;
  }

  private withCheckRun(req: ApiRequest, then: (run: CheckRun) => ApiResponse): ApiResponse {
    const run = this.checkRuns.find((r) => r.id === req.params.check_run_id);
    return run ? then(run) : notFound();
  }

  /** `filter=latest` (the default) keeps the newest run of each name. */
  private listCheckRuns(req: ApiRequest): ApiResponse {
    const { check_name, status, filter } = req.query;
    let runs = this.checkRuns.filter(
      (r) =>
        r.head_sha === req.params.ref &&
        (check_name === undefined || r.name === check_name) &&
        (status === undefined || r.status === status),
    );
    if (filter !== 'all') runs = runs.filter((r) => !runs.some((o) => o.name === r.name && o.id > r.id));
    return paginated(this.api.url, req, runs, (page) => ({ total_count: runs.length, check_runs: page }));
  }

  private repository(): Json {
    return repositoryObject({
      apiUrl: this.api.url,
      owner: this.user(this.options.owner),
      name: this.options.repo,
      id: 700_000_000 + (this.userIds.get(this.options.owner) ?? 0),
      defaultBranch: this.options.defaultBranch ?? 'main',
      createdAt: this.createdAt,
    });
  }

  private roleOf(login: string): Permission {
    if (login.toLowerCase() === this.options.owner.toLowerCase()) return 'admin';
    return this.options.permissions?.[login] ?? 'read';
  }

  private permissionOf(login: string): Json {
    const role = this.roleOf(login);
    const level = LEVELS.indexOf(role);
    const permissions = {
      pull: level >= LEVELS.indexOf('read'),
      triage: level >= LEVELS.indexOf('triage'),
      push: level >= LEVELS.indexOf('write'),
      maintain: level >= LEVELS.indexOf('maintain'),
      admin: role === 'admin',
    };
    const user = { ...this.user(login), permissions, role_name: role };
    return { permission: LEGACY[role], role_name: role, user };
  }

  private association(login: string): string {
    if (login.toLowerCase() === this.options.owner.toLowerCase()) return 'OWNER';
    if (login === ACTIONS_BOT.login) return 'NONE';
    return LEVELS.indexOf(this.roleOf(login)) >= LEVELS.indexOf('triage') ? 'COLLABORATOR' : 'NONE';
  }

  private user(login: string): Json {
    let id = this.userIds.get(login);
    if (id === undefined) {
      id = 1000 + this.userIds.size;
      this.userIds.set(login, id);
    }
    return userObject(this.api.url, login, id);
  }
}

/** Applies a create/update body; `conclusion` completes the run, as on GitHub. */
function applyCheckRunInput(run: CheckRun, input: Json): ApiResponse | undefined {
  for (const key of [
    'name',
    'details_url',
    'external_id',
    'started_at',
    'completed_at',
    'status',
    'conclusion',
  ]) {
    if (input[key] !== undefined) run[key] = input[key];
  }
  if (input.conclusion !== undefined) {
    run.status = 'completed';
    run.completed_at ??= timestamp();
  } else if (run.status === 'completed' && run.conclusion === null) {
    return unprocessable('Invalid request.\n\nNo conclusion given for a completed check run.');
  }
  const output = input.output as Partial<Record<'title' | 'summary' | 'text', string>> | undefined;
  if (output) {
    const annotations = (input.output as { annotations?: unknown[] }).annotations ?? [];
    run.output = {
      ...run.output,
      title: output.title ?? run.output.title,
      summary: output.summary ?? run.output.summary,
      text: output.text ?? run.output.text,
      annotations_count: run.output.annotations_count + annotations.length,
    };
  }
  return undefined;
}

function emptyReactions(url: string): Json {
  const counts = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'eyes', 'rocket'];
  return { url, total_count: 0, ...Object.fromEntries(counts.map((name) => [name, 0])) };
}
