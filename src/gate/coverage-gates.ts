import type { CoverageConfig } from '../config/sections/gates.js';
import type { GateSummary } from './baseline.js';
import { type LineCounts, sumCounts } from './coverage-counts.js';
import type { DiffFile } from './diff.js';
import { pathMatcher } from './glob.js';
import type { PatchCoverage } from './patch.js';
import { type GateResult, pct, ratio, roundPct, statusFor } from './result.js';

/** Everything the coverage gates look at. */
export interface CoverageInput {
  config: CoverageConfig;
  /** path → line counts at the head, ignored paths already left out. */
  files: Map<string, LineCounts>;
  /** The pull request's diff, when there is one. */
  diff?: readonly DiffFile[];
  patch?: PatchCoverage;
  baseline?: GateSummary;
}

const EPSILON = 1e-9;

function isInformational(config: CoverageConfig): boolean {
  return config.informational === true || config.action === 'informational';
}

/** Base line counts of `keep`'s files, without files the diff deletes (Codecov's adjusted base). */
function baseCounts(input: CoverageInput, keep: (path: string) => boolean): LineCounts | undefined {
  const files = input.baseline?.coverage?.files;
  if (!files) return undefined;
  const deleted = new Set((input.diff ?? []).filter((f) => f.status === 'deleted').map((f) => f.path));
  const counts: LineCounts[] = [];
  for (const [path, [covered, total]] of Object.entries(files)) {
    if (keep(path) && !deleted.has(path)) counts.push({ covered, total });
  }
  return sumCounts(counts);
}

/**
 * Codecov's removed-code rule: a pull request that removes lines and adds no uncovered line
 * cannot be what made coverage fall (deleting covered code lowers the percentage), so it passes.
 */
function removedCodeExplains(input: CoverageInput, keep: (path: string) => boolean): boolean {
  if (!input.diff || !input.patch) return false;
  const removed = input.diff.some((f) => keep(f.path) && (f.removed > 0 || f.status === 'deleted'));
  const uncovered = input.patch.files.some((f) => keep(f.path) && f.uncovered.length > 0);
  return removed && !uncovered;
}

interface Target {
  value: number | null;
  text: string;
  note?: string;
}

/** The number to reach: absolute, or `auto` (base minus tolerance). */
function resolveTarget(threshold: number | 'auto', tolerance: number, base: LineCounts | undefined): Target {
  if (threshold !== 'auto') return { value: threshold, text: pct(threshold) };
  const basePct = base ? ratio(base.covered, base.total) : null;
  if (basePct === null) {
    return {
      value: null,
      text: 'auto',
      note: 'No baseline yet: `auto` compares with the last stored default-branch run, and there is none.',
    };
  }
  const value = Math.max(basePct - tolerance, 0);
  return {
    value,
    text: `${pct(value)} (base ${pct(basePct)}${tolerance ? ` − ${pct(tolerance)} tolerance` : ''})`,
  };
}

function coverageGate(
  id: string,
  title: string,
  input: CoverageInput,
  keep: (path: string) => boolean,
  threshold: number | 'auto',
  informational: boolean,
  action = input.config.action,
): GateResult {
  const head = sumCounts([...input.files].filter(([p]) => keep(p)).map(([, c]) => c));
  const value = ratio(head.covered, head.total);
  const base = baseCounts(input, keep);
  const basePct = base ? ratio(base.covered, base.total) : null;
  const target = resolveTarget(threshold, input.config.tolerance ?? 0, base);
  const notes = target.note ? [target.note] : [];
  let breached = value === null ? false : target.value !== null && value < target.value - EPSILON;
  if (breached && removedCodeExplains(input, keep)) {
    breached = false;
    notes.push(
      `Below the target only because covered code was removed: the pull request adds no uncovered line (removed-code rule).`,
    );
  }
  if (value === null) notes.push('No executable lines were measured.');
  const delta = value !== null && basePct !== null ? value - basePct : null;
  const deltaText = delta === null ? '' : ` (${delta >= 0 ? '+' : '−'}${pct(Math.abs(delta))} against base)`;
  return {
    id,
    title,
    status: statusFor(breached, action, informational),
    breached,
    action,
    informational: informational || action === 'informational',
    summary: `${pct(value)} of ${head.total} lines${deltaText}; target ${target.text}`,
    notes,
    outputs: {
      percent: value === null ? '' : roundPct(value),
      covered: head.covered,
      total: head.total,
      target: target.value === null ? '' : roundPct(target.value),
      ...(basePct === null ? {} : { base: roundPct(basePct) }),
      // the change as the summary shows it: its size rounded, its sign kept
      ...(delta === null ? {} : { delta: (delta < 0 ? -1 : 1) * roundPct(Math.abs(delta)) }),
    },
  };
}

/** Project coverage against its target, absolute or `auto`. */
export function projectGate(input: CoverageInput): GateResult {
  const { config } = input;
  return coverageGate('coverage', 'Coverage', input, () => true, config.threshold, isInformational(config));
}

