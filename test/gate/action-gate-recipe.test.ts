// The pull_request → workflow_run recipe end to end: the read-only run saves its result, the
// privileged run publishes it (checking the pull request it names) and stores push baselines.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gitData } from '../harness/git-data.js';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { githubState } from '../harness/github-state.js';
import { runAction } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';
import { pullRequestEvent } from './events.js';
import { type JsProject, jsProject } from './js-project.js';

let project: JsProject;
let head: string;
let api: GitHubApi;

beforeAll(() => {
  project = jsProject();
  project.write(
    '.github/shipkit.yml',
    "gates:\n  test_coverage: {threshold: 60%, patch: 80%, ignore: ['test/**']}\n",
  );
  project.commit('config');
  project.coverage();
  head = project.git('rev-parse', 'HEAD').trim();
});

beforeEach(async () => {
  api = await startGitHubApi();
});

afterEach(async () => {
  api.assertNoViolations();
  await api.close();
});

const pullRequestPayload = () => pullRequestEvent(project.base, head).payload;

/** GET a pull request: the webhook's own pull_request object is what the REST API answers. */
function servePullRequest(headSha: string) {
  api.on('GET /repos/{owner}/{repo}/pulls/{pull_number}', () => {
    const pr = pullRequestPayload().pull_request as { head: { sha: string } };
    pr.head.sha = headSha;
    // The one field the REST answer has that the webhook's object leaves out.
    return { status: 200, body: { auto_merge: null, ...pr } };
  });
}

/** A workflow_run of `event` for `sha`; `headRepository`: the fork it came from (null: a deleted one). */
function workflowRun(event: string, sha: string, headRepository?: string | null) {
  const payload = webhookExample('workflow_run', 'completed');
  // The example's repository has `main` as its default branch.
  const run = payload.workflow_run as { head_repository: { full_name: string } | null };
  Object.assign(run, { event, head_sha: sha, head_branch: 'main' });
  if (headRepository === null) run.head_repository = null;
  else if (headRepository && run.head_repository) run.head_repository.full_name = headRepository;
  return { name: 'workflow_run', payload };
}

/** The privileged half: the gate publishing `file` for the workflow_run `event`, with a token that may write. */
function publishSaved(file: string, event: ReturnType<typeof workflowRun>) {
  return runAction({
    action: 'actions/gate',
    inputs: { 'from-report': file },
    workspace: project.dir,
    apiUrl: api.url,
    token: 'ghs_rw',
    event,
  });
}

