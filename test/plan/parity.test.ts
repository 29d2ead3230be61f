import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { startGitHubApi } from '../harness/github-api.js';
import { ROOT, runAction } from '../harness/runner.js';
import { IssuesState } from './issues-state.js';

/** Every file under `dir`, by relative path. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = await readFile(path, 'utf8');
  }
  return out;
}

/**
 * `shipkit plan --json --out DIR` and actions/plan, on the same backlog and sprint flags, reach
 * the same outcome: the CLI's JSON is the action's `schedule` output, and the plan files each
 * writes (plan.md, plan.json, the sprint workflow, verify-week.mjs, the templates) are the same bytes.
 */
describe('shipkit plan and actions/plan agree', () => {
  it('the same schedule and plan files from the example backlog', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'shipkit-plan-parity-'));
    await copyFile(join(ROOT, 'examples/backlog.yml'), join(ws, 'backlog.yml'));
    const sprint = { sprint: '8', start: '2027-01-04', duration: '2-weeks', velocity: '40,44,42' };
    const [action, cli] = await Promise.all([
      runAction({
        action: 'actions/plan',
        inputs: { backlog: 'backlog.yml', out: 'from-action', ...sprint },
        workspace: ws,
      }),
      shipkit(
        [
          'plan',
          '--backlog',
          'backlog.yml',
          ...Object.entries(sprint).flatMap(([k, v]) => [`--${k}`, v]),
          '--out',
          'from-cli',
          '--json',
        ],
        ws,
      ),
    ]);
    expect(action.errors).toEqual([]);
    expect([cli.code, action.exitCode]).toEqual([0, 0]);
    const schedule = JSON.parse(action.outputs.schedule ?? '');
    expect(JSON.parse(cli.stdout)).toEqual(schedule);
    expect(schedule.capacity.velocity).toBe(42);
    expect(String(action.outputs['critical-path-days'])).toBe(String(schedule.criticalPathDays));
    const [fromAction, fromCli] = await Promise.all([
      tree(join(ws, 'from-action')),
      tree(join(ws, 'from-cli')),
    ]);
    expect(Object.keys(fromAction)).toContain('plan.md');
    expect(Object.keys(fromAction).length).toBeGreaterThan(5);
    expect(fromCli).toEqual(fromAction);
  });

  it('the same schedule from the backlog in GitHub issues and the velocity of closed milestones', async () => {
    const api = await startGitHubApi();
    const state = new IssuesState(api, 'Codertocat', 'Hello-World');
    try {
      for (const [n, points] of [
        [4, [3, 5]],
        [5, [8]],
        [6, [2, 2, 2]],
      ] as const) {
        const m = state.addMilestone({
          title: `Sprint ${n}`,
          state: 'closed',
          due_on: `2026-0${n}-01T08:00:00Z`,
        });
        for (const p of points)
          state.addIssue({
            title: 'x',
            labels: [`points:${p}`],
            state: 'closed',
            milestone: m.number,
            closed_at: '2026-01-01T00:00:00Z',
          });
      }
      state.addIssue({ title: 'API', labels: ['points:3', 'priority:P0'], assignees: ['ann'] });
      state.addIssue({ title: 'Client', body: 'Depends on #7', labels: ['points:2'] });
      state.addIssue({ title: 'Docs', body: 'Depends on #8', labels: ['points:1', 'priority:P3'] });
      const ws = await mkdtemp(join(tmpdir(), 'shipkit-plan-parity-gh-'));
      await mkdir(join(ws, '.github'));
      await writeFile(
        join(ws, '.github/shipkit.yml'),
        'plan:\n  team: [{name: ann, capacity: 8}, {name: ben}]\n',
      );
      const sprint = { sprint: '7', start: '2026-07-06', duration: '1-week' };
      const [action, cli] = await Promise.all([
        runAction({
          action: 'actions/plan',
          inputs: { issues: 'true', velocity: 'milestones', ...sprint },
          workspace: ws,
          apiUrl: api.url,
          token: 'ghs_runner',
        }),
        shipkit(
          [
            'plan',
            '--issues',
            '--velocity',
            'milestones',
            '--repo',
            'Codertocat/Hello-World',
            ...Object.entries(sprint).flatMap(([k, v]) => [`--${k}`, v]),
            '--json',
          ],
          ws,
          { GITHUB_TOKEN: 'ghs_cli', GITHUB_API_URL: api.url },
        ),
      ]);
      expect(action.errors).toEqual([]);
      expect([cli.code, action.exitCode]).toEqual([0, 0]);
      const schedule = JSON.parse(action.outputs.schedule ?? '');
      expect(JSON.parse(cli.stdout)).toEqual(schedule);
      // the velocity of the three closed sprints, the waves of the three open issues
      expect(schedule.capacity.velocity).toBe(7.33); // (8 + 8 + 6) / 3
      expect(schedule.waves).toEqual([['#7'], ['#8'], ['#9']]);
      api.assertNoViolations();
    } finally {
      await api.close();
    }
  });
});
