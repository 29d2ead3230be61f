import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Annotation, publishCheckRun } from '../src/github/checks.js';
import { createGitHub } from '../src/github/client.js';
import { stickyMarker, upsertStickyComment } from '../src/github/comment.js';
import { readRunContext } from '../src/github/context.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT } from '../src/github/limits.js';
import { writeOrSummarize } from '../src/github/publish.js';
import { appendJobSummary } from '../src/github/summary.js';
import { type GitHubApi, secondaryRateLimit, startGitHubApi } from './harness/github-api.js';
import { githubState } from './harness/github-state.js';

const OWNER = 'acme';
const REPO = 'widgets';
let api: GitHubApi;
const warnings: string[] = [];

afterEach(async () => {
  api.assertNoViolations();
  await api.close();
  warnings.length = 0;
});

function client(a: GitHubApi = api) {
  return createGitHub('ghs_test', { apiUrl: a.url, graphqlUrl: a.graphqlUrl, warn: (m) => warnings.push(m) });
}

const target = { owner: OWNER, repo: REPO, issueNumber: 7, key: 'gate' };

/** Writes through REST (GraphQL's `viewer` query, asked once for the token's login, left out). */
function restWrites() {
  return api.calls.filter((c) => c.method !== 'GET' && !c.operationId?.startsWith('graphql:'));
}

describe('sticky PR comment', () => {
  it('is created once, then updated in place, and left alone when unchanged', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    state.addComment(7, 'LGTM', 'octocat');
    const gh = client();
    expect((await upsertStickyComment(gh, target, 'coverage 91%')).action).toBe('created');
    expect((await upsertStickyComment(gh, target, 'coverage 92%')).action).toBe('updated');
    expect((await upsertStickyComment(gh, target, 'coverage 92%')).action).toBe('unchanged');
    const mine = state.commentsOn(7).filter((c) => c.body.startsWith(stickyMarker('gate')));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body).toBe(`${stickyMarker('gate')}\ncoverage 92%`);
    expect(state.commentsOn(7)).toHaveLength(2);
    const writes = restWrites().map((c) => c.operationId);
    expect(writes).toEqual(['issues/create-comment', 'issues/update-comment']);
  });

  it('keeps one comment per key, and finds it past the first page', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    for (let i = 0; i < 130; i++) state.addComment(7, `chatter ${i}`, 'octocat');
    const gh = client();
    await upsertStickyComment(gh, { ...target, key: 'config' }, 'config ok');
    await upsertStickyComment(gh, target, 'gate ok');
    await upsertStickyComment(gh, target, 'gate still ok');
    expect(state.commentsOn(7).filter((c) => c.body.includes('shipkit:sticky'))).toHaveLength(2);
    expect(api.calls.filter((c) => c.operationId === 'issues/list-comments').length).toBeGreaterThanOrEqual(
      6,
    );
  });

  it('removes duplicates a concurrent run left behind', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    state.addComment(7, `${stickyMarker('gate')}\nold`, 'github-actions[bot]');
    state.addComment(7, `${stickyMarker('gate')}\nold twin`, 'github-actions[bot]');
    await upsertStickyComment(client(), target, 'new');
    expect(state.commentsOn(7).map((c) => c.body)).toEqual([`${stickyMarker('gate')}\nnew`]);
  });

  it('never edits a comment by someone else that starts with the marker', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    const forged = state.addComment(7, `${stickyMarker('gate')}\nforged verdict: pass`, 'mallory');
    const gh = client();
    expect((await upsertStickyComment(gh, target, 'coverage 80%')).action).toBe('created');
    expect((await upsertStickyComment(gh, target, 'coverage 81%')).action).toBe('updated');
    expect(forged.body).toBe(`${stickyMarker('gate')}\nforged verdict: pass`);
    expect(state.commentsOn(7).map((c) => [c.user.login, c.body])).toEqual([
      ['mallory', `${stickyMarker('gate')}\nforged verdict: pass`],
      ['github-actions[bot]', `${stickyMarker('gate')}\ncoverage 81%`],
    ]);
    expect(restWrites().map((c) => c.operationId)).toEqual([
      'issues/create-comment',
      'issues/update-comment',
    ]);
  });

  it("with a personal access token, is the token user's own (GET /user), not the Actions bot's", async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO, actor: 'release-bot-user' });
    state.addComment(7, `${stickyMarker('gate')}\nby the workflow token`, 'github-actions[bot]');
    await upsertStickyComment(client(), target, 'mine');
    expect(state.commentsOn(7).map((c) => c.user.login)).toEqual(['github-actions[bot]', 'release-bot-user']);
    expect(api.calls.map((c) => c.operationId)).toContain('users/get-authenticated');
    expect(api.calls.map((c) => c.operationId)).not.toContain('graphql:ShipkitViewer');
  });

  it('is truncated below GitHub limit with a note', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    const huge = Array.from({ length: 5000 }, (_, i) => `| file-${i}.ts | 12.5% |`).join('\n');
    await upsertStickyComment(client(), target, huge);
    const body = state.commentsOn(7)[0]?.body ?? '';
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toMatch(/truncated: the full report is in the job summary_\n$/);
  });
});