/** Patch coverage: the lines the pull request adds or changes. */
export function patchGate(input: CoverageInput): GateResult | undefined {
  const { config, patch } = input;
  if (!config.patch || !patch) return undefined;
  const spec = typeof config.patch === 'object' ? config.patch : { target: config.patch };
  const action = spec.action ?? config.action;
  const informational = isInformational(config) || action === 'informational';
  let target: Target;
  if (spec.target === 'auto') {
    const base = baseCounts(input, () => true);
    const basePct = base ? ratio(base.covered, base.total) : null;
    const head = sumCounts(input.files.values());
    const fallback = ratio(head.covered, head.total);
    const value = basePct ?? fallback;
    target = {
      value,
      text: `${pct(value)} (${basePct === null ? 'project coverage; no baseline yet' : 'base project coverage'})`,
    };
  } else target = { value: spec.target, text: pct(spec.target) };
  const value = ratio(patch.covered, patch.total);
  const breached = value !== null && target.value !== null && value < target.value - EPSILON;
  const notes: string[] = [];
  if (value === null) notes.push('No executable line was added or changed.');
  if (patch.unmeasured.length > 0) {
    notes.push(`${patch.unmeasured.length} changed file(s) are not in the coverage report.`);
  }
  const worst = [...patch.files].sort(
    (a, b) => a.covered / a.total - b.covered / b.total || b.total - a.total,
  );
  return {
    id: 'patch',
    title: 'Patch coverage',
    status: statusFor(breached, action, informational),
    breached,
    action,
    informational,
    summary: `${pct(value)} of ${patch.total} changed lines; target ${target.text}`,
    notes,
    table: worst.length
      ? [
          ['File', 'Changed lines covered', 'Uncovered lines'],
          ...worst.map((f) => [
            f.path,
            `${f.covered}/${f.total} (${pct(ratio(f.covered, f.total))})`,
            lineRanges(f.uncovered),
          ]),
        ]
      : undefined,
    outputs: {
      percent: value === null ? '' : roundPct(value),
      covered: patch.covered,
      total: patch.total,
      target: target.value === null ? '' : roundPct(target.value),
    },
  };
}

/** Per-file minimums: `file_minimum` for every file, `files:` entries for matching ones (last wins). */
export function fileMinimumsGate(input: CoverageInput): GateResult | undefined {
  const { config } = input;
  if (config.file_minimum === undefined && !config.files?.length) return undefined;
  const rules = (config.files ?? []).map((r) => ({ match: pathMatcher([r.path]), minimum: r.minimum }));
  const below: { path: string; value: number; minimum: number; counts: LineCounts }[] = [];
  let checked = 0;
  for (const [path, counts] of input.files) {
    if (counts.total === 0) continue;
    let minimum = config.file_minimum;
    for (const rule of rules) if (rule.match(path)) minimum = rule.minimum;
    if (minimum === undefined) continue;
    checked++;
    const value = (counts.covered / counts.total) * 100;
    if (value < minimum - EPSILON) below.push({ path, value, minimum, counts });
  }
  below.sort((a, b) => a.value - a.minimum - (b.value - b.minimum) || a.path.localeCompare(b.path));
  const informational = isInformational(config);
  return {
    id: 'files',
    title: 'Per-file minimums',
    status: statusFor(below.length > 0, config.action, informational),
    breached: below.length > 0,
    action: config.action,
    informational,
    summary: `${below.length} of ${checked} files below their minimum`,
    notes: [],
    table: below.length
      ? [
          ['File', 'Coverage', 'Minimum', 'Lines'],
          ...below.map((b) => [
            b.path,
            pct(b.value),
            pct(b.minimum),
            `${b.counts.covered}/${b.counts.total}`,
          ]),
        ]
      : undefined,
    outputs: { below: below.length, checked },
  };
}

/** Components: per-path groups with their own targets; one result per component. */
export function componentGates(input: CoverageInput): GateResult[] {
  const { config } = input;
  return (config.components ?? []).map((c) => {
    const keep = pathMatcher(c.paths);
    const informational = isInformational(config) || c.informational === true;
    const result = coverageGate(
      `component-${c.name.replace(/[^\w-]+/g, '-')}`,
      `Component ${c.name}`,
      input,
      keep,
      c.threshold ?? config.threshold,
      informational,
    );
    if (c.patch !== undefined && input.patch) {
      const files = input.patch.files.filter((f) => keep(f.path));
      const patch = sumCounts(files);
      const value = ratio(patch.covered, patch.total);
      const base = baseCounts(input, keep);
      const target = c.patch === 'auto' ? (base ? ratio(base.covered, base.total) : null) : c.patch;
      const missed = value !== null && target !== null && value < target - EPSILON;
      result.summary += `; patch ${pct(value)} of ${patch.total} lines (target ${pct(target)})`;
      result.outputs.patch = value === null ? '' : roundPct(value);
      if (missed) {
        result.breached = true;
        result.status = statusFor(true, config.action, informational);
      }
    }
    return result;
  });
}

/** `3-5, 9, 12-13`: line numbers as ranges. */
export function lineRanges(lines: readonly number[]): string {
  return lineRuns(lines)
    .map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`))
    .join(', ');
}

/** Sorted line numbers as runs of consecutive lines: `[1, 2, 3, 7]` → `[[1, 3], [7, 7]]`. */
export function lineRuns(lines: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i] as number;
    let end = start;
    while (lines[i + 1] === end + 1) end = lines[++i] as number;
    runs.push([start, end]);
  }
  return runs;
}
