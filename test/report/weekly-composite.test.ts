// actions/weekly-report, the composite the scheduled workflow uses, run step by step as the runner
// runs it (test/harness/composite.ts): its expressions, its `run:` steps in bash, the report
// action's bundle started from GITHUB_ACTION_PATH, then what it hands to actions/upload-artifact
// (which needs the Actions service and is not run here), then the fail-on step.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runComposite } from '../harness/composite.js';
import { type ReportRepo, reportRepo, scheduledRun } from './report-world.js';

let repo: ReportRepo | undefined;
afterEach(async () => {
  await repo?.close();
  repo = undefined;
});

function weekly(r: ReportRepo, inputs: Record<string, string>) {
  const uploads: Record<string, string>[] = [];
  const run = runComposite({
    action: 'actions/weekly-report',
    ...scheduledRun(r, inputs),
    token: 'ghs_weeklytoken',
    uses: {
      'actions/upload-artifact': (w) => {
        uploads.push(w);
        return undefined;
      },
    },
  });
  return run.then((result) => ({ result, uploads }));
}

describe('actions/weekly-report (composite), step by step', () => {
  it('reports, hands the four files to upload-artifact, then fails on a red checkpoint', async () => {
    repo = await reportRepo();
    const { result, uploads } = await weekly(repo, { 'fail-on': 'red', 'artifact-name': 'weekly' });
    expect(result.steps.map((s) => [s.id ?? s.name, s.outcome])).toEqual([
      ['report', 'success'],
      ['actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02', 'delegated'],
      ['Checkpoint verdict', 'failure'],
    ]);
    expect(result.outputs.verdict).toBe('red');
    const out = result.outputs['out-dir'] as string;
    expect(out).toBe(join(repo.workspace, 'shipkit-report'));
    expect(readdirSync(out).sort()).toEqual(['report.html', 'report.json', 'report.md', 'slack.json']);
    expect(uploads).toEqual([
      { name: 'weekly', path: out, 'retention-days': '90', 'if-no-files-found': 'error' },
    ]);
    expect(result.outputs['issue-url']).toMatch(/\/issues\/\d+$/);
    expect(result.errors.map((e) => e.message)).toEqual(['the weekly checkpoint is red (fail-on: red)']);
    expect(result.exitCode).toBe(1);
    repo.api.assertNoViolations();
  }, 60_000);

  it('without fail-on a red week passes: the fail-on step is skipped', async () => {
    repo = await reportRepo();
    const { result, uploads } = await weekly(repo, { 'fail-on': '' });
    expect(result.steps.map((s) => s.outcome)).toEqual(['success', 'delegated', 'skipped']);
    expect(result.outputs.verdict).toBe('red');
    expect(result.exitCode).toBe(0);
    expect(uploads).toHaveLength(1);
  }, 60_000);

  it('a hostile input stays data: an INPUT_ variable, refused in one line, nothing written', async () => {
    repo = await reportRepo();
    const marker = join(repo.workspace, 'pwned');
    const before = repo.data.branch('shipkit-data');
    // (fail-on given: its step is skipped after a failed step, as GitHub reads `if:` as success() && …)
    const { result, uploads } = await weekly(repo, {
      'data-branch': `x"; touch ${marker}; echo "`,
      'fail-on': 'red',
    });
    expect(existsSync(marker)).toBe(false);
    expect(result.steps.map((s) => s.outcome)).toEqual(['failure', 'skipped', 'skipped']);
    expect(result.errors.map((e) => e.message)).toEqual([
      'input `data-branch` is not a branch name: it holds a space, a control character or one of ~ ^ : ? * [ \\. Name a branch such as shipkit-data (the rules of `git check-ref-format --branch`).',
    ]);
    expect(uploads).toEqual([]);
    expect(repo.data.branch('shipkit-data')).toBe(before);
    expect(repo.issues.issues.filter((i) => i.labels.includes('shipkit-report'))).toEqual([]);
  }, 60_000);

  it('an unknown fail-on fails in one line after the upload', async () => {
    repo = await reportRepo();
    const { result, uploads } = await weekly(repo, { 'fail-on': 'green' });
    expect(uploads).toHaveLength(1);
    expect(result.errors.map((e) => e.message)).toEqual(['input fail-on must be red or yellow, got green']);
    expect(result.exitCode).toBe(1);
  }, 60_000);
});
