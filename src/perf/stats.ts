/** Plain statistics over samples. Deterministic: the same input always gives the same answer. */

export function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

/** Linear-interpolated quantile (q in 0..1) of already sorted values. */
export function quantileSorted(s: readonly number[], q: number): number {
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = s[lo] as number;
  const b = s[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function median(xs: readonly number[]): number {
  return quantileSorted(sorted(xs), 0.5);
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n − 1); 0 for a single value. */
export function stddev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

/** Median absolute deviation scaled to estimate σ for normal data. */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)));
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const [a1, a2, a3, a4, a5, a6] = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const [b1, b2, b3, b4, b5] = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const [c1, c2, c3, c4, c5, c6] = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const [d1, d2, d3, d4] = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a1 * r + a2) * r + a3) * r + a4) * r + a5) * r + a6) * q) /
    (((((b1 * r + b2) * r + b3) * r + b4) * r + b5) * r + 1)
  );
}

/** Student t quantile (Hill's approximation; good to ~1e-4 for df ≥ 2, exact limit for large df). */
export function tQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  if (!Number.isFinite(df) || df > 1e6) return z;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** A small seeded generator (mulberry32): the same seed, the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Takes at most `max` values, chosen by a seeded shuffle (keeps the distribution, not its order). */
export function thin(xs: readonly number[], max: number, seed: number): number[] {
  if (xs.length <= max) return [...xs];
  const rnd = seededRandom(seed);
  const a = [...xs];
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rnd() * (a.length - i));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a.slice(0, max);
}

export interface ShiftEstimate {
  /** Hodges-Lehmann estimate of the shift y − x: the median of all pairwise differences. */
  estimate: number;
  /** Confidence interval for the shift, by inverting the Mann-Whitney test. */
  low: number;
  high: number;
}

/**
 * Hodges-Lehmann shift with its distribution-free Mann-Whitney confidence interval (normal
 * approximation with continuity correction). Needs at least 2 values on each side; large samples
 * are thinned (seeded) to 2000 a side so the pairwise differences stay bounded.
 */
export function hodgesLehmann(
  x0: readonly number[],
  y0: readonly number[],
  confidence = 0.95,
): ShiftEstimate {
  const x = thin(x0, 2000, 1);
  const y = thin(y0, 2000, 2);
  const n = x.length;
  const m = y.length;
  const diffs = new Float64Array(n * m);
  let k = 0;
  for (const yi of y) for (const xi of x) diffs[k++] = yi - xi;
  diffs.sort();
  const nm = n * m;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const sd = Math.sqrt((nm * (n + m + 1)) / 12);
  const c = Math.max(0, Math.floor(nm / 2 - z * sd - 0.5));
  return {
    estimate: quantileSorted(Array.from(diffs), 0.5),
    low: diffs[c] as number,
    high: diffs[nm - 1 - c] as number,
  };
}

/** Welch's t-test: two-sided p-value for a difference in means (used by the gate-quality bench). */
export function welchP(x: readonly number[], y: readonly number[]): number {
  const vx = stddev(x) ** 2 / x.length;
  const vy = stddev(y) ** 2 / y.length;
  const se = Math.sqrt(vx + vy);
  if (se === 0) return mean(x) === mean(y) ? 1 : 0;
  const t = (mean(y) - mean(x)) / se;
  const df = (vx + vy) ** 2 / (vx ** 2 / (x.length - 1) + vy ** 2 / (y.length - 1));
  return 2 * (1 - tCdf(Math.abs(t), df));
}

/** Student t CDF via the regularized incomplete beta function. */
function tCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const ib = incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - ib / 2 : ib / 2;
}

function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lbeta = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lbeta) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(lbeta) * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < 1e-30) d = 1e-30;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 200; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < 1e-30) d = 1e-30;
    c = 1 + aa / c;
    if (Math.abs(c) < 1e-30) c = 1e-30;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < 1e-30) d = 1e-30;
    c = 1 + aa / c;
    if (Math.abs(c) < 1e-30) c = 1e-30;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 3e-12) break;
  }
  return h;
}

/** ln Γ(z) for z > 0: Stirling's series after shifting z above 7. */
function logGamma(z: number): number {
  let shift = 0;
  let x = z;
  while (x < 7) {
    shift -= Math.log(x);
    x += 1;
  }
  const x2 = 1 / (x * x);
  const series = (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 / 1680))) / x;
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
}

export interface TrimmedMean {
  /** Mean of the kept values. */
  mean: number;
  /** Squared standard error (Yuen: winsorized variance over the kept count). */
  se2: number;
  /** Degrees of freedom: kept values − 1. */
  df: number;
}

/**
 * One-sided trimmed mean: the mean of the lowest `keep` fraction of the values (at least 2),
 * with Yuen's standard error from the sample winsorized at the same point (the values above the
 * cut replaced by the cut). For timings, where interference only ever adds time, it is the
 * typical time of the undisturbed runs.
 */
export function lowerTrimmedMean(xs: readonly number[], keep = 0.5): TrimmedMean {
  const s = sorted(xs);
  const n = s.length;
  const h = Math.min(n, Math.max(2, Math.ceil(keep * n)));
  const cut = s[h - 1] as number;
  const w = s.map((v) => Math.min(v, cut));
  const sw = stddev(w);
  return { mean: mean(s.slice(0, h)), se2: ((n - 1) * sw * sw) / (h * (h - 1)), df: h - 1 };
}

/**
 * Paired shift: the median of the Walsh averages of the differences d (one-sample Hodges-Lehmann)
 * with its Wilcoxon signed-rank confidence interval (normal approximation, continuity corrected).
 * Used for interleaved A/B runs, where pair i is base and head measured back to back.
 */
export function pairedHodgesLehmann(d0: readonly number[], confidence = 0.95): ShiftEstimate {
  const d = thin(d0, 1500, 3);
  const n = d.length;
  const walsh: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) walsh.push(((d[i] as number) + (d[j] as number)) / 2);
  walsh.sort((a, b) => a - b);
  const m = walsh.length;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
  const c = Math.max(0, Math.floor(m / 2 - z * sd - 0.5));
  return { estimate: quantileSorted(walsh, 0.5), low: walsh[c] as number, high: walsh[m - 1 - c] as number };
}
