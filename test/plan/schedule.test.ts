import { describe, expect, it } from 'vitest';
import { planSchema } from '../../src/config/sections/plan.js';
import { parseBacklog } from '../../src/plan/backlog.js';
import { velocityList } from '../../src/plan/capacity.js';
import { planSprint, scheduleJson } from '../../src/plan/plan.js';
import { defaults, exampleText, plan, problems, SCHEDULE_KEYS, TEAM } from './helpers.js';

const DIAMOND = `${TEAM}items:
  - {id: A, title: a, points: 2}
  - {id: B, title: b, points: 4, depends_on: [A]}
  - {id: C, title: c, points: 2, depends_on: [A]}
  - {id: D, title: d, points: 2, depends_on: [B, C]}
`;

describe('scheduling', () => {
  it('computes waves, the critical path and a day-by-day timeline', () => {
    const json = scheduleJson(plan(DIAMOND));
    expect(json.waves).toEqual([['A'], ['B', 'C'], ['D']]);
    expect(json.criticalPath).toEqual(['A', 'B', 'D']);
    expect(json.criticalPathDays).toBe(8);
    expect(json.timeline).toEqual([
      { id: 'A', start: '2026-12-01', end: '2026-12-02', owner: 'ann' },
      { id: 'B', start: '2026-12-03', end: '2026-12-08', owner: 'ben' },
      { id: 'C', start: '2026-12-03', end: '2026-12-04', owner: 'ann' },
      { id: 'D', start: '2026-12-09', end: '2026-12-10', owner: 'ann' },
    ]);
    expect(json.capacity).toMatchObject({ sprintDays: 10, team: 20, committed: 10, available: 20, cut: [] });
    expect(json.overcommitted).toBe(false);
    expect(Object.keys(json)).toEqual(SCHEDULE_KEYS);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(plan(exampleText))).toBe(JSON.stringify(plan(exampleText)));
  });

  it('skips weekends, holidays and time off; a part-timer takes longer', () => {
    const yaml = `sprint:
  holidays: [2026-12-03]
  team:
    - {name: ann, capacity: 2 points/day, part_time: 50%, time_off: [2026-12-02]}
items:
  - {id: A, title: a, points: 3}
`;
    const p = plan(yaml);
    expect(p.tasks[0]).toMatchObject({ start: '2026-12-01', end: '2026-12-07', days: 4 });
    expect(p.capacity.members).toEqual([{ name: 'ann', days: 8, capacity: 8, assigned: 3 }]);
    expect(p.sprint.holidays).toEqual(['2026-12-03']);
  });

  it('reads a velocity list written by hand', () => {
    expect(velocityList(' 52, 58,55.5 ')).toEqual([52, 58, 55.5]);
    expect(velocityList('52;58')).toBeUndefined();
    expect(velocityList('')).toBeUndefined();
  });

  it('reads 3-weeks as calendar weeks and 10d as working days', () => {
    expect(plan(DIAMOND, { duration: '3-weeks' }).sprint).toMatchObject({
      end: '2026-12-21',
      workingDays: 15,
    });
    expect(plan(DIAMOND, { duration: '10d', start: '2026-12-02' }).sprint).toMatchObject({
      end: '2026-12-15',
      workingDays: 10,
    });
  });

  it('assigns by owner, then by skill, then by load', () => {
    const yaml = `sprint:
  team:
    - {name: ann, skills: [docs]}
    - {name: ben, skills: [api]}
items:
  - {id: A, title: a, points: 1, area: api}
  - {id: B, title: b, points: 1, labels: [docs]}
  - {id: C, title: c, points: 1, owner: '@ben'}
  - {id: D, title: d, points: 1}
`;
    expect(plan(yaml).tasks.map((t) => [t.id, t.owner, t.assignedBy])).toEqual([
      ['A', 'ben', 'skill'],
      ['B', 'ann', 'skill'],
      ['C', 'ben', 'owner'],
      ['D', 'ann', 'load'],
    ]);
  });

  it('names what to cut by priority when over-committed, never a dependency of kept work', () => {
    const yaml = `${TEAM}items:
  - {id: base, title: base, points: 4, priority: P3}
  - {id: must, title: must, points: 4, priority: P0, depends_on: [base]}
  - {id: nice, title: nice, points: 3, priority: P3}
  - {id: should, title: should, points: 3, priority: P1}
`;
    const p = plan(yaml, { velocity: [8, 9, 10] });
    expect(p.capacity).toMatchObject({
      velocity: 9,
      available: 9,
      committed: 14,
      planned: 8,
      cut: ['nice', 'should'],
    });
    expect(p.overcommitted).toBe(true);
    expect(p.risks[0]).toMatchObject({ severity: 'high', kind: 'overcommitted', items: ['nice', 'should'] });
    expect(p.tasks.filter((t) => t.cut).map((t) => t.id)).toEqual(['nice', 'should']);
  });

  it('converts hour capacities with hours_per_point, and refuses them without', () => {
    const yaml = `sprint:
  team: [{name: ann, capacity: 8h/day}]
items:
  - {id: A, title: a, points: 4}
`;
    expect(plan(yaml, {}, planSchema.parse({ hours_per_point: 4 })).tasks[0]).toMatchObject({ days: 2 });
    expect(problems(() => plan(yaml))[0]).toBe(
      'backlog.yml: estimates in mixed units: team[0] (ann) has a capacity in hours, the backlog is estimated in points. Set `hours_per_point` (e.g. 4) so hours and points convert, or use one unit.',
    );
  });

  it('derives risks from the data', () => {
    const p = plan(exampleText, { number: undefined, start: undefined });
    const kinds = p.risks.map((r) => `${r.severity} ${r.kind}`);
    expect(kinds).toEqual([
      'high critical-path',
      'high overcommitted',
      'high late',
      'medium carried-over',
      'low single-owner',
    ]);
    expect(p.risks.find((r) => r.kind === 'carried-over')?.items).toEqual(['checkpoint', 'cache-warming']);
    expect(p.risks.find((r) => r.kind === 'late')?.items).toEqual(['parity-providers']);
  });

  it('computes slack from the day-by-day timeline it shows, not the dependency chain alone', () => {
    // The example's critical path takes 13 of 14 working days, but bob and alice each do one item a
    // day, so parity-providers ends a working day after the sprint's last day.
    const p = plan(exampleText, { number: undefined, start: undefined });
    const late = p.tasks.filter((t) => !t.cut && t.end > p.sprint.end).map((t) => t.id);
    expect(late).toEqual(['parity-providers']);
    expect(p.criticalPathDays).toBe(13);
    const lastEnd = p.tasks.filter((t) => !t.cut).reduce((m, t) => (t.end > m ? t.end : m), '');
    const daysToLastEnd = p.weeks.flatMap((w) => w.days).filter((d) => d.date <= lastEnd).length + 1; // + the day past the sprint
    expect(p.timelineDays).toBe(daysToLastEnd);
    expect(p.slack).toBe(-1);
    const texts = p.risks.map((r) => r.text).join('\n');
    expect(texts).not.toMatch(/day\(s\) of slack/);
    expect(texts).toContain(
      "The day-by-day timeline takes 15 working days, 1 more than the sprint's 14 (the critical path alone takes 13).",
    );
  });

  it('slack is the days the timeline leaves when it ends inside the sprint', () => {
    const p = plan(
      `${TEAM}items:\n  - {id: A, title: a, points: 3}\n  - {id: B, title: b, points: 3}\n  - {id: C, title: c, points: 3}\n`,
    );
    // Two members, three 3-day items: the third starts when the first is done, day 7 of 10.
    expect(p.criticalPathDays).toBe(3);
    expect(p.timelineDays).toBe(6);
    expect(p.slack).toBe(p.sprint.workingDays - 6);
  });
});

