import { readFileSync } from 'node:fs';
import { planSchema } from '../../src/config/sections/plan.js';
import { formatError, ShipkitError } from '../../src/errors.js';
import { parseBacklog } from '../../src/plan/backlog.js';
import { type Plan, planSprint, type SprintOptions } from '../../src/plan/plan.js';

export const EXAMPLE = new URL('../../examples/backlog.yml', import.meta.url);
export const exampleText = readFileSync(EXAMPLE, 'utf8');
export const defaults = planSchema.parse({});

/** A backlog in YAML with a small default team unless the text has its own sprint. */
export function plan(yaml: string, options: SprintOptions = {}, config = defaults): Plan {
  return planSprint(parseBacklog(yaml, 'backlog.yml'), config, {
    number: 1,
    start: '2026-12-01',
    ...options,
  });
}

export const TEAM = `sprint:
  team:
    - name: ann
      capacity: 1
    - name: ben
      capacity: 1
`;

/** The fields of `scheduleJson`, in order: the CLI's `--json` and the action's `schedule` output. */
export const SCHEDULE_KEYS = [
  'waves',
  'criticalPath',
  'criticalPathDays',
  'capacity',
  'overcommitted',
  'timeline',
];

/** The lines formatError prints for what `fn` throws. */
export function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof ShipkitError)) throw err;
    return [...formatError(err), err.message];
  }
  throw new Error('expected a ShipkitError');
}

/** The lines formatError prints for the ShipkitError that `promise` rejects with. */
export async function rejectionProblems(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  return problems(() => {
    if (error !== undefined) throw error;
  });
}
