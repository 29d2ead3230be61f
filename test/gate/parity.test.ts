import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { gitData } from '../harness/git-data.js';
import { startGitHubApi } from '../harness/github-api.js';
import { githubState } from '../harness/github-state.js';
import { runAction } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';
import { pullRequestEvent } from './events.js';
import { type JsProject, jsProject } from './js-project.js';

const CONFIG = `gates:
  test_coverage:
    threshold: 60%
    patch: 80%
    action: fail_if_below
    ignore: ['test/**']
  security:
    max_vulnerabilities: 10
    action: warn_if_exceeded
  code_duplication:
    threshold: 5%
    max_new_clones: 0
    action: warn_if_above
  documentation:
    coverage: 50% of public APIs
    action: fail_if_below
`;

const fixture = (p: string) => new URL(`../fixtures/gate/${p}`, import.meta.url);

let project: JsProject;
let head: string;

beforeAll(() => {
  project = jsProject();
  project.write('.github/shipkit.yml', CONFIG);
  project.commit('config');
  project.coverage();
  cpSync(fixture('npm-audit/npm7-output.json'), join(project.dir, 'audit.json'));
  cpSync(fixture('jscpd/head-report.json'), join(project.dir, 'jscpd.json'));
  cpSync(fixture('jscpd/base-report.json'), join(project.dir, 'jscpd-base.json'));
  cpSync(fixture('typedoc/coverage.json'), join(project.dir, 'typedoc.json'));
  head = project.git('rev-parse', 'HEAD').trim();
});

/**
 * `shipkit gate --json` and actions/gate's saved outcome (`report-file`), on the same reports and
 * the same change (the action takes the pull request's diff from git, the CLI `--base` the same
 * base commit), must be the same outcome: verdict, every result and figure, the Markdown, the
 * annotations and the baseline figures. Only what labels the run differs: the commit (`local`
 * for the CLI), the time and the ref in the baseline, and the saved file's head SHA and PR number.
 */
describe('shipkit gate and actions/gate agree', () => {
  it('the same outcome JSON from the same reports and diff', async () => {
    const [action, cli] = await Promise.all([
      runAction({
        action: 'actions/gate',
        inputs: {
          coverage: 'lcov.info',
          security: 'audit.json',
          duplication: 'jscpd.json',
          'base-duplication': 'jscpd-base.json',
          docs: 'typedoc.json',
          'data-branch': '',
          comment: 'false',
          annotations: 'false',
          'report-file': 'saved.json',
        },
        workspace: project.dir,
        event: pullRequestEvent(project.base, head),
        sha: head,
      }),
      shipkit(
        [
          'gate',
          '--coverage',
          'lcov.info',
          '--security',
          'audit.json',
          '--duplication',
          'jscpd.json',
          '--base-duplication',
          'jscpd-base.json',
          '--docs',
          'typedoc.json',
          '--base',
          project.base,
          '--json',
        ],
        project.dir,
      ),
    ]);
    expect(cli.code).toBe(action.exitCode);
    const { headSha, pullRequest, ...saved } = JSON.parse(
      readFileSync(join(project.dir, 'saved.json'), 'utf8'),
    );
    expect([headSha, typeof pullRequest]).toEqual([head, 'number']);
    const local = JSON.parse(cli.stdout);
    const label = (o: { baseline: Record<string, unknown> }) => {
      const { commit, createdAt, ref, ...figures } = o.baseline;
      return { ...o, baseline: figures };
    };
    expect(local.baseline.commit).toBe('local');
    expect(saved.baseline.commit).toBe(head);
    expect(label(local)).toEqual(label(saved));
    // the comparison covers every gate, with real figures
    expect(saved.results.map((r: { id: string }) => r.id).sort()).toEqual(
      ['coverage', 'documentation', 'duplication', 'patch', 'security'].sort(),
    );
    expect(saved.annotations.length).toBeGreaterThan(0);
  });

  it('the same outcome from a stored baseline and an API diff as from --baseline and --diff files', async () => {
    const api = await startGitHubApi();
    const repo = { owner: 'Codertocat', repo: 'Hello-World' };
    githubState(api, repo);
    const data = gitData(api, repo);
    try {
      const reports = { coverage: 'lcov.info', security: 'audit.json', docs: 'typedoc.json' };
      // A push to the default branch stores the base's summary on the data branch.
      const stored = await runAction({
        action: 'actions/gate',
        inputs: reports,
        workspace: project.dir,
        apiUrl: api.url,
        token: 'ghs_x',
        sha: project.base,
        env: { GITHUB_REF: 'refs/heads/master' },
        event: { name: 'push', payload: webhookExample('push') },
      });
      expect(stored.errors.map((e) => e.message)).toEqual([]);
      const path = `gate/${project.base.slice(0, 2)}/${project.base}.json`;
      writeFileSync(join(project.dir, 'baseline.json'), data.files('shipkit-data')[path] as string);
      // The pull request's change as GitHub lists it, and as a diff file for the CLI.
      const diff = project.git('diff', `${project.base}...HEAD`, '--', 'src/math.mjs');
      writeFileSync(join(project.dir, 'math.diff'), diff);
      api.on('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', () => ({
        status: 200,
        body: [
          {
            sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
            filename: 'src/math.mjs',
            status: 'modified',
            additions: 14,
            deletions: 0,
            changes: 14,
            blob_url: `https://github.com/Codertocat/Hello-World/blob/${head}/src/math.mjs`,
            raw_url: `https://github.com/Codertocat/Hello-World/raw/${head}/src/math.mjs`,
            contents_url: `${api.url}/repos/Codertocat/Hello-World/contents/src/math.mjs?ref=${head}`,
            patch: diff.split('\n').slice(4).join('\n'),
          },
        ],
      }));
      const [action, cli] = await Promise.all([
        runAction({
          action: 'actions/gate',
          inputs: {
            ...reports,
            diff: 'api',
            comment: 'false',
            annotations: 'false',
            'report-file': 'saved2.json',
          },
          workspace: project.dir,
          apiUrl: api.url,
          token: 'ghs_x',
          event: pullRequestEvent(project.base, head),
        }),
        shipkit(
          [
            'gate',
            ...Object.entries(reports).flatMap(([k, v]) => [`--${k}`, v]),
            '--diff',
            'math.diff',
            '--baseline',
            'baseline.json',
            '--json',
          ],
          project.dir,
        ),
      ]);
      expect(action.stdout).toContain(`Baseline: ${project.base} on shipkit-data`);
      expect(cli.code).toBe(action.exitCode);
      const {
        headSha: _h,
        pullRequest: _p,
        ...saved
      } = JSON.parse(readFileSync(join(project.dir, 'saved2.json'), 'utf8'));
      const label = (o: { baseline: Record<string, unknown> }) => {
        const { commit, createdAt, ref, ...figures } = o.baseline;
        return { ...o, baseline: figures };
      };
      expect(label(JSON.parse(cli.stdout))).toEqual(label(saved));
      // the baseline was compared with, and the patch measured from the one changed file
      expect(saved.outputs['coverage-base']).toMatch(/^\d/);
      expect(saved.outputs['patch-total']).toBe('14');
      api.assertNoViolations();
    } finally {
      data.close();
      await api.close();
    }
  });
});
