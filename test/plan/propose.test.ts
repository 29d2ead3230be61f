import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitData } from '../harness/git-data.js';
import { startGitHubApi } from '../harness/github-api.js';
import { githubPulls } from '../harness/github-pulls.js';
import { ROOT, runAction } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';

describe('actions/plan with propose: true', () => {
  it('proposes the plan files as one pull request, updated in place on a re-run', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'shipkit-plan-propose-'));
    await copyFile(join(ROOT, 'examples/backlog.yml'), join(ws, 'backlog.yml'));
    const api = await startGitHubApi();
    const repo = { owner: 'acme', repo: 'store' };
    const git = gitData(api, repo);
    try {
      git.setBranch('main', git.commit('initial', { 'README.md': '# store\n' }));
      const { pulls } = githubPulls(api, git, repo);
      const start = (extra: Record<string, string> = {}) =>
        runAction({
          action: 'actions/plan',
          inputs: { backlog: 'backlog.yml', propose: 'true', out: 'plans/sprint-7', base: 'main', ...extra },
          workspace: ws,
          event: { name: 'push', payload: webhookExample('push') },
          apiUrl: api.url,
          repository: 'acme/store',
          token: 'ghs_plan_propose',
        });
      const wrongBase = await start({ base: 'trunk' });
      expect(wrongBase.exitCode).toBe(1);
      expect(wrongBase.errors[0]?.message).toBe(
        'the base branch "trunk" does not exist. Set the `base` input to the branch the pull request should target.',
      );
      expect(pulls).toHaveLength(0);
      const first = await start();
      expect(first.errors).toEqual([]);
      expect(first.exitCode).toBe(0);
      expect(first.outputs['pull-request-url']).toBe('https://github.com/acme/store/pull/1');
      expect(pulls).toHaveLength(1);
      expect(pulls[0]).toMatchObject({
        head: 'shipkit/plan/sprint-7',
        title: 'Sprint 7 plan',
        state: 'open',
      });
      const files = git.files('shipkit/plan/sprint-7');
      expect(files['plans/sprint-7/plan.md']).toContain('# Sprint 7 plan');
      expect(files['README.md']).toBe('# store\n');
      expect(Object.keys(git.files('main'))).toEqual(['README.md']);

      const second = await start();
      expect(second.exitCode).toBe(0);
      expect(pulls).toHaveLength(1);
      expect(api.calls.filter((c) => c.method === 'PATCH' && c.path.endsWith('/pulls/1'))).toHaveLength(1);
      api.assertNoViolations();
    } finally {
      await api.close();
      git.close();
    }
  });
});
