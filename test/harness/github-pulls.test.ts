import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitData, gitData } from './git-data.js';
import { type GitHubApi, startGitHubApi } from './github-api.js';
import { githubPulls } from './github-pulls.js';

const repo = { owner: 'acme', repo: 'store' };
let api: GitHubApi;
let git: GitData;

beforeEach(async () => {
  api = await startGitHubApi();
  git = gitData(api, repo);
});

afterEach(async () => {
  await api.close();
  git.close();
});

const octokit = () => getOctokit('ghs_test', { baseUrl: api.url, retry: { enabled: false } });
const status = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (err: { status: number; message: string }) => `${err.status} ${err.message}`,
  );

describe('pull requests on the git stand-in', () => {
  it('opens, lists, refuses a duplicate or an empty one, and closes as GitHub does', async () => {
    const main = git.commit('initial', { 'README.md': '# store\n', 'old.txt': 'x\n' });
    git.setBranch('main', main);
    git.setBranch('same', main);
    git.setBranch(
      'feature',
      git.commit('feature', { 'README.md': '# store\nmore\n', 'new.txt': '1\n' }, [main]),
    );
    const { pulls } = githubPulls(api, git, repo);
    const gh = octokit();

    const { data: pr, status: created } = await gh.rest.pulls.create({
      ...repo,
      head: 'feature',
      base: 'main',
      title: 'Feature',
      body: 'text',
    });
    expect(created).toBe(201);
    expect(pr).toMatchObject({
      number: 1,
      html_url: 'https://github.com/acme/store/pull/1',
      head: { ref: 'feature', sha: git.branch('feature') },
      base: { ref: 'main', sha: main },
      commits: 1,
      additions: 2,
      deletions: 1,
      changed_files: 3,
    });
    expect(
      await status(gh.rest.pulls.create({ ...repo, head: 'acme:feature', base: 'main', title: 'again' })),
    ).toMatch(/^422 Validation Failed: .*A pull request already exists for acme:feature\./);
    expect(
      await status(gh.rest.pulls.create({ ...repo, head: 'same', base: 'main', title: 'empty' })),
    ).toMatch(/^422 Validation Failed: .*No commits between main and same/);
    expect(await status(gh.rest.pulls.create({ ...repo, head: 'nope', base: 'main', title: 'x' }))).toMatch(
      /^422 /,
    );

    const open = (head: string) => gh.rest.pulls.list({ ...repo, head, state: 'open' });
    expect((await open('acme:feature')).data.map((p) => p.number)).toEqual([1]);
    expect((await open('acme:other')).data).toEqual([]);
    expect((await open('someone:feature')).data).toEqual([]);

    const { data: closed } = await gh.rest.pulls.update({
      ...repo,
      pull_number: 1,
      state: 'closed',
      title: 'T2',
    });
    expect(closed).toMatchObject({ state: 'closed', title: 'T2', body: 'text' });
    expect(closed.closed_at).not.toBeNull();
    expect((await open('acme:feature')).data).toEqual([]);
    expect((await gh.rest.pulls.list({ ...repo, state: 'all' })).data.map((p) => p.title)).toEqual(['T2']);
    expect(pulls).toMatchObject([{ number: 1, head: 'feature', base: 'main', state: 'closed', title: 'T2' }]);
    expect(await status(gh.rest.pulls.get({ ...repo, pull_number: 9 }))).toMatch(/^404 /);
    api.assertNoViolations();
  });

  it('a tree entry with sha null deletes the path; a read-only token cannot open a pull request', async () => {
    git.setBranch('main', git.commit('initial', { 'a.txt': 'a\n', 'dir/b.txt': 'b\n' }));
    githubPulls(api, git, { ...repo, readOnly: true });
    const gh = octokit();
    const base = git.git(['rev-parse', 'main^{tree}']);
    const { data: tree } = await gh.rest.git.createTree({
      ...repo,
      base_tree: base,
      tree: [
        { path: 'dir/b.txt', mode: '100644', type: 'blob', sha: null },
        { path: 'c.txt', mode: '100644', type: 'blob', content: 'c\n' },
      ],
    });
    expect(tree.tree.map((e) => e.path)).toEqual(['a.txt', 'c.txt']);
    expect(await status(gh.rest.pulls.create({ ...repo, head: 'main', base: 'main', title: 'x' }))).toMatch(
      /^403 Resource not accessible by integration/,
    );
    api.assertNoViolations();
  });
});
