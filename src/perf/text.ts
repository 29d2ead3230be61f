import type { Comparison } from './compare.js';
import { fmt } from './limits.js';
import type { MetricSummary } from './summary.js';

/** Plain-text tables for the terminal. */

const sign = (v: number) =>
  Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(1)}%` : v > 0 ? '+∞' : '−∞';

export function comparisonText(c: Comparison): string {
  const rows = c.metrics.map((m) => [
    m.name,
    `${fmt(m.base.median)} ${m.unit} (n=${m.base.n})`,
    `${fmt(m.head.median)} ${m.unit} (n=${m.head.n})`,
    `${sign(m.change.estimate)} [${sign(m.change.low)}, ${sign(m.change.high)}]`,
    m.verdict,
  ]);
  const lines = table(['metric', 'base median', 'head median', 'change [interval]', 'verdict'], rows);
  return [...lines, '', `verdict: ${c.verdict}`, ...c.notes.map((n) => `note: ${n}`)].join('\n');
}

export function summaryText(metrics: MetricSummary[]): string {
  const rows = metrics.map((m) => [
    m.name,
    `${fmt(m.median)} ${m.unit}`,
    `${fmt(m.mean)} ${m.unit}`,
    `${fmt(m.stddev)}`,
    String(m.n),
    m.direction === 'smaller' ? 'lower is better' : 'higher is better',
  ]);
  return table(['metric', 'median', 'mean', 'stddev', 'n', ''], rows).join('\n');
}

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
