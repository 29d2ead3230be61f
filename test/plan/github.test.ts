import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planSchema } from '../../src/config/sections/plan.js';
import type { GitHub } from '../../src/github/client.js';
import { readIssueBacklog, readVelocity } from '../../src/github/plan-issues.js';
import { readSprintStatus } from '../../src/github/plan-status.js';
import { syncPlan } from '../../src/github/plan-sync.js';
import { parseBacklog } from '../../src/plan/backlog.js';
import { planSprint } from '../../src/plan/plan.js';
import { type GitHubApi, startGitHubApi } from '../harness/github-api.js';
import { problems } from './helpers.js';
import { IssuesState } from './issues-state.js';

const config = planSchema.parse({
  team: [
    { name: 'ann', capacity: 20 },
    { name: 'ben', capacity: 20 },
  ],
});
const ref = { owner: 'acme', repo: 'app' };

let api: GitHubApi;
let state: IssuesState;
let gh: GitHub;
beforeEach(async () => {
  api = await startGitHubApi();
  state = new IssuesState(api, ref.owner, ref.repo);
  // shipkit's client (createGitHub) paces content-creating writes a second apart, as GitHub asks;
  // these tests count calls, so they use the same octokit without the pacing.
  gh = getOctokit('ghs_test', { baseUrl: api.url });
});
afterEach(async () => {
  api.assertNoViolations();
  await api.close();
});

function bigBacklog(n: number, rename: (i: number) => string = (i) => `task ${i}`): string {
  const items = Array.from({ length: n }, (_, i) => {
    const deps = i >= 10 ? `, depends_on: [t${i - 10}]` : '';
    return `  - {id: t${i}, title: '${rename(i)}', points: ${1 + (i % 3)}${deps}}`;
  });
  return `items:\n${items.join('\n')}\n`;
}

const planOf = (yaml: string) =>
  planSprint(parseBacklog(yaml, 'backlog.yml'), config, {
    number: 7,
    start: '2026-12-01',
    duration: '3-weeks',
  });

describe('syncing a plan to GitHub', () => {
  it('creates the milestone and 200 task issues, then costs no writes when nothing changed', async () => {
    const plan = planOf(bigBacklog(200));
    const first = await syncPlan(gh, ref, plan, config);
    expect(first).toMatchObject({ created: 201, updated: 0, unchanged: 0 });
    expect(first.milestone).toMatchObject({ title: 'Sprint 7', action: 'created' });
    expect(api.calls).toHaveLength(1 + 1 + 201);
    expect(state.milestones[0]).toMatchObject({ due_on: '2026-12-21T08:00:00Z' });
    const t15 = state.issues.find((i) => i.title === 'task 15');
    expect(t15?.labels).toEqual(['points:1', 'priority:P2', 'wave:2']);
    expect(t15?.body).toContain(`Depends on #${first.issues.t5}`);
    expect(t15?.body).toContain('<!-- shipkit:plan sprint=7 task=t15 -->');
    const tracking = state.issues.find((i) => i.number === first.tracking);
    expect(tracking?.body?.split('\n').filter((l) => l.startsWith('- [ ] #'))).toHaveLength(200);

    api.calls.length = 0;
    const again = await syncPlan(gh, ref, plan, config);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 201, issues: first.issues });
    expect(again.milestone.action).toBe('unchanged');
    // The milestone list and three pages of 100 issues: no writes.
    expect(api.calls.map((c) => c.route)).toEqual([
      'GET /repos/{owner}/{repo}/milestones',
      'GET /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/issues',
      'GET /repos/{owner}/{repo}/issues',
    ]);

    api.calls.length = 0;
    const changed = planOf(bigBacklog(200, (i) => (i % 40 === 0 ? `task ${i} (renamed)` : `task ${i}`)));
    const third = await syncPlan(gh, ref, changed, config);
    expect(third).toMatchObject({ created: 0, updated: 5, unchanged: 196 });
    expect(api.calls.filter((c) => c.method !== 'GET')).toHaveLength(5);
    expect(state.issues).toHaveLength(201);
  });

  it('updates issues that already are the backlog: labels, owner, milestone; title and body stay', async () => {
    state.addIssue({ title: 'Login page', body: 'As a user…', labels: ['points:3', 'area:web'] });
    state.addIssue({ title: 'Session API', body: 'Blocked by #1', labels: ['points:2', 'priority:high'] });
    const backlog = await readIssueBacklog(gh, ref, config);
    const plan = planSprint(backlog, config, { number: 3, start: '2026-12-01' });
    const result = await syncPlan(gh, ref, plan, config);
    expect(result).toMatchObject({ created: 1, updated: 2 });
    expect(state.issues[1]).toMatchObject({
      title: 'Session API',
      body: 'Blocked by #1',
      labels: ['points:2', 'priority:P1', 'wave:2'],
      milestone: 1,
    });
  });
});

