import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gitData } from '../harness/git-data.js';
import { type GitHubApi, lostAnswer, noAnswer, startGitHubApi } from '../harness/github-api.js';
import { githubState } from '../harness/github-state.js';
import { runAction } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';
import { pullRequestEvent } from './events.js';
import { type JsProject, jsProject } from './js-project.js';

const CONFIG = `gates:
  test_coverage:
    threshold: auto
    tolerance: 1%
    patch: 80%
    action: fail_if_below
    ignore: ['test/**']
  security:
    max_vulnerabilities: 10
    action: warn_if_exceeded
`;

let project: JsProject;
let head: string;
let api: GitHubApi;

beforeAll(() => {
  project = jsProject();
  project.write('.github/shipkit.yml', CONFIG);
  project.commit('config');
  project.coverage();
  cpSync(
    new URL('../fixtures/gate/npm-audit/npm7-output.json', import.meta.url),
    join(project.dir, 'audit.json'),
  );
  head = project.git('rev-parse', 'HEAD').trim();
});

beforeEach(async () => {
  api = await startGitHubApi();
});

afterEach(async () => {
  api.assertNoViolations();
  await api.close();
});

const inputs = { coverage: 'lcov.info', security: 'audit.json', 'data-branch': '' };

describe('actions/gate on a pull_request', () => {
  it('publishes outputs, the summary, one sticky comment updated in place, annotations; exits 1 on a failed fail_* gate', async () => {
    const state = githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const options = {
      action: 'actions/gate',
      inputs,
      workspace: project.dir,
      apiUrl: api.url,
      token: 'ghs_gate_token',
      event: pullRequestEvent(project.base, head),
    };
    const first = await runAction(options);
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(1);
    expect(first.outputs).toMatchObject({
      verdict: 'fail',
      'patch-status': 'fail',
      'security-status': 'pass',
    });
    expect(first.outputs['security-vulnerabilities']).toBe('4');
    expect(first.errors.at(-1)?.message).toMatch(/^quality gates failed: Patch coverage \(/);
    expect(first.summary).toContain('## ❌ shipkit gate: failed');
    expect(first.summary).toContain('No baseline yet');
    expect(first.masks).toContain('ghs_gate_token');
    const comments = state.commentsOn(2);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('| Patch coverage | ❌ fail |');
    const [check] = state.checkRuns;
    expect(check).toMatchObject({
      name: 'shipkit gate',
      head_sha: head,
      conclusion: 'failure',
      status: 'completed',
    });
    expect(check?.output.annotations_count).toBe(
      Number(first.outputs['patch-total']) > 0 ? check?.output.annotations_count : -1,
    );
    const annotated = api.calls
      .filter((c) => c.route?.includes('check-runs') && c.method !== 'GET')
      .flatMap(
        (c) => (c.body as { output?: { annotations?: { path: string }[] } }).output?.annotations ?? [],
      );
    expect(annotated.map((a) => a.path)).toEqual(annotated.map(() => 'src/math.mjs'));
    expect(annotated.length).toBe(check?.output.annotations_count);
    expect(annotated.length).toBeGreaterThan(0);

    // A re-run edits the same comment instead of adding one.
    const id = comments[0]?.id;
    writeFileSync(
      join(project.dir, 'shipkit-ok.yml'),
      'gates:\n  test_coverage: {threshold: 50%, patch: 50%}\n',
    );
    const second = await runAction({ ...options, inputs: { ...inputs, 'config-file': 'shipkit-ok.yml' } });
    expect(second.exitCode).toBe(0);
    expect(second.outputs.verdict).toBe('pass');
    expect(state.commentsOn(2)).toHaveLength(1);
    expect(state.commentsOn(2)[0]?.id).toBe(id);
    expect(state.commentsOn(2)[0]?.body).toContain('## ✅ shipkit gate: passed');
  });

  it('leaves one comment and one check run when answers are lost or never come, on a re-run too', async () => {
    const state = githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    api.fault(lostAnswer('POST /repos/{owner}/{repo}/issues/{issue_number}/comments'));
    api.fault(noAnswer('POST /repos/{owner}/{repo}/check-runs', true));
    const options = {
      action: 'actions/gate',
      inputs,
      workspace: project.dir,
      apiUrl: api.url,
      token: 'ghs_gate_token',
      event: pullRequestEvent(project.base, head),
      env: { SHIPKIT_REQUEST_TIMEOUT_MS: '500' },
    };
    const first = await runAction(options);
    expect(first.stderr).toBe('');
    expect(first.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^quality gates failed/)]);
    api.fault(lostAnswer('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'));
    await runAction({ ...options, inputs: { ...inputs, security: '' } });
    expect(state.commentsOn(2)).toHaveLength(1);
    expect(state.checkRuns).toHaveLength(1);
    expect(api.calls.map((c) => c.status)).toContain(502);
    expect(api.calls.map((c) => c.status)).toContain(0);
  });

  it('batches annotations 50 to a request', async () => {
    const many = jsProject();
    const fns = Array.from(
      { length: 120 },
      (_, i) => `export function f${i}(x) {\n  return x + ${i};\n}\n`,
    ).join('\n');
    many.write('src/many.mjs', fns);
    // Loaded by a test but never called: every function body is an uncovered stretch of its own.
    many.write(
      'test/many.test.mjs',
      "import test from 'node:test';\nimport * as m from '../src/many.mjs';\ntest('loads', () => m);\n",
    );
    many.write(
      '.github/shipkit.yml',
      'gates:\n  test_coverage: {threshold: 10%, patch: 90%, action: warn_if_below}\n',
    );
    many.commit('many');
    many.coverage();
    const state = githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const run = await runAction({
      action: 'actions/gate',
      inputs: { coverage: 'lcov.info', 'data-branch': '', comment: 'false' },
      workspace: many.dir,
      apiUrl: api.url,
      token: 'ghs_x',
      event: pullRequestEvent(many.base, many.git('rev-parse', 'HEAD').trim()),
    });
    expect(run.stderr).toBe('');
    expect(run.errors).toEqual([]);
    // A warn_* gate that is not met warns and does not fail the step.
    expect(run.outputs.verdict).toBe('warn');
    expect(run.exitCode).toBe(0);
    const checkCalls = api.calls.filter(
      (c) =>
        c.route?.startsWith('POST /repos/{owner}/{repo}/check-runs') ||
        c.route?.startsWith('PATCH /repos/{owner}/{repo}/check-runs'),
    );
    const sizes = checkCalls.map(
      (c) => (c.body as { output: { annotations?: unknown[] } }).output.annotations?.length ?? 0,
    );
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(120);
    expect(sizes.every((n) => n <= 50)).toBe(true);
    expect(checkCalls).toHaveLength(Math.ceil(total / 50));
    expect(state.checkRuns[0]?.output.annotations_count).toBe(total);
    expect(state.checkRuns[0]?.status).toBe('completed');
  });

  it('on a fork with a read-only token: summary and exit code, no crash', async () => {
    const state = githubState(api, { owner: 'Codertocat', repo: 'Hello-World', readOnly: true });
    const run = await runAction({
      action: 'actions/gate',
      inputs,
      workspace: project.dir,
      apiUrl: api.url,
      token: 'ghs_read_only',
      event: pullRequestEvent(project.base, head),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.summary).toContain('## ❌ shipkit gate: failed');
    expect(run.warnings.map((w) => w.message).join('\n')).toMatch(/cannot write the PR comment \(read-only/);
    expect(run.warnings.map((w) => w.message).join('\n')).toMatch(/cannot write the check run \(read-only/);
    expect(state.comments).toHaveLength(0);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('falls back to the API diff when the base is not in the checkout, and it must apply', async () => {
    githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const ws = mkdtempSync(join(tmpdir(), 'shipkit-nogit-'));
    for (const f of ['src', 'test', '.github', 'lcov.info', 'audit.json'])
      cpSync(join(project.dir, f), join(ws, f), { recursive: true });
    const patch = project
      .git('diff', `${project.base}...HEAD`, '--', 'src/math.mjs')
      .split('\n')
      .slice(4)
      .join('\n');
    const file = (p: string) => ({
      sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
      filename: p,
      status: 'modified',
      additions: 14,
      deletions: 0,
      changes: 14,
      blob_url: `https://github.com/Codertocat/Hello-World/blob/${head}/${p}`,
      raw_url: `https://github.com/Codertocat/Hello-World/raw/${head}/${p}`,
      contents_url: `${api.url}/repos/Codertocat/Hello-World/contents/${p}?ref=${head}`,
      patch,
    });
    api.on('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', () => ({
      status: 200,
      body: [file('src/math.mjs')],
    }));
    const gate = () =>
      runAction({
        action: 'actions/gate',
        inputs: { ...inputs, comment: 'false', annotations: 'false' },
        workspace: ws,
        apiUrl: api.url,
        token: 'ghs_x',
        event: pullRequestEvent('0'.repeat(40), head),
      });
    const run = await gate();
    expect(run.stderr).toBe('');
    expect(run.outputs['patch-total']).toBe('14');
    // The same diff against an older working tree does not apply: a clear error, not a wrong figure.
    writeFileSync(join(ws, 'src/math.mjs'), 'export const x = 1;\n');
    const stale = await gate();
    expect(stale.exitCode).toBe(1);
    expect(stale.errors[0]?.message).toMatch(/^the diff does not apply: line \d+ of src\/math\.mjs/);
  });
});

describe('actions/gate input errors', () => {
  it('a misspelt `diff` is an error naming the input and its values, not a silent auto', async () => {
    const run = await runAction({
      action: 'actions/gate',
      inputs: { ...inputs, diff: 'gti', comment: 'false', annotations: 'false' },
      workspace: project.dir,
      apiUrl: api.url,
      token: 'ghs_x',
      event: pullRequestEvent(project.base, head),
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      'input `diff` must be one of auto, git, api, none, got "gti". Leave it out (auto: git when the base is in the checkout, else the API).',
    ]);
    expect(run.outputs).toEqual({});
  });
});

describe('actions/gate baseline on the data branch', () => {
  it('a push to the default branch stores the summary; a pull request then compares with it', async () => {
    githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const data = gitData(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const push = webhookExample('push');
    const stored = await runAction({
      action: 'actions/gate',
      inputs: { coverage: 'lcov.info' },
      workspace: project.dir,
      apiUrl: api.url,
      token: 'ghs_x',
      sha: project.base,
      env: { GITHUB_REF: 'refs/heads/master' },
      event: { name: 'push', payload: push },
    });
    expect(stored.stderr).toBe('');
    expect(stored.exitCode).toBe(0);
    const files = data.files('shipkit-data');
    const path = `gate/${project.base.slice(0, 2)}/${project.base}.json`;
    expect(Object.keys(files)).toEqual([path]);
    const summary = JSON.parse(files[path] as string);
    expect(summary).toMatchObject({ schemaVersion: 1, commit: project.base, ref: 'refs/heads/master' });
    expect(summary.coverage.lines.total).toBe(Number(stored.outputs['coverage-total']));
    expect(JSON.stringify(summary)).not.toContain('DA:');

    const pr = await runAction({
      action: 'actions/gate',
      inputs: { coverage: 'lcov.info', comment: 'false', annotations: 'false' },
      workspace: project.dir,
      apiUrl: api.url,
      token: 'ghs_x',
      event: pullRequestEvent(project.base, head),
    });
    // rounded down at two decimals, as every output is (Codecov's rule)
    expect(pr.outputs['coverage-base']).toBe(String(Math.floor(summary.coverage.lines.pct * 100) / 100));
    expect(pr.stdout).toContain(`Baseline: ${project.base} on shipkit-data, 0 commit(s) behind the base.`);
    data.close();
  });
});

describe('the umbrella action with command: gate', () => {
  it("fills the inputs left empty with the gate's own defaults (comment, annotations, data branch)", async () => {
    const state = githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    gitData(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const run = await runAction({
      action: '.',
      inputs: { command: 'gate', coverage: 'lcov.info', security: 'audit.json' },
      workspace: project.dir,
      apiUrl: api.url,
      token: 'ghs_gate_token',
      event: pullRequestEvent(project.base, head),
    });
    expect(run.stderr).toBe('');
    expect(run.outputs.verdict).toBe('fail');
    // `comment` and `annotations` default to true for the gate (false for config): both happened.
    expect(state.comments.filter((c) => c.body.includes('shipkit gate'))).toHaveLength(1);
    expect(state.checkRuns.map((c) => c.name)).toEqual(['shipkit gate']);
    // `data-branch` defaults to shipkit-data: the baseline was looked up there.
    expect(api.calls.some((c) => c.path.includes('/git/') || c.path.includes('shipkit-data'))).toBe(true);
  });
});
