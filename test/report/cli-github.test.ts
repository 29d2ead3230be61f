// `shipkit report --repo owner/name` with a token reads what only the API knows, as actions/report
// does, and writes nothing to GitHub; without a token those sections stay n/a.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/report/json.js';
import { shipkit } from '../harness/cli.js';
import { type ReportRepo, reportRepo } from './report-world.js';

let repo: ReportRepo | undefined;
afterEach(async () => {
  await repo?.close();
  repo = undefined;
});

function clone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-report-cli-'));
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Ann',
    GIT_AUTHOR_EMAIL: 'ann@example.com',
    GIT_COMMITTER_NAME: 'Ann',
    GIT_COMMITTER_EMAIL: 'ann@example.com',
    GIT_AUTHOR_DATE: '2026-11-25T10:00:00Z',
    GIT_COMMITTER_DATE: '2026-11-25T10:00:00Z',
  };
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'feat: one (#1)'], { cwd: dir, env });
  return dir;
}

describe('shipkit report --repo with a token', () => {
  it('reads the API sections as the action does, with reads only', async () => {
    repo = await reportRepo();
    const env = {
      GITHUB_TOKEN: 'ghs_cli',
      GITHUB_API_URL: repo.api.url,
      GITHUB_GRAPHQL_URL: repo.api.graphqlUrl,
    };
    const run = await shipkit(['report', '--week', '2026-W48', '--repo', 'acme/app', '--json'], clone(), env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const snapshot = parseSnapshot(run.stdout, 'stdout');
    expect(snapshot.activity).toMatchObject({
      pullRequestsMerged: 300,
      pullRequestsOpened: expect.any(Number),
    });
    expect(snapshot.security.dependabot).toMatchObject({ open: 40 });
    expect(snapshot.velocity).toMatchObject({ milestone: 'Sprint 12' });
    expect(snapshot.coverage).toMatchObject({ previous: 78 });
    expect(repo.api.calls.filter((c) => c.method !== 'GET' && !c.path.endsWith('/graphql'))).toEqual([]);
    repo.api.assertNoViolations();
  }, 60_000);

  it('without a token the API sections are n/a and nothing is asked', async () => {
    repo = await reportRepo();
    const run = await shipkit(['report', '--week', '2026-W48', '--repo', 'acme/app', '--json'], clone(), {
      GITHUB_API_URL: repo.api.url,
    });
    expect(run.code).toBe(0);
    const snapshot = parseSnapshot(run.stdout, 'stdout');
    expect(snapshot.activity.commits).toBe(1);
    expect(snapshot.activity.pullRequestsOpened).toMatchObject({ status: 'n/a' });
    expect(repo.api.calls).toEqual([]);
  }, 60_000);
});
