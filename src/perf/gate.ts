import {
  type Comparison,
  compareMetric,
  type GateVerdict,
  gateVerdict,
  type MetricComparison,
} from './compare.js';
import type { PerfRun } from './history.js';
import { checkLimits, type LimitCheck } from './limits.js';
import { type BenchResult, type Direction, type Metric, valuesOf } from './model.js';
import {
  type Change,
  changeFromHistory,
  noisierThanUsual,
  runSpread,
  type Verdict,
  verdictFor,
  verdictWithoutSamples,
} from './regression.js';
import type { PerfSettings } from './settings.js';
import { median } from './stats.js';
import { converter } from './units.js';

/** A metric row of the gate: a comparison, or a metric with nothing to compare against yet. */
export type MetricRow =
  | (MetricComparison & { baseline: 'files' | 'ab' | 'history' })
  | {
      name: string;
      unit: string;
      direction: Direction;
      head: { median: number; n: number };
      verdict: 'no baseline';
      baseline: 'none';
    };

export interface TrendPoint {
  commit: string;
  value: number;
}

export interface PerfGateResult {
  mode: 'files' | 'history' | 'ab';
  metrics: MetricRow[];
  limits: LimitCheck[];
  verdict: GateVerdict;
  notes: string[];
  /** Per metric: the stored medians (oldest first) and this run's, for the trend charts. */
  trends: { name: string; unit: string; points: TrendPoint[] }[];
}

/** Turns a comparison (two files, or A/B) into the gate's result, with limits on the head. */
export function gateFromComparison(
  mode: 'files' | 'ab',
  c: Comparison,
  head: BenchResult,
  settings: PerfSettings,
  history: readonly PerfRun[] = [],
  commit = 'head',
): PerfGateResult {
  const limits = checkLimits(head.metrics, settings.limits);
  const metrics: MetricRow[] = c.metrics.map((m) => ({ ...m, baseline: mode }));
  const verdict = combine(c.verdict, limits, settings, c.notes);
  return {
    mode,
    metrics,
    limits,
    verdict,
    notes: [...c.notes],
    trends: trends(head, history, commit, settings.history),
  };
}

/**
 * Against stored history: each metric's past run medians are the baseline and their spread is
 * the noise. Runs noisier than usual (a busy runner) are left out of the baseline, and a head
 * run that is itself noisier than usual is inconclusive. A history regression warns and does not
 * fail on its own: the base cannot be re-measured on this runner (see docs/performance.md;
 * measured in bench/gate-quality.mjs). No past run at all is "no baseline": pass, with a note.
 */
export function gateFromHistory(
  head: BenchResult,
  history: readonly PerfRun[],
  settings: PerfSettings,
  commit = 'head',
): PerfGateResult {
  const notes: string[] = [];
  const rows: MetricRow[] = [];
  const past = history.slice(-settings.history);
  for (const m of head.metrics) rows.push(historyRow(m, past, settings, notes));
  if (rows.every((r) => r.verdict === 'no baseline')) {
    notes.push(
      'no baseline yet: nothing stored for these metrics. This run passes; store it (on the default branch) to start the history.',
    );
  }
  const limits = checkLimits(head.metrics, settings.limits);
  const verdicts = rows.map((r) => r.verdict);
  let verdict: GateVerdict =
    verdicts.includes('regressed') || verdicts.includes('inconclusive') ? 'warn' : 'pass';
  if (verdicts.includes('regressed')) {
    notes.push(
      'history mode warns on a regression rather than failing: confirm it on one runner with `shipkit bench run` (A/B) before failing a build.',
    );
  }
  verdict = combine(verdict, limits, settings, notes);
  return {
    mode: 'history',
    metrics: rows,
    limits,
    verdict,
    notes,
    trends: trends(head, past, commit, settings.history),
  };
}

