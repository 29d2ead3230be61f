// Backlog values reach the sprint workflow shipkit generates (test/repo-workflows.test.ts checks
// the workflow made from test/fixtures/hostile/plan/backlog.yml); path filters that would break
// it are refused up front, naming the file and the field.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shipkit } from '../harness/cli.js';
import { HOSTILE } from './helpers.js';

describe('plan: a backlog whose path filters would break the generated workflow', () => {
  it('is refused with the file, line and item field, and writes nothing', async () => {
    const file = join(HOSTILE, 'plan/backlog-refused.yml');
    const out = join(await mkdtemp(join(tmpdir(), 'shipkit-refused-')), 'plan');
    const run = await shipkit(['plan', '--backlog', file, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.some((l) => /backlog-refused\.yml:16:\d+: .*items\[0\]\.paths\[0\].*one line/.test(l))).toBe(
      true,
    );
    expect(
      lines.some((l) => /backlog-refused\.yml:20:\d+: .*items\[1\]\.paths\[0\].*expression/.test(l)),
    ).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
