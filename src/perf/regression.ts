import type { Direction } from './model.js';
import { hodgesLehmann, mad, median, pairedHodgesLehmann, stddev, tQuantile } from './stats.js';

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
 * Interleaved A/B pairs (base[i] and head[i] measured back to back): the change is estimated
 * from the per-pair log ratios, so slow drifts of the machine (a neighbour's build starting)
 * cancel out. Needs ≥ 2 pairs of positive values.
 */
export function changeFromPairs(
  base: readonly number[],
  head: readonly number[],
  confidence: number,
): Change {
  const n = Math.min(base.length, head.length);
  const d: number[] = [];
  for (let i = 0; i < n; i++) d.push(Math.log(head[i] as number) - Math.log(base[i] as number));
  const s = pairedHodgesLehmann(d, confidence);
  return { estimate: pct(s.estimate), low: pct(s.low), high: pct(s.high) };
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