describe('a backlog without a team', () => {
  const yaml = `items:
  - {id: A, title: a, points: 2}
  - {id: B, title: b, points: 3}
  - {id: C, title: c, points: 1, depends_on: [A, B], owner: '@zoe'}
  - {id: D, title: d, points: 3}
`;

  it('plans waves, the critical path and a timeline with one lane per ready item, each its points in days', () => {
    const p = plan(yaml);
    expect(p.team).toEqual([]);
    expect(p.waves).toEqual([['A', 'B', 'D'], ['C']]);
    expect(p.criticalPath).toEqual(['B', 'C']);
    expect(p.criticalPathDays).toBe(4);
    const when = Object.fromEntries(p.tasks.map((t) => [t.id, [t.start, t.end, t.days]]));
    expect(when).toEqual({
      A: ['2026-12-01', '2026-12-02', 2],
      B: ['2026-12-01', '2026-12-03', 3],
      C: ['2026-12-04', '2026-12-04', 1],
      D: ['2026-12-01', '2026-12-03', 3],
    });
    expect(p.tasks.find((t) => t.id === 'C')).toMatchObject({ owner: 'zoe', assignedBy: 'owner' });
    expect(p.timelineDays).toBe(4);
    expect(p.slack).toBe(p.sprint.workingDays - 4);
    expect(p.assumption).toBe(
      'no team is configured, so the timeline runs one lane per ready item, each item taking its points in days; capacity is not checked (list the members under plan.team in shipkit.yml or sprint.team in the backlog).',
    );
  });

  it('checks capacity only where it is known: no team, no velocity, no over-commitment', () => {
    const p = plan(yaml);
    expect(p.capacity).toMatchObject({
      team: null,
      available: null,
      members: [],
      committed: 9,
      planned: 9,
      cut: [],
    });
    expect(p.overcommitted).toBe(false);
    expect(p.risks.map((r) => r.kind)).toEqual([]);
    const slow = plan(yaml, { velocity: [6] });
    expect(slow.capacity).toMatchObject({ team: null, available: 6 });
    expect(slow.overcommitted).toBe(true);
    expect(slow.risks.find((r) => r.kind === 'overcommitted')?.text).toBe(
      '9 points committed against 6 available (velocity).',
    );
    expect(slow.assumption).toMatch(/the work is checked against past velocity only/);
  });
});

