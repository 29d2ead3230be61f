// A repository behind the GitHub stand-in for PR comment commands: comments and roles
// (github-state), a real git repository with the backlog on main and a pull request from the
// same repository (#1) and one from a fork (#2), reactions, the contents API and CI runs whose
// artifact holds the gate result saved for each head. Commands run in-process through the
// action's own `run` with an ActionIO like the runner's, or through the bundle (runner.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { run as runCommand } from '../../src/actions/command.js';
import type { ActionIO } from '../../src/actions/runtime.js';
import { main } from '../../src/cli/index.js';
import { asShipkitError } from '../../src/errors.js';
import { createGitHub } from '../../src/github/client.js';
import type { RunContext } from '../../src/github/context.js';
import { type GitData, gitData } from '../harness/git-data.js';
import { type ApiCall, type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { type GitHubCommands, githubCommands } from '../harness/github-commands.js';
import { githubPulls, type PullRequest } from '../harness/github-pulls.js';
import { type GitHubState, githubState, type Permission } from '../harness/github-state.js';
import { ROOT } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';

export const OWNER = 'acme';
export const REPO = 'store';
export const ROLES: Permission[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
/** A commenter per role: `u-none`, `u-read`, … */
export const userOf = (role: Permission) => `u-${role}`;

export interface CommandRepo {
  api: GitHubApi;
  git: GitData;
  state: GitHubState;
  extras: GitHubCommands;
  pulls: PullRequest[];
  workspace: string;
  /** Head SHAs of #1 (same repository) and #2 (fork). */
  heads: Record<1 | 2, string>;
  close(): Promise<void>;
}

/**
 * The gate result CI would save for `headSha` (the gate action's `report-file`): made by the gate
 * core itself, `shipkit gate --json` over the example repository's real lcov report (whose
 * coverage is below the example's 90% target: the verdict is fail), with the head SHA added.
 */
export async function savedGate(headSha: string, pullRequest: number): Promise<string> {
  const out: string[] = [];
  await main(
    [
      'gate',
      '--config',
      'examples/.github/shipkit.yml',
      '--coverage',
      'examples/coverage/lcov.info',
      '--json',
    ],
    { out: (t) => out.push(t), err: () => {} },
  );
  return JSON.stringify({ ...JSON.parse(out.join('')), headSha, pullRequest });
}

/** A zip made by Info-ZIP `zip`, as actions/upload-artifact's archives are read: name → text. */
export function zipOf(files: Record<string, string>): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-zip-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  execFileSync('zip', ['-q', '-X', 'a.zip', ...Object.keys(files)], { cwd: dir });
  return readFileSync(join(dir, 'a.zip'));
}

/** A small backlog (two items: a few plan files to propose, so the matrix stays fast). */
const BACKLOG = `sprint:
  number: 7
  start: 2026-12-01
  duration: 2-weeks
items:
  - id: login
    title: Log in with a passkey
    points: 3
    priority: P0
  - id: logout
    title: Log out everywhere
    points: 2
    depends_on: [login]
    priority: P1
`;

/** A one-operation OpenAPI document: the matrix needs a spec, not a big one (test/codegen has those). */
const SPEC = `openapi: 3.0.3
info: { title: Store, version: 1.0.0 }
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: The order
          content:
            application/json:
              schema: { type: object, required: [id], properties: { id: { type: string } } }
`;

export async function commandRepo(
  config = '',
  options: { readOnly?: boolean; forkRunEvent?: string } = {},
): Promise<CommandRepo> {
  const api = await startGitHubApi();
  const repo = { owner: OWNER, repo: REPO };
  const git = gitData(api, repo);
  const files = {
    'README.md': '# store\n',
    'backlog.yml': BACKLOG,
    'api/openapi.yaml': SPEC,
  };
  const main = git.commit('initial', files);
  git.setBranch('main', main);
  git.setBranch('feature', git.commit('feature', { ...files, 'src/a.ts': 'export const a = 1;\n' }, [main]));
  git.setBranch(
    'fork-feature',
    git.commit('fork', { ...files, 'src/b.ts': 'export const b = 1;\n' }, [main]),
  );
  const permissions = Object.fromEntries(ROLES.map((r) => [userOf(r), r])) as Record<string, Permission>;
  const state = githubState(api, { ...repo, permissions, ...(options.readOnly ? { readOnly: true } : {}) });
  const { pulls } = githubPulls(api, git, { ...repo, forks: { 2: 'forker' } });
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const pull = (number: number, head: string): PullRequest => ({
    number,
    head,
    base: 'main',
    title: `PR ${number}`,
    body: null,
    state: 'open',
    draft: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  });
  pulls.push(pull(1, 'feature'), pull(2, 'fork-feature'));
  const extras = await githubCommands(api, { ...repo, git, ...(options.readOnly ? { readOnly: true } : {}) });
  const heads = { 1: git.branch('feature') as string, 2: git.branch('fork-feature') as string };
  // hyperfine's JSON (examples/bench, made with the real tool).
  const bench = readFileSync(join(ROOT, 'examples/bench/head.json'), 'utf8');
  for (const [n, sha] of Object.entries(heads)) {
    extras.addRun({
      headSha: sha,
      headBranch: n === '1' ? 'feature' : 'fork-feature',
      // the fork's results made by this repository's own workflow (pull_request_target)
      event: n === '1' ? 'pull_request' : (options.forkRunEvent ?? 'pull_request_target'),
      artifacts: {
        'shipkit-gate': zipOf({ 'gate-result.json': await savedGate(sha, Number(n)) }),
        'shipkit-bench': zipOf({ 'bench.json': bench }),
      },
    });
  }
  // and, newer, the fork's own pull_request run, whose workflow its author wrote: its results are forged
  const forged = JSON.parse(await savedGate(heads[2], 2));
  extras.addRun({
    headSha: heads[2],
    headBranch: 'fork-feature',
    event: 'pull_request',
    artifacts: {
      'shipkit-gate': zipOf({ 'gate-result.json': JSON.stringify({ ...forged, verdict: 'pass' }) }),
      'shipkit-bench': zipOf({ 'bench.json': bench }),
    },
  });
  const workspace = mkdtempSync(join(tmpdir(), 'shipkit-command-ws-'));
  mkdirSync(join(workspace, '.github'));
  writeFileSync(
    join(workspace, '.github/shipkit.yml'),
    `plan:\n  backlog: backlog.yml\ncodegen:\n  targets:\n    - spec: api/openapi.yaml\n      out: src/generated/api\n${config}`,
  );
  // The job's checkout of the default branch, with its history (fetch-depth: 0), for /release notes.
  const checkout = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: workspace,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_AUTHOR_NAME: 'Mona',
        GIT_AUTHOR_EMAIL: 'mona@example.com',
        GIT_COMMITTER_NAME: 'Mona',
        GIT_COMMITTER_EMAIL: 'mona@example.com',
      },
    });
  checkout('init', '-q', '-b', 'main');
  checkout('add', '.');
  checkout('commit', '-q', '-m', 'feat: passkey login (#3)');
  checkout('tag', 'v1.0.0');
  writeFileSync(join(workspace, 'README.md'), '# store\n');
  checkout('add', '.');
  checkout('commit', '-q', '-m', 'fix: log out everywhere (#4)');
  return {
    api,
    git,
    state,
    extras,
    pulls,
    workspace,
    heads,
    close: async () => {
      await extras.close();
      await api.close();
      git.close();
    },
  };
}