describe('check runs', () => {
  it('sends annotations 50 a request and completes on the last one', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    const annotations: Annotation[] = Array.from({ length: 120 }, (_, i) => ({
      path: `src/f${i}.ts`,
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'warning',
      message: `line ${i + 1} is not covered`,
    }));
    const result = await publishCheckRun(client(), {
      owner: OWNER,
      repo: REPO,
      name: 'shipkit gate',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      conclusion: 'failure',
      title: 'coverage 80% < 90%',
      summary: 'details',
      annotations,
    });
    expect(result.requests).toBe(3);
    const sent = api.calls.filter((c) => c.method !== 'GET');
    expect(
      sent.map((c) => (c.body as { output: { annotations: unknown[] } }).output.annotations.length),
    ).toEqual([50, 50, 20]);
    expect(sent.map((c) => (c.body as { status?: string }).status)).toEqual([
      'in_progress',
      undefined,
      'completed',
    ]);
    expect(state.checkRuns[0]?.conclusion).toBe('failure');
  });

  it('is one run per name and head SHA: a re-run updates it, or sends nothing when it says the same', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    const input = {
      owner: OWNER,
      repo: REPO,
      name: 'shipkit gate',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      conclusion: 'failure' as const,
      title: 'coverage 80% < 90%',
      summary: 'details',
      annotations: [
        {
          path: 'src/a.ts',
          start_line: 3,
          end_line: 3,
          annotation_level: 'warning' as const,
          message: 'uncovered',
        },
      ],
    };
    const first = await publishCheckRun(client(), input);
    const again = await publishCheckRun(client(), input);
    expect(again).toEqual({ id: first.id, requests: 0 });
    const passed = await publishCheckRun(client(), { ...input, conclusion: 'success', title: 'ok' });
    expect(passed).toEqual({ id: first.id, requests: 1 });
    expect(state.checkRuns.map((r) => [r.name, r.conclusion, r.output.title])).toEqual([
      ['shipkit gate', 'success', 'ok'],
    ]);
    expect(state.annotations.get(first.id)).toHaveLength(1);
    // Another commit, or another name, is another run.
    await publishCheckRun(client(), { ...input, headSha: 'a'.repeat(40) });
    await publishCheckRun(client(), { ...input, name: 'shipkit perf' });
    expect(state.checkRuns).toHaveLength(3);
  });

  it('starts a new run when the old one carries annotations that no longer apply (GitHub cannot remove them)', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO });
    const input = {
      owner: OWNER,
      repo: REPO,
      name: 'shipkit gate',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      conclusion: 'failure' as const,
      title: 't',
      summary: 's',
      annotations: [
        {
          path: 'src/a.ts',
          start_line: 3,
          end_line: 3,
          annotation_level: 'warning' as const,
          message: 'old',
        },
      ],
    };
    const first = await publishCheckRun(client(), input);
    const fixed = await publishCheckRun(client(), { ...input, conclusion: 'success', annotations: [] });
    expect(fixed.id).not.toBe(first.id);
    expect(state.annotations.get(fixed.id) ?? []).toEqual([]);
  });

  it('with 50 or fewer annotations is one completed request', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    const result = await publishCheckRun(client(), {
      owner: OWNER,
      repo: REPO,
      name: 'shipkit gate',
      headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      conclusion: 'success',
      title: 'ok',
      summary: 'ok',
    });
    expect(result.requests).toBe(1);
  });
});

