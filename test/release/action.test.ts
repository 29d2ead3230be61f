import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { type GitHubReleases, githubReleases } from '../harness/github-releases.js';
import { type GitHubState, githubState } from '../harness/github-state.js';
import { runAction } from '../harness/runner.js';
import { type FakeCommit, git, makeRepo } from './git-repo.js';

const OWNER = 'acme';
const REPO = 'rocket';
const event = {
  name: 'push',
  payload: { ref: 'refs/tags/v1.1.0', repository: { default_branch: 'main', name: REPO } },
};

let api: GitHubApi;
let releases: GitHubReleases;
let state: GitHubState;
let commits: { oid: string; message: string; files: { path: string; contents: string }[] }[];

beforeEach(async () => {
  api = await startGitHubApi();
  state = githubState(api, { owner: OWNER, repo: REPO });
  releases = await githubReleases(api, { owner: OWNER, repo: REPO });
  commits = [];
  api.onGraphql('ReleasePullRequests', (vars) => {
    const answer: Record<string, unknown> = {};
    for (const [key, sha] of Object.entries(vars)) {
      if (!/^c\d+$/.test(key)) continue;
      answer[key] = {
        associatedPullRequests: { nodes: [{ number: 1000 + Number(key.slice(1)) }] },
        author: { email: 'ada@example.com', user: { login: 'ada' } },
        sha,
      };
    }
    return { repository: answer };
  });
});

afterEach(async () => {
  await releases.close();
  await api.close();
});

function repoWith(extra: FakeCommit[] = [], config = 'release:\n  update: none\n  assets: [dist/*.txt]\n') {
  const dir = makeRepo([
    {
      message: 'feat: first',
      tags: ['v1.0.0'],
      files: {
        '.github/shipkit.yml': config,
        'package.json': '{\n  "name": "rocket",\n  "version": "1.0.0"\n}\n',
      },
    },
    { message: 'feat(cli): add --json (#7)' },
    { message: 'fix: close files' },
    ...extra,
    { message: 'docs: tidy', tags: ['v1.1.0'] },
  ]);
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist/rocket.txt'), 'rocket 1.1.0\n');
  writeFileSync(join(dir, 'dist/checksums.txt'), 'abc  rocket.txt\n');
  return dir;
}

async function greenCheck(dir: string) {
  const sha = git(dir, 'rev-parse', 'v1.1.0').trim();
  const res = await fetch(`${api.url}/repos/${OWNER}/${REPO}/check-runs`, {
    method: 'POST',
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'test', head_sha: sha, status: 'completed', conclusion: 'success' }),
  });
  expect(res.status).toBe(201);
  return sha;
}

const release = (workspace: string, env: Record<string, string> = {}, inputs: Record<string, string> = {}) =>
  runAction({
    action: 'actions/release',
    workspace,
    event,
    apiUrl: api.url,
    token: 'ghs_test',
    repository: `${OWNER}/${REPO}`,
    env: { GITHUB_REF: 'refs/tags/v1.1.0', ...env },
    inputs,
  });

