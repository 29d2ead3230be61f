import type { LineCounts } from './coverage-counts.js';
import { lineCountsByFile } from './coverage-counts.js';
import { componentGates, fileMinimumsGate, lineRuns, patchGate, projectGate } from './coverage-gates.js';
import type { DiffFile } from './diff.js';
import { defineGate } from './gate.js';
import { pathMatcher } from './glob.js';
import { type PatchCoverage, patchCoverage } from './patch.js';
import { ratio } from './result.js';
import type { FileRow, UncoveredRange } from './run.js';

/** Test coverage: the project, the patch, per-file minimums and components. */
export const coverageGateEntry = defineGate({
  id: 'coverage',
  title: 'Coverage',
  config: 'test_coverage',
  needs: { report: 'coverage', missing: 'coverage report', given: 'A coverage report' },
  judge(config, report, inputs) {
    const keep = config.ignore?.length ? not(pathMatcher(config.ignore)) : () => true;
    const counts = lineCountsByFile(report, keep);
    const patch = inputs.diff ? patchCoverage(report, inputs.diff, keep) : undefined;
    const input = {
      config,
      files: counts,
      ...(inputs.diff ? { diff: inputs.diff } : {}),
      ...(patch ? { patch } : {}),
      ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
    };
    const results = [projectGate(input)];
    const p = patchGate(input);
    if (p) results.push(p);
    const f = fileMinimumsGate(input);
    if (f) results.push(f);
    results.push(...componentGates(input));
    return {
      results,
      figures: counts,
      run: {
        ...(patch ? { patch } : {}),
        uncovered: patch ? uncoveredRanges(patch) : [],
        files: fileRows(counts, patch, inputs.diff),
      },
    };
  },
  warnings(config, inputs, judged) {
    const warnings: string[] = [];
    if (judged && config.patch && !inputs.diff)
      warnings.push('Patch coverage is configured but there is no diff to measure.');
    if (inputs.diffMissing?.length) {
      warnings.push(
        `GitHub left the diff of ${inputs.diffMissing.length} file(s) out (too large): ${inputs.diffMissing.slice(0, 5).join(', ')}; their lines are not in patch coverage.`,
      );
    }
    return warnings;
  },
  baseline: (report, counts) => (counts ? { files: counts, formats: report.formats ?? [] } : {}),
});

const not =
  (f: (p: string) => boolean) =>
  (p: string): boolean =>
    !f(p);

function fileRows(
  counts: Map<string, LineCounts>,
  patch: PatchCoverage | undefined,
  diff?: DiffFile[],
): FileRow[] {
  const byPatch = new Map((patch?.files ?? []).map((f) => [f.path, f]));
  const changed = diff ? new Set(diff.filter((f) => f.status !== 'deleted').map((f) => f.path)) : undefined;
  const rows: FileRow[] = [];
  for (const [path, c] of counts) {
    if (changed && !changed.has(path)) continue;
    const p = byPatch.get(path);
    rows.push({
      path,
      covered: c.covered,
      total: c.total,
      percent: ratio(c.covered, c.total),
      ...(p ? { patch: { covered: p.covered, total: p.total } } : {}),
    });
  }
  const key = (r: FileRow) => (r.patch ? r.patch.covered / r.patch.total : (r.percent ?? 100) / 100);
  return rows.sort((a, b) => key(a) - key(b) || (a.percent ?? 100) - (b.percent ?? 100) || b.total - a.total);
}

function uncoveredRanges(patch: PatchCoverage): UncoveredRange[] {
  return patch.files.flatMap((f) =>
    lineRuns(f.uncovered).map(([start, end]) => ({ path: f.path, start, end })),
  );
}
