import { createHash } from 'node:crypto';
import type { PerfGateResult, TrendPoint } from './gate.js';
import { fmt } from './limits.js';

/**
 * A small sparkline per metric (240 × 60): the stored run medians, oldest first, and this run's
 * as the last point, marked in the colour of the metric's verdict. Plain SVG: no script, no
 * external resource (fonts are the viewer's sans-serif), and the same input gives the same bytes.
 * Metric names and units come from the benchmarked code, so every text is escaped for XML.
 */

const TREND_WIDTH = 240;
const TREND_HEIGHT = 60;

const COLOUR = {
  regressed: '#cf222e',
  improved: '#1a7f37',
  neutral: '#57606a',
  line: '#0969da',
  text: '#57606a',
  frame: '#d0d7de',
} as const;

/** The five characters XML gives meaning to escaped; what XML 1.0 cannot hold at all becomes U+FFFD. */
export function xmlText(text: string): string {
  let out = '';
  // by code point: a lone surrogate comes as one unit and is not a character XML allows
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const allowed =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c >= 0x10000;
    out += !allowed ? '\ufffd' : (ESCAPE[ch] ?? ch);
  }
  return out;
}

const ESCAPE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** At most `max` characters (code points, so a surrogate pair is never cut), with … when cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/[\r\n\t]+/g, ' '));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A file name for a metric: its letters and digits (lower case, at most 40), then 10 hex digits
 * of the SHA-256 of the exact name. Stable across runs, safe in a URL and on a case-insensitive
 * file system, and two names differing only in punctuation or case still get two files.
 */
export function trendSlug(name: string): string {
  const readable = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 10);
  return readable ? `${readable}-${hash}` : hash;
}

/** Which colour the head point takes. */
export type TrendMark = 'regressed' | 'improved' | 'neutral';

function markFor(verdict: string | undefined): TrendMark {
  return verdict === 'regressed' ? 'regressed' : verdict === 'improved' ? 'improved' : 'neutral';
}

export interface TrendSvgOptions {
  /** The metric's verdict in this run (regressed: red head point, improved: green, else grey). */
  verdict?: string;
  /** Draw only the last `last` points. */
  last?: number;
}

/** One decimal, no `-0`: coordinates print the same on every machine. */
const n1 = (v: number) => String(Math.round(v * 10) / 10 || 0);

export function trendSvg(
  name: string,
  unit: string,
  points: readonly TrendPoint[],
  options: TrendSvgOptions = {},
): string {
  const shown = (options.last !== undefined ? points.slice(-Math.max(1, options.last)) : points).filter((p) =>
    Number.isFinite(p.value),
  );
  const mark = markFor(options.verdict);
  const u = clip(unit, 10);
  const withUnit = (v: number) => xmlText(u ? `${fmt(v)} ${u}` : fmt(v));
  const runs = `${shown.length} run${shown.length === 1 ? '' : 's'}`;
  // go's extra metrics are already named `Name (unit)`
  const named = unit === '' || name.endsWith(`(${unit})`);
  const title = `${clip(name, 200)}${named ? '' : ` (${clip(unit, 40)})`}: trend of the last ${runs}`;
  const values = shown.map((p) => fmt(p.value)).join(', ');
  const head = shown[shown.length - 1];
  const desc = head
    ? `Medians${unit ? ` in ${clip(unit, 40)}` : ''}, oldest first: ${values}. This run: ${fmt(head.value)}${options.verdict ? ` (${options.verdict})` : ''}.`
    : 'No finite values to draw.';

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${TREND_WIDTH}" height="${TREND_HEIGHT}" viewBox="0 0 ${TREND_WIDTH} ${TREND_HEIGHT}" role="img" font-family="sans-serif" font-size="9">`,
    `<title>${xmlText(title)}</title>`,
    `<desc>${xmlText(desc)}</desc>`,
    `<rect x="0.5" y="0.5" width="${TREND_WIDTH - 1}" height="${TREND_HEIGHT - 1}" rx="3" fill="#ffffff" stroke="${COLOUR.frame}"/>`,
  ];
  if (head) {
    // plot area between the label strips: x 8..232, y 15..45 (bigger values higher)
    const left = 8;
    const right = TREND_WIDTH - 8;
    const top = 15;
    const bottom = 45;
    const vs = shown.map((p) => p.value);
    const min = Math.min(...vs);
    const max = Math.max(...vs);
    const x = (i: number) => (shown.length === 1 ? right : left + ((right - left) * i) / (shown.length - 1));
    const y = (v: number) =>
      max === min ? (top + bottom) / 2 : bottom - ((v - min) / (max - min)) * (bottom - top);
    const xy = shown.map((p, i) => `${n1(x(i))},${n1(y(p.value))}`);
    if (shown.length >= 2) {
      out.push(
        `<polyline points="${xy.join(' ')}" fill="none" stroke="${COLOUR.line}" stroke-width="1.5" stroke-linejoin="round" stroke-linecap="round"/>`,
        `<text x="${left}" y="10" fill="${COLOUR.text}">max ${withUnit(max)}</text>`,
        `<text x="${left}" y="${TREND_HEIGHT - 4}" fill="${COLOUR.text}">min ${withUnit(min)}</text>`,
      );
    }
    const last = shown.length - 1;
    out.push(
      `<circle cx="${n1(x(last))}" cy="${n1(y(head.value))}" r="3.5" fill="${COLOUR[mark]}" stroke="#ffffff" stroke-width="1"/>`,
      `<text x="${right}" y="10" text-anchor="end" font-weight="bold" fill="${COLOUR[mark]}">${withUnit(head.value)}</text>`,
      `<text x="${right}" y="${TREND_HEIGHT - 4}" text-anchor="end" fill="${COLOUR.text}">${runs}</text>`,
    );
  } else {
    out.push(`<text x="8" y="34" fill="${COLOUR.text}">no data</text>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

export interface TrendFile {
  name: string;
  unit: string;
  /** `<slug>.svg` */
  file: string;
  /** Points drawn (this run's included). */
  points: number;
  svg: string;
}

/** Every metric's trend of a gate result, one file each, in the result's metric order. */
export function trendFiles(r: PerfGateResult, last?: number): TrendFile[] {
  const verdicts = new Map(r.metrics.map((m) => [m.name, m.verdict as string]));
  const used = new Set<string>();
  return r.trends.map((t) => {
    let slug = trendSlug(t.name);
    // two names with the same 10 hex digits of SHA-256: the later one takes the whole hash
    if (used.has(slug)) slug = createHash('sha256').update(t.name, 'utf8').digest('hex');
    used.add(slug);
    const verdict = verdicts.get(t.name);
    const svg = trendSvg(t.name, t.unit, t.points, {
      ...(verdict !== undefined ? { verdict } : {}),
      ...(last !== undefined ? { last } : {}),
    });
    const points = (last !== undefined ? t.points.slice(-Math.max(1, last)) : t.points).filter((p) =>
      Number.isFinite(p.value),
    ).length;
    return { name: t.name, unit: t.unit, file: `${slug}.svg`, points, svg };
  });
}