describe('actions/release against the stand-in', () => {
  it('creates the release with notes and assets, in few API calls, and a re-run changes nothing', async () => {
    const many: FakeCommit[] = Array.from({ length: 230 }, (_, i) => ({ message: `fix: bug ${i}` }));
    const dir = repoWith(many);
    await greenCheck(dir);
    const before = api.calls.length;
    const first = await release(dir);
    expect(first.errors).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({
      version: '1.1.0',
      bump: 'minor',
      'release-url': expect.stringContaining('/releases/tag/v1.1.0'),
    });
    const notes = readFileSync(first.outputs['notes-file'] ?? '', 'utf8');
    expect(notes).toContain('### Features');
    expect(notes).toContain('* **cli:** add --json ([#7](https://github.com/acme/rocket/pull/7))');
    expect(notes).toMatch(
      /\* close files \(\[#10\d\d\]\(https:\/\/github.com\/acme\/rocket\/pull\/10\d\d\)\).* by @ada/,
    );
    const calls = api.calls.slice(before);
    const graphql = calls.filter((c) => c.operationId === 'graphql:ReleasePullRequests').length;
    // 231 commits without a PR in the subject: ceil(231/100) queries.
    expect(graphql).toBe(3);
    const uploads = calls.filter((c) => c.operationId === 'repos/upload-release-asset');
    expect(uploads).toHaveLength(2);
    expect(uploads.every((u) => u.query.name?.endsWith('.txt'))).toBe(true);
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(233 / 100) + 2 + 5);
    expect(releases.releases).toHaveLength(1);
    expect(releases.releases[0]).toMatchObject({
      tag_name: 'v1.1.0',
      draft: false,
      prerelease: false,
      body: notes,
    });
    expect(releases.releases[0]?.assets.map((a) => [a.name, a.state]).sort()).toEqual([
      ['checksums.txt', 'uploaded'],
      ['rocket.txt', 'uploaded'],
    ]);

    const again = before + calls.length;
    const second = await release(dir);
    expect(second.exitCode).toBe(0);
    const rerun = api.calls.slice(again).map((c) => c.operationId);
    expect(rerun).not.toContain('repos/upload-release-asset');
    expect(rerun).not.toContain('repos/create-release');
    expect(rerun).not.toContain('repos/update-release');
    expect(releases.releases).toHaveLength(1);
    expect(releases.releases[0]?.assets).toHaveLength(2);
    api.assertNoViolations();
  });

  it('makes a first release (no earlier tag) from the whole history', async () => {
    const dir = makeRepo([
      {
        message: 'feat: first',
        files: {
          '.github/shipkit.yml': 'release:\n  update: none\n',
          'package.json': '{"version": "1.1.0"}\n',
        },
      },
      { message: 'fix: close files (#3)', tags: ['v1.1.0'] },
    ]);
    await greenCheck(dir);
    const run = await release(dir);
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.version).toBe('1.1.0');
    const notes = readFileSync(run.outputs['notes-file'] ?? '', 'utf8');
    expect(notes).toContain('### Features');
    expect(notes).toContain('* close files ([#3](https://github.com/acme/rocket/pull/3))');
    expect(releases.releases.map((r) => r.tag_name)).toEqual(['v1.1.0']);
    api.assertNoViolations();
  });

  it('completes a release that exists: replaces a half-uploaded asset and a changed one, keeps others', async () => {
    const dir = repoWith();
    await greenCheck(dir);
    const existing = releases.addRelease({ tag: 'v1.1.0', body: 'old notes' });
    releases.addAsset(existing, { name: 'rocket.txt', content: 'rocket 1.1.0\n', state: 'open' });
    releases.addAsset(existing, { name: 'checksums.txt', content: 'stale\n' });
    releases.addAsset(existing, { name: 'manual.pdf', content: 'by hand' });
    const before = api.calls.length;
    const r = await release(dir);
    expect(r.exitCode).toBe(0);
    const ops = api.calls.slice(before).map((c) => c.operationId);
    expect(ops.filter((o) => o === 'repos/delete-release-asset')).toHaveLength(2);
    expect(ops.filter((o) => o === 'repos/upload-release-asset')).toHaveLength(2);
    expect(ops).toContain('repos/update-release');
    expect(releases.releases).toHaveLength(1);
    const assets = releases.releases[0]?.assets ?? [];
    expect(assets.map((a) => a.name).sort()).toEqual(['checksums.txt', 'manual.pdf', 'rocket.txt']);
    expect(assets.every((a) => a.state === 'uploaded')).toBe(true);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(
      /also has assets shipkit did not upload: manual.pdf/,
    );
    api.assertNoViolations();
  });

  it('finds its own draft from an earlier run instead of making a second one', async () => {
    const dir = repoWith([], 'release:\n  update: none\n  draft: true\n');
    await greenCheck(dir);
    expect((await release(dir)).exitCode).toBe(0);
    expect((await release(dir)).exitCode).toBe(0);
    expect(releases.releases).toHaveLength(1);
    expect(releases.releases[0]?.draft).toBe(true);
    api.assertNoViolations();
  });

  it('commits CHANGELOG.md and package.json once, through createCommitOnBranch', async () => {
    const dir = repoWith([], 'release:\n  update: commit\n');
    await greenCheck(dir);
    const head = git(dir, 'rev-parse', 'main').trim();
    api.on('GET /repos/{owner}/{repo}/git/ref/{ref}', () => ({
      status: 200,
      body: {
        ref: 'refs/heads/main',
        node_id: 'REF_1',
        url: `${api.url}/repos/${OWNER}/${REPO}/git/refs/heads/main`,
        object: { type: 'commit', sha: head, url: `${api.url}/repos/${OWNER}/${REPO}/git/commits/${head}` },
      },
    }));
    api.onGraphql('ReleaseCommit', (vars) => {
      const input = vars.input as {
        fileChanges: { additions: { path: string; contents: string }[] };
        message: { headline: string };
      };
      commits.push({
        oid: 'f'.repeat(40),
        message: input.message.headline,
        files: input.fileChanges.additions.map((a) => ({
          path: a.path,
          contents: Buffer.from(a.contents, 'base64').toString('utf8'),
        })),
      });
      return { createCommitOnBranch: { commit: { oid: 'f'.repeat(40) } } };
    });
    const r = await release(dir);
    expect(r.errors).toEqual([]);
    expect(commits).toHaveLength(1);
    expect(commits[0]?.message).toBe('chore(release): v1.1.0');
    expect(commits[0]?.files.map((f) => f.path)).toEqual(['CHANGELOG.md', 'package.json']);
    expect(commits[0]?.files[1]?.contents).toContain('"version": "1.1.0"');
    // The working tree has the files too (for later steps such as npm publish).
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toMatch(/^# Changelog\n\n## \[1.1.0\]/);
    // Once the commit is on main, a re-run finds nothing to write.
    git(dir, 'add', '-A');
    git(
      dir,
      '-c',
      'user.name=bot',
      '-c',
      'user.email=bot@example.com',
      'commit',
      '-qm',
      'chore(release): v1.1.0',
    );
    const again = await release(dir);
    expect(again.exitCode).toBe(0);
    expect(commits).toHaveLength(1);
    expect(again.stdout).toContain('already hold 1.1.0');
    api.assertNoViolations();
  });

  it('bad input fails before publishing, and a re-run after the fix completes', async () => {
    const dir = repoWith([], 'release:\n  update: none\n  assets: [dist/*.txt, build/*.tgz]\n');
    await greenCheck(dir);
    const missing = await release(dir);
    expect(missing.exitCode).toBe(1);
    expect(missing.errors[0]?.message).toMatch(
      /asset glob "build\/\*\.tgz" matches no file.*Build the assets before the release step/,
    );
    expect(releases.releases).toHaveLength(0);
    mkdirSync(join(dir, 'build'));
    writeFileSync(join(dir, 'build/rocket-1.1.0.tgz'), 'tgz');
    expect((await release(dir)).exitCode).toBe(0);
    expect(releases.releases[0]?.assets).toHaveLength(3);

    const notSemver = await release(dir, { GITHUB_REF: 'refs/tags/v1.1' });
    expect(notSemver.errors[0]?.message).toMatch(/tag "v1.1" is not a release tag: expected v<semver>/);

    git(dir, 'checkout', '-q', '-b', 'side', 'v1.0.0');
    git(
      dir,
      '-c',
      'user.name=a',
      '-c',
      'user.email=a@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'fix: on a side branch',
    );
    git(dir, 'tag', 'v1.0.1');
    const off = await release(dir, { GITHUB_REF: 'refs/tags/v1.0.1' });
    expect(off.exitCode).toBe(1);
    expect(off.errors[0]?.message).toMatch(/tag v1.0.1 \([0-9a-f]{7}\) is not on the default branch main/);
    api.assertNoViolations();
  });

  it('refuses to release a commit whose required check failed', async () => {
    const dir = repoWith([], 'release:\n  update: none\n  required_checks: [test]\n  checks_timeout: 0s\n');
    const sha = git(dir, 'rev-parse', 'v1.1.0').trim();
    await fetch(`${api.url}/repos/${OWNER}/${REPO}/check-runs`, {
      method: 'POST',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'test', head_sha: sha, status: 'completed', conclusion: 'failure' }),
    });
    const r = await release(dir);
    expect(r.exitCode).toBe(1);
    expect(r.errors[0]?.message).toMatch(/required checks failed on [0-9a-f]{7}: test \(failure\)/);
    expect(releases.releases).toHaveLength(0);
    expect(state.checkRuns).toHaveLength(1);
  });

  it('reads verify-checks as a boolean input: `no` skips the checks, a value that is not one fails first', async () => {
    const dir = repoWith([], 'release:\n  update: none\n  required_checks: [test]\n  checks_timeout: 0s\n');
    const bad = await release(dir, {}, { 'verify-checks': 'sometimes' });
    expect(bad.exitCode).toBe(1);
    expect(bad.errors.map((e) => e.message)).toEqual([
      'input `verify-checks` must be true or false, got "sometimes". Set `verify-checks: true` or `verify-checks: false` under `with:`.',
    ]);
    expect(api.calls).toHaveLength(0);
    // No check run at all: verified, this would time out.
    const skipped = await release(dir, {}, { 'verify-checks': 'no' });
    expect(skipped.errors).toEqual([]);
    expect(skipped.exitCode).toBe(0);
    expect(releases.releases).toHaveLength(1);
    expect(api.calls.some((c) => c.operationId === 'checks/list-for-ref')).toBe(false);
    api.assertNoViolations();
  });
});
