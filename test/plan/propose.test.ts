import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitDataState } from '../codegen/git-data-state.js';
import { startGitHubApi } from '../harness/github-api.js';
import { ROOT, runAction } from '../harness/runner.js';
import { webhookExample } from '../harness/webhooks.js';

describe('actions/plan with propose: true', () => {
  it('proposes the plan files as one pull request, updated in place on a re-run', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'shipkit-plan-propose-'));
    await copyFile(join(ROOT, 'examples/backlog.yml'), join(ws, 'backlog.yml'));
    const api = await startGitHubApi();
    try {
      const git = gitDataState(api, {
        owner: 'acme',
        repo: 'store',
        files: new Map([['README.md', '# store\n']]),
      });
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
        'the base branch "trunk" does not exist Set the `base` input to the branch the pull request should target.',
      );
      expect(git.pulls).toHaveLength(0);
      const first = await start();
      expect(first.errors).toEqual([]);
      expect(first.exitCode).toBe(0);
      expect(first.outputs['pull-request-url']).toBe('https://github.com/acme/store/pull/1');
      expect(git.pulls).toHaveLength(1);
      expect(git.pulls[0]).toMatchObject({
        head: 'shipkit/plan/sprint-7',
        title: 'Sprint 7 plan',
        state: 'open',
      });
      const files = git.filesOf('shipkit/plan/sprint-7');
      expect(files.get('plans/sprint-7/plan.md')).toContain('# Sprint 7 plan');
      expect(files.get('README.md')).toBe('# store\n');
      expect(git.filesOf('main').has('plans/sprint-7/plan.md')).toBe(false);

      const second = await start();
      expect(second.exitCode).toBe(0);
      expect(git.pulls).toHaveLength(1);
      expect(api.calls.filter((c) => c.method === 'PATCH' && c.path.endsWith('/pulls/1'))).toHaveLength(1);
      api.assertNoViolations();
    } finally {
      await api.close();
    }
  });
});
