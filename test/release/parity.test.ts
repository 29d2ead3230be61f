import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { type GitHubReleases, githubReleases } from '../harness/github-releases.js';
import { runAction } from '../harness/runner.js';
import { makeRepo } from './git-repo.js';

const OWNER = 'acme';
const REPO = 'rocket';

let api: GitHubApi;
let releases: GitHubReleases;

beforeEach(async () => {
  api = await startGitHubApi();
  releases = await githubReleases(api, { owner: OWNER, repo: REPO });
  // GitHub knows no pull request for a commit whose subject names none: the CLI cannot either.
  api.onGraphql('ReleasePullRequests', (vars) => {
    const answer: Record<string, unknown> = {};
    for (const [key, sha] of Object.entries(vars)) {
      if (/^c\d+$/.test(key)) answer[key] = { associatedPullRequests: { nodes: [] }, author: null, sha };
    }
    return { repository: answer };
  });
});

afterEach(async () => {
  await releases.close();
  await api.close();
});

/**
 * `shipkit release notes --to TAG --json` and actions/release on the same tagged repository reach
 * the same outcome: the CLI's JSON is the action's `result` output (version, previous, bump, every
 * section and commit), and the action's `version` and `bump` outputs say the same.
 */
describe('shipkit release notes and actions/release agree', () => {
  it('the same notes JSON for a tag with a breaking change, features, fixes and hidden types', async () => {
    const dir = makeRepo([
      {
        message: 'feat: first',
        tags: ['v1.4.2'],
        files: {
          '.github/shipkit.yml': 'release:\n  update: none\n',
          'package.json': '{\n  "name": "rocket",\n  "version": "1.4.2"\n}\n',
        },
      },
      { message: 'feat(cli)!: rename --out to --output (#11)\n\nBREAKING CHANGE: --out is gone' },
      { message: 'feat: add --json (#12)' },
      { message: 'fix(core): close files (#13)' },
      { message: 'fix: a fix without a pull request' },
      { message: 'chore: bump deps (#14)' },
      { message: 'docs: tidy (#15)', tags: ['v2.0.0'] },
    ]);
    const [action, cli] = await Promise.all([
      runAction({
        action: 'actions/release',
        workspace: dir,
        event: {
          name: 'push',
          payload: { ref: 'refs/tags/v2.0.0', repository: { default_branch: 'main', name: REPO } },
        },
        apiUrl: api.url,
        token: 'ghs_test',
        repository: `${OWNER}/${REPO}`,
        env: { GITHUB_REF: 'refs/tags/v2.0.0' },
        inputs: { 'verify-checks': 'false' },
      }),
      shipkit(['release', 'notes', '--to', 'v2.0.0', '--json'], dir),
    ]);
    expect(action.errors).toEqual([]);
    expect([cli.code, action.exitCode]).toEqual([0, 0]);
    const outcome = JSON.parse(action.outputs.result ?? '');
    expect(JSON.parse(cli.stdout)).toEqual(outcome);
    expect(outcome).toMatchObject({ version: '2.0.0', bump: 'major' });
    expect([action.outputs.version, action.outputs.bump]).toEqual([outcome.version, outcome.bump]);
    const commits = outcome.sections.flatMap((s: { commits: { pr: number | null }[] }) => s.commits);
    expect(commits.map((c: { pr: number | null }) => c.pr)).toEqual(expect.arrayContaining([11, 12, 13]));
    expect(readFileSync(action.outputs['notes-file'] ?? '', 'utf8')).toContain('close files');
  });
});
