import { parseDuration, parseRate } from '../config/units.js';
import { ShipkitError } from '../errors.js';
import type { Metric } from './model.js';
import { quantileSorted, sorted } from './stats.js';
import { isTime, rateScale, timeScale } from './units.js';

/** A bound on one metric by name, as written under `gates.performance.metrics`. */
export interface MetricBound {
  max?: string | number;
  min?: string | number;
  /** Which figure the bound applies to: the headline value (default) or a percentile. */
  stat?: 'value' | 'p50' | 'p90' | 'p95' | 'p99';
}

export interface LimitConfig {
  /** Largest latency percentiles in ms (`latency_p99: 500ms`). */
  latency_p50?: number;
  latency_p90?: number;
  latency_p95?: number;
  latency_p99?: number;
  /** `throughput: 100+ req/sec`. */
  throughput?: { per_second: number; at_least: boolean };
  metrics?: Record<string, MetricBound>;
}

export interface LimitCheck {
  metric: string;
  /** What was checked, e.g. `p99 ≤ 500 ms`. */
  rule: string;
  actual: number;
  limit: number;
  unit: string;
  ok: boolean;
}

/** A percentile of a metric: the tool's own figure, else computed from ≥ 2 samples. */
export function percentile(m: Metric, p: 'p50' | 'p90' | 'p95' | 'p99'): number | undefined {
  const own = m.stats?.[p];
  if (own !== undefined) return own;
  if (m.samples && m.samples.length >= 2) return quantileSorted(sorted(m.samples), Number(p.slice(1)) / 100);
  return undefined;
}

/** Checks absolute limits from the config against one run's metrics. */
export function checkLimits(metrics: readonly Metric[], config: LimitConfig): LimitCheck[] {
  const out: LimitCheck[] = [];
  for (const m of metrics) {
    const scale = timeScale(m.unit);
    if (scale !== undefined && m.direction === 'smaller') {
      for (const p of ['p50', 'p90', 'p95', 'p99'] as const) {
        const limitMs = config[`latency_${p}`];
        if (limitMs === undefined) continue;
        const v = percentile(m, p);
        if (v === undefined) continue;
        const limit = (limitMs * 1e6) / scale;
        out.push({
          metric: m.name,
          rule: `${p} ≤ ${fmt(limitMs)} ms`,
          actual: v,
          limit,
          unit: m.unit,
          ok: v <= limit,
        });
      }
    }
    const rs = rateScale(m.unit);
    if (config.throughput && rs !== undefined && m.direction === 'bigger') {
      const limit = config.throughput.per_second / rs;
      const ok = config.throughput.at_least ? m.value >= limit : m.value <= limit;
      out.push({
        metric: m.name,
        rule: `throughput ${config.throughput.at_least ? '≥' : '≤'} ${fmt(limit)} ${m.unit}`,
        actual: m.value,
        limit,
        unit: m.unit,
        ok,
      });
    }
  }
  // k6 decided its own thresholds (in the summary, `true` means failed): they count as limits too.
  for (const m of metrics) {
    for (const [source, failed] of Object.entries(m.thresholds ?? {})) {
      out.push({
        metric: m.name,
        rule: `k6 threshold ${source}`,
        actual: m.value,
        limit: Number.NaN,
        unit: m.unit,
        ok: !failed,
      });
    }
  }
  for (const [name, bound] of Object.entries(config.metrics ?? {})) {
    const m = metrics.find((x) => x.name === name);
    if (!m) continue;
    const stat = bound.stat ?? 'value';
    const v = stat === 'value' ? m.value : percentile(m, stat);
    if (v === undefined) {
      throw new ShipkitError(
        `gates.performance.metrics["${name}"].stat: metric "${name}" has no ${stat} (no percentile from the tool and fewer than 2 samples)`,
        {
          hint: `Bound its value instead (drop \`stat: ${stat}\`) or record samples.`,
        },
      );
    }
    const label = stat === 'value' ? '' : `${stat} `;
    if (bound.max !== undefined) {
      const limit = boundIn(name, bound.max, m.unit);
      out.push({
        metric: name,
        rule: `${label}≤ ${fmt(limit)} ${m.unit}`,
        actual: v,
        limit,
        unit: m.unit,
        ok: v <= limit,
      });
    }
    if (bound.min !== undefined) {
      const limit = boundIn(name, bound.min, m.unit);
      out.push({
        metric: name,
        rule: `${label}≥ ${fmt(limit)} ${m.unit}`,
        actual: v,
        limit,
        unit: m.unit,
        ok: v >= limit,
      });
    }
  }
  return out;
}

/** A bound written as `500ms`, `100 req/s`, `16 B/op` or a bare number, in the metric's unit. */
function boundIn(name: string, bound: string | number, unit: string): number {
  if (typeof bound === 'number') return bound;
  const text = bound.trim();
  const scale = timeScale(unit);
  const ms = parseDuration(text);
  if (ms !== undefined && scale !== undefined) return (ms * 1e6) / scale;
  const rate = parseRate(text);
  const rs = rateScale(unit);
  if (rate && rs !== undefined) return rate.per_second / rs;
  const m = /^(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(text);
  if (m && (m[2] === '' || m[2] === unit)) return Number(m[1]);
  throw new ShipkitError(
    `gates.performance.metrics["${name}"]: bound ${JSON.stringify(bound)} is not in its unit (${unit})`,
    {
      hint: isTime(unit)
        ? 'Write a duration such as 500ms.'
        : `Write a number, optionally followed by ${unit}.`,
    },
  );
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && a < 1e-3) return v.toPrecision(3);
  if (a >= 1e6) return String(Math.round(v));
  return Number(v.toPrecision(4)).toString();
}
