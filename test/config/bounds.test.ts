import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { countInput, RANGES } from '../../src/config/fields.js';
import { parseConfig } from '../../src/config/located.js';
import type { ShipkitError } from '../../src/errors.js';
import { ROOT } from '../harness/runner.js';

/**
 * Numbers that make shipkit loop, wait or allocate are bounded by the schema, whether they come
 * from shipkit.yml, a flag or an action input: a huge one is an error naming the field or flag and
 * the range, at once (`--duration 99999999d` took 48 s and 3.6 GB, `--samples 1e9` ran forever).
 */

async function cli(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(argv, { out: () => {}, err: (t) => (stderr += `${t}\n`) });
  return { code, stderr };
}

const BACKLOG = join(ROOT, 'examples/backlog.yml');
const plan = (...more: string[]) =>
  cli(['plan', '--backlog', BACKLOG, '--sprint', '7', '--start', '2026-12-01', '--json', ...more]);

describe('numeric inputs are bounded', () => {
  it('plan --duration: a sprint of 99999999 days or weeks is refused by its range', async () => {
    const days = await plan('--duration', '99999999d');
    expect(days.code).toBe(1);
    expect(days.stderr).toContain(
      'sprint duration (--duration, input `duration`): expected 1 to 260 working days, got "99999999d"',
    );
    const weeks = await plan('--duration', '99999999-weeks');
    expect(weeks.code).toBe(1);
    expect(weeks.stderr).toContain('expected 1 to 52 weeks, got "99999999-weeks"');
    expect((await plan('--duration', '3-weeks')).code).toBe(0);
  });

  it('plan --sprint: a number past the range is a usage error', async () => {
    const r = await cli(['plan', '--backlog', BACKLOG, '--sprint', '9'.repeat(400), '--start', '2026-12-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--sprint: expected a whole number from 1 to 100000, got "9{40}…"/);
  });

  it('bench run --samples 1e9 and --warmup 1e6 are refused before anything runs', async () => {
    const run = (...flags: string[]) =>
      cli(['bench', 'run', '--base-cmd', 'true', '--head-cmd', 'true', ...flags]);
    const samples = await run('--samples', '1e9');
    expect(samples).toEqual({
      code: 2,
      stderr: expect.stringMatching(/^--samples: expected a whole number from 2 to 1000, got "1e9"/),
    });
    expect((await run('--samples', '1000000000')).stderr).toMatch(
      /^--samples: expected a whole number from 2/,
    );
    expect((await run('--warmup', '1000000')).stderr).toMatch(
      /^--warmup: expected a whole number from 0 to 100/,
    );
  });

  it('shipkit.yml: samples, history, sprint length, holidays and checks_timeout have ranges', () => {
    const problems = (yaml: string) => {
      try {
        parseConfig(yaml, 'shipkit.yml');
      } catch (err) {
        return (err as ShipkitError).details.map((d) => `${d.location?.line}: ${d.message}`);
      }
      return [];
    };
    expect(
      problems(
        [
          'gates:',
          '  performance:',
          '    samples: 1000000000',
          '    history: 0',
          'plan:',
          '  duration: 99999999-weeks',
          'release:',
          '  checks_timeout: 7h',
        ].join('\n'),
      ),
    ).toEqual([
      '3: `gates.performance.samples`: expected a whole number from 2 to 1000; got 1000000000',
      '4: `gates.performance.history`: expected a whole number from 1 to 1000; got 0',
      '6: `plan.duration`: expected 1 to 52 weeks; got "99999999-weeks"',
      '8: `release.checks_timeout`: expected at most 6h (the longest a job runs); got "7h"',
    ]);
  });

  it('a holiday range of centuries is refused, not expanded day by day', async () => {
    const { planSprint } = await import('../../src/plan/plan.js');
    const { parseBacklog } = await import('../../src/plan/backlog.js');
    const { planSchema } = await import('../../src/config/sections/plan.js');
    const text = readFileSync(BACKLOG, 'utf8').replace(
      'holidays: [2026-12-08]',
      'holidays: [2026-01-01..9999-12-31]',
    );
    const backlog = parseBacklog(text, 'backlog.yml');
    const config = planSchema.parse({});
    expect(() => planSprint(backlog, config)).toThrow(
      'holidays: the range 2026-01-01..9999-12-31 is over 366 days long',
    );
  });

  it('countInput names the input and the range', () => {
    expect(countInput('12', 'input `samples`', RANGES.samples)).toBe(12);
    expect(() => countInput('0x10', 'input `samples`', RANGES.samples)).toThrow(
      'input `samples`: expected a whole number from 2 to 1000, got "0x10"',
    );
  });
});
