import { describe, expect, it } from 'vitest';
import type { CoverageConfig } from '../../src/config/sections/gates.js';
import type { GateSummary } from '../../src/gate/baseline.js';
import type { CoverageReport } from '../../src/gate/coverage/model.js';
import { lineCountsByFile } from '../../src/gate/coverage-counts.js';
import {
  componentGates,
  fileMinimumsGate,
  lineRanges,
  patchGate,
  projectGate,
} from '../../src/gate/coverage-gates.js';
import { parseUnifiedDiff } from '../../src/gate/diff.js';
import { patchCoverage } from '../../src/gate/patch.js';
import { numbered, tempRepo } from './git-repo.js';

/** A report from per-file hit lists: `[line, hits]` pairs. */
function report(files: Record<string, [number, number][]>): CoverageReport {
  return {
    files: new Map(Object.entries(files).map(([path, lines]) => [path, { path, lines: new Map(lines) }])),
    formats: ['lcov'],
    approximate: new Set(),
  };
}

const lines = (from: number, to: number, hits: number): [number, number][] =>
  Array.from({ length: to - from + 1 }, (_, i) => [from + i, hits]);

function baseline(files: Record<string, [number, number]>): GateSummary {
  const covered = Object.values(files).reduce((s, f) => s + f[0], 0);
  const total = Object.values(files).reduce((s, f) => s + f[1], 0);
  return {
    schemaVersion: 1,
    commit: 'a'.repeat(40),
    createdAt: '2026-01-01T00:00:00Z',
    coverage: { lines: { covered, total, pct: (covered / total) * 100 }, files, formats: ['lcov'] },
  };
}

const cfg = (c: Partial<CoverageConfig>): CoverageConfig => ({
  threshold: 90,
  action: 'fail_if_below',
  ...c,
});

describe('project coverage', () => {
  const head = report({ 'src/a.ts': lines(1, 10, 1), 'src/b.ts': [...lines(1, 8, 1), ...lines(9, 10, 0)] });
  const files = lineCountsByFile(head, () => true);

  it('fails below an absolute target with fail_if_below, warns with warn_if_below', () => {
    const fail = projectGate({ config: cfg({ threshold: 95 }), files });
    expect(fail).toMatchObject({
      status: 'fail',
      breached: true,
      outputs: { percent: 90, covered: 18, total: 20 },
    });
    expect(projectGate({ config: cfg({ threshold: 95, action: 'warn_if_below' }), files }).status).toBe(
      'warn',
    );
    expect(projectGate({ config: cfg({ threshold: 90 }), files }).status).toBe('pass');
  });

  it('with informational never fails, and says it would have', () => {
    const r = projectGate({ config: cfg({ threshold: 95, informational: true }), files });
    expect(r).toMatchObject({ status: 'pass', breached: true, informational: true });
  });

  it('auto: passes within the tolerance of the baseline, fails beyond it', () => {
    const base = baseline({ 'src/a.ts': [10, 10], 'src/b.ts': [9, 10] }); // 95%
    expect(
      projectGate({ config: cfg({ threshold: 'auto', tolerance: 5 }), files, baseline: base }).status,
    ).toBe('pass');
    const r = projectGate({ config: cfg({ threshold: 'auto', tolerance: 1 }), files, baseline: base });
    expect(r).toMatchObject({ status: 'fail', outputs: { base: 95, delta: -5, target: 94 } });
  });

  it('auto without a baseline passes and says why', () => {
    const r = projectGate({ config: cfg({ threshold: 'auto' }), files });
    expect(r.status).toBe('pass');
    expect(r.notes.join()).toMatch(/No baseline yet/);
  });

  it('adjusts the base for files the pull request deletes', () => {
    // base: a 10/10, b 8/10, c (deleted) 0/20 → 18/40 = 45%; adjusted: 18/20 = 90%.
    const base = baseline({ 'src/a.ts': [10, 10], 'src/b.ts': [8, 10], 'src/c.ts': [0, 20] });
    const diff = parseUnifiedDiff(
      `diff --git a/src/c.ts b/src/c.ts\ndeleted file mode 100644\n--- a/src/c.ts\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-x\n-y\n`,
    );
    const patch = patchCoverage(head, diff);
    const r = projectGate({ config: cfg({ threshold: 'auto' }), files, baseline: base, diff, patch });
    expect(r.outputs.base).toBe(90);
  });
});

