import type { GatesConfig } from '../config/sections/gates.js';
import { type GateSummary, gateSummaryOf } from './baseline.js';
import type { CoverageReport } from './coverage/model.js';
import { type LineCounts, lineCountsByFile } from './coverage-counts.js';
import { componentGates, fileMinimumsGate, lineRuns, patchGate, projectGate } from './coverage-gates.js';
import type { DiffFile } from './diff.js';
import type { DocumentationReport } from './documentation.js';
import { documentationGate } from './documentation.js';
import type { DuplicationReport } from './duplication.js';
import { duplicationGate } from './duplication.js';
import { pathMatcher } from './glob.js';
import { type PatchCoverage, patchCoverage } from './patch.js';
import { type GateResult, ratio, type Status, statusFor, verdictOf } from './result.js';
import type { Finding } from './security/finding.js';
import { securityGate } from './security/gate.js';

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
  /** Coverage line counts per file after `ignore`, for the stored baseline. */
  counts?: Map<string, LineCounts>;
}

/** Runs every configured gate over what was read. Pure: no files, no network. */
export function runGates(inputs: GateInputs): GateRun {
  const { config } = inputs;
  const results: GateResult[] = [];
  const warnings: string[] = [];
  let patch: PatchCoverage | undefined;
  let files: FileRow[] = [];
  let lineCounts: Map<string, LineCounts> | undefined;
  if (config.test_coverage) {
    const cov = config.test_coverage;
    if (!inputs.coverage) results.push(missing('coverage', 'Coverage', cov.action, 'coverage report'));
    else {
      const keep = cov.ignore?.length ? not(pathMatcher(cov.ignore)) : () => true;
      const counts = lineCountsByFile(inputs.coverage, keep);
      if (inputs.diff) patch = patchCoverage(inputs.coverage, inputs.diff, keep);
      const input = {
        config: cov,
        files: counts,
        ...(inputs.diff ? { diff: inputs.diff } : {}),
        ...(patch ? { patch } : {}),
        ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
      };
      results.push(projectGate(input));
      const p = patchGate(input);
      if (p) results.push(p);
      else if (cov.patch && !inputs.diff)
        warnings.push('Patch coverage is configured but there is no diff to measure.');
      const f = fileMinimumsGate(input);
      if (f) results.push(f);
      results.push(...componentGates(input));
      files = fileRows(counts, patch, inputs.diff);
      lineCounts = counts;
    }
    if (inputs.diffMissing?.length) {
      warnings.push(
        `GitHub left the diff of ${inputs.diffMissing.length} file(s) out (too large): ${inputs.diffMissing.slice(0, 5).join(', ')}; their lines are not in patch coverage.`,
      );
    }
  }
  if (config.code_duplication) {
    results.push(
      inputs.duplication
        ? duplicationGate(config.code_duplication, inputs.duplication, inputs.baseClones)
        : missing('duplication', 'Duplication', config.code_duplication.action, 'jscpd report'),
    );
  }
  if (config.security) {
    results.push(
      inputs.findings
        ? securityGate(config.security, inputs.findings, inputs.today)
        : missing('security', 'Security', config.security.action, 'npm audit or SARIF report'),
    );
  }
  if (config.documentation) {
    results.push(
      inputs.documentation
        ? documentationGate(config.documentation, inputs.documentation)
        : missing('documentation', 'Documentation', config.documentation.action, 'TypeDoc coverage report'),
    );
  }
  for (const r of results) if (r.outputs.missing) warnings.push(`${r.title}: ${r.summary}`);
  const unused: [unknown, unknown, string][] = [
    [
      inputs.coverage,
      config.test_coverage,
      'A coverage report was given but `gates.test_coverage` is not configured',
    ],
    [
      inputs.duplication,
      config.code_duplication,
      'A jscpd report was given but `gates.code_duplication` is not configured',
    ],
    [inputs.findings, config.security, 'A security report was given but `gates.security` is not configured'],
    [
      inputs.documentation,
      config.documentation,
      'A TypeDoc report was given but `gates.documentation` is not configured',
    ],
  ];
  for (const [given, configured, message] of unused)
    if (given && !configured) warnings.push(`${message}; it is not judged.`);
  return {
    verdict: verdictOf(results),
    results,
    ...(patch ? { patch } : {}),
    uncovered: patch ? uncoveredRanges(patch) : [],
    files,
    warnings,
    ...(lineCounts ? { counts: lineCounts } : {}),
  };
}

/** The summary this run would store as a baseline. */
export function baselineOf(
  inputs: GateInputs,
  run: GateRun,
  commit: string,
  createdAt: string,
  ref?: string,
): GateSummary {
  const security = run.results.find((r) => r.id === 'security' && !r.outputs.missing);
  const docs = run.results.find((r) => r.id === 'documentation' && !r.outputs.missing);
  return gateSummaryOf(
    {
      ...(run.counts ? { files: run.counts, formats: inputs.coverage?.formats ?? [] } : {}),
      ...(inputs.duplication ? { duplication: inputs.duplication } : {}),
      ...(security
        ? {
            security: {
              vulnerabilities: Number(security.outputs.vulnerabilities),
              warnings: Number(security.outputs.warnings),
            },
          }
        : {}),
      ...(docs && inputs.documentation ? { documentation: inputs.documentation.percent } : {}),
    },
    commit,
    createdAt,
    ref,
  );
}

const not =
  (f: (p: string) => boolean) =>
  (p: string): boolean =>
    !f(p);

/**
 * A gate configured without its report: never a silent pass. It counts as missed, so a `fail_*`
 * gate fails and a `warn_*` gate warns, and the summary says which input was missing.
 */
function missing(id: string, title: string, action: string, what: string): GateResult {
  return {
    id,
    title,
    status: statusFor(true, action),
    breached: true,
    action,
    informational: action === 'informational',
    summary: `not checked: no ${what} was given`,
    notes: [],
    outputs: { missing: 1 },
  };
}

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
