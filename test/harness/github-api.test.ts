import { getOctokit } from '@actions/github';
import { afterEach, describe, expect, it } from 'vitest';
import { type GitHubApi, lostAnswer, noAnswer, secondaryRateLimit, startGitHubApi } from './github-api.js';
import { githubState } from './github-state.js';

const OWNER = 'acme';
const REPO = 'widgets';
const COMMENTS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

let api: GitHubApi;

afterEach(async () => {
  await api?.close();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${api.url}${path}`, init);
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

function octokit(baseUrl = api.url) {
  return getOctokit('test-token', { baseUrl });
}

describe('GitHub REST stand-in: requests', () => {
  it('rejects an endpoint that is not in the REST description', async () => {
    api = await startGitHubApi();
    const res = await call('GET', '/repos/acme/widgets/made-up');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({
      message: 'Not Found (not in GitHub REST description): GET /repos/acme/widgets/made-up',
    });
    expect(api.violations).toHaveLength(1);
    expect(() => api.assertNoViolations()).toThrow(/made-up/);
  });

  it('refuses to register a handler for an undescribed route', async () => {
    api = await startGitHubApi();
    expect(() => api.on('POST /repos/{owner}/{repo}/made-up', () => ({ status: 200 }))).toThrow(
      /Not in the GitHub REST description/,
    );
    expect(() => api.fault({ route: 'GET /nope', status: 502 })).toThrow(
      /Not in the GitHub REST description/,
    );
  });

  it('catches a request body of the wrong type and a missing required field', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    const wrongType = await call('POST', '/repos/acme/widgets/issues/1/comments', { body: 42 });
    expect(wrongType.status).toBe(422);
    expect(wrongType.json).toMatchObject({ errors: ['body.body must be string'] });
    const missing = await call('POST', '/repos/acme/widgets/check-runs', { name: 'gate' });
    expect(missing.status).toBe(422);
    expect(api.violations.join('\n')).toMatch(/must have required property 'head_sha'/);
    const noBody = await call('POST', '/repos/acme/widgets/issues/1/comments');
    expect(noBody.status).toBe(422);
    const bodyOnDelete = await call('DELETE', '/repos/acme/widgets/issues/comments/1', { unexpected: true });
    expect(bodyOnDelete.status).toBe(422);
    expect(api.violations.at(-1)).toMatch(/takes no request body/);
    const notJson = await call('POST', '/repos/acme/widgets/issues/1/comments', '{nope');
    expect(notJson.status).toBe(400);
    expect(api.violations).toHaveLength(5);
  });

  it('catches wrong path and query parameters, and unknown query parameters', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    const path = await call('GET', '/repos/acme/widgets/issues/first/comments');
    expect(path.status).toBe(422);
    expect(api.violations.at(-1)).toMatch(/path\.issue_number must be integer/);
    const query = await call('GET', '/repos/acme/widgets/issues/1/comments?per_page=ten');
    expect(query.status).toBe(422);
    expect(api.violations.at(-1)).toMatch(/query\.per_page must be integer/);
    const enumValue = await call('GET', '/repos/acme/widgets/commits/abc/check-runs?filter=newest');
    expect(enumValue.status).toBe(422);
    const unknown = await call('GET', '/repos/acme/widgets/issues/1/comments?limit=5');
    expect(unknown.status).toBe(422);
    expect(api.violations.at(-1)).toMatch(/query\.limit is not a parameter/);
    expect(api.violations).toHaveLength(4);
  });

  it('answers 501 for a described route without a handler', async () => {
    api = await startGitHubApi();
    const res = await call('GET', '/repos/acme/widgets/pulls/1');
    expect(res.status).toBe(501);
    expect(api.violations.join()).toMatch(/no handler registered/);
  });
});

describe('GitHub REST stand-in: responses', () => {
  it('records a handler answer that violates the response schema', async () => {
    api = await startGitHubApi();
    api.on(COMMENTS, () => ({ status: 201, body: { id: 'one', body: 'hi' } }));
    const res = await call('POST', '/repos/acme/widgets/issues/1/comments', { body: 'hi' });
    expect(res.status).toBe(201);
    const found = api.violations.join('\n');
    expect(found).toMatch(/response 201 body\.id must be integer/);
    expect(found).toMatch(/must have required property 'node_id'/);
  });

  it('records an answer with a status GitHub never gives', async () => {
    api = await startGitHubApi();
    api.on('GET /repos/{owner}/{repo}', () => ({ status: 202, body: {} }));
    await call('GET', '/repos/acme/widgets');
    expect(api.violations.join()).toMatch(/response 202 is not described/);
  });

  it('records every call and sends GitHub-like headers', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    const res = await fetch(`${api.url}/repos/acme/widgets`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(res.headers.get('x-ratelimit-resource')).toBe('core');
    expect(res.headers.get('x-github-request-id')).toMatch(/^[0-9A-F:]+$/);
    expect(api.calls).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/repos/acme/widgets',
        route: 'GET /repos/{owner}/{repo}',
        operationId: 'repos/get',
        status: 200,
      }),
    ]);
    api.assertNoViolations();
  });
});

describe('GitHub REST stand-in: faults', () => {
  it('serves a fault for `times` matching calls, then normal answers', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    api.fault({ route: 'GET /repos/{owner}/{repo}', times: 2, status: 502 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('GET', '/repos/acme/widgets')).status);
    expect(statuses).toEqual([502, 502, 200]);
    api.assertNoViolations();
  });

  it('simulates a secondary rate limit and a slow answer', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    api.fault(secondaryRateLimit(1));
    const limited = await fetch(`${api.url}/repos/acme/widgets`);
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toMatchObject({ message: expect.stringMatching(/secondary rate limit/) });
    api.fault({ delayMs: 150 });
    const started = Date.now();
    expect((await call('GET', '/repos/acme/widgets')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('loses the answer of the Nth matching write after applying it', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    api.fault(lostAnswer(COMMENTS, 1));
    const first = await call('POST', '/repos/acme/widgets/issues/1/comments', { body: 'one' });
    const second = await call('POST', '/repos/acme/widgets/issues/1/comments', { body: 'two' });
    const third = await call('POST', '/repos/acme/widgets/issues/1/comments', { body: 'three' });
    expect([first.status, second.status, third.status]).toEqual([201, 502, 201]);
    expect(state.commentsOn(1).map((c) => c.body)).toEqual(['one', 'two', 'three']);
    api.assertNoViolations();
  });

  it('never answers, with or without applying the write, until the client gives up', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    api.fault(noAnswer(COMMENTS, true));
    api.fault(noAnswer(COMMENTS, false));
    for (const body of ['applied', 'dropped']) {
      const post = fetch(`${api.url}/repos/acme/widgets/issues/1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body }),
        signal: AbortSignal.timeout(200),
      });
      await expect(post).rejects.toThrow(/timeout|aborted/i);
    }
    expect(state.commentsOn(1).map((c) => c.body)).toEqual(['applied']);
    expect(api.calls.map((c) => c.status)).toEqual([0, 0]);
    api.assertNoViolations();
  });
});

