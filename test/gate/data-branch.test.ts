import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GateSummary } from '../../src/gate/baseline.js';
import type { GitHub } from '../../src/github/client.js';
import { listDataFiles, readDataFile, writeDataFiles } from '../../src/github/data-branch.js';
import { gateSummaryPath as baselinePath } from '../../src/gate/baseline.js';
import { findBaseline, storeBaseline } from '../../src/github/gate-baseline.js';
import { type GitData, gitData } from '../harness/git-data.js';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const branch = { owner: OWNER, repo: REPO, branch: 'shipkit-data' };

let api: GitHubApi;
let git: GitData;
let gh: GitHub;
const warnings: string[] = [];

beforeEach(async () => {
  api = await startGitHubApi();
  git = gitData(api, { owner: OWNER, repo: REPO });
  // createGitHub's client without the throttle that spaces writes a second apart on github.com
  // (production behaviour; these tests measure no time and would only wait).
  gh = getOctokit('ghs_test', { baseUrl: api.url, retry: { retries: 0 } }, retry);
});

afterEach(async () => {
  api.assertNoViolations();
  await api.close();
  git.close();
});

const summary = (commit: string, pct: number): GateSummary => ({
  schemaVersion: 1,
  commit,
  createdAt: '2026-01-05T09:00:00Z',
  coverage: {
    lines: { covered: pct, total: 100, pct },
    files: { 'src/a.ts': [pct, 100] },
    formats: ['lcov'],
  },
});

