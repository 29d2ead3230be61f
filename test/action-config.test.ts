import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_COMMANDS } from '../src/main.js';
import { type GitHubApi, startGitHubApi } from './harness/github-api.js';
import { type GitHubState, githubState } from './harness/github-state.js';
import { ROOT, type RunActionResult, runAction } from './harness/runner.js';
import { webhookExample } from './harness/webhooks.js';

async function workspace(config?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shipkit-ws-'));
  if (config !== undefined) {
    await cp(join(ROOT, 'examples/.github'), join(dir, '.github'), { recursive: true });
    await writeFile(join(dir, '.github/shipkit.yml'), config);
  }
  return dir;
}

describe('the umbrella action, command: config', () => {
  it('writes the resolved configuration to the job summary and an output', async () => {
    const ws = await workspace();
    await cp(join(ROOT, 'examples/.github'), join(ws, '.github'), { recursive: true });
    const run = await runAction({
      action: '.',
      inputs: { command: 'config' },
      workspace: ws,
      event: { name: 'push', payload: webhookExample('push') },
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.outputs['config-file']).toBe('.github/shipkit.yml');
    const config = JSON.parse(run.outputs.config ?? '');
    expect(config.gates.test_coverage).toEqual({ threshold: 90, action: 'fail_if_below' });
    expect(config.gates.performance.throughput).toEqual({ per_second: 100, at_least: true });
    expect(run.summary).toContain('`.github/shipkit.yml` is valid.');
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(run.summary)?.[1] ?? '';
    expect(parse(yamlBlock)).toEqual(config);
  });

  it('on a bad config exits 1 with an ::error annotation at the line', async () => {
    const ws = await workspace('gates:\n  test_coverage:\n    threshold: 90%\n    acton: fail_if_below\n');
    const run = await runAction({ action: '.', inputs: { command: 'config' }, workspace: ws });
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]).toEqual({
      command: 'error',
      properties: { title: 'shipkit', file: '.github/shipkit.yml', line: '4', col: '5' },
      message: 'unknown key `gates.test_coverage.acton`. Did you mean `action`?',
    });
    expect(run.errors.at(-1)?.message).toBe(
      '.github/shipkit.yml is not a valid shipkit configuration (1 problem)',
    );
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(run.summary).toContain('- .github/shipkit.yml:4:5: unknown key `gates.test_coverage.acton`');
    expect(run.outputs.config).toBeUndefined();
  });

  it('uses the defaults when the repository has no config', async () => {
    const run = await runAction({
      action: '.',
      inputs: { command: 'config' },
      workspace: await workspace(),
      token: 'ghs_unused_but_masked',
    });
    expect(run.exitCode).toBe(0);
    expect(run.masks).toEqual(['ghs_unused_but_masked']);
    expect(run.outputs['config-file']).toBe('');
    expect(JSON.parse(run.outputs.config ?? '').release.tag_prefix).toBe('v');
  });

  it('refuses an unknown command with the list of commands', async () => {
    const run = await runAction({ action: '.', inputs: { command: 'deploy' }, workspace: await workspace() });
    expect(run.exitCode).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      `unknown command "deploy". Set the \`command\` input to one of: ${Object.keys(ACTION_COMMANDS).join(', ')}.`,
    ]);
  });
});