describe('GitHub GraphQL stand-in', () => {
  const query =
    'query PrTitle($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { pullRequest(number: 1) { title } } }';

  it('answers a valid query through its handler', async () => {
    api = await startGitHubApi();
    api.onGraphql('PrTitle', (variables) => ({
      repository: { pullRequest: { title: `PR of ${variables.owner}/${variables.name}` } },
    }));
    const result = await octokit().graphql<{ repository: { pullRequest: { title: string } } }>(query, {
      owner: OWNER,
      name: REPO,
    });
    expect(result.repository.pullRequest.title).toBe('PR of acme/widgets');
    api.assertNoViolations();
  });

  it('catches a query with an unknown field and missing variables', async () => {
    api = await startGitHubApi();
    await expect(octokit().graphql('query Me { viewer { login bogusField } }')).rejects.toThrow(
      /Cannot query field "bogusField" on type "User"/,
    );
    await expect(octokit().graphql(query, { owner: OWNER })).rejects.toThrow(/\$name/);
    expect(api.violations).toHaveLength(2);
  });

  it('serves faults for GraphQL too', async () => {
    api = await startGitHubApi();
    api.onGraphql('Me', () => ({ viewer: { login: 'octocat' } }));
    api.fault({ route: 'POST /graphql', status: 502 });
    await expect(octokit().graphql('query Me { viewer { login } }')).rejects.toMatchObject({ status: 502 });
    expect(await octokit().graphql('query Me { viewer { login } }')).toEqual({
      viewer: { login: 'octocat' },
    });
    api.assertNoViolations();
  });
});

describe('GitHub Enterprise Server prefix', () => {
  it('serves REST under /api/v3 and GraphQL at /api/graphql', async () => {
    api = await startGitHubApi({ prefix: '/api/v3' });
    githubState(api, { owner: OWNER, repo: REPO });
    api.onGraphql('Me', () => ({ viewer: { login: 'octocat' } }));
    expect(api.url).toMatch(/\/api\/v3$/);
    expect(api.graphqlUrl).toMatch(/\/api\/graphql$/);
    const { data } = await octokit().rest.repos.get({ owner: OWNER, repo: REPO });
    expect(data.full_name).toBe('acme/widgets');
    expect(await octokit().graphql('query Me { viewer { login } }')).toEqual({
      viewer: { login: 'octocat' },
    });
    expect((await fetch(api.url.replace('/api/v3', '/repos/acme/widgets'))).status).toBe(404);
    expect(api.violations).toHaveLength(1);
  });
});