function historyRow(m: Metric, past: readonly PerfRun[], settings: PerfSettings, notes: string[]): MetricRow {
  const values = valuesOf(m);
  const head = { median: median(values), n: values.length };
  const stored = past.flatMap((r) => {
    const s = r.metrics[m.name];
    return s ? [{ ...s, commit: r.commit }] : [];
  });
  const noBaseline: MetricRow = {
    name: m.name,
    unit: m.unit,
    direction: m.direction,
    head,
    verdict: 'no baseline',
    baseline: 'none',
  };
  if (stored.length === 0) return noBaseline;
  const convert = (s: (typeof stored)[number]) => converter(m.name, s.unit, m.unit);
  try {
    for (const s of stored) convert(s);
  } catch (err) {
    notes.push(
      `${(err as Error).message}: the stored history is in another unit, so it starts again from this run.`,
    );
    return noBaseline;
  }
  const spreads = stored.map((s) => s.spread);
  const clean = stored.filter(
    (s) =>
      !noisierThanUsual(
        s.spread,
        spreads.filter((x): x is number => x !== undefined),
      ),
  );
  const latest = stored[stored.length - 1] as (typeof stored)[number];
  let change: Change;
  let verdict: Verdict;
  let base = { median: convert(latest)(latest.median), n: latest.n };
  if (clean.length >= 3) {
    const medians = clean.map((s) => convert(s)(s.median));
    change = changeFromHistory(medians, head.median, settings.detect.confidence);
    verdict = verdictFor(change, m.direction, settings.detect);
    base = { median: median(medians), n: medians.length };
    const headSpread = runSpread(values);
    const pastSpreads = clean.flatMap((s) => (s.spread === undefined ? [] : [s.spread]));
    if (verdict === 'regressed' && noisierThanUsual(headSpread, pastSpreads)) {
      verdict = 'inconclusive';
      notes.push(
        `${m.name}: this run was noisier than usual (busy runner?), so its slowdown is reported as inconclusive.`,
      );
    }
  } else {
    // Fewer than 3 clean past runs: compare with the latest stored run's own samples.
    const baseMetric: Metric = {
      name: m.name,
      unit: latest.unit,
      direction: latest.direction,
      value: latest.median,
      ...(latest.samples ? { samples: latest.samples } : {}),
      ...(latest.summary ? { summary: latest.summary } : {}),
    };
    const c = compareMetric(baseMetric, m, settings.detect, notes);
    change = c.change;
    verdict = c.verdict;
    if (c.base.n >= 2 && c.head.n >= 2)
      notes.push(
        `${m.name}: only ${stored.length} past run(s): compared with the latest run's samples (within-run noise only).`,
      );
    else verdict = verdictWithoutSamples(change.estimate, settings.detect);
  }
  return {
    name: m.name,
    unit: m.unit,
    direction: m.direction,
    base,
    head,
    change,
    verdict,
    baseline: 'history',
  };
}

/** Limits can fail a gate; `action` decides what a failure or regression means. */
function combine(
  verdict: GateVerdict,
  limits: readonly LimitCheck[],
  settings: PerfSettings,
  notes: string[],
): GateVerdict {
  let v = verdict;
  if (limits.some((l) => !l.ok)) v = 'fail';
  if (v === 'fail' && settings.action === 'warn_if_exceeded') return 'warn';
  if (settings.action === 'informational') {
    if (v !== 'pass') notes.push(`informational: the gate would have been "${v}", reported only.`);
    return 'pass';
  }
  return v;
}

function trends(head: BenchResult, past: readonly PerfRun[], commit: string, limit: number) {
  return head.metrics.map((m) => {
    const points: TrendPoint[] = [];
    for (const r of past) {
      const s = r.metrics[m.name];
      if (!s) continue;
      try {
        points.push({ commit: r.commit, value: converter(m.name, s.unit, m.unit)(s.median) });
      } catch {
        // a unit change in the history: earlier points are not comparable, start again
        points.length = 0;
      }
    }
    points.push({ commit, value: median(valuesOf(m)) });
    return { name: m.name, unit: m.unit, points: points.slice(-limit) };
  });
}

export { gateVerdict };
