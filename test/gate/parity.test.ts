import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { runAction } from '../harness/runner.js';
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
});
