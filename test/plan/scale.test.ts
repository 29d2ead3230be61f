import { describe, expect, it } from 'vitest';
import { planSchema } from '../../src/config/sections/plan.js';
import type { Backlog, Item } from '../../src/plan/backlog.js';
import { planSprint } from '../../src/plan/plan.js';

/** A backlog of `n` independent one-point items, built directly (no parsing: the scheduler is under test). */
function independent(n: number): Backlog {
  const items: Item[] = Array.from({ length: n }, (_, i) => ({
    id: `T${i}`,
    title: `Task ${i}`,
    effort: 1,
    depends_on: [],
    owner: undefined,
    priority: 'P2',
    labels: [],
    area: 'core',
    description: undefined,
    closed: false,
    carried_over: false,
    paths: [],
    source: undefined,
  }));
  return {
    unit: 'points',
    items,
    sprint: { number: 1, start: '2026-12-01' } as Backlog['sprint'],
    file: 'big.yml',
  };
}

describe('plans at scale', () => {
  it('plans 200,000 items (the sprint end was found with Math.max(...) over every slot: a RangeError)', {
    timeout: 120_000,
  }, () => {
    const plan = planSprint(independent(200_000), planSchema.parse({}));
    expect(plan.tasks).toHaveLength(200_000);
    expect(plan.waves).toHaveLength(1);
    // Without a team every ready item runs in its own lane: one working day for all of them.
    expect(plan.timelineDays).toBe(1);
    expect(plan.tasks[199_999]).toMatchObject({ start: '2026-12-01', end: '2026-12-01', days: 1 });
  });
});