describe('the backlog from GitHub issues', () => {
  it('reads points, priority, area, owners, dependencies, task lists and sub-issues', async () => {
    state.addIssue({ title: 'A', labels: ['points:3', 'priority:P0', 'area:api'], assignees: ['ann'] });
    state.addIssue({ title: 'B', body: 'Depends on #1 and #3', labels: ['points:2'] });
    state.addIssue({ title: 'C', labels: ['points:1', 'P3'] });
    state.addIssue({ title: 'Epic', body: '- [ ] #2\n- [x] #3\n', labels: ['points:0'], sub_issues: [5] });
    state.addIssue({ title: 'E', labels: ['points:1'] });
    state.addIssue({ title: 'Done', labels: ['points:1'], state: 'closed' });
    const backlog = await readIssueBacklog(gh, ref, config);
    expect(backlog.items.map((i) => [i.id, i.effort, i.priority, i.area, i.owner, i.depends_on])).toEqual([
      ['#5', 1, 'P2', undefined, undefined, []],
      ['#4', 0, 'P2', undefined, undefined, ['#2', '#3', '#5']],
      ['#3', 1, 'P3', undefined, undefined, []],
      ['#2', 2, 'P2', undefined, undefined, ['#1', '#3']],
      ['#1', 3, 'P0', 'api', 'ann', []],
    ]);
    const plan = planSprint(backlog, config, { number: 1, start: '2026-12-01' });
    expect(plan.waves).toEqual([['#5', '#3', '#1'], ['#2'], ['#4']]);
  });

  it('refuses a dependency on a closed issue and an issue without points', async () => {
    state.addIssue({ title: 'Old', labels: ['points:1'], state: 'closed' });
    state.addIssue({ title: 'New', body: 'blocked by #1', labels: ['points:1'] });
    state.addIssue({ title: 'Vague' });
    const err = await readIssueBacklog(gh, ref, config).catch((e: unknown) => e);
    expect(
      problems(() => {
        throw err;
      }),
    ).toEqual([
      'https://github.com/acme/app/issues/3: issue #3 has no estimate. Label it `points:3` (any number of points).',
      'https://github.com/acme/app/issues/2: issue #2 depends on #1, which is closed or not an open issue here. Remove "depends on #1" if the work is done, or reopen #1.',
      'acme/app issues: the issue backlog is invalid (2 problem(s))',
    ]);
  });

  it('reads velocity from closed sprint milestones', async () => {
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
    state.addMilestone({ title: 'Q3 roadmap', state: 'closed', due_on: '2026-09-01T08:00:00Z' });
    expect(await readVelocity(gh, ref, config)).toEqual([8, 8, 6]);
  });
});

describe('plan status', () => {
  it('computes the burndown from when the milestone issues were closed', async () => {
    const plan = planOf(
      'items:\n  - {id: a, title: a, points: 3}\n  - {id: b, title: b, points: 5}\n  - {id: c, title: c, points: 2, depends_on: [a]}\n',
    );
    const synced = await syncPlan(gh, ref, plan, config);
    const close = (id: string, at: string) => {
      const issue = state.issues.find((i) => i.number === synced.issues[id]);
      Object.assign(issue ?? {}, { state: 'closed', closed_at: at });
    };
    close('a', '2026-12-02T15:00:00Z');
    close('c', '2026-12-04T09:00:00Z');
    const status = await readSprintStatus(gh, ref, 7, config, '2026-12-07');
    expect(status).toMatchObject({
      start: '2026-12-01',
      end: '2026-12-21',
      total: 10,
      remaining: 5,
      closed: ['c', 'a'],
      open: ['b'],
    });
    expect(status?.days).toEqual([
      { date: '2026-12-01', remaining: 10, ideal: 9.33 },
      { date: '2026-12-02', remaining: 7, ideal: 8.67 },
      { date: '2026-12-03', remaining: 7, ideal: 8 },
      { date: '2026-12-04', remaining: 5, ideal: 7.33 },
      { date: '2026-12-07', remaining: 5, ideal: 6.67 },
    ]);
    expect(await readSprintStatus(gh, ref, 99, config, '2026-12-07')).toBeUndefined();
  });
});
