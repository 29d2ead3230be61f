import { markdownText } from '../render/markdown.js';
import type { PerfGateResult, TrendPoint } from './gate.js';
import { fmt } from './limits.js';

/**
 * The PR comment and job summary: the verdict per metric, the limits, and a small trend per
 * metric. When the trends were stored as SVG files (src/perf/trend-svg.ts) on the data branch,
 * each is a Markdown image of that file at the commit that stored it; otherwise a Mermaid
 * `xychart-beta` block: GitHub renders Mermaid as an SVG chart in comments and job summaries,
 * where an inline SVG or a data: URI image is stripped.
 * Metric names come from the benchmarked code (a pull request can choose them): they are
 * escaped for Markdown tables and reduced to plain characters inside Mermaid.
 */

const ICON: Record<string, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  regressed: '❌ regressed',
  improved: '🚀 improved',
  unchanged: '✅ unchanged',
  inconclusive: '❔ inconclusive',
  'no baseline': '🆕 no baseline',
};

/** Text for inside a Mermaid string: letters, digits and a few signs only. */
export function mermaidText(text: string): string {
  return text.replace(/[^A-Za-z0-9 _.:/#()+=,-]/g, '_').slice(0, 80);
}

/** A URL for `![alt](url)` inside a table cell: spaces, brackets, pipes and non-ASCII percent-encoded. */
function markdownUrl(url: string): string {
  const bytes = (c: string) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(
      '',
    );
  return url.replace(/[^!-~]|[()<>|[\]`\\]/gu, bytes);
}

const signed = (v: number) =>
  Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(1)}%` : v > 0 ? '+∞' : '−∞';

export function trendChart(name: string, unit: string, points: readonly TrendPoint[]): string {
  const labels = points.map((p) => `"${mermaidText(p.commit.slice(0, 7))}"`).join(', ');
  // plain decimals: Mermaid's parser rejects exponent notation such as 1.5e-7
  const values = points
    .map((p) => p.value.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 4 }))
    .join(', ');
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidText(name)}"`,
    `  x-axis [${labels}]`,
    `  y-axis "${mermaidText(unit)}"`,
    `  line [${values}]`,
    '```',
  ].join('\n');
}

const MODE: Record<PerfGateResult['mode'], string> = {
  files: 'base and head results',
  ab: 'same-runner A/B (interleaved)',
  history: 'stored history',
};

/** Markdown for the job summary and the sticky PR comment. */
export function renderPerfGate(
  r: PerfGateResult,
  options: {
    title?: string;
    trendPoints?: number;
    /** Metric name → URL of its trend SVG; a metric without one is drawn in Mermaid. */
    trendImages?: ReadonlyMap<string, string>;
  } = {},
): string {
  const out: string[] = [];
  out.push(`## ${ICON[r.verdict]} ${options.title ?? 'Performance gate'}: ${r.verdict}`, '');
  out.push(`Compared against ${MODE[r.mode]}.`, '');
  out.push('| metric | base | head | change [interval] | verdict |', '| --- | ---: | ---: | ---: | --- |');
  for (const m of r.metrics) {
    if (m.verdict === 'no baseline') {
      out.push(
        `| ${markdownText(m.name)} | — | ${fmt(m.head.median)} ${markdownText(m.unit)} (n=${m.head.n}) | — | ${ICON[m.verdict]} |`,
      );
    } else {
      const change = `${signed(m.change.estimate)} [${signed(m.change.low)}, ${signed(m.change.high)}]`;
      out.push(
        `| ${markdownText(m.name)} | ${fmt(m.base.median)} ${markdownText(m.unit)} (n=${m.base.n}) | ${fmt(m.head.median)} ${markdownText(m.unit)} (n=${m.head.n}) | ${change} | ${ICON[m.verdict]} |`,
      );
    }
  }
  if (r.limits.length > 0) {
    out.push('', '| limit | metric | actual | |', '| --- | --- | ---: | --- |');
    for (const l of r.limits) {
      out.push(
        `| ${markdownText(l.rule)} | ${markdownText(l.metric)} | ${fmt(l.actual)} ${markdownText(l.unit)} | ${l.ok ? '✅' : l.rule.startsWith('k6 threshold') ? '❌ failed' : '❌ exceeded'} |`,
      );
    }
  }
  const all = r.trends.filter((t) => t.points.length >= 2);
  const images = all.filter((t) => options.trendImages?.has(t.name));
  const charts = all.filter((t) => !options.trendImages?.has(t.name));
  const last = options.trendPoints ?? 'stored';
  if (images.length > 0) {
    out.push(
      '',
      `**Trend** (last ${last} runs, medians; the marked point is this run)`,
      '',
      '| metric | trend |',
      '| --- | --- |',
    );
    for (const t of images.slice(0, 20)) {
      const url = markdownUrl(options.trendImages?.get(t.name) ?? '');
      out.push(`| ${markdownText(t.name)} | ![${markdownText(t.name)} trend](${url}) |`);
    }
    if (images.length > 20) out.push('', `${images.length - 20} more metrics not drawn.`);
  }
  if (charts.length > 0) {
    out.push('', `<details><summary>Trend (last ${last} runs, medians)</summary>`, '');
    for (const t of charts.slice(0, 20)) out.push(trendChart(t.name, t.unit, t.points), '');
    if (charts.length > 20) out.push(`${charts.length - 20} more metrics not drawn.`, '');
    out.push('</details>');
  }
  if (r.notes.length > 0) {
    out.push('', '**Notes**', '');
    for (const n of r.notes) out.push(`- ${markdownText(n)}`);
  }
  out.push(
    '',
    `<sub>A change counts as a regression only when it is at least the minimum effect and the interval excludes no change. "inconclusive": the data cannot tell a change of that size from noise.</sub>`,
  );
  return `${out.join('\n')}\n`;
}
