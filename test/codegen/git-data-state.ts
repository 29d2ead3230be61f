// An in-memory Git Data store (refs, blobs, trees, commits) and pull requests, served through the
// GitHub API stand-in: every request and answer is validated against GitHub's REST description.
import { createHash } from 'node:crypto';
import type { GitHubApi } from '../harness/github-api.js';
import { type Json, nodeId, repositoryObject, timestamp, userObject } from '../harness/github-objects.js';

export interface Pull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
}

export interface GitData {
  refs: Map<string, string>;
  /** Commit sha → tree (path → content) and message. */
  commits: Map<string, { tree: string; message: string; parents: string[] }>;
  trees: Map<string, Map<string, string>>;
  blobs: Map<string, string>;
  pulls: Pull[];
  /** The files of the commit a branch points at. */
  filesOf(branch: string): Map<string, string>;
}

const sha = (s: string) => createHash('sha1').update(s).digest('hex');

export function gitDataState(
  api: GitHubApi,
  opts: { owner: string; repo: string; files: Map<string, string> },
): GitData {
  const { owner, repo } = opts;
  const base = `${api.url}/repos/${owner}/${repo}`;
  const user = userObject(api.url, owner, 1);
  const repository = repositoryObject({
    apiUrl: api.url,
    owner: user,
    name: repo,
    id: 7,
    defaultBranch: 'main',
    createdAt: timestamp(),
  });
  const blobs = new Map<string, string>();
  const trees = new Map<string, Map<string, string>>();
  const commits = new Map<string, { tree: string; message: string; parents: string[] }>();
  const refs = new Map<string, string>();
  const pulls: Pull[] = [];
  const putTree = (files: Map<string, string>) => {
    const id = sha(JSON.stringify([...files].sort()));
    trees.set(id, new Map(files));
    return id;
  };
  const rootTree = putTree(opts.files);
  const rootCommit = sha(`root${rootTree}`);
  commits.set(rootCommit, { tree: rootTree, message: 'initial', parents: [] });
  refs.set('main', rootCommit);

  const refObject = (branch: string): Json => ({
    ref: `refs/heads/${branch}`,
    node_id: nodeId('REF', 1),
    url: `${base}/git/refs/heads/${branch}`,
    object: {
      type: 'commit',
      sha: refs.get(branch) as string,
      url: `${base}/git/commits/${refs.get(branch)}`,
    },
  });
  const person = { name: 'github-actions[bot]', email: 'bot@example.com', date: timestamp() };
  const commitObject = (id: string): Json => {
    const c = commits.get(id) as { tree: string; message: string; parents: string[] };
    return {
      sha: id,
      node_id: nodeId('C', 1),
      url: `${base}/git/commits/${id}`,
      html_url: `https://github.com/${owner}/${repo}/commit/${id}`,
      author: person,
      committer: person,
      tree: { sha: c.tree, url: `${base}/git/trees/${c.tree}` },
      message: c.message,
      parents: c.parents.map((p) => ({
        sha: p,
        url: `${base}/git/commits/${p}`,
        html_url: `https://github.com/${owner}/${repo}/commit/${p}`,
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    };
  };
  const pullObject = (p: Pull): Json => {
    const url = `${base}/pulls/${p.number}`;
    const html = `https://github.com/${owner}/${repo}/pull/${p.number}`;
    const branchRef = (b: string) => ({
      label: `${owner}:${b}`,
      ref: b,
      repo: repository,
      sha: refs.get(b) ?? '0'.repeat(40),
      user,
    });
    return {
      url,
      id: 100 + p.number,
      node_id: nodeId('PR', p.number),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: `${base}/issues/${p.number}`,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${base}/pulls/comments{/number}`,
      comments_url: `${base}/issues/${p.number}/comments`,
      statuses_url: `${base}/statuses/${refs.get(p.head)}`,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user,
      body: p.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: timestamp(),
      updated_at: timestamp(),
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: branchRef(p.head),
      base: branchRef(p.base),
      _links: Object.fromEntries(
        ['comments', 'commits', 'statuses', 'html', 'issue', 'review_comments', 'review_comment', 'self'].map(
          (k) => [k, { href: url }],
        ),
      ),
      author_association: 'OWNER',
      auto_merge: null,
      draft: false,
      merged: false,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: 1,
      additions: 1,
      deletions: 0,
      changed_files: 1,
    };
  };
  const simple = (p: Pull): Json => {
    const o = pullObject(p);
    for (const k of [
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
    ])
      delete o[k];
    return o;
  };
  type Body = Record<string, unknown>;
  api
    .on('GET /repos/{owner}/{repo}/git/ref/{ref}', (req) => {
      const branch = String(req.params.ref).replace(/^heads\//, '');
      if (!refs.has(branch))
        return {
          status: 404,
          body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
        };
      return { status: 200, body: refObject(branch) };
    })
    .on('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', (req) => ({
      status: 200,
      body: commitObject(String(req.params.commit_sha)),
    }))
    .on('POST /repos/{owner}/{repo}/git/blobs', (req) => {
      const content = String((req.body as Body).content);
      const id = sha(`blob${content}`);
      blobs.set(id, content);
      return { status: 201, body: { url: `${base}/git/blobs/${id}`, sha: id } };
    })
    .on('POST /repos/{owner}/{repo}/git/trees', (req) => {
      const b = req.body as { base_tree: string; tree: { path: string; sha: string | null }[] };
      const files = new Map(trees.get(b.base_tree));
      for (const e of b.tree) {
        if (e.sha === null) files.delete(e.path);
        else files.set(e.path, blobs.get(e.sha) as string);
      }
      const id = putTree(files);
      const entries = [...files.keys()].sort().map((path) => ({
        path,
        mode: '100644',
        type: 'blob',
        sha: sha(`blob${files.get(path)}`),
        size: (files.get(path) as string).length,
        url: `${base}/git/blobs/x`,
      }));
      return {
        status: 201,
        body: { sha: id, url: `${base}/git/trees/${id}`, tree: entries, truncated: false },
      };
    })
    .on('POST /repos/{owner}/{repo}/git/commits', (req) => {
      const b = req.body as { message: string; tree: string; parents: string[] };
      const id = sha(`commit${b.tree}${b.parents.join()}${b.message}`);
      commits.set(id, { tree: b.tree, message: b.message, parents: b.parents });
      return { status: 201, body: commitObject(id) };
    })
    .on('POST /repos/{owner}/{repo}/git/refs', (req) => {
      const b = req.body as { ref: string; sha: string };
      const branch = b.ref.replace(/^refs\/heads\//, '');
      if (refs.has(branch))
        return {
          status: 422,
          body: { message: 'Reference already exists', documentation_url: 'https://docs.github.com/rest' },
        };
      refs.set(branch, b.sha);
      return { status: 201, body: refObject(branch) };
    })
    .on('PATCH /repos/{owner}/{repo}/git/refs/{ref}', (req) => {
      const branch = String(req.params.ref).replace(/^heads\//, '');
      refs.set(branch, String((req.body as Body).sha));
      return { status: 200, body: refObject(branch) };
    })
    .on('GET /repos/{owner}/{repo}/pulls', (req) => {
      const head = String(req.query.head ?? '').replace(`${owner}:`, '');
      const list = pulls.filter(
        (p) =>
          p.state === req.query.state &&
          (!head || p.head === head) &&
          (!req.query.base || p.base === req.query.base),
      );
      return { status: 200, body: list.map(simple) };
    })
    .on('POST /repos/{owner}/{repo}/pulls', (req) => {
      const b = req.body as { head: string; base: string; title: string; body: string };
      const p: Pull = {
        number: pulls.length + 1,
        head: b.head,
        base: b.base,
        title: b.title,
        body: b.body,
        state: 'open',
      };
      pulls.push(p);
      return { status: 201, body: pullObject(p) };
    })
    .on('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', (req) => {
      const p = pulls.find((x) => x.number === Number(req.params.pull_number)) as Pull;
      Object.assign(p, req.body);
      return { status: 200, body: pullObject(p) };
    });
  return {
    refs,
    commits,
    trees,
    blobs,
    pulls,
    filesOf: (branch) =>
      trees.get(commits.get(refs.get(branch) as string)?.tree as string) as Map<string, string>,
  };
}