interface CommentPayload {
  action: string;
  comment: { id: number; body: string; user: { login: string; type: string } };
  issue: { number: number; pull_request?: unknown };
  repository: { name: string; full_name: string; owner: { login: string }; default_branch: string };
}

/**
 * One command repository for the tests of a file or a describe block: made before them (handed to
 * `set`), then checked against GitHub's REST description and closed after them.
 */
export function withCommandRepo(set: (r: CommandRepo) => void): void {
  let made: CommandRepo | undefined;
  beforeAll(async () => {
    made = await commandRepo();
    set(made);
  });
  afterAll(async () => {
    made?.api.assertNoViolations();
    await made?.close();
  });
}

/** A real `issue_comment` payload (GitHub's example) for a comment on #number, seeded in the stand-in. */
export function commentEvent(
  r: CommandRepo,
  body: string,
  o: { login?: string; number?: 1 | 2 | 3; onIssue?: boolean; action?: string; userType?: string } = {},
): Record<string, unknown> {
  const login = o.login ?? userOf('write');
  const number = o.number ?? 1;
  const onIssue = o.onIssue ?? false;
  // GitHub's examples are comments on issues; on a pull request the issue carries `pull_request`
  // links, as GitHub sends them for a comment in a PR's conversation.
  const payload = webhookExample('issue_comment', o.action ?? 'created') as unknown as CommentPayload;
  // GitHub stores at most 65,536 characters of a comment; the payload carries what the test gives.
  const seeded = r.state.addComment(number, body.slice(0, 65_536), login);
  payload.comment.id = seeded.id;
  payload.comment.body = body;
  payload.comment.user.login = login;
  payload.comment.user.type = o.userType ?? 'User';
  payload.issue.number = number;
  if (onIssue) delete payload.issue.pull_request;
  else {
    const page = `https://github.com/${OWNER}/${REPO}/pull/${number}`;
    payload.issue.pull_request = {
      url: `${r.api.url}/repos/${OWNER}/${REPO}/pulls/${number}`,
      html_url: page,
      diff_url: `${page}.diff`,
      patch_url: `${page}.patch`,
      merged_at: null,
    };
  }
  payload.repository.name = REPO;
  payload.repository.full_name = `${OWNER}/${REPO}`;
  payload.repository.owner.login = OWNER;
  payload.repository.default_branch = 'main';
  return payload as unknown as Record<string, unknown>;
}

