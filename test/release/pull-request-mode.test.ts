import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHub } from '../../src/github/client.js';
import { pushUpdates } from '../../src/github/release-commit.js';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { type Json, repositoryObject, timestamp, userObject } from '../harness/github-objects.js';

const HEAD = 'b'.repeat(40);
let api: GitHubApi;

beforeEach(async () => {
  api = await startGitHubApi();
});
afterEach(() => api.close());

/** A pull request as GitHub answers `POST /pulls` (and, trimmed by the validator's eye, `GET /pulls`). */
function pullRequest(number: number, head: string, extra: boolean): Json {
  const owner = userObject(api.url, 'acme', 1, 'Organization');
  const repo = repositoryObject({
    apiUrl: api.url,
    owner,
    name: 'rocket',
    id: 7,
    defaultBranch: 'main',
    createdAt: timestamp(),
  });
  const url = `${api.url}/repos/acme/rocket/pulls/${number}`;
  const html = `https://github.com/acme/rocket/pull/${number}`;
  const link = (href: string) => ({ href });
  const now = timestamp();
  return {
    url,
    id: 900 + number,
    node_id: `PR_${number}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api.url}/repos/acme/rocket/issues/${number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api.url}/repos/acme/rocket/pulls/comments{/number}`,
    comments_url: `${api.url}/repos/acme/rocket/issues/${number}/comments`,
    statuses_url: `${api.url}/repos/acme/rocket/statuses/${HEAD}`,
    number,
    state: 'open',
    locked: false,
    title: 'chore(release): v1.1.0',
    user: userObject(api.url, 'github-actions[bot]', 41898282),
    body: 'release files',
    labels: [],
    milestone: null,
    created_at: now,
    updated_at: now,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    head: { label: `acme:${head}`, ref: head, sha: HEAD, user: owner, repo },
    base: { label: 'acme:main', ref: 'main', sha: HEAD, user: owner, repo },
    _links: {
      self: link(url),
      html: link(html),
      issue: link(`${api.url}/repos/acme/rocket/issues/${number}`),
      comments: link(`${api.url}/repos/acme/rocket/issues/${number}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${api.url}/repos/acme/rocket/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${api.url}/repos/acme/rocket/statuses/${HEAD}`),
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    ...(extra
      ? {
          merged: false,
          mergeable: null,
          mergeable_state: 'unknown',
          merged_by: null,
          comments: 0,
          review_comments: 0,
          maintainer_can_modify: false,
          commits: 1,
          additions: 3,
          deletions: 1,
          changed_files: 2,
        }
      : {}),
  };
}

describe('release files by pull request', () => {
  it('commits on shipkit/release-<tag> and opens one PR; a re-run resets the branch and reuses the PR', async () => {
    const branches = new Map<string, string>([['main', HEAD]]);
    const pulls: Json[] = [];
    const commitsOn: string[] = [];
    const ref = (name: string, sha: string) => ({
      ref: `refs/heads/${name}`,
      node_id: 'REF_x',
      url: `${api.url}/repos/acme/rocket/git/refs/heads/${name}`,
      object: { type: 'commit', sha, url: `${api.url}/repos/acme/rocket/git/commits/${sha}` },
    });
    api
      .on('GET /repos/{owner}/{repo}/git/ref/{ref}', (req) => {
        const name = String(req.params.ref).replace(/^heads\//, '');
        const sha = branches.get(name);
        return sha
          ? { status: 200, body: ref(name, sha) }
          : { status: 404, body: { message: 'Not Found', documentation_url: '', status: '404' } };
      })
      .on('POST /repos/{owner}/{repo}/git/refs', (req) => {
        const body = req.body as { ref: string; sha: string };
        const name = body.ref.replace(/^refs\/heads\//, '');
        if (branches.has(name)) {
          return {
            status: 422,
            body: { message: 'Reference already exists', documentation_url: '', status: '422' },
          };
        }
        branches.set(name, body.sha);
        return { status: 201, body: ref(name, body.sha) };
      })
      .on('PATCH /repos/{owner}/{repo}/git/refs/{ref}', (req) => {
        const name = String(req.params.ref).replace(/^heads\//, '');
        branches.set(name, (req.body as { sha: string }).sha);
        return { status: 200, body: ref(name, (req.body as { sha: string }).sha) };
      })
      .on('GET /repos/{owner}/{repo}/pulls', (req) => ({
        status: 200,
        body: pulls
          .filter((p) => `acme:${(p.head as Json).ref}` === req.query.head)
          .map((p) => pullRequest(Number(p.number), String((p.head as Json).ref), false)),
      }))
      .on('POST /repos/{owner}/{repo}/pulls', (req) => {
        const pr = pullRequest(pulls.length + 1, String((req.body as Json).head), true);
        pulls.push(pr);
        return { status: 201, body: pr };
      });
    api.onGraphql('ReleaseCommit', (vars) => {
      const input = vars.input as { branch: { branchName: string }; expectedHeadOid: string };
      commitsOn.push(`${input.branch.branchName}@${input.expectedHeadOid.slice(0, 3)}`);
      return { createCommitOnBranch: { commit: { oid: 'c'.repeat(40) } } };
    });
    const gh = createGitHub('t', { apiUrl: api.url, graphqlUrl: api.graphqlUrl, warn: () => {} });
    const request = {
      owner: 'acme',
      repo: 'rocket',
      base: 'main',
      tag: 'v1.1.0',
      files: [{ path: 'CHANGELOG.md', content: '# Changelog\n' }],
      mode: 'pull-request' as const,
      expectedBase: HEAD,
      info: () => {},
    };
    const first = await pushUpdates(gh, request);
    expect(first.pullRequest).toBe('https://github.com/acme/rocket/pull/1');
    const second = await pushUpdates(gh, request);
    expect(second.pullRequest).toBe('https://github.com/acme/rocket/pull/1');
    expect(pulls).toHaveLength(1);
    expect(commitsOn).toEqual(['shipkit/release-v1.1.0@bbb', 'shipkit/release-v1.1.0@bbb']);
    await expect(pushUpdates(gh, { ...request, expectedBase: 'd'.repeat(40) })).rejects.toThrow(
      /main moved since this job checked it out/,
    );
    api.assertNoViolations();
  });
});
