import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { ROOT, runAction } from '../harness/runner.js';

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
});
