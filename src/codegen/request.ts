import { ShipkitError } from '../errors.js';
import { type CodegenTarget, checkTargets, type DriftReport } from './check.js';
import type { Buf } from './proto.js';
import type { TargetChange } from './proto-summary.js';

/** `check` fails on drift; `pr` proposes the regenerated code; `generate` writes it (the CLI). */
export const CODEGEN_MODES = ['check', 'pr', 'generate'] as const;
export type CodegenMode = (typeof CODEGEN_MODES)[number];

/**
 * One codegen job, built once by a reader of action inputs (`actions/codegen`) or of CLI flags
 * (`shipkit codegen check|generate`) and run by `codegenJob`.
 */
export interface CodegenRequest {
  mode: CodegenMode;
  /** The repository root: target paths are relative to it. */
  root: string;
  targets: CodegenTarget[];
  /** buf and protoc-gen-es, for .proto targets (the edge finds or installs them). */
  buf?: () => Promise<Buf>;
}

/** What a codegen job found, as JSON: the action's `result` output, `shipkit codegen check --out`. */
export interface CodegenOutcome {
  schemaVersion: 1;
  stale: boolean;
  breaking: boolean;
  targets: {
    spec: string;
    out: string;
    upToDate: boolean;
    /** Generated files that differ from those on disk. */
    stale: string[];
    changes: TargetChange[];
  }[];
}

export interface CodegenJob {
  outcome: CodegenOutcome;
  /** The regenerated files and the job summary (report.markdown). */
  report: DriftReport;
  /** Notes of the generator, `spec: note`. */
  notes: string[];
  /** The error that fails the job (`check` with drift), else undefined. */
  failure: ShipkitError | undefined;
}

/** Regenerates every target in memory and compares with the committed output. */
export async function codegenJob(req: CodegenRequest): Promise<CodegenJob> {
  const report = await checkTargets(req.targets, req.root, req.buf);
  const outcome: CodegenOutcome = {
    schemaVersion: 1,
    stale: report.stale,
    breaking: report.checks.some((c) => c.changes.some((x) => x.breaking)),
    targets: report.checks.map((c) => ({
      spec: c.target.spec,
      out: c.target.out,
      upToDate: c.upToDate,
      stale: c.stale,
      changes: c.changes,
    })),
  };
  const notes = report.checks.flatMap((c) => c.notes.map((n) => `${c.target.spec}: ${n}`));
  return { outcome, report, notes, failure: req.mode === 'check' ? driftFailure(report) : undefined };
}

function driftFailure(report: DriftReport): ShipkitError | undefined {
  if (!report.stale) return undefined;
  return new ShipkitError('generated code is out of date with its spec', {
    hint: 'Run `shipkit codegen generate` and commit the result, or use `mode: pr`.',
    details: report.checks
      .filter((c) => !c.upToDate)
      .map(
        (c) =>
          new ShipkitError(
            `${c.target.out} is out of date: ${c.changes.length} API changes (${c.changes.filter((x) => x.breaking).length} breaking)`,
            { location: { file: c.target.spec } },
          ),
      ),
  });
}

/** The action's `mode` input: check (the default) or pr. */
export function codegenActionMode(raw: string): 'check' | 'pr' {
  const mode = raw.trim() || 'check';
  if (mode === 'check' || mode === 'pr') return mode;
  throw new ShipkitError(`input \`mode\` must be check or pr, got ${JSON.stringify(mode)}`, {
    hint: 'Use `mode: check` on pull requests and `mode: pr` on push or schedule.',
  });
}

/**
 * The base branch of the regenerate pull request: the `base` input, else `codegen.base`, else the
 * pushed branch, else (a schedule) the default branch.
 */
export function codegenBase(
  given: { input: string; configured: string | undefined },
  run: { ref: string; defaultBranch: string | undefined },
): string {
  const base = given.input.trim() || given.configured;
  if (base) return base;
  if (run.ref.startsWith('refs/heads/')) return run.ref.slice('refs/heads/'.length);
  if (run.defaultBranch !== undefined) return run.defaultBranch;
  throw new ShipkitError(`cannot tell the base branch from ref ${JSON.stringify(run.ref)}`, {
    hint: 'Set the `base` input (e.g. `base: main`).',
  });
}
