import type { CoverageReport } from './coverage/model.js';
import { coveredLines } from './coverage/summary.js';

/** Covered and executable lines of a set of files. */
export interface LineCounts {
  covered: number;
  total: number;
}

/**
 * Line counts per file of a report, paths left out by `keep` dropped. Summary-only files
 * (istanbul-summary) count with their totals.
 */
export function lineCountsByFile(
  report: CoverageReport,
  keep: (path: string) => boolean,
): Map<string, LineCounts> {
  const out = new Map<string, LineCounts>();
  for (const [path, file] of report.files) {
    if (keep(path)) out.set(path, { covered: coveredLines(file), total: file.lines.size });
  }
  for (const [path, totals] of report.totalsOnly ?? []) {
    if (keep(path) && !out.has(path))
      out.set(path, { covered: totals.lines.covered, total: totals.lines.total });
  }
  return out;
}

export function sumCounts(counts: Iterable<LineCounts>): LineCounts {
  let covered = 0;
  let total = 0;
  for (const c of counts) {
    covered += c.covered;
    total += c.total;
  }
  return { covered, total };
}
