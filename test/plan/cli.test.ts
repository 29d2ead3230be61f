import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { startGitHubApi } from '../harness/github-api.js';
import { ROOT, runAction } from '../harness/runner.js';
import { SCHEDULE_KEYS } from './helpers.js';
import { IssuesState } from './issues-state.js';

async function workspace(backlog?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shipkit-plan-cli-'));
  if (backlog === undefined) await copyFile(join(ROOT, 'examples/backlog.yml'), join(dir, 'backlog.yml'));
  else await writeFile(join(dir, 'backlog.yml'), backlog);
  return dir;
}

/** `shipkit plan --backlog backlog.yml --sprint N --start DATE ...more` in `dir`. */
function shipkitPlan(
  dir: string,
  sprint: string,
  start: string,
  more: string[],
  env?: Record<string, string>,
) {
  return shipkit(
    ['plan', '--backlog', 'backlog.yml', '--sprint', sprint, '--start', start, ...more],
    dir,
    env,
  );
}

const CYCLE = `sprint:
  team: [{name: ann}]
items:
  - {id: A, title: a, points: 1, depends_on: [B]}
  - {id: B, title: b, points: 1, depends_on: [A]}
`;

describe('shipkit plan (the bundled CLI)', () => {
  it('plans a backlog without a team under the stated default, with a warning', async () => {
    const dir = await workspace(
      'items:\n  - {id: A, title: a, points: 2}\n  - {id: B, title: b, points: 3, depends_on: [A]}\n',
    );
    const run = await shipkitPlan(dir, '1', '2026-12-01', ['--json']);
    expect(run.stderr).toBe(
      'warning: no team is configured, so the timeline runs one lane per ready item, each item taking its points in days; capacity is not checked (list the members under plan.team in shipkit.yml or sprint.team in the backlog).\n',
    );
    expect(run.code).toBe(0);
    const schedule = JSON.parse(run.stdout);
    expect(schedule.timeline).toEqual([
      { id: 'A', start: '2026-12-01', end: '2026-12-02', owner: null },
      { id: 'B', start: '2026-12-03', end: '2026-12-07', owner: null },
    ]);
    expect(schedule.capacity).toMatchObject({ team: null, available: null, cut: [] });
  });

  it('prints the schedule as JSON and writes the plan from the built-in templates', async () => {
    const dir = await workspace();
    const run = await shipkitPlan(dir, '7', '2026-12-01', [
      '--duration',
      '3-weeks',
      '--out',
      'out',
      '--json',
    ]);
    expect(run.stderr).toBe('wrote 40 files to out\n');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(SCHEDULE_KEYS);
    expect(json.waves[0]).toEqual([
      'provider-base',
      'state-types',
      'parity-foundation',
      'logging',
      'cache-warming',
    ]);
    expect(json.criticalPath).toEqual([
      'provider-base',
      'claude-provider',
      'router-health',
      'parity-providers',
    ]);
    expect(json.criticalPathDays).toBe(13);
    expect(json.overcommitted).toBe(true);
    expect(json.timeline[0]).toEqual({
      id: 'provider-base',
      start: '2026-12-01',
      end: '2026-12-02',
      owner: 'alice',
    });
    const md = await readFile(join(dir, 'out/plan.md'), 'utf8');
    expect(md).toContain('# Sprint 7 plan');
    expect(md).toContain('```mermaid\ngantt');
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([
      'plan.json',
      'plan.md',
      'tasks',
      'verify-week.mjs',
      'workflows',
    ]);
  });

  it('exits 1 with precise messages on bad input and writes nothing, to disk or GitHub', async () => {
    const api = await startGitHubApi();
    const state = new IssuesState(api, 'acme', 'app');
    const dir = await workspace(CYCLE);
    const env = { GITHUB_TOKEN: 'ghs_test', GITHUB_API_URL: api.url };
    const run = await shipkitPlan(
      dir,
      '7',
      '2026-12-01',
      ['--out', 'out', '--sync', '--repo', 'acme/app'],
      env,
    );
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'backlog.yml:5:5: dependency cycle: B → A → B. Remove one of these dependencies: a cycle can never be scheduled.\n' +
        'backlog.yml: the dependency graph is invalid (1 problem)\n',
    });
    expect(api.calls).toEqual([]);
    expect(state.issues).toEqual([]);
    expect(await readdir(dir)).toEqual(['backlog.yml']);

    await mkdir(join(dir, 'tpl'));
    await writeFile(
      join(dir, 'tpl/plan.md.hbs'),
      '# {{sprint.number}}\n{{#each tasks}}\n- {{id}\n{{/each}}\n',
    );
    await writeFile(join(dir, 'backlog.yml'), CYCLE.replace('depends_on: [A]', 'depends_on: []'));
    const bad = await shipkitPlan(
      dir,
      '7',
      '2026-12-01',
      ['--out', 'out', '--templates', 'tpl', '--sync', '--repo', 'acme/app'],
      env,
    );
    expect(bad.code).toBe(1);
    expect(api.calls).toEqual([]);
    expect(bad.stderr).toMatch(/^.*tpl\/plan\.md\.hbs:3: template syntax error: Parse error on line 3: /);
    expect(await readdir(dir)).toEqual(['backlog.yml', 'tpl']);
    await api.close();
  });

  it('tells a wrong command line apart (exit 2)', async () => {
    const dir = await workspace();
    expect((await shipkit(['plan', '--sprint', 'seven', '--backlog', 'backlog.yml'], dir)).code).toBe(2);
    expect((await shipkit(['plan', '--nope'], dir)).code).toBe(2);
    expect((await shipkit(['plan', '--backlog', 'backlog.yml', '--velocity', '52;58'], dir)).code).toBe(2);
    expect((await shipkit(['plan', '--help'], dir)).stdout).toContain(
      'shipkit plan status --repo owner/name --sprint N',
    );
  });

  it('syncs with a token and reports the burndown with plan status', async () => {
    const api = await startGitHubApi();
    const state = new IssuesState(api, 'acme', 'app');
    const dir = await workspace(
      'sprint:\n  team: [{name: ann, capacity: 2}]\nitems:\n  - {id: a, title: a, points: 3}\n  - {id: b, title: b, points: 2, depends_on: [a]}\n',
    );
    const env = { GITHUB_TOKEN: 'ghs_test', GITHUB_API_URL: api.url };
    const sync = await shipkitPlan(
      dir,
      '2',
      '2026-01-05',
      ['--duration', '10d', '--sync', '--repo', 'acme/app'],
      env,
    );
    expect(sync.stderr).toBe(
      'GitHub: milestone Sprint 2 created; issues 3 created, 0 updated, 0 unchanged\n',
    );
    Object.assign(state.issues[0] ?? {}, { state: 'closed', closed_at: '2026-01-06T12:00:00Z' });
    const status = await shipkit(
      ['plan', 'status', '--sprint', '2', '--repo', 'acme/app', '--json'],
      dir,
      env,
    );
    expect(status.code).toBe(0);
    const burndown = JSON.parse(status.stdout);
    expect(burndown).toMatchObject({
      start: '2026-01-05',
      end: '2026-01-16',
      total: 5,
      remaining: 2,
      closed: ['a'],
      open: ['b'],
    });
    expect(burndown.days.slice(0, 2)).toEqual([
      { date: '2026-01-05', remaining: 5, ideal: 4.5 },
      { date: '2026-01-06', remaining: 2, ideal: 4 },
    ]);
    api.assertNoViolations();
    await api.close();
  });
});

