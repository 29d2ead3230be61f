import type { GatesConfig } from '../config/sections/gates.js';
import { type BaselineParts, type GateSummary, gateSummaryOf } from './baseline.js';
import type { CoverageReport } from './coverage/model.js';
import type { DiffFile } from './diff.js';
import type { DocumentationReport } from './documentation.js';
import type { DuplicationReport } from './duplication.js';
import type { GateRunPart } from './gate.js';
import { GATES } from './gates.js';
import type { PatchCoverage } from './patch.js';
import { type GateResult, type Status, verdictOf } from './result.js';
import type { Finding } from './security/finding.js';

/** Everything read for one run of the gates. A report left out is `undefined`. */
export interface GateInputs {
  config: GatesConfig;
  coverage?: CoverageReport;
  /** The pull request's (or local) diff. */
  diff?: DiffFile[];
  /** Changed text files whose lines the diff source left out (too large for the API). */
  diffMissing?: string[];
  baseline?: GateSummary;
  duplication?: DuplicationReport;
  /** Clone keys of the base: from a base jscpd report or the stored baseline. */
  baseClones?: string[];
  findings?: Finding[];
  documentation?: DocumentationReport;
  /** YYYY-MM-DD, for allowlist expiry. */
  today: string;
}

/** An uncovered stretch of changed lines, for a check-run annotation. */
export interface UncoveredRange {
  path: string;
  start: number;
  end: number;
}

export interface FileRow {
  path: string;
  covered: number;
  total: number;
  percent: number | null;
  /** Changed executable lines covered / total, for files in the diff. */
  patch?: { covered: number; total: number };
}

export interface GateRun {
  verdict: Status;
  results: GateResult[];
  patch?: PatchCoverage;
  uncovered: UncoveredRange[];
  /** Files worst first: changed files when there is a diff, otherwise every file. */
  files: FileRow[];
  /** Warnings for the log: gates configured without their report, missing diff text. */
  warnings: string[];
  /** The typed figures each gate keeps for the stored baseline. */
  stored?: BaselineParts;
}

/** Runs every configured gate over what was read. Pure: no files, no network. */
export function runGates(inputs: GateInputs): GateRun {
  const steps = GATES.map((g) => g.step(inputs));
  const results = steps.flatMap((s) => s.results);
  const warnings = steps.flatMap((s) => s.warnings);
  for (const r of results) if (r.outputs.missing) warnings.push(`${r.title}: ${r.summary}`);
  for (const s of steps) if (s.unused) warnings.push(s.unused);
  const part: GateRunPart = Object.assign({}, ...steps.map((s) => s.run));
  const stored: BaselineParts = Object.assign({}, ...steps.map((s) => s.baseline));
  return { verdict: verdictOf(results), results, uncovered: [], files: [], ...part, warnings, stored };
}

/** The summary this run would store as a baseline: the typed figures each gate handed over. */
export function baselineOf(run: GateRun, commit: string, createdAt: string, ref?: string): GateSummary {
  return gateSummaryOf(run.stored ?? {}, commit, createdAt, ref);
}
