import { type BenchResult, type Direction, type Metric, spreadOf, valuesOf } from './model.js';
import {
  type Change,
  changeFromFastRuns,
  changeFromSamples,
  changeFromSummaries,
  type DetectOptions,
  type Verdict,
  verdictFor,
  verdictWithoutSamples,
} from './regression.js';
import { median } from './stats.js';
import { converter } from './units.js';

/** One metric in `shipkit bench compare --json` (the shape the issue fixes). */
export interface MetricComparison {
  name: string;
  unit: string;
  direction: Direction;
  base: { median: number; n: number };
  head: { median: number; n: number };
  change: Change;
  verdict: Verdict;
}

export type GateVerdict = 'pass' | 'warn' | 'fail';

export interface Comparison {
  metrics: MetricComparison[];
  verdict: GateVerdict;
  /** Things a person should know that are not a metric's verdict (missing metrics, one sample). */
  notes: string[];
}

/** Compares one metric present on both sides; the head is converted to the base's unit. */
export interface CompareMode {
  /**
   * Both sides were timed interleaved on one machine (A/B mode): compared by their undisturbed
   * runs (`changeFromFastRuns`), since both saw the same neighbours.
   */
  interleaved?: boolean;
}

export function compareMetric(
  base: Metric,
  head: Metric,
  opts: DetectOptions,
  notes: string[] = [],
  mode: CompareMode = {},
): MetricComparison {
  const convert = converter(base.name, head.unit, base.unit);
  const b = valuesOf(base);
  const h = valuesOf(head).map(convert);
  const bm = median(b);
  const hm = median(h);
  let change: Change;
  let verdict: Verdict;
  const bs = spreadOf(base);
  const hs = spreadOf(head);
  let n = { base: b.length, head: h.length };
  if (b.length >= 2 && h.length >= 2) {
    const fastRuns = mode.interleaved && [...b, ...h].every((v) => v > 0);
    change = fastRuns
      ? changeFromFastRuns(b, h, opts.confidence, base.direction)
      : changeFromSamples(b, h, opts.confidence);
    verdict = verdictFor(change, base.direction, opts);
  } else if (bs && hs && bs.mean > 0 && hs.mean > 0) {
    // The tool reported its dispersion but not its samples (one side at least): Welch's t-test.
    const hsc = {
      mean: convert(hs.mean),
      sd: Math.abs(convert(hs.mean + hs.sd) - convert(hs.mean)),
      n: hs.n,
    };
    change = changeFromSummaries(bs, hsc, opts.confidence);
    verdict = verdictFor(change, base.direction, opts);
    n = { base: bs.n, head: hs.n };
  } else {
    const est = bm > 0 ? (hm / bm - 1) * 100 : hm === bm ? 0 : Number.POSITIVE_INFINITY;
    change = { estimate: est, low: est, high: est };
    verdict = verdictWithoutSamples(est, opts);
    const side = b.length < 2 && h.length < 2 ? 'either side' : b.length < 2 ? 'the base' : 'the head';
    notes.push(
      `${base.name}: ${Math.min(b.length, h.length)} sample on ${side}: noise cannot be estimated, so a change beyond ${opts.minEffect}% is "inconclusive", never "regressed". Record repeated runs (go -count, --benchmark_repetitions, hyperfine), keep the tool's dispersion (vitest's sd and sampleCount, Benchmark.js's ±rme and runs sampled, pytest-benchmark's stddev and rounds) or use \`shipkit bench run\`.`,
    );
  }
  return {
    name: base.name,
    unit: base.unit,
    direction: base.direction,
    base: { median: bm, n: n.base },
    head: { median: hm, n: n.head },
    change,
    verdict,
  };
}

/** Compares every metric of two runs of the same benchmarks. */
export function compareResults(
  base: BenchResult,
  head: BenchResult,
  opts: DetectOptions,
  mode: CompareMode = {},
): Comparison {
  const notes: string[] = [];
  const headByName = new Map(head.metrics.map((m) => [m.name, m]));
  const baseNames = new Set(base.metrics.map((m) => m.name));
  const metrics: MetricComparison[] = [];
  let missing = false;
  for (const b of base.metrics) {
    const h = headByName.get(b.name);
    if (!h) {
      missing = true;
      notes.push(
        `${b.name}: in the base but missing from the head: was the benchmark removed or renamed, or did it fail?`,
      );
      continue;
    }
    metrics.push(compareMetric(b, h, opts, notes, mode));
  }
  for (const h of head.metrics) {
    if (!baseNames.has(h.name)) notes.push(`${h.name}: new in the head, no baseline to compare with yet.`);
  }
  if (metrics.length === 0 && base.metrics.length > 0) {
    notes.push('no metric is present on both sides: check that base and head come from the same benchmarks.');
  }
  return {
    metrics,
    verdict: gateVerdict(
      metrics.map((m) => m.verdict),
      missing,
    ),
    notes,
  };
}

/** fail on any regression; warn on an inconclusive or missing metric; else pass. */
export function gateVerdict(verdicts: readonly string[], warn = false): GateVerdict {
  if (verdicts.includes('regressed')) return 'fail';
  if (warn || verdicts.includes('inconclusive')) return 'warn';
  return 'pass';
}