describe('the client under faults', () => {
  it('retries a server error and succeeds', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    api.fault({ route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', status: 502, times: 1 });
    const r = await upsertStickyComment(client(), target, 'hi');
    expect(r.action).toBe('created');
    expect(restWrites().map((c) => c.status)).toEqual([502, 201]);
  });

  it('waits out a secondary rate limit as retry-after says', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    api.fault(secondaryRateLimit(1, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'));
    const started = Date.now();
    await upsertStickyComment(client(), target, 'hi');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(warnings.join('\n')).toMatch(/secondary rate limit on POST .*retrying in 1s/);
    expect(restWrites().map((c) => c.status)).toEqual([403, 201]);
  });

  it('talks to GitHub Enterprise Server under /api/v3, GraphQL under /api/graphql', async () => {
    api = await startGitHubApi({ prefix: '/api/v3' });
    githubState(api, { owner: OWNER, repo: REPO });
    const ctx = readRunContext({ GITHUB_API_URL: api.url });
    expect(ctx.graphqlUrl).toBe(api.graphqlUrl);
    api.onGraphql('Viewer', () => ({ viewer: { login: 'octocat' } }));
    const gh = createGitHub('t', { apiUrl: ctx.apiUrl, graphqlUrl: ctx.graphqlUrl, warn: () => {} });
    await upsertStickyComment(gh, target, 'hi');
    const data = await gh.graphql<{ viewer: { login: string } }>('query Viewer { viewer { login } }');
    expect(data.viewer.login).toBe('octocat');
    // A request outside /api/v3 or /api/graphql would be a violation (checked after each test).
    expect(api.calls.map((c) => c.operationId ?? c.path)).toContain('issues/create-comment');
  });

  it('sends the token in the authorization header', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    await upsertStickyComment(client(), target, 'hi');
    expect(api.calls[0]?.headers.authorization).toBe('token ghs_test');
  });
});

describe('read-only token (a fork pull request)', () => {
  it('degrades a comment to the job summary with a warning', async () => {
    api = await startGitHubApi();
    const state = githubState(api, { owner: OWNER, repo: REPO, readOnly: true });
    const summary = join(await mkdtemp(join(tmpdir(), 'shipkit-sum-')), 'summary.md');
    await writeFile(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
    try {
      const r = await writeOrSummarize(
        'PR comment',
        () => upsertStickyComment(client(), target, 'coverage 91%'),
        'coverage 91%',
        (m) => warnings.push(m),
      );
      expect(r).toBeUndefined();
    } finally {
      delete process.env.GITHUB_STEP_SUMMARY;
    }
    expect(state.comments).toHaveLength(0);
    expect(await readFile(summary, 'utf8')).toBe('coverage 91%\n');
    expect(warnings[0]).toMatch(/cannot write the PR comment \(read-only/);
  });

  it('still fails on other errors', async () => {
    api = await startGitHubApi();
    githubState(api, { owner: OWNER, repo: REPO });
    api.fault({
      route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      status: 422,
      times: 1,
      body: { message: 'Validation Failed' },
    });
    await expect(
      writeOrSummarize(
        'PR comment',
        () => upsertStickyComment(client(), target, 'x'),
        'x',
        () => {},
      ),
    ).rejects.toThrow(/Validation Failed/);
  });
});

describe('job summary', () => {
  it('stays under 1 MiB, cut at a line with a note', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'shipkit-sum-')), 'summary.md');
    await writeFile(file, `${'x'.repeat(1000)}\n`);
    const line = `${'é'.repeat(99)}\n`;
    await appendJobSummary(line.repeat(8000), file);
    const size = (await stat(file)).size;
    expect(size).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(size).toBeGreaterThan(SUMMARY_LIMIT - 300);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/é\n\n… _truncated: the job summary is limited to 1 MiB_\n$/);
    expect(text).not.toContain('\uFFFD');
    await appendJobSummary(line.repeat(100), file);
    expect((await stat(file)).size).toBeLessThanOrEqual(SUMMARY_LIMIT);
  });

  it('says there is none outside Actions', async () => {
    expect(await appendJobSummary('x', undefined)).toBe(false);
  });
});
