import type { Direction } from './model.js';
import { hodgesLehmann, lowerTrimmedMean, mad, median, stddev, tQuantile } from './stats.js';

/**
 * Regression detection from samples. Changes are estimated on the log scale (so they are ratios:
 * +10 % means head = 1.10 × base), reported in percent of the base.
 *   regressed:    estimate worse by at least the minimum effect AND the interval excludes no change
 *   improved:     the same, better
 *   unchanged:    the interval rules out a change as large as the minimum effect either way
 *   inconclusive: anything else: the data cannot tell a real change of that size from noise
 */
export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive';

export interface Change {
  /** Percent of the base: +10 means head is 10 % higher. */
  estimate: number;
  low: number;
  high: number;
}

export interface DetectOptions {
  /** Smallest change that matters, in percent (the config's `regression`, default 5). */
  minEffect: number;
  /** Confidence level of the interval, 0-1 (default 0.95). */
  confidence: number;
}

export const DEFAULT_DETECT: DetectOptions = { minEffect: 5, confidence: 0.95 };

const pct = (logRatio: number) => (Math.exp(logRatio) - 1) * 100;

/** Hodges-Lehmann shift of log(head) − log(base) with its Mann-Whitney interval. Needs ≥ 2 a side. */
export function changeFromSamples(
  base: readonly number[],
  head: readonly number[],
  confidence: number,
): Change {
  const positive = [...base, ...head].every((v) => v > 0);
  if (positive) {
    const s = hodgesLehmann(base.map(Math.log), head.map(Math.log), confidence);
    return { estimate: pct(s.estimate), low: pct(s.low), high: pct(s.high) };
  }
  // Zeros (0 B/op): shift on the raw scale, relative to the base median when it is not 0.
  const s = hodgesLehmann(base, head, confidence);
  const ref = Math.abs(median(base));
  if (ref === 0) {
    const sign = (v: number) => (v === 0 ? 0 : v > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);
    return { estimate: sign(s.estimate), low: sign(s.low), high: sign(s.high) };
  }
  return { estimate: (s.estimate / ref) * 100, low: (s.low / ref) * 100, high: (s.high / ref) * 100 };
}

/**
 * Same-runner A/B timings: the shift of the undisturbed runs. Interference (a neighbour, a
 * page-cache miss, a scheduler hiccup) only ever adds time, so on a shared runner the slow runs
 * say more about the machine than about the code: a quarter of `node -e 0` runs on an idle
 * 2-core machine are 10-50 % slow. Each side's faster half (the slower half when bigger is
 * better) is compared on the log scale by Yuen's trimmed-mean test (winsorized variance, Welch
 * degrees of freedom). Measured by `npm run bench:gate-quality` against the paired
 * Hodges-Lehmann shift, which the slow runs pull around when a third of the pairs hold one.
 * Needs ≥ 2 positive values a side.
 */
export function changeFromFastRuns(
  base: readonly number[],
  head: readonly number[],
  confidence: number,
  direction: Direction = 'smaller',
): Change {
  const flip = direction === 'bigger' ? -1 : 1;
  const side = (xs: readonly number[]) =>
    lowerTrimmedMean(
      xs.map((v) => flip * Math.log(v)),
      0.5,
    );
  const b = side(base);
  const h = side(head);
  const d = flip * (h.mean - b.mean);
  const se2 = b.se2 + h.se2;
  if (se2 === 0) return { estimate: pct(d), low: pct(d), high: pct(d) };
  const df = se2 ** 2 / (b.se2 ** 2 / b.df + h.se2 ** 2 / h.df);
  const t = tQuantile(1 - (1 - confidence) / 2, Math.max(1, df)) * Math.sqrt(se2);
  return { estimate: pct(d), low: pct(d - t), high: pct(d + t) };
}

/**
 * From summary statistics (mean, sample standard deviation, count a side), for tools that report
 * their dispersion but not their samples: Welch's t-test on the log scale. The standard error of
 * ln(mean) is taken as sd / (mean·√n) (delta method), the degrees of freedom by Welch-Satterthwaite,
 * and the interval of ln(head/base) is d ± t·√(se²base + se²head). Needs n ≥ 2 and a mean > 0 a side.
 */
export function changeFromSummaries(
  base: { mean: number; sd: number; n: number },
  head: { mean: number; sd: number; n: number },
  confidence: number,
): Change {
  const se2 = (s: { mean: number; sd: number; n: number }) => (s.sd / s.mean) ** 2 / s.n;
  const vb = se2(base);
  const vh = se2(head);
  const d = Math.log(head.mean / base.mean);
  if (vb + vh === 0) return { estimate: pct(d), low: pct(d), high: pct(d) };
  const df = (vb + vh) ** 2 / (vb ** 2 / (base.n - 1) + vh ** 2 / (head.n - 1));
  const t = tQuantile(1 - (1 - confidence) / 2, Math.max(1, df)) * Math.sqrt(vb + vh);
  return { estimate: pct(d), low: pct(d - t), high: pct(d + t) };
}

/**
 * Against stored history: `past` holds one median per earlier run (run-to-run noise, which is
 * larger than the noise inside one run). The head median is compared with their median through
 * a prediction interval whose width comes from the spread of those past runs. Needs ≥ 3 past runs.
 */
export function changeFromHistory(past: readonly number[], head: number, confidence: number): Change {
  const logs = past.map(Math.log);
  const center = median(logs);
  const d = Math.log(head) - center;
  const n = logs.length;
  // The larger of a robust and a plain spread: run-to-run noise has long tails (a loaded runner
  // is 2-5x slower), and the plain standard deviation is what keeps those from becoming alarms.
  const spread = Math.max(mad(logs), stddev(logs));
  const se = spread * Math.sqrt(1 + Math.PI / (2 * n));
  const t = tQuantile(1 - (1 - confidence) / 2, Math.max(1, n - 1));
  return { estimate: pct(d), low: pct(d - t * se), high: pct(d + t * se) };
}

/** The verdict for a change, given which way is better. */
export function verdictFor(change: Change, direction: Direction, opts: DetectOptions): Verdict {
  const flip = direction === 'bigger' ? -1 : 1;
  const est = change.estimate * flip;
  const [low, high] = flip === 1 ? [change.low, change.high] : [-change.high, -change.low];
  const m = opts.minEffect;
  if (est >= m && low > 0) return 'regressed';
  if (est <= -m && high < 0) return 'improved';
  if (high < m && low > -m) return 'unchanged';
  return 'inconclusive';
}

/** With one figure a side there is no noise estimate: a change beyond the minimum effect is inconclusive. */
export function verdictWithoutSamples(change: number, opts: DetectOptions): Verdict {
  return Math.abs(change) < opts.minEffect ? 'unchanged' : 'inconclusive';
}

/** Spread of one run's samples on the log scale (robust): how noisy that run was. */
export function runSpread(samples: readonly number[]): number | undefined {
  if (samples.length < 3 || samples.some((v) => v <= 0)) return undefined;
  return mad(samples.map(Math.log));
}

/**
 * A run is "noisier than usual" when its own spread is more than twice the typical spread of
 * past runs: the runner was busy, and its median says more about the machine than the code.
 */
export function noisierThanUsual(headSpread: number | undefined, pastSpreads: readonly number[]): boolean {
  if (headSpread === undefined || pastSpreads.length < 3) return false;
  const typical = median(pastSpreads);
  return headSpread > 2 * Math.max(typical, 0.005);
}
