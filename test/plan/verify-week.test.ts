import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { burndown } from '../../src/plan/burndown.js';
import { shipkit } from '../harness/cli.js';
import { ROOT } from '../harness/runner.js';

/**
 * The producer and the consumer, both for real: `shipkit gate --json` (the bundled CLI) over the
 * example's real lcov report, `shipkit plan --out` writing verify-week.mjs, and that script run
 * with plain node on the gate's output, as a workflow would.
 */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function node(
  script: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as Run;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let failing: Record<string, unknown>;
let passing: Record<string, unknown>;
const verify = (...args: string[]) => node(join(dir, 'p/verify-week.mjs'), args, dir);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipkit-verify-week-'));
  await cp(join(ROOT, 'examples'), dir, { recursive: true });
  await writeFile(
    join(dir, 'strict.yml'),
    'gates:\n  test_coverage:\n    threshold: 99%\n    action: fail_if_below\n',
  );
  await writeFile(
    join(dir, 'ok.yml'),
    'gates:\n  test_coverage:\n    threshold: 50%\n    action: fail_if_below\n',
  );
  await writeFile(
    join(dir, 'warn.yml'),
    'gates:\n  test_coverage:\n    threshold: 99%\n    action: warn_if_below\n',
  );
  const [fail, pass, warn, plan] = await Promise.all([
    shipkit(['gate', '--config', 'strict.yml', '--coverage', 'coverage/lcov.info', '--json'], dir),
    shipkit(['gate', '--config', 'ok.yml', '--coverage', 'coverage/lcov.info', '--json'], dir),
    shipkit(['gate', '--config', 'warn.yml', '--coverage', 'coverage/lcov.info', '--json'], dir),
    shipkit(['plan', '--backlog', 'backlog.yml', '--out', 'p'], dir),
  ]);
  expect([fail.code, pass.code, warn.code, plan.code]).toEqual([1, 0, 0, 0]);
  await writeFile(join(dir, 'warn.json'), warn.stdout);
  await writeFile(join(dir, 'g.json'), fail.stdout);
  await writeFile(join(dir, 'ok.json'), pass.stdout);
  failing = JSON.parse(fail.stdout);
  passing = JSON.parse(pass.stdout);
  // Every task of the sprint closed on its first day: what `shipkit plan status --json` prints then.
  const tasks = JSON.parse(await readFile(join(dir, 'p/plan.json'), 'utf8')).tasks as { id: string }[];
  const issues = tasks.map((t, i) => ({
    number: i + 1,
    task: t.id,
    title: t.id,
    points: 1,
    closed: '2026-12-01',
  }));
  const progress = burndown(7, '2026-12-01', '2026-12-21', issues, '2026-12-07');
  await writeFile(join(dir, 'pr.json'), JSON.stringify(progress));
  // provider-base (P0, due in week 1) still open.
  const open = burndown(7, '2026-12-01', '2026-12-21', issues.slice(1), '2026-12-07');
  await writeFile(join(dir, 'open.json'), JSON.stringify(open));
});