describe('the workflow_run recipe', () => {
  it('saves the result read-only, then publishes it with the comment and check run', async () => {
    const state = githubState(api, { owner: 'Codertocat', repo: 'Hello-World', readOnly: true });
    const data = gitData(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const saved = await runAction({
      action: 'actions/gate',
      inputs: {
        coverage: 'lcov.info',
        comment: 'false',
        annotations: 'false',
        'store-baseline': 'false',
        'report-file': 'shipkit-gate.json',
      },
      workspace: project.dir,
      apiUrl: api.url,
      token: 'ghs_ro',
      event: { name: 'pull_request', payload: pullRequestPayload() },
    });
    expect(saved.exitCode).toBe(1);
    expect(state.comments).toHaveLength(0);
    const file = JSON.parse(readFileSync(join(project.dir, 'shipkit-gate.json'), 'utf8'));
    expect(file).toMatchObject({ schemaVersion: 1, verdict: 'fail', pullRequest: 2, headSha: head });
    data.close();

    // The privileged workflow: a token that may write (a stand-in of its own).
    api.assertNoViolations();
    await api.close();
    const api2 = await startGitHubApi();
    api = api2;
    {
      const writable = githubState(api2, { owner: 'Codertocat', repo: 'Hello-World' });
      servePullRequest(head);
      const published = await publishSaved('shipkit-gate.json', workflowRun('pull_request', head));
      expect(published.stderr).toBe('');
      expect(published.exitCode).toBe(1);
      expect(published.outputs.verdict).toBe('fail');
      expect(writable.commentsOn(2)).toHaveLength(1);
      expect(writable.commentsOn(2)[0]?.body).toContain(file.comment.trim());
      expect(writable.checkRuns[0]).toMatchObject({ head_sha: head, conclusion: 'failure' });
      expect(writable.checkRuns[0]?.output.annotations_count).toBe(file.annotations.length);
    }
  });

  it("marks a result a fork's own run saved as such, in the comment, the check run and the job summary", async () => {
    const writable = githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    servePullRequest(head);
    const published = await publishSaved(
      'shipkit-gate.json',
      workflowRun('pull_request', head, 'forker/octo-repo`<b>'),
    );
    expect(published.stderr).toBe('');
    expect(published.outputs.verdict).toBe('fail');
    const note =
      "**From a fork's own run.** A `pull_request` run of ``forker/octo-repo`<b>`` saved these results";
    const comment = writable.commentsOn(2)[0]?.body ?? '';
    expect(comment).toContain(note);
    expect(comment.indexOf(note)).toBeLessThan(comment.indexOf('coverage'));
    expect(writable.checkRuns[0]?.output.summary).toContain(note);
    expect(writable.checkRuns[0]?.output.title).toMatch(/^From a fork: Not met: /);
    expect(published.summary).toContain(note);
    // A deleted fork (GitHub's head_repository: null) is a fork's run too; its comment is updated.
    const deleted = await publishSaved('shipkit-gate.json', workflowRun('pull_request', head, null));
    expect(deleted.stderr).toBe('');
    expect(writable.commentsOn(2)).toHaveLength(1);
    expect(writable.commentsOn(2)[0]?.body).toContain(
      "**From a fork's own run.** A `pull_request` run of a fork GitHub no longer names (deleted) saved these results",
    );
  });

  it("publishes a same-repository run's result without the fork's note", async () => {
    const writable = githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    servePullRequest(head);
    // The example's head repository is the repository the run was in.
    const published = await publishSaved('shipkit-gate.json', workflowRun('pull_request', head));
    expect(published.stderr).toBe('');
    expect(writable.commentsOn(2)).toHaveLength(1);
    expect(writable.commentsOn(2)[0]?.body).not.toContain('fork');
    expect(writable.checkRuns[0]?.output.title).toMatch(/^Not met: /);
  });

  it('refuses a saved result that names a pull request whose head is another commit', async () => {
    githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    servePullRequest('1'.repeat(40));
    const run = await publishSaved('shipkit-gate.json', workflowRun('pull_request', head));
    expect(run.exitCode).toBe(1);
    expect(run.errors[0]?.message).toMatch(
      /names pull request #2, whose head is not the commit this workflow_run tested/,
    );
  });

  it('refuses a saved result of another schemaVersion or shape, before any request, naming the file and field', async () => {
    githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const saved = JSON.parse(readFileSync(join(project.dir, 'shipkit-gate.json'), 'utf8'));
    const publish = async (name: string, value: unknown) => {
      writeFileSync(join(project.dir, name), JSON.stringify(value));
      return publishSaved(name, workflowRun('pull_request', head));
    };
    const next = await publish('next-gate.json', { ...saved, schemaVersion: 2 });
    expect(next.exitCode).toBe(1);
    expect(next.errors[0]?.message).toMatch(
      /^the saved gate result has schemaVersion 2; this shipkit reads schemaVersion 1\b.*same shipkit version/,
    );
    expect(next.errors[0]?.properties.file).toBe('next-gate.json');
    const results = saved.results.map((r: object) => ({ ...r, status: 'failed' }));
    const damaged = await publish('damaged-gate.json', { ...saved, results });
    expect(damaged.exitCode).toBe(1);
    expect(damaged.errors[0]?.message).toMatch(
      /^the saved gate result is not valid: results\[0\]\.status: Invalid option: expected one of "pass"\|"warn"\|"fail"/,
    );
    expect(api.calls).toEqual([]);
  });

  it('stores the baseline a push run saved', async () => {
    githubState(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const data = gitData(api, { owner: 'Codertocat', repo: 'Hello-World' });
    const push = webhookExample('push');
    const saved = await runAction({
      action: 'actions/gate',
      inputs: { coverage: 'lcov.info', 'store-baseline': 'false', 'report-file': 'push-gate.json' },
      workspace: project.dir,
      apiUrl: api.url,
      token: 'ghs_ro',
      sha: head,
      env: { GITHUB_REF: 'refs/heads/master' },
      event: { name: 'push', payload: push },
    });
    expect(saved.stderr).toBe('');
    expect(saved.exitCode).toBe(0);
    expect(data.branch('shipkit-data')).toBeUndefined();
    const published = await publishSaved('push-gate.json', workflowRun('push', head));
    expect(published.stderr).toBe('');
    expect(published.exitCode).toBe(0);
    expect(Object.keys(data.files('shipkit-data'))).toEqual([`gate/${head.slice(0, 2)}/${head}.json`]);
    data.close();
  });
});
