import type { GatesConfig } from '../config/sections/gates.js';
import type { BaselineParts } from './baseline.js';
import { type GateResult, statusFor } from './result.js';
import type { GateInputs, GateRun } from './run.js';

/** The `gates:` sections judged by `shipkit gate` (performance has its own action). */
export type GateConfigKey = 'test_coverage' | 'code_duplication' | 'security' | 'documentation';
/** The reports a gate run reads, as `GateInputs` names them. */
export type ReportKey = 'coverage' | 'duplication' | 'findings' | 'documentation';

/** What a gate adds to the run besides its results. */
export type GateRunPart = Partial<Pick<GateRun, 'patch' | 'files' | 'uncovered'>>;

/** What one gate decided, with the typed figures it keeps for the baseline. */
export interface Judgement<F> {
  results: GateResult[];
  figures: F;
  /** Files worst first and uncovered changed lines: only coverage has them. */
  run?: GateRunPart;
}

/**
 * One gate: the config section that turns it on, the report it needs, how it judges, what it
 * stores in the baseline and how the comment shows it. Registered in `gates.ts`.
 */
export interface Gate<K extends GateConfigKey, R extends ReportKey, F> {
  /** The id of its main result, e.g. `security` (also the prefix of its step outputs). */
  id: string;
  title: string;
  config: K;
  needs: {
    report: R;
    /** For "not checked: no … was given", e.g. `jscpd report`. */
    missing: string;
    /** For "… was given but `gates.…` is not configured", e.g. `A jscpd report`. */
    given: string;
  };
  judge(
    config: NonNullable<GatesConfig[K]>,
    report: NonNullable<GateInputs[R]>,
    inputs: GateInputs,
  ): Judgement<F>;
  /** Warnings for the log whenever the gate is configured, with or without its report. */
  warnings?(config: NonNullable<GatesConfig[K]>, inputs: GateInputs, judged: boolean): string[];
  /** Its part of the baseline: `figures` is undefined when the gate did not judge the report. */
  baseline(report: NonNullable<GateInputs[R]>, figures: F | undefined, inputs: GateInputs): BaselineParts;
  /** The sticky comment shows its table in a collapsed block of at most `rows` rows. */
  comment?: { details: string; rows: number };
}

/** One gate's part of a run, whatever its types. */
export interface GateStep {
  results: GateResult[];
  warnings: string[];
  /** "A … report was given but … is not configured", when it was. */
  unused?: string;
  run?: GateRunPart;
  baseline: BaselineParts;
}

/** A registered gate: its description, and one call that runs it over everything read. */
export interface RegisteredGate {
  id: string;
  title: string;
  config: GateConfigKey;
  comment?: { details: string; rows: number };
  step(inputs: GateInputs): GateStep;
}

/** Checks a gate's types once and gives the table an entry that runs it. */
export function defineGate<K extends GateConfigKey, R extends ReportKey, F>(
  gate: Gate<K, R, F>,
): RegisteredGate {
  const step = (inputs: GateInputs): GateStep => {
    const config = inputs.config[gate.config] as GatesConfig[K];
    const report = inputs[gate.needs.report] as GateInputs[R];
    if (!config) {
      if (!report) return { results: [], warnings: [], baseline: {} };
      return {
        results: [],
        warnings: [],
        unused: `${gate.needs.given} was given but \`gates.${gate.config}\` is not configured; it is not judged.`,
        baseline: gate.baseline(report, undefined, inputs),
      };
    }
    const judged = report ? gate.judge(config, report, inputs) : undefined;
    return {
      results: judged?.results ?? [missing(gate, config.action)],
      warnings: gate.warnings?.(config, inputs, judged !== undefined) ?? [],
      ...(judged?.run ? { run: judged.run } : {}),
      baseline: report ? gate.baseline(report, judged?.figures, inputs) : {},
    };
  };
  return {
    id: gate.id,
    title: gate.title,
    config: gate.config,
    ...(gate.comment ? { comment: gate.comment } : {}),
    step,
  };
}

/**
 * A gate configured without its report: never a silent pass. It counts as missed, so a `fail_*`
 * gate fails and a `warn_*` gate warns, and the summary says which input was missing.
 */
function missing(
  gate: Pick<Gate<GateConfigKey, ReportKey, unknown>, 'id' | 'title' | 'needs'>,
  action: string,
): GateResult {
  return {
    id: gate.id,
    title: gate.title,
    status: statusFor(true, action),
    breached: true,
    action,
    informational: action === 'informational',
    summary: `not checked: no ${gate.needs.missing} was given`,
    notes: [],
    outputs: { missing: 1 },
  };
}