describe('verify-week.mjs reads the gate result shipkit gate --json writes', () => {
  it('a failed gate is red and exits 1, with the week closed', async () => {
    expect(failing.verdict).toBe('fail');
    const r = await verify('--week', '1', '--gates', 'g.json', '--progress', 'pr.json');
    expect(r.stdout).toContain('week 1 checkpoint: ❌ red');
    expect(r.stdout).toContain('❌ gate Coverage failed: 94.28% of 35 lines; target 99%');
    expect(r.code).toBe(1);
  });

  it('a passing gate with the week closed is green and exits 0', async () => {
    expect(passing.verdict).toBe('pass');
    const r = await verify('--week', '1', '--gates', 'ok.json', '--progress', 'pr.json');
    expect(r.stdout).toBe('Sprint 7, week 1 checkpoint: ✅ green: continue to the next week\n');
    expect(r.code).toBe(0);
  });

  it('a warning gate is yellow; an open P0 task that was due is red', async () => {
    const yellow = await verify('--week', '1', '--gates', 'warn.json', '--progress', 'pr.json');
    expect(yellow.stdout).toContain('week 1 checkpoint: ⚠️ yellow');
    expect(yellow.stdout).toContain('⚠️ gate Coverage warned: 94.28% of 35 lines; target 99%');
    expect(yellow.code).toBe(0);
    const red = await verify('--week', '1', '--gates', 'ok.json', '--progress', 'open.json');
    expect(red.stdout).toContain('❌ provider-base (P0) was due by the end of week 1 and is open');
    expect(red.code).toBe(1);
  });

  it('sets the status output in Actions', async () => {
    const out = join(dir, 'github-output');
    await writeFile(out, '');
    const r = await node(join(dir, 'p/verify-week.mjs'), ['--week', '1', '--gates', 'g.json'], dir, {
      GITHUB_OUTPUT: out,
    });
    expect(r.code).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('status=red\n');
  });

  it('a run verdict of fail is red even when no result says so', async () => {
    const odd = { ...passing, verdict: 'fail' };
    await writeFile(join(dir, 'odd.json'), JSON.stringify(odd));
    const r = await verify('--week', '1', '--gates', 'odd.json', '--progress', 'pr.json');
    expect(r.stdout).toContain('❌ the gate run failed');
    expect(r.code).toBe(1);
  });

  const cannotRead = async (name: string, value: unknown, message: RegExp) => {
    await writeFile(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
    const r = await verify('--week', '1', '--gates', name, '--progress', 'pr.json');
    expect(r.stdout).toBe('Sprint 7, week 1 checkpoint: ❌ red: an input cannot be read\n');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.code).toBe(2);
  };

  it('a file it does not understand is an error and red, never green', async () => {
    // The shape the script used to read: a failed gate it would have missed.
    await cannotRead(
      'old.json',
      { gates: [{ name: 'coverage', verdict: 'fail' }] },
      /old\.json is not a gate result \(no schemaVersion\)/,
    );
    await cannotRead(
      'v2.json',
      { ...passing, schemaVersion: 2 },
      /v2\.json: the gate result has schemaVersion 2; this script reads schemaVersion 1/,
    );
    const results = (passing.results as Record<string, unknown>[]).map((g) => ({ ...g, status: 'failed' }));
    await cannotRead(
      'status.json',
      { ...passing, results },
      /results\[0\]\.status: expected one of "pass", "warn", "fail"/,
    );
    await cannotRead('no-results.json', { ...passing, results: undefined }, /\(top level\): missing results/);
    await cannotRead('cut.json', JSON.stringify(passing).slice(0, 50), /cannot read cut\.json as JSON/);
    await cannotRead('array.json', [passing], /not a gate result/);
  });

  it('the progress file is read through its schema too', async () => {
    await writeFile(join(dir, 'hand.json'), JSON.stringify({ closed: ['provider-base'] }));
    const r = await verify('--week', '1', '--gates', 'ok.json', '--progress', 'hand.json');
    expect(r.stderr).toMatch(
      /hand\.json is not a sprint progress \(no schemaVersion\); give the file `shipkit plan status --json` writes/,
    );
    expect(r.code).toBe(2);
  });

  it('--help prints the usage; an unknown option is a usage error, not a stack trace', async () => {
    const help = await verify('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^Usage: node verify-week\.mjs \[--week N\] \[--gates FILE\] \[--progress FILE\]/,
    );
    expect(help.stderr).toBe('');
    const bad = await verify('--gate', 'g.json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Unknown option '--gate'.*\nUsage: /s);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('its schema check agrees with a full JSON Schema validator (ajv) on damaged gate results', async () => {
    const script = await readFile(join(dir, 'p/verify-week.mjs'), 'utf8');
    const plan = JSON.parse(/^const PLAN = (.*);$/m.exec(script)?.[1] ?? 'null');
    const validate = new Ajv2020({ strict: false }).compile(plan.inputs.gates.schema);
    const result = (failing.results as Record<string, unknown>[])[0] as Record<string, unknown>;
    const baseline = failing.baseline as Record<string, unknown>;
    const cases: Record<string, unknown>[] = [
      failing,
      { ...failing, extra: 'later fields are allowed' },
      { ...failing, verdict: 'FAIL' },
      { ...failing, outputs: { verdict: 1 } },
      { ...failing, annotations: [{ path: 'a', start_line: 1 }] },
      { ...failing, results: [{ ...result, table: [['a', 2]] }] },
      { ...failing, results: [{ ...result, outputs: { n: 1, s: 'x' } }] },
      { ...failing, results: [{ ...result, outputs: { n: null } }] },
      {
        ...failing,
        baseline: {
          ...baseline,
          coverage: { lines: { covered: 1, total: 2, pct: null }, files: { a: [1, 2, 3] }, formats: [] },
        },
      },
      {
        ...failing,
        baseline: {
          ...baseline,
          coverage: { lines: { covered: 1, total: 2, pct: null }, files: { a: [1, 2] }, formats: [] },
        },
      },
      { ...failing, baseline: { ...baseline, commit: undefined } },
      { ...failing, warnings: 'none' },
    ];
    for (const [i, c] of cases.entries()) {
      await writeFile(join(dir, `case-${i}.json`), JSON.stringify(c));
      const r = await verify('--week', '1', '--gates', `case-${i}.json`, '--progress', 'pr.json');
      expect({ i, readable: r.code !== 2 }).toEqual({ i, readable: validate(JSON.parse(JSON.stringify(c))) });
    }
  });
});
