import type { GateOutcome } from './outcome-schema.js';

// What a verdict means for the step (its exit code) and the check run (its conclusion): small
// enough to load with the gate's first chunk, apart from the outcome's schema and renderers.

/** Exit 1 only when a gate whose action is `fail_*` failed. */
export function exitCodeOf(outcome: Pick<GateOutcome, 'verdict'>): number {
  return outcome.verdict === 'fail' ? 1 : 0;
}

/** The check run's conclusion for a verdict: a warning is neutral, not a failure. */
export function checkConclusion(verdict: GateOutcome['verdict']): 'success' | 'failure' | 'neutral' {
  return verdict === 'fail' ? 'failure' : verdict === 'warn' ? 'neutral' : 'success';
}
