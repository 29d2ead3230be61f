import type { BenchResult, Metric } from '../model.js';
import { type BenchInput, fail, isObject, type Json } from './input.js';

/**
 * The k6 end-of-test summary: `--summary-export` (flat values; a threshold `true` means it
 * FAILED) or `handleSummary`'s data (`values`, thresholds `{ok}`). Trends become time metrics in
 * ms with their percentiles; counters their rate a second; rates their ratio. Gauges are skipped.
 */
export function isK6Summary(doc: unknown): doc is Json {
  return (
    isObject(doc) &&
    isObject(doc.metrics) &&
    Object.values(doc.metrics).some(
      (m) => isObject(m) && (isObject(m.values) || 'avg' in m || 'count' in m || 'passes' in m),
    )
  );
}

/** k6's raw `--out json` stream: one JSON object per line, `{"type":"Metric"|"Point", ...}`. */
export function isK6RawStream(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  return lines.slice(0, 5).every((l) => /^\s*\{\s*"type"\s*:\s*"(Metric|Point)"/.test(l));
}

const STAT_NAMES: Record<string, string> = {
  med: 'p50',
  'p(50)': 'p50',
  'p(90)': 'p90',
  'p(95)': 'p95',
  'p(99)': 'p99',
  'p(99.9)': 'p99.9',
  avg: 'avg',
  min: 'min',
  max: 'max',
};

export function readK6Summary(input: BenchInput, doc: Json): BenchResult {
  const metrics: Metric[] = [];
  for (const [name, raw] of Object.entries(doc.metrics as Json)) {
    if (!isObject(raw)) continue;
    const values = isObject(raw.values) ? raw.values : raw;
    const type = typeof raw.type === 'string' ? raw.type : guessType(values);
    const thresholds = readThresholds(raw.thresholds);
    const extra = thresholds ? { thresholds } : {};
    if (type === 'trend') {
      const stats: Record<string, number> = {};
      for (const [k, v] of Object.entries(values)) {
        if (typeof v === 'number') stats[STAT_NAMES[k] ?? k] = v;
      }
      const value = stats.p50 ?? stats.avg;
      if (value === undefined)
        fail(input, `k6 metric ${name} has neither med nor avg`, 'Keep `med` or `avg` in summaryTrendStats.');
      const unit = raw.contains === 'default' ? '' : 'ms';
      metrics.push({ name, unit, direction: 'smaller', value, stats, ...extra });
    } else if (type === 'counter' && typeof values.rate === 'number') {
      const stats = {
        rate: values.rate,
        ...(typeof values.count === 'number' ? { count: values.count } : {}),
      };
      metrics.push({ name, unit: '/s', direction: 'bigger', value: values.rate, stats, ...extra });
    } else if (type === 'rate') {
      const value = typeof values.rate === 'number' ? values.rate : values.value;
      if (typeof value !== 'number') continue;
      metrics.push({
        name,
        unit: 'ratio',
        direction: /fail|error/i.test(name) ? 'smaller' : 'bigger',
        value,
        ...extra,
      });
    }
  }
  return { tool: 'k6', metrics };
}

function guessType(v: Json): string {
  if ('avg' in v || 'med' in v) return 'trend';
  if ('passes' in v) return 'rate';
  if ('count' in v && 'rate' in v) return 'counter';
  return 'gauge';
}

/** Both export forms to one meaning: `true` = the threshold FAILED. */
function readThresholds(t: unknown): Record<string, boolean> | undefined {
  if (!isObject(t)) return undefined;
  const out: Record<string, boolean> = {};
  for (const [src, v] of Object.entries(t)) {
    if (typeof v === 'boolean') out[src] = v;
    else if (isObject(v) && typeof v.ok === 'boolean') out[src] = !v.ok;
  }
  return out;
}
