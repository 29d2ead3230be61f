import { ShipkitError } from '../../errors.js';
import type { CoverageFormat, CoverageTotals, FileCoverage } from './model.js';

/** One file's coverage as a report names it, before its path is made repository-relative. */
export interface ReportFile {
  /** The path exactly as the report wrote it. */
  path: string;
  /** Where in the report the file's record starts (1-based), for messages. */
  line?: number;
  coverage: FileCoverage;
}

/** What one reader got out of one report. */
export interface ReportContents {
  format: CoverageFormat;
  files: ReportFile[];
  /** Directories the report says its relative paths start from (Cobertura `<source>`). */
  sourceRoots?: string[];
  /** Per-file totals without line detail (Istanbul's coverage-summary.json), by report path. */
  totalsOnly?: Map<string, CoverageTotals>;
}

/** A reader's view of the report it reads: its path, and where to send warnings. */
export interface ReaderContext {
  /** The report's path as the user named it (used in messages). */
  file: string;
  warn: (message: string) => void;
}

/** A ShipkitError pointing at a line of a report. */
export function reportError(file: string, line: number | undefined, message: string, hint?: string) {
  return new ShipkitError(message, {
    location: { file, ...(line === undefined ? {} : { line }) },
    ...(hint === undefined ? {} : { hint }),
  });
}

/** A function name not yet in `functions`: `name`, else `name@line`, else `name@line#2`, … */
export function uniqueName(functions: { has(name: string): boolean }, name: string, line: number): string {
  if (!functions.has(name)) return name;
  let key = `${name}@${line}`;
  for (let n = 2; functions.has(key); n++) key = `${name}@${line}#${n}`;
  return key;
}

/**
 * A copy of a string cut from a large read chunk: V8 keeps a slice's whole parent alive, so paths
 * and names a reader keeps for the report are copied out (short strings are copies already).
 */
export function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
