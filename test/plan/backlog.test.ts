import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planSchema } from '../../src/config/sections/plan.js';
import { parseBacklog } from '../../src/plan/backlog.js';
import { backlogJsonSchema } from '../../src/plan/backlog-schema.js';
import { exampleText, problems } from './helpers.js';

describe('backlog files', () => {
  it('loads the minimal shape from the issue, in YAML and JSON', () => {
    const json = JSON.stringify({
      items: [
        { id: 'A', title: 'first', points: 3, depends_on: [] },
        {
          id: 'B',
          title: 'second',
          points: 2,
          depends_on: ['A'],
          owner: 'ann',
          priority: 'P1',
          labels: ['x'],
          description: 'd',
        },
      ],
    });
    const b = parseBacklog(json, 'backlog.json');
    expect(b.unit).toBe('points');
    expect(b.items.map((i) => [i.id, i.effort, i.depends_on, i.priority])).toEqual([
      ['A', 3, [], 'P2'],
      ['B', 2, ['A'], 'P1'],
    ]);
    expect(b.items[1]?.source).toEqual({ file: 'backlog.json', line: 1, column: 65 });
  });

  it('reads estimates with units and numeric ids', () => {
    const b = parseBacklog(
      'items:\n  - {id: 1, title: a, estimate: 8h}\n  - {id: 2, title: b, estimate: 4 hours, depends_on: [1]}\n',
      'b.yml',
    );
    expect(b.unit).toBe('hours');
    expect(b.items.map((i) => [i.id, i.effort, i.depends_on])).toEqual([
      ['1', 8, []],
      ['2', 4, ['1']],
    ]);
  });

  it('refuses estimates in mixed units, naming both items', () => {
    const yaml = 'items:\n  - {id: A, title: a, points: 3}\n  - {id: B, title: b, estimate: 8h}\n';
    expect(problems(() => parseBacklog(yaml, 'b.yml'))).toEqual([
      'b.yml:3:5: estimates in mixed units: item A is in points, item B in hours. Give every item the same unit (all points or all hours).',
      'b.yml is not a valid backlog (1 problem)',
    ]);
  });

  it('names the line of every schema problem at once', () => {
    const yaml =
      'items:\n  - id: A\n    title: a\n    points: -1\n  - id: B\n    titel: b\n    points: 1\n  - {id: C, title: c, priority: urgent, points: 1}\n';
    expect(problems(() => parseBacklog(yaml, 'b.yml'))).toEqual([
      'b.yml:4:13: `items[0].points`: Too small: expected number to be >=0; got -1',
      'b.yml:5:5: missing required field `items[1].title`. Add `title:` under `items[1]`.',
      'b.yml:6:5: unknown key `items[1].titel`. Did you mean `title`?',
      'b.yml:8:33: `items[2].priority`: expected a priority: P0, P1, P2, P3 (or critical, high, medium, low); got "urgent"',
      'b.yml is not a valid backlog (4 problems)',
    ]);
  });

  it('names the backlog itself when its root is not a mapping, and lists the keys allowed', () => {
    expect(problems(() => parseBacklog('- a\n', 'b.yml'))[0]).toBe(
      'b.yml:1:1: `backlog`: expected object; got ["a"]',
    );
    expect(problems(() => parseBacklog('items: []\ncolour: red\n', 'b.yml'))[0]).toBe(
      'b.yml:2:1: unknown key `colour`. Allowed here: `$schema`, `sprint`, `items`.',
    );
  });

  it('reports duplicate ids, missing estimates and YAML syntax errors', () => {
    const dup = 'items:\n  - {id: A, title: a, points: 1}\n  - {id: A, title: b}\n';
    expect(problems(() => parseBacklog(dup, 'b.yml')).slice(0, 2)).toEqual([
      'b.yml:3:5: item A has no estimate. Add `points: 3` (or `estimate: 8h`).',
      'b.yml:3:5: duplicate item id A. The first A is item [0]; ids must be unique.',
    ]);
    expect(problems(() => parseBacklog('items:\n  - {id: A\n', 'b.yml'))[0]).toMatch(
      /^b\.yml:3:1: YAML syntax error/,
    );
  });
});

describe('the published JSON Schema', () => {
  it('is the committed schema/backlog.schema.json', async () => {
    const committed = JSON.parse(
      await readFile(new URL('../../schema/backlog.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(backlogJsonSchema());
  });

  it('accepts the example backlog and rejects what the loader rejects', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(backlogJsonSchema());
    expect(validate(parse(exampleText)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ items: [{ id: 'A', title: 'a', points: 1, colour: 'red' }] })).toBe(false);
    expect(validate({ items: [{ id: 'A', points: 1 }] })).toBe(false);
  });
});

describe('the plan section of shipkit.yml', () => {
  it('reads team members, holidays and labels as teams write them', () => {
    const config = planSchema.parse({
      team: [{ name: 'ann', capacity: '6h/day', part_time: '50%', time_off: ['2026-12-24..2026-12-31'] }],
      holidays: ['2026-12-25'],
      labels: { points: 'sp:' },
    });
    expect(config.team[0]).toMatchObject({ name: 'ann', capacity: '6h/day', part_time: '50%', skills: [] });
    expect(config.labels).toEqual({ points: 'sp:', priority: 'priority:', area: 'area:', wave: 'wave:' });
    expect(planSchema.safeParse({ team: [{ name: 'x', capacity: 'lots' }] }).success).toBe(false);
    expect(planSchema.safeParse({ holidays: ['25 Dec'] }).success).toBe(false);
  });
});
