import { BranchPairs } from './branch-store.js';
import { FunctionStore } from './function-store.js';
import { LineHits } from './line-hits.js';
import type { Counts, CoverageReport, CoverageTotals, FileCoverage, Measure } from './model.js';

export function counts(covered: number, total: number): Counts {
  return { covered, total, pct: total === 0 ? null : (covered / total) * 100 };
}

/** The lines of a file that ran at least once. */
export function coveredLines(f: FileCoverage): number {
  if (f.lines instanceof LineHits) return f.lines.coveredCount();
  let covered = 0;
  for (const hits of f.lines.values()) if (hits > 0) covered++;
  return covered;
}

/** One file's totals, each measure by the producing tool's own definition. */
export function fileTotals(f: FileCoverage): CoverageTotals {
  const covered = coveredLines(f);
  let branches: Counts | null = null;
  if (f.branches instanceof BranchPairs) {
    const [c, t] = f.branches.totals();
    branches = counts(c, t);
  } else if (f.branches) {
    let c = 0;
    let t = 0;
    for (const [bc, bt] of f.branches.values()) {
      c += bc;
      t += bt;
    }
    branches = counts(c, t);
  }
  let functions: Counts | null = null;
  if (f.functions instanceof FunctionStore) {
    functions = counts(f.functions.coveredCount(), f.functions.size);
  } else if (f.functions) {
    let c = 0;
    for (const fn of f.functions.values()) if (fn.hits > 0) c++;
    functions = counts(c, f.functions.size);
  }
  let statements: Counts | null = null;
  if (f.statementHits) {
    let c = 0;
    for (const h of f.statementHits) if (h > 0) c++;
    statements = counts(c, f.statementHits.length);
  } else if (f.statements) statements = counts(f.statements[0], f.statements[1]);
  return { files: 1, lines: counts(covered, f.lines.size), statements, branches, functions };
}

/**
 * Totals over a report, as `lcov --summary` adds them up: every measure summed over the files that
 * report it; a measure no file reports is null.
 */
export function summarize(report: CoverageReport): CoverageTotals {
  const sum: Record<Measure, [number, number]> = {
    lines: [0, 0],
    statements: [0, 0],
    branches: [0, 0],
    functions: [0, 0],
  };
  const seen = { statements: false, branches: false, functions: false };
  const add = (t: CoverageTotals) => {
    sum.lines[0] += t.lines.covered;
    sum.lines[1] += t.lines.total;
    for (const m of ['statements', 'branches', 'functions'] as const) {
      const c = t[m];
      if (!c) continue;
      seen[m] = true;
      sum[m][0] += c.covered;
      sum[m][1] += c.total;
    }
  };
  for (const f of report.files.values()) add(fileTotals(f));
  let files = report.files.size;
  for (const [path, t] of report.totalsOnly ?? []) {
    if (report.files.has(path)) continue;
    files++;
    add(t);
  }
  const pick = (m: 'statements' | 'branches' | 'functions') =>
    seen[m] ? counts(sum[m][0], sum[m][1]) : null;
  return {
    files,
    lines: counts(sum.lines[0], sum.lines[1]),
    statements: pick('statements'),
    branches: pick('branches'),
    functions: pick('functions'),
  };
}
