import { roundPct } from '../result.js';
import type { Counts, CoverageReport, CoverageTotals, Measure } from './model.js';
import { fileTotals } from './summary.js';

const MEASURES: Measure[] = ['lines', 'statements', 'branches', 'functions'];

function jsonCounts(c: Counts | null) {
  return c ? { covered: c.covered, total: c.total, pct: c.pct === null ? null : roundPct(c.pct) } : null;
}

/** `shipkit coverage summary --json`: files, each measure (or null), and the approximate ones. */
export function summaryJson(totals: CoverageTotals, report: CoverageReport) {
  return {
    files: totals.files,
    lines: jsonCounts(totals.lines),
    statements: jsonCounts(totals.statements),
    branches: jsonCounts(totals.branches),
    functions: jsonCounts(totals.functions),
    approximate: MEASURES.filter((m) => report.approximate.has(m)),
  };
}

/** Per-file figures, by path (`--files`). */
export function fileRows(report: CoverageReport): [string, CoverageTotals][] {
  const rows: [string, CoverageTotals][] = [...report.files].map(([p, f]) => [p, fileTotals(f)]);
  for (const [p, t] of report.totalsOnly ?? []) if (!report.files.has(p)) rows.push([p, t]);
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Text like `lcov --summary`, rounded as every output is: `lines......: 77.46% (330 of 426 lines)`. */
export function summaryText(totals: CoverageTotals, report: CoverageReport): string {
  const out = ['Summary coverage rate:'];
  // lcov's order: lines, functions, branches (statements after lines, where a tool counts them).
  for (const m of ['lines', 'statements', 'functions', 'branches'] as const) {
    const c = totals[m];
    if (m === 'statements' && !c) continue;
    const label = `  ${m}${'.'.repeat(11 - m.length)}: `;
    if (!c || c.total === 0) {
      out.push(`${label}no data found`);
      continue;
    }
    const approx = report.approximate.has(m) ? ' (approximate: shards measured different sets)' : '';
    out.push(`${label}${roundPct((c.covered / c.total) * 100)}% (${c.covered} of ${c.total} ${m})${approx}`);
  }
  return out.join('\n');
}

/** The `--files` table: one row per file with each measure's percentage and counts. */
export function filesText(report: CoverageReport): string {
  const rows = fileRows(report);
  const width = Math.min(60, Math.max(4, ...rows.map(([p]) => p.length)));
  const cell = (c: Counts | null) =>
    !c || c.total === 0
      ? '-'.padStart(18)
      : `${roundPct((c.covered / c.total) * 100)}% ${c.covered}/${c.total}`.padStart(18);
  const head = `${'File'.padEnd(width)} ${'Lines'.padStart(18)} ${'Statements'.padStart(18)} ${'Branches'.padStart(18)} ${'Functions'.padStart(18)}`;
  const lines = rows.map(
    ([p, t]) =>
      `${p.padEnd(width)} ${cell(t.lines)} ${cell(t.statements)} ${cell(t.branches)} ${cell(t.functions)}`,
  );
  return [head, ...lines].join('\n');
}
