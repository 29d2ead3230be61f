/**
 * The coverage model every reader produces and every gate consumes. Paths are repository-relative
 * with forward slashes. Each figure follows the producing tool's own definition (Go counts
 * statements, coverage.py's lines are statements, JaCoCo's lines are lines), recorded in `kind`.
 */

/** One source file's coverage. */
export interface FileCoverage {
  /** Repository-relative path, forward slashes. */
  path: string;
  /** Executable line number → hit count (0 = not covered). Lines absent are not executable. */
  lines: Map<number, number>;
  /** Branches per line: line → [covered, total]. Absent when the tool reports no branches. */
  branches?: Map<number, [covered: number, total: number]>;
  /**
   * Hit count of each branch on a line, in the tool's stable order, where the tool identifies
   * branches (lcov BRDA, Istanbul `b`, coverage.py arcs, Clover true/false). Lets shards merge
   * branches exactly; absent when the tool gives only per-line counts (Cobertura, JaCoCo).
   */
  branchHits?: Map<number, number[]>;
  /** Functions: name → hit count, with the line they start on. Absent when not reported. */
  functions?: Map<string, { line: number; hits: number }>;
  /** Statements, where the tool counts them apart from lines: [covered, total]. */
  statements?: [covered: number, total: number];
  /**
   * Hit count of each statement in the tool's order (Istanbul `s`; Go: one entry per statement of
   * each block). Lets shards merge statements exactly; `statements` is derived from it when present.
   */
  statementHits?: number[];
}

export type CoverageFormat =
  | 'lcov'
  | 'cobertura'
  | 'clover'
  | 'istanbul-final'
  | 'istanbul-summary'
  | 'jacoco'
  | 'go'
  | 'coveragepy';

/** What one or more reports say, merged by file and line. */
export interface CoverageReport {
  files: Map<string, FileCoverage>;
  /** The formats that went in (a summary names them). */
  formats: CoverageFormat[];
  /**
   * Measures whose merged figure is not exact (branch or function sets differed between shards,
   * or a summary-only format gave totals without lines). Shown as approximate, never as exact.
   */
  approximate: Set<Measure>;
  /** Per-file totals only (istanbul-summary): no line detail, so no patch coverage for these. */
  totalsOnly?: Map<string, CoverageTotals>;
}

export interface Counts {
  covered: number;
  total: number;
  /** covered / total × 100, or null when total is 0. */
  pct: number | null;
}

export interface CoverageTotals {
  files: number;
  lines: Counts;
  statements: Counts | null;
  branches: Counts | null;
  functions: Counts | null;
}

/** The four figures a coverage report can give. */
export type Measure = 'lines' | 'statements' | 'branches' | 'functions';
