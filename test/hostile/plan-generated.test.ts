import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBacklog } from '../../src/plan/backlog.js';
import { renderPlanFiles, writePlanFiles } from '../../src/plan/documents.js';
import { planSprint } from '../../src/plan/plan.js';
import { loadTemplates } from '../../src/plan/templates.js';
import { defaults, problems } from '../plan/helpers.js';

/** Issue 11 item 2: backlog values that reach plan's generated code stay data. */
const ROOT = resolve(import.meta.dirname, '../..');
const hostile = join(ROOT, 'test/fixtures/hostile/plan');
const HOSTILE_IDS = [
  'A\nconsole.log(process.env.HOME);process.exit(7)//',
  "B\u2028import {writeFileSync as w} from 'node:fs'; w('PWNED', '')//",
];

describe('plan: backlog values never become code', () => {
  it('refuses a backlog id that is not a plain key, naming the file and line', () => {
    const text = readFileSync(join(hostile, 'code-in-ids.yml'), 'utf8');
    const lines = problems(() => parseBacklog(text, 'code-in-ids.yml'));
    expect(lines.join('\n')).toContain('code-in-ids.yml is not a valid backlog (2 problems)');
    expect(lines.join('\n')).toMatch(/code-in-ids\.yml:5:\d+.*`items\[0\]\.id`: .*letters, digits/);
    expect(lines.join('\n')).toMatch(/code-in-ids\.yml:8:\d+.*`items\[1\]\.id`/);
  });

  it('refuses an id too long for a file name', () => {
    const text = readFileSync(join(hostile, 'long-id.yml'), 'utf8');
    expect(problems(() => parseBacklog(text, 'long-id.yml')).join('\n')).toMatch(
      /long-id\.yml:6:\d+.*`items\[1\]\.id`/,
    );
  });

  it('generated task tests stay inert even for ids that got past the schema', async () => {
    // A backlog read some other way (a caller of the core): the templates alone must hold.
    const backlog = parseBacklog(
      'sprint:\n  team: [{name: ann}]\nitems:\n  - {id: a, title: a, points: 1}\n  - {id: b, title: b, points: 1}\n',
      'backlog.yml',
    );
    backlog.items.forEach((item, i) => {
      item.id = HOSTILE_IDS[i] as string;
    });
    const plan = planSprint(backlog, defaults, { number: 1, start: '2026-12-01' });
    const files = renderPlanFiles(plan, await loadTemplates());
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-hostile-plan-'));
    await writePlanFiles(dir, files);
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(
      join(dir, 'vitest.config.mjs'),
      "export default { test: { include: ['tasks/*.test.ts'] } };",
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, HOME: '/home/hostile-marker', CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    expect(existsSync(join(dir, 'PWNED'))).toBe(false);
    expect(r.stdout + r.stderr).not.toContain('/home/hostile-marker');
    expect(r.stdout).toMatch(/Tests\s+4 todo \(4\)/);
    expect(r.status).toBe(0);
  });
});
