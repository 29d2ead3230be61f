import type { GateOutcome } from './outcome-schema.js';
import { gateOutputs, renderComment, renderSummary, uncoveredAnnotations } from './render.js';

import { baselineOf, type GateInputs, runGates } from './run.js';

export { GATE_OUTCOME, type GateOutcome, SAVED_OUTCOME, type SavedOutcome } from './outcome-schema.js';

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
    schemaVersion: 1,
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