let runs = 0;

export interface InProcessRun {
  error?: string;
  outputs: Record<string, string>;
  infos: string[];
  warnings: string[];
  calls: ApiCall[];
}

/** Runs `actions/command`'s `run` in this process against the stand-in, as the runtime would. */
export async function runInProcess(
  r: CommandRepo,
  payload: Record<string, unknown>,
  inputs: Record<string, string> = {},
): Promise<InProcessRun> {
  const from = r.api.calls.length;
  const result: InProcessRun = { outputs: {}, infos: [], warnings: [], calls: [] };
  const ctx: RunContext = {
    eventName: 'issue_comment',
    payload,
    repository: { owner: OWNER, repo: REPO },
    sha: r.git.branch('main') as string,
    ref: 'refs/heads/main',
    workspace: r.workspace,
    apiUrl: r.api.url,
    graphqlUrl: r.api.graphqlUrl,
    serverUrl: 'https://github.com',
    issueNumber: (payload.issue as { number: number }).number,
    defaultBranch: 'main',
    isDefaultBranchPush: false,
  };
  // A token per run, so that the calls of runs going on at the same time can be told apart.
  const token = `ghs_command_${++runs}`;
  const allInputs: Record<string, string> = { 'github-token': token, ...inputs };
  const io: ActionIO = {
    input: (name) => allInputs[name] ?? '',
    booleanInput: (name) => allInputs[name] === 'true',
    setOutput: (name, value) => {
      result.outputs[name] = value;
    },
    summary: async () => {},
    warn: (m) => result.warnings.push(m),
    info: (m) => result.infos.push(m),
    context: () => ctx,
    github: async () => {
      const token = allInputs['github-token'];
      if (!token) throw new Error('no GitHub token');
      return createGitHub(token, { apiUrl: r.api.url, graphqlUrl: r.api.graphqlUrl, warn: () => {} });
    },
  };
  try {
    await runCommand(io);
  } catch (err) {
    result.error = asShipkitError(err).message;
  }
  result.calls = r.api.calls
    .slice(from)
    .filter((c) => String(c.headers.authorization ?? '').endsWith(` ${allInputs['github-token']}`));
  return result;
}

/** `METHOD /route` of each call, as the REST description names it. */
export const routes = (calls: ApiCall[]) => calls.map((c) => c.route ?? `${c.method} ${c.path}`);