describe('bad input', () => {
  it('reports a cycle with the cycle itself', () => {
    const yaml = `${TEAM}items:
  - {id: A, title: a, points: 1, depends_on: [C]}
  - {id: B, title: b, points: 1, depends_on: [A]}
  - {id: C, title: c, points: 1, depends_on: [B]}
  - {id: D, title: d, points: 1}
`;
    expect(problems(() => plan(yaml))).toEqual([
      'backlog.yml:9:5: dependency cycle: B → C → A → B. Remove one of these dependencies: a cycle can never be scheduled.',
      'backlog.yml: the dependency graph is invalid (1 problem)',
    ]);
  });

  it('reports unknown, closed and self references', () => {
    const yaml = `${TEAM}items:
  - {id: A, title: a, points: 1, depends_on: [Z, done, A]}
  - {id: done, title: d, points: 1, status: closed}
`;
    expect(problems(() => plan(yaml)).slice(0, 3)).toEqual([
      'backlog.yml:8:5: item A depends on Z, which is not in the backlog. Check the id, or add the missing item.',
      'backlog.yml:8:5: item A depends on done, which is closed. Remove done from depends_on (it is done), or reopen it if the work is not finished.',
      'backlog.yml:8:5: item A depends on itself',
    ]);
  });

  it('refuses a sprint in which nobody on the team has a working day', () => {
    const away =
      'sprint:\n  team: [{name: ann, time_off: [2026-11-30..2026-12-31]}]\nitems:\n  - {id: A, title: a, points: 1}\n';
    expect(problems(() => plan(away))[0]).toMatch(/sprint 1 has no capacity: nobody has a working day in it/);
  });

  it('refuses an owner who is not on the team', () => {
    const yaml = `${TEAM}items:\n  - {id: A, title: a, points: 1, owner: zoe}\n`;
    expect(problems(() => plan(yaml))[0]).toBe(
      'backlog.yml:8:5: item A: owner zoe is not on the team. Team: ann, ben. Add them to `team` or change the owner.',
    );
  });

  it('asks for the sprint number and start when neither flags nor file give them', () => {
    const b = parseBacklog(DIAMOND, 'b.yml');
    expect(problems(() => planSprint(b, defaults, {}))[0]).toBe(
      'the sprint has no sprint number. Pass --sprint 7, or set `sprint.number` in the backlog.',
    );
    expect(problems(() => planSprint(b, defaults, { number: 1, start: '2026-02-30' }))[0]).toBe(
      'sprint start: expected a date YYYY-MM-DD, got "2026-02-30"',
    );
  });
});