describe('patch coverage and the removed-code rule on a real git diff', () => {
  const repo = tempRepo();
  repo.write('src/calc.ts', numbered(50));
  repo.write('src/util.ts', numbered(20));
  const base = repo.commit('base');
  const calc = numbered(50).split('\n');
  calc.splice(10, 0, 'new 11', 'new 12', 'new 13', 'new 14'); // head lines 11-14 added
  repo.write('src/calc.ts', calc.join('\n'));
  repo.write('src/util.ts', numbered(10)); // lines 11-20 removed
  repo.write('README.md', '# hi\n');
  repo.commit('change');
  const diff = parseUnifiedDiff(repo.git('diff', `${base}...HEAD`), 'pr.diff');

  it('counts only executable changed lines, covered or not', () => {
    // Line 12 is not executable (a comment); 13 was not run.
    const head = report({
      'src/calc.ts': [...lines(1, 11, 1), [13, 0], [14, 3], ...lines(15, 54, 1)],
      'src/util.ts': lines(1, 10, 1),
    });
    const patch = patchCoverage(head, diff);
    expect(patch).toMatchObject({ covered: 2, total: 3, unmeasured: ['README.md'], removed: 10 });
    expect(patch.files).toEqual([{ path: 'src/calc.ts', covered: 2, total: 3, uncovered: [13] }]);
    const gate = patchGate({
      config: cfg({ patch: { target: 80, action: 'warn_if_below' } }),
      files: lineCountsByFile(head, () => true),
      patch,
    });
    expect(gate).toMatchObject({
      status: 'warn',
      outputs: { percent: 66.66, covered: 2, total: 3, target: 80 },
    });
    expect(gate?.table?.[1]).toEqual(['src/calc.ts', '2/3 (66.66%)', '13']);
  });

  it('passes a pull request whose only effect is removing covered code', () => {
    // Base: util 20/20 and calc 40/50 → 60/70 = 85.7%. Head: the four added lines ran, util's ten
    // removed lines were covered ones: calc 40/54 and util 10/10 → 50/64 = 78.1%, a fall that
    // comes from deleting covered code, not from the change's own lines.
    const head = report({
      'src/calc.ts': [...lines(1, 40, 1), ...lines(41, 54, 0)],
      'src/util.ts': lines(1, 10, 1),
    });
    for (const n of [11, 12, 13, 14]) head.files.get('src/calc.ts')?.lines.set(n, 1);
    const files = lineCountsByFile(head, () => true);
    const patch = patchCoverage(head, diff);
    expect(patch.files.flatMap((f) => f.uncovered)).toEqual([]);
    const base = baseline({ 'src/calc.ts': [40, 50], 'src/util.ts': [20, 20] });
    const r = projectGate({ config: cfg({ threshold: 'auto' }), files, baseline: base, diff, patch });
    expect(r.outputs.percent).toBeLessThan(r.outputs.base as number);
    expect(r).toMatchObject({ status: 'pass', breached: false });
    expect(r.notes.join()).toMatch(/removed-code rule/);
    // The same drop with one uncovered added line fails.
    head.files.get('src/calc.ts')?.lines.set(13, 0);
    const patch2 = patchCoverage(head, diff);
    const r2 = projectGate({
      config: cfg({ threshold: 'auto' }),
      files: lineCountsByFile(head, () => true),
      baseline: base,
      diff,
      patch: patch2,
    });
    expect(r2.status).toBe('fail');
  });

  it('patch target auto is the base project coverage', () => {
    const head = report({
      'src/calc.ts': [
        [11, 1],
        [12, 1],
        [13, 1],
        [14, 0],
      ],
    });
    const base = baseline({ 'src/calc.ts': [80, 100] });
    const gate = patchGate({
      config: cfg({ patch: 'auto' }),
      files: lineCountsByFile(head, () => true),
      patch: patchCoverage(head, diff),
      baseline: base,
    });
    expect(gate).toMatchObject({ status: 'fail', outputs: { percent: 75, target: 80 } });
  });
});

describe('per-file minimums and components', () => {
  const head = report({
    'src/core/a.ts': [...lines(1, 9, 1), [10, 0]],
    'src/core/b.ts': [...lines(1, 5, 1), ...lines(6, 10, 0)],
    'src/ui/c.ts': [...lines(1, 2, 1), ...lines(3, 10, 0)],
  });
  const files = lineCountsByFile(head, () => true);

  it('lists files below their minimum, worst first; the last matching rule wins', () => {
    const r = fileMinimumsGate({
      config: cfg({ file_minimum: 40, files: [{ path: 'src/core/**', minimum: 60 }] }),
      files,
    });
    expect(r?.status).toBe('fail');
    expect(r?.table?.slice(1).map((row) => row[0])).toEqual(['src/ui/c.ts', 'src/core/b.ts']);
  });

  it('gives each component its own target; an informational one never fails', () => {
    const [core, ui] = componentGates({
      config: cfg({
        components: [
          { name: 'core', paths: ['src/core/**'], threshold: 70 },
          { name: 'ui', paths: ['src/ui/**'], threshold: 50, informational: true },
        ],
      }),
      files,
    });
    expect(core).toMatchObject({ id: 'component-core', status: 'pass', outputs: { percent: 70 } });
    expect(ui).toMatchObject({
      status: 'pass',
      breached: true,
      informational: true,
      outputs: { percent: 20 },
    });
  });

  it('writes line ranges compactly', () => {
    expect(lineRanges([1, 2, 3, 7, 9, 10])).toBe('1-3, 7, 9-10');
  });
});