describe('actions/plan under the runner', () => {
  it('writes the plan, sets the outputs and the summary, and syncs the milestone', async () => {
    const api = await startGitHubApi();
    const state = new IssuesState(api, 'Codertocat', 'Hello-World');
    const ws = await workspace(
      'sprint:\n  number: 4\n  start: 2026-03-02\n  team: [{name: ann, capacity: 2}]\nitems:\n  - {id: a, title: a, points: 3}\n',
    );
    const run = await runAction({
      action: 'actions/plan',
      inputs: { backlog: 'backlog.yml', sync: 'true', velocity: '10, 12' },
      workspace: ws,
      apiUrl: api.url,
      token: 'ghs_runner',
    });
    expect(run.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.schedule ?? '')).toMatchObject({
      criticalPath: ['a'],
      criticalPathDays: 2,
      capacity: { velocity: 11, available: 11 },
    });
    expect(run.outputs['plan-file']).toBe(join(ws, 'sprint-plan/plan.md'));
    expect(run.outputs['milestone-url']).toBe('https://github.com/Codertocat/Hello-World/milestone/1');
    expect(run.summary).toContain('# Sprint 4 plan');
    expect(run.masks).toContain('ghs_runner');
    expect(state.milestones[0]).toMatchObject({ title: 'Sprint 4', due_on: '2026-03-15T08:00:00Z' });
    api.assertNoViolations();
    await api.close();
  });
});
