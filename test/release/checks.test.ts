import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHub } from '../../src/github/client.js';
import { verifyChecks } from '../../src/github/release-checks.js';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { githubState } from '../harness/github-state.js';

const SHA = 'a'.repeat(40);
let api: GitHubApi;

beforeEach(async () => {
  api = await startGitHubApi();
  githubState(api, { owner: 'acme', repo: 'rocket' });
});
afterEach(() => api.close());

async function checkRun(body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${api.url}/repos/acme/rocket/check-runs`, {
    method: 'POST',
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: JSON.stringify({ head_sha: SHA, ...body }),
  });
  return ((await res.json()) as { id: number }).id;
}

describe('required checks on the tagged commit', () => {
  it('waits for a running check, one API call per poll, and leaves out its own workflow run', async () => {
    const gh = createGitHub('t', { apiUrl: api.url, graphqlUrl: api.graphqlUrl, warn: () => {} });
    const id = await checkRun({ name: 'test', status: 'in_progress' });
    await checkRun({
      name: 'release',
      status: 'in_progress',
      details_url: 'https://github.com/acme/rocket/actions/runs/77/job/1',
    });
    const before = api.calls.length;
    const waits: string[] = [];
    const passed = await verifyChecks(gh, {
      owner: 'acme',
      repo: 'rocket',
      sha: SHA,
      required: [],
      timeoutMs: 60_000,
      runId: '77',
      pollMs: 1,
      info: (m) => waits.push(m),
      sleep: async () => {
        await fetch(`${api.url}/repos/acme/rocket/check-runs/${id}`, {
          method: 'PATCH',
          headers: { authorization: 'token t', 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'completed', conclusion: 'success' }),
        });
      },
    });
    expect(passed).toEqual(['test']);
    expect(waits).toEqual([`waiting for checks on ${SHA.slice(0, 7)}: test`]);
    expect(api.calls.slice(before).filter((c) => c.operationId === 'checks/list-for-ref')).toHaveLength(2);
    api.assertNoViolations();
  });

  it('names a required check that never ran when the wait is over', async () => {
    const gh = createGitHub('t', { apiUrl: api.url, graphqlUrl: api.graphqlUrl, warn: () => {} });
    await checkRun({ name: 'lint', status: 'completed', conclusion: 'success' });
    await expect(
      verifyChecks(gh, {
        owner: 'acme',
        repo: 'rocket',
        sha: SHA,
        required: ['lint', 'e2e'],
        timeoutMs: 0,
        info: () => {},
      }),
    ).rejects.toThrow(`required checks not finished on ${SHA.slice(0, 7)}: e2e`);
  });
});
