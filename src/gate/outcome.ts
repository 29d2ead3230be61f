import { ShipkitError } from '../errors.js';
import { markdownText } from '../render/markdown.js';
import { markdownCode } from '../render/emit.js';
import type { GateOutcome } from './outcome-schema.js';
import { gateOutputs, renderComment, renderSummary, uncoveredAnnotations } from './render.js';
import type { GateResult, Status } from './result.js';
import { baselineOf, type FileRow, type GateInputs, type GateRun, runGates } from './run.js';

export { GATE_OUTCOME, type GateOutcome, SAVED_OUTCOME, type SavedOutcome } from './outcome-schema.js';
export { checkConclusion, exitCodeOf } from './verdict.js';

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
    files: run.files,
    baseline: baselineOf(run, commit, createdAt, ref),
  };
}

const STATUSES: readonly Status[] = ['pass', 'warn', 'fail'];

/**
 * A saved outcome comes from a pull request's read-only run: an artifact anyone who opens a
 * pull request can write. Its Markdown is not posted as written; the summary, the comment and the
 * outputs are rendered again from its data, every free text as table text (no HTML, links or
 * mentions), gate ids checked (they name step outputs).
 */
export function renderSaved(saved: Pick<GateOutcome, 'results'> & { files?: FileRow[] }, file: string) {
  if (!Array.isArray(saved.results)) throw new ShipkitError('no gate results in it', { location: { file } });
  const results = saved.results.map((r, i): GateResult => {
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(String(r?.id)) || !STATUSES.includes(r?.status))
      throw new ShipkitError(`results[${i}] is not a gate result (id and status)`, { location: { file } });
    return {
      ...r,
      title: String(r.title),
      notes: (r.notes ?? []).map((n) => markdownText(String(n))),
    };
  });
  const verdict: Status = results.some((r) => r.status === 'fail')
    ? 'fail'
    : results.some((r) => r.status === 'warn')
      ? 'warn'
      : 'pass';
  const run: GateRun = { verdict, results, uncovered: [], files: saved.files ?? [], warnings: [] };
  return { verdict, summary: renderSummary(run), comment: renderComment(run), outputs: gateOutputs(run) };
}

/**
 * The note a fork's saved result is published under (Markdown): which run saved it and what that
 * run ran. The fork's name is shown as code.
 */
export function forkNote(fork: { repository: string | undefined }, event: string | undefined): string {
  const who = fork.repository ? markdownCode(fork.repository) : 'a fork GitHub no longer names (deleted)';
  const what =
    event === 'pull_request_target'
      ? `**On a fork's code.** A \`pull_request_target\` run for ${who} saved these results: it ran this repository's workflow files on the fork's code, which can shape any figure here. Read the change before you trust this verdict.`
      : `**From a fork's own run.** A ${markdownCode(event ?? 'workflow')} run of ${who} saved these results: it ran the fork's workflow files and code, so the fork could have written any figure here. Read the change, its workflow files too, before you trust this verdict.`;
  return `> [!WARNING]\n> ${what}\n\n`;
}

/** The check run's title for a fork's saved result. */
export function forkTitle(title: string): string {
  return `From a fork: ${title}`;
}
