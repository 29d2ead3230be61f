import type { GateSummary } from './baseline.js';
import {
  gateOutputs,
  type LineAnnotation,
  renderComment,
  renderSummary,
  uncoveredAnnotations,
} from './render.js';
import type { GateResult, Status } from './result.js';
import { baselineOf, type GateInputs, runGates } from './run.js';

/** Everything one run decides and would publish; also the file the workflow_run recipe passes on. */
export interface GateOutcome {
  schema: 1;
  verdict: Status;
  outputs: Record<string, string>;
  /** Job summary Markdown. */
  summary: string;
  /** Sticky PR comment Markdown. */
  comment: string;
  annotations: LineAnnotation[];
  warnings: string[];
  results: GateResult[];
  /** What a default-branch push stores. */
  baseline: GateSummary;
}

export function gateOutcome(
  inputs: GateInputs,
  commit: string,
  createdAt: string,
  ref?: string,
): GateOutcome {
  const withBase: GateInputs =
    inputs.baseClones || !inputs.baseline?.duplication
      ? inputs
      : { ...inputs, baseClones: inputs.baseline.duplication.clones };
  const run = runGates(withBase);
  return {
    schema: 1,
    verdict: run.verdict,
    outputs: gateOutputs(run),
    summary: renderSummary(run),
    comment: renderComment(run),
    annotations: uncoveredAnnotations(run.uncovered),
    warnings: run.warnings,
    results: run.results,
    baseline: baselineOf(withBase, run, commit, createdAt, ref),
  };
}

/** Exit 1 only when a gate whose action is `fail_*` failed. */
export function exitCodeOf(outcome: Pick<GateOutcome, 'verdict'>): number {
  return outcome.verdict === 'fail' ? 1 : 0;
}
