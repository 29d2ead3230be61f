import { isObject } from '../report-json.js';
import { readJson } from './json.js';
import { LineHits } from './line-hits.js';
import type { FileCoverage } from './model.js';
import { type ReaderContext, type ReportContents, type ReportFile, reportError } from './source.js';

/**
 * Reads coverage.py's JSON report (`coverage json`). coverage.py measures statements, and its
 * statements are its lines (its Cobertura XML writes them as lines): each file's `summary` gives
 * covered_lines/num_statements exactly as `coverage report` prints Stmts and Miss, and the line map
 * holds that many lines, missing_lines (0) and the executed statements (1). coverage.py 6's
 * executed_lines also lists lines it ran that are not statements: excluded lines (dropped by its
 * excluded_lines) and module and class docstrings, which the JSON does not name; those are dropped
 * by count, from the top of the file, where docstrings are (the figures are exact; which line such
 * a docstring is can be off). Branches are arcs from a line, each covered or missed.
 */
export function readCoveragePy(path: string, ctx: ReaderContext): ReportContents {
  const data = readJson(path, ctx.file);
  if (!isObject(data) || !isObject(data.files)) {
    throw reportError(ctx.file, 1, 'a coverage.py JSON report has a "files" object');
  }
  const branchMeasured = isObject(data.meta) && data.meta.branch_coverage === true;
  const files: ReportFile[] = [];
  for (const [p, v] of Object.entries(data.files)) {
    if (!isObject(v) || !Array.isArray(v.executed_lines) || !Array.isArray(v.missing_lines)) {
      throw reportError(ctx.file, undefined, `${p}: needs executed_lines and missing_lines`);
    }
    const summary = isObject(v.summary) ? v.summary : undefined;
    const covered =
      summary && typeof summary.num_statements === 'number' && typeof summary.covered_lines === 'number'
        ? summary.covered_lines
        : undefined;
    const lines = new LineHits();
    for (const l of v.missing_lines as number[]) lines.set(l, 0);
    for (const l of executedStatements(v.executed_lines as number[], v.excluded_lines, covered))
      lines.set(l, 1);
    const coverage: FileCoverage = { path: p, lines };
    if (covered !== undefined) coverage.statements = [covered, summary?.num_statements as number];
    if (branchMeasured || Array.isArray(v.executed_branches)) {
      const arcs = new Map<number, [number, number][]>();
      const add = (list: unknown, hit: number) => {
        if (!Array.isArray(list)) return;
        for (const [from, to] of list as [number, number][]) {
          // coverage.py 6 lists some executed arcs twice, and arcs from a line to itself that are
          // no possible branch; its own counts leave both out.
          if (from === to) continue;
          let onLine = arcs.get(from);
          if (!onLine) {
            onLine = [];
            arcs.set(from, onLine);
          }
          if (!onLine.some((a) => a[0] === to)) onLine.push([to, hit]);
        }
      };
      add(v.executed_branches, 1);
      add(v.missing_branches, 0);
      coverage.branches = new Map();
      coverage.branchHits = new Map();
      for (const [line, list] of arcs) {
        list.sort((a, b) => a[0] - b[0]);
        const hits = list.map((a) => a[1]);
        coverage.branchHits.set(line, hits);
        coverage.branches.set(line, [hits.filter((h) => h > 0).length, hits.length]);
      }
    }
    files.push({ path: p, coverage });
  }
  return { format: 'coveragepy', files };
}

/** Executed lines that are statements: excluded lines out, then as many as `covered` says, the last ones. */
function executedStatements(executed: number[], excluded: unknown, covered: number | undefined): number[] {
  const out = Array.isArray(excluded)
    ? executed.filter(
        (
          (set) => (l: number) =>
            !set.has(l)
        )(new Set(excluded)),
      )
    : [...executed];
  out.sort((a, b) => a - b);
  return covered !== undefined && out.length > covered ? out.slice(out.length - covered) : out;
}