describe('in-memory GitHub state', () => {
  it('paginates issue comments with a link header that octokit follows', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    for (let i = 1; i <= 7; i++) state.addComment(12, `comment ${i}`, 'octocat');
    state.addComment(13, 'other issue');
    const first = await fetch(`${api.url}/repos/acme/widgets/issues/12/comments?per_page=3`);
    expect(first.headers.get('link')).toBe(
      `<${api.url}/repos/acme/widgets/issues/12/comments?per_page=3&page=2>; rel="next", ` +
        `<${api.url}/repos/acme/widgets/issues/12/comments?per_page=3&page=3>; rel="last"`,
    );
    const all = await octokit().paginate(octokit().rest.issues.listComments, {
      owner: OWNER,
      repo: REPO,
      issue_number: 12,
      per_page: 3,
    });
    expect(all.map((c) => c.body)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `comment ${i}`));
    expect(api.calls.filter((c) => c.operationId === 'issues/list-comments')).toHaveLength(4);
    api.assertNoViolations();
  });

  it('creates, updates and deletes comments as the Actions bot', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    const gh = octokit();
    const { data: created } = await gh.rest.issues.createComment({
      owner: OWNER,
      repo: REPO,
      issue_number: 5,
      body: 'first',
    });
    expect(created.user?.login).toBe('github-actions[bot]');
    await gh.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: created.id, body: 'second' });
    expect(state.commentsOn(5).map((c) => c.body)).toEqual(['second']);
    await gh.rest.issues.deleteComment({ owner: OWNER, repo: REPO, comment_id: created.id });
    expect(state.comments).toEqual([]);
    await expect(
      gh.rest.issues.getComment({ owner: OWNER, repo: REPO, comment_id: created.id }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(gh.rest.repos.get({ owner: 'someone', repo: 'else' })).rejects.toMatchObject({
      status: 404,
    });
    api.assertNoViolations();
  });

  it('creates, updates and lists check runs for a ref', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    const gh = octokit();
    const sha = 'a'.repeat(40);
    const { data: run } = await gh.rest.checks.create({
      owner: OWNER,
      repo: REPO,
      name: 'shipkit / gate',
      head_sha: sha,
      status: 'in_progress',
    });
    await gh.rest.checks.update({
      owner: OWNER,
      repo: REPO,
      check_run_id: run.id,
      conclusion: 'success',
      output: { title: 'Gate passed', summary: 'All checks passed.' },
    });
    await gh.rest.checks.create({ owner: OWNER, repo: REPO, name: 'other', head_sha: 'b'.repeat(40) });
    const { data } = await gh.rest.checks.listForRef({ owner: OWNER, repo: REPO, ref: sha });
    expect(data.total_count).toBe(1);
    expect(data.check_runs[0]).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'Gate passed' },
    });
    expect(state.checkRuns).toHaveLength(2);
    api.assertNoViolations();
  });

  it('reports repository and collaborator permissions', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO, permissions: { maintainer: 'maintain' } });
    const gh = octokit();
    const { data: repo } = await gh.rest.repos.get({ owner: OWNER, repo: REPO });
    expect(repo.default_branch).toBe('main');
    const level = async (username: string) =>
      (await gh.rest.repos.getCollaboratorPermissionLevel({ owner: OWNER, repo: REPO, username })).data;
    expect(await level('maintainer')).toMatchObject({ permission: 'write', role_name: 'maintain' });
    expect(await level('acme')).toMatchObject({ permission: 'admin' });
    expect(await level('stranger')).toMatchObject({ permission: 'read' });
    api.assertNoViolations();
  });

  it('answers writes with 403 for a read-only token', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO, readOnly: true });
    const gh = octokit();
    await expect(
      gh.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 1, body: 'hi' }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/Resource not accessible by integration/),
    });
    await expect(
      gh.rest.checks.create({ owner: OWNER, repo: REPO, name: 'gate', head_sha: 'c'.repeat(40) }),
    ).rejects.toMatchObject({ status: 403 });
    expect(state.comments).toEqual([]);
    expect((await gh.rest.repos.get({ owner: OWNER, repo: REPO })).status).toBe(200);
    api.assertNoViolations();
  });
});