describe('the config action, bad surroundings', () => {
  it('names a config-file that does not exist', async () => {
    const run = await runAction({
      action: 'actions/config',
      inputs: { 'config-file': 'ci/shipkit.yml' },
      workspace: await workspace(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]?.properties.file).toBe('ci/shipkit.yml');
    expect(run.errors[0]?.message).toMatch(/^cannot read the config file: no such file/);
  });

  it('reports an unreadable event payload in one line', async () => {
    const ws = await workspace();
    const bad = join(ws, 'event.json');
    await writeFile(bad, '{"pull_request": ');
    const run = await runAction({
      action: 'actions/config',
      workspace: ws,
      event: { name: 'pull_request', path: bad },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]?.message).toMatch(/^the event payload is not valid JSON/);
    expect(run.errors[0]?.properties.file).toBe(bad);
    expect(run.stderr).toBe('');
  });

  it('says a token is needed to comment when there is none', async () => {
    const run = await runAction({
      action: 'actions/config',
      inputs: { comment: 'true', 'github-token': '' },
      workspace: await workspace(),
      event: { name: 'pull_request', payload: webhookExample('pull_request', 'opened') },
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]?.message).toMatch(
      /^no GitHub token: this command talks to GitHub. Pass `github-token/,
    );
  });

  it('rejects a boolean input that is not one', async () => {
    const run = await runAction({
      action: 'actions/config',
      inputs: { comment: 'sometimes' },
      workspace: await workspace(),
    });
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]?.message).toBe(
      'input `comment` must be true or false, got "sometimes". Set `comment: true` or `comment: false` under `with:`.',
    );
  });
});

describe('the config action on a pull request, against the GitHub API stand-in', () => {
  const TOKEN = 'ghs_16C7e42F292c6912E7710c838347Ae178B4a';

  /**
   * A fresh API stand-in with Codertocat/Hello-World; `step(ws)` runs the config action with
   * `comment: true` on an opened pull request. Every request is checked once the test is done.
   */
  async function onPullRequest(
    options: { readOnly?: boolean },
    test: (t: {
      api: GitHubApi;
      state: GitHubState;
      step: (ws: string) => Promise<RunActionResult>;
    }) => Promise<void>,
  ): Promise<void> {
    const api = await startGitHubApi();
    try {
      const state = githubState(api, { owner: 'Codertocat', repo: 'Hello-World', ...options });
      const step = (ws: string) =>
        runAction({
          action: 'actions/config',
          inputs: { comment: 'true' },
          workspace: ws,
          token: TOKEN,
          apiUrl: api.url,
          event: { name: 'pull_request', payload: webhookExample('pull_request', 'opened') },
        });
      await test({ api, state, step });
      api.assertNoViolations();
    } finally {
      await api.close();
    }
  }

  it('publishes one sticky comment, updated in place on a re-run, with the token masked', () =>
    onPullRequest({}, async ({ api, state, step }) => {
      const ws = await workspace('gates:\n  test_coverage: { threshold: 80% }\n');
      const first = await step(ws);
      expect(first.exitCode).toBe(0);
      expect(first.masks).toEqual([TOKEN]);
      expect(first.stdout.replaceAll(`::add-mask::${TOKEN}`, '')).not.toContain(TOKEN);
      await writeFile(join(ws, '.github/shipkit.yml'), 'gates:\n  test_coverage: { threshold: 85% }\n');
      const second = await step(ws);
      expect(second.exitCode).toBe(0);
      const comments = state.commentsOn(2);
      expect(comments).toHaveLength(1);
      expect(comments[0]?.body).toContain('threshold: 85');
      // Writes through REST (GraphQL's `viewer`, asked for the token's login, left out).
      const writes = api.calls.filter((c) => c.method !== 'GET' && !c.operationId?.startsWith('graphql:'));
      expect(writes.map((c) => c.operationId)).toEqual(['issues/create-comment', 'issues/update-comment']);
      expect(api.calls.every((c) => c.headers.authorization === `token ${TOKEN}`)).toBe(true);
    }));

  it('comments the errors of a bad config and still fails the step', () =>
    onPullRequest({}, async ({ state, step }) => {
      const run = await step(await workspace('report:\n  format: [html]\n'));
      expect(run.exitCode).toBe(1);
      expect(run.errors[0]?.message).toBe('unknown key `report.format`. Did you mean `formats`?');
      expect(state.commentsOn(2)[0]?.body).toContain('.github/shipkit.yml:2:3: unknown key `report.format`');
    }));

  it('with a read-only token (a fork) warns and keeps the result in the job summary', () =>
    onPullRequest({ readOnly: true }, async ({ state, step }) => {
      const run = await step(await workspace('gates: {}\n'));
      expect(run.exitCode).toBe(0);
      expect(state.comments).toHaveLength(0);
      expect(run.warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(/^The GitHub token cannot write the PR comment \(read-only/),
      ]);
      expect(run.summary).toContain('`.github/shipkit.yml` is valid.');
    }));
});
