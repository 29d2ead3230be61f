import { isObject } from '../report-json.js';
import { readJson } from './json.js';
import { LineHits } from './line-hits.js';
import type { FileCoverage } from './model.js';
import { type ReaderContext, type ReportContents, type ReportFile, reportError } from './source.js';

/**
 * Reads coverage.py's JSON report (`coverage json`). coverage.py measures statements: each file's
 * `summary` gives covered_lines/num_statements exactly as `coverage report` prints Stmts and Miss,
 * and becomes the file's statements. The line map is executed_lines (1) and missing_lines (0);
 * coverage.py 6 also lists some executed docstring lines that are not statements, so the line
 * count can exceed Stmts by those. Branches are arcs from a line, each covered or missed.
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
    const lines = new LineHits();
    for (const l of v.missing_lines as number[]) lines.set(l, 0);
    for (const l of v.executed_lines as number[]) lines.set(l, 1);
    const coverage: FileCoverage = { path: p, lines };
    const summary = isObject(v.summary) ? v.summary : undefined;
    if (summary && typeof summary.num_statements === 'number' && typeof summary.covered_lines === 'number') {
      coverage.statements = [summary.covered_lines, summary.num_statements];
    }
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
