import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shipkit as run } from '../harness/cli.js';
import { type JsProject, jsProject } from './js-project.js';

const shipkit = (args: string[], cwd: string) => run(['gate', ...args], cwd);

const CONFIG = `gates:
  test_coverage:
    threshold: 60%
    patch: 80%
    action: fail_if_below
`;

describe('shipkit gate on a real project, real coverage, real git', () => {
  let project: JsProject;
  beforeAll(() => {
    project = jsProject();
    project.coverage();
  });

  it('measures patch coverage against the base branch and fails the fail_* gate', async () => {
    await writeFile(join(project.dir, 'shipkit.yml'), CONFIG);
    const r = await shipkit(
      ['--config', 'shipkit.yml', '--coverage', 'lcov.info', '--base', 'main', '--json'],
      project.dir,
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    // Node's V8 coverage marks the `div` body (lines 17-20) unrun; the rest of the new lines ran,
    // but the `throw` in add (line 3) and the closing `}` of the `if` did not.
    const lcov = await readFile(join(project.dir, 'lcov.info'), 'utf8');
    const zero = [...lcov.matchAll(/^DA:(\d+),0$/gm)].map((m) => Number(m[1]));
    const uncoveredChanged = out.annotations.flatMap((a: { start_line: number; end_line: number }) =>
      Array.from({ length: a.end_line - a.start_line + 1 }, (_, i) => a.start_line + i),
    );
    // Every uncovered changed line is a zero-hit line of the report, and in the diff.
    expect(uncoveredChanged.every((n: number) => zero.includes(n))).toBe(true);
    // The throw in `add` (line 3) and the body of `div` (lines 17-20) never ran.
    expect(uncoveredChanged).toEqual(expect.arrayContaining([3, 18, 19, 20]));
    expect(out.annotations.every((a: { path: string }) => a.path === 'src/math.mjs')).toBe(true);
    expect(out.verdict).toBe('fail');
    expect(out.outputs['patch-status']).toBe('fail');
    expect(Number(out.outputs['patch-total'])).toBe(
      Number(out.outputs['patch-covered']) + uncoveredChanged.length,
    );
    expect(r.code).toBe(1);
  });

  it('prints the Markdown summary and passes when the targets are met', async () => {
    await writeFile(join(project.dir, 'ok.yml'), 'gates:\n  test_coverage: {threshold: 50%, patch: 50%}\n');
    const r = await shipkit(['--config', 'ok.yml', '--coverage', 'lcov.info', '--base', 'main'], project.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## ✅ shipkit gate: passed/);
    expect(r.stdout).toContain('| Patch coverage | ✅ pass |');
    expect(r.stdout).toContain('### Files, worst first');
  });

  it('reads a diff file, and refuses one that does not apply to the working tree', async () => {
    await writeFile(join(project.dir, 'pr.diff'), project.git('diff', 'main...HEAD'));
    const ok = await shipkit(
      ['--config', 'shipkit.yml', '--coverage', 'lcov.info', '--diff', 'pr.diff', '--json'],
      project.dir,
    );
    const viaGit = await shipkit(
      ['--config', 'shipkit.yml', '--coverage', 'lcov.info', '--base', 'main', '--json'],
      project.dir,
    );
    // The diff file of the change measures what diffing against main measures.
    const patch = (stdout: string) => {
      const { outputs } = JSON.parse(stdout);
      return [Number(outputs['patch-covered']), Number(outputs['patch-total'])];
    };
    expect(patch(ok.stdout)[1]).toBeGreaterThan(0);
    expect(patch(ok.stdout)).toEqual(patch(viaGit.stdout));
    const reversed = project.git('diff', 'HEAD', 'main');
    await writeFile(join(project.dir, 'old.diff'), reversed);
    const bad = await shipkit(
      ['--config', 'shipkit.yml', '--coverage', 'lcov.info', '--diff', 'old.diff'],
      project.dir,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^src\/math\.mjs:\d+: the diff does not apply: line \d+ of src\/math\.mjs/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('says which input is wrong: a missing report, an unknown option', async () => {
    const missing = await shipkit(['--config', 'shipkit.yml', '--coverage', 'nope/*.info'], project.dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no coverage report matches nope\/\*\.info/);
    const usage = await shipkit(['--covrage', 'x'], project.dir);
    expect(usage.code).toBe(2);
    const both = await shipkit(['--diff', 'a', '--base', 'main'], project.dir);
    expect(both.code).toBe(2);
  });

  it('a broken config is the error reported, also when a report is missing (the reports are read first)', async () => {
    await writeFile(join(project.dir, 'broken.yml'), 'gates:\n  test_coverage: {threshold: lots}\n');
    for (const coverage of ['nope/*.info', 'lcov.info']) {
      const r = await shipkit(['--config', 'broken.yml', '--coverage', coverage], project.dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('broken.yml');
      expect(r.stderr).toContain('threshold');
      expect(r.stderr).not.toMatch(/no coverage report matches/);
    }
  });

  it('--baseline reads the baseline a gate run wrote, and refuses another schemaVersion with a clear error', async () => {
    await writeFile(join(project.dir, 'auto.yml'), 'gates:\n  test_coverage: {threshold: auto}\n');
    const first = await shipkit(['--config', 'auto.yml', '--coverage', 'lcov.info', '--json'], project.dir);
    const { baseline } = JSON.parse(first.stdout);
    await writeFile(join(project.dir, 'base.json'), JSON.stringify(baseline));
    const again = await shipkit(
      ['--config', 'auto.yml', '--coverage', 'lcov.info', '--baseline', 'base.json'],
      project.dir,
    );
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    await writeFile(join(project.dir, 'next.json'), JSON.stringify({ ...baseline, schemaVersion: 2 }));
    const next = await shipkit(
      ['--config', 'auto.yml', '--coverage', 'lcov.info', '--baseline', 'next.json'],
      project.dir,
    );
    expect(next.code).toBe(1);
    expect(next.stderr).toMatch(
      /^next\.json: the gate baseline has schemaVersion 2; this shipkit reads schemaVersion 1\b/,
    );
    expect(next.stderr).not.toMatch(/\n\s+at /);
  });

  it('a configured gate without its report is not a silent pass', async () => {
    await writeFile(join(project.dir, 'sec.yml'), 'gates:\n  security: {max_vulnerabilities: 0}\n');
    const r = await shipkit(['--config', 'sec.yml'], project.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '| Security | ❌ fail | not checked: no npm audit or SARIF report was given |',
    );
  });
});