describe('the data branch store', () => {
  it('creates the branch, adds files in later commits and keeps the history', async () => {
    const first = await writeDataFiles(gh, branch, [{ path: 'gate/a.json', content: '{"a":1}\n' }], 'first');
    expect(first.attempts).toBe(1);
    await writeDataFiles(gh, branch, [{ path: 'gate/b.json', content: '{"b":2}\n' }], 'second');
    expect(await readDataFile(gh, branch, 'gate/a.json')).toBe('{"a":1}\n');
    expect((await listDataFiles(gh, branch, 'gate/')).map((f) => f.path)).toEqual([
      'gate/a.json',
      'gate/b.json',
    ]);
    expect(git.git(['log', '--format=%s', 'shipkit-data']).split('\n')).toEqual(['second', 'first']);
    // The data branch shares nothing with the code: its first commit has no parent.
    expect(git.git(['rev-list', '--max-parents=0', 'shipkit-data'])).toBe(first.commit);
    expect(await readDataFile(gh, branch, 'gate/none.json')).toBeUndefined();
  });

  it('retries after a writer that raced it moved the branch (a real non-fast-forward)', async () => {
    await writeDataFiles(gh, branch, [{ path: 'seed.json', content: '{}\n' }], 'seed');
    // Hold our first commit request long enough for the other writer to land first.
    api.fault({ route: 'POST /repos/{owner}/{repo}/git/commits', delayMs: 300, times: 1 });
    const slow = writeDataFiles(gh, branch, [{ path: 'gate/slow.json', content: '1\n' }], 'slow');
    await new Promise((r) => setTimeout(r, 50));
    const fast = await writeDataFiles(gh, branch, [{ path: 'gate/fast.json', content: '2\n' }], 'fast');
    const late = await slow;
    expect(fast.attempts).toBe(1);
    expect(late.attempts).toBe(2);
    const rejected = api.calls.filter(
      (c) => c.route === 'PATCH /repos/{owner}/{repo}/git/refs/{ref}' && c.status === 422,
    );
    expect(rejected).toHaveLength(1);
    expect(Object.keys(git.files('shipkit-data')).sort()).toEqual([
      'gate/fast.json',
      'gate/slow.json',
      'seed.json',
    ]);
    expect(git.git(['log', '--format=%s', 'shipkit-data']).split('\n')).toEqual(['slow', 'fast', 'seed']);
  });

  it('retries once after an injected 422 and sends force: false', async () => {
    await writeDataFiles(gh, branch, [{ path: 'seed.json', content: '{}\n' }], 'seed');
    api.fault({
      route: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
      status: 422,
      body: {
        message: 'Update is not a fast forward',
        documentation_url: 'https://docs.github.com/rest/git/refs#update-a-reference',
      },
    });
    const r = await writeDataFiles(gh, branch, [{ path: 'x.json', content: '1\n' }], 'x');
    expect(r.attempts).toBe(2);
    const patches = api.calls.filter((c) => c.route === 'PATCH /repos/{owner}/{repo}/git/refs/{ref}');
    expect(patches.map((c) => [(c.body as { force: boolean }).force, c.status])).toEqual([
      [false, 422],
      [false, 200],
    ]);
    // Three writes a try: the tree (contents inline), the commit, the ref.
    const writes = api.calls.filter((c) => c.method !== 'GET').map((c) => c.route?.split('/').at(-1));
    expect(writes.slice(-6)).toEqual(['trees', 'commits', '{ref}', 'trees', 'commits', '{ref}']);
  });

  it('gives up after the retries with GitHub’s error', async () => {
    await writeDataFiles(gh, branch, [{ path: 'seed.json', content: '{}\n' }], 'seed');
    api.fault({ route: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}', status: 422, times: 3 });
    await expect(
      writeDataFiles(gh, branch, [{ path: 'x.json', content: '1\n' }], 'x', 3),
    ).rejects.toMatchObject({
      status: 422,
    });
  });
});

describe('baselines on the data branch', () => {
  it('finds the nearest stored first-parent ancestor of the base', async () => {
    // main: c1 ← c2 ← c3 ← m4 (merge of c3 and side s1) ← c5. Stored: c2 and s1 (newer, but off the first-parent line).
    const c1 = git.commit('c1', { 'a.txt': '1' });
    const c2 = git.commit('c2', { 'a.txt': '2' }, [c1]);
    const c3 = git.commit('c3', { 'a.txt': '3' }, [c2]);
    const s1 = git.commit('s1', { 'a.txt': 's' }, [c2]);
    const m4 = git.commit('m4', { 'a.txt': 'm' }, [c3, s1]);
    const c5 = git.commit('c5', { 'a.txt': '5' }, [m4]);
    git.setBranch('main', c5);
    await storeBaseline(gh, branch, summary(c2, 80));
    await storeBaseline(gh, branch, summary(s1, 99));
    expect(Object.keys(git.files('shipkit-data')).sort()).toEqual(
      [baselinePath(c2), baselinePath(s1)].sort(),
    );
    const found = await findBaseline(gh, branch, c5, (m) => warnings.push(m));
    expect(found).toMatchObject({ commit: c2, distance: 3, summary: { coverage: { lines: { pct: 80 } } } });
    expect(await findBaseline(gh, branch, c1, () => {})).toBeUndefined();
    expect((await findBaseline(gh, branch, s1, () => {}))?.distance).toBe(0);
  });

  it('stops after maxCommits and pages through long histories', async () => {
    let prev = git.commit('c0', { 'a.txt': '0' });
    const first = prev;
    const tree = git.git(['rev-parse', `${first}^{tree}`]);
    for (let i = 1; i <= 150; i++) prev = git.git(['commit-tree', tree, '-p', prev], `c${i}`);
    await storeBaseline(gh, branch, summary(first, 70));
    expect((await findBaseline(gh, branch, prev, () => {}))?.distance).toBe(150);
    const listed = api.calls.filter((c) => c.route === 'GET /repos/{owner}/{repo}/commits');
    expect(listed.map((c) => c.query.page)).toEqual(['1', '2']);
    expect(await findBaseline(gh, branch, prev, () => {}, 100)).toBeUndefined();
  });

  it('skips a stored summary of another schemaVersion or shape with a warning naming it; reads the old `schema: 1`', async () => {
    const c1 = git.commit('c1', { 'a.txt': '1' });
    const c2 = git.commit('c2', { 'a.txt': '2' }, [c1]);
    const c3 = git.commit('c3', { 'a.txt': '3' }, [c2]);
    git.setBranch('main', c3);
    const { schemaVersion: _v, ...old } = summary(c1, 70);
    await writeDataFiles(
      gh,
      branch,
      [
        { path: baselinePath(c1), content: JSON.stringify({ ...old, schema: 1 }) },
        { path: baselinePath(c2), content: JSON.stringify({ ...summary(c2, 80), schemaVersion: 2 }) },
        { path: baselinePath(c3), content: JSON.stringify({ ...summary(c3, 90), coverage: { lines: 90 } }) },
      ],
      'three summaries',
    );
    const found = await findBaseline(gh, branch, c3, (m) => warnings.push(m));
    expect(found).toMatchObject({
      commit: c1,
      distance: 2,
      summary: { schemaVersion: 1, coverage: { lines: { pct: 70 } } },
    });
    expect(warnings).toEqual([
      `shipkit-data:${baselinePath(c3)}: the gate baseline is not valid: coverage.lines: Invalid input: expected object, received number; looking further back.`,
      `shipkit-data:${baselinePath(c2)}: the gate baseline has schemaVersion 2; this shipkit reads schemaVersion 1; looking further back.`,
    ]);
  });

  it('is empty before anything was stored', async () => {
    expect(await findBaseline(gh, branch, 'a'.repeat(40), () => {})).toBeUndefined();
  });
});
