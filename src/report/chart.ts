import { xmlText } from '../perf/trend-svg.js';
import { num } from './figures.js';

/**
 * Inline SVG charts for report.html: a line chart (coverage, a benchmark) with one circle per
 * point, and a bar chart (commits per week) with one bar per week. Plain SVG, no script, no
 * external resource; the same data gives the same bytes. `data-points` on the <svg> says how many
 * points the data has, and the drawing has exactly that many marks (the browser test counts them).
 */

export interface ChartPoint {
  /** The x label (a date). */
  label: string;
  value: number;
}

const W = 480;
const H = 160;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

const c1 = (v: number) => String(Math.round(v * 10) / 10 || 0);

function frame(kind: string, name: string, points: readonly ChartPoint[], description: string): string[] {
  return [
    `<svg class="chart" data-chart="${xmlText(kind)}" data-points="${points.length}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${xmlText(name)}">`,
    `<title>${xmlText(name)}</title>`,
    `<desc>${xmlText(description)}</desc>`,
  ];
}

function scale(values: number[], zeroBased: boolean) {
  let min = zeroBased ? 0 : Math.min(...values);
  let max = Math.max(...values);
  if (max === min) {
    max += max === 0 ? 1 : Math.abs(max) * 0.05;
    if (!zeroBased) min -= Math.abs(min) * 0.05 || 1;
  }
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * (H - PAD.top - PAD.bottom);
  return { min, max, y };
}

function axes(min: number, max: number, first: string, last: string): string[] {
  const bottom = H - PAD.bottom;
  return [
    `<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${bottom}"/>`,
    `<line class="axis" x1="${PAD.left}" y1="${bottom}" x2="${W - PAD.right}" y2="${bottom}"/>`,
    `<text class="tick" x="${PAD.left - 4}" y="${PAD.top + 4}" text-anchor="end">${xmlText(num(max))}</text>`,
    `<text class="tick" x="${PAD.left - 4}" y="${bottom}" text-anchor="end">${xmlText(num(min))}</text>`,
    `<text class="tick" x="${PAD.left}" y="${H - 8}">${xmlText(first)}</text>`,
    `<text class="tick" x="${W - PAD.right}" y="${H - 8}" text-anchor="end">${xmlText(last)}</text>`,
  ];
}

function empty(out: string[]): string {
  out.push(`<text class="tick" x="${W / 2}" y="${H / 2}" text-anchor="middle">no data</text>`, '</svg>');
  return out.join('\n');
}

export function lineChart(kind: string, name: string, unit: string, points: readonly ChartPoint[]): string {
  const values = points.map((p) => p.value);
  const out = frame(
    kind,
    name,
    points,
    `${name}, oldest first: ${values.map(num).join(', ') || 'none'}${unit ? ` (${unit})` : ''}.`,
  );
  if (points.length === 0) return empty(out);
  const { min, max, y } = scale(values, false);
  const span = W - PAD.left - PAD.right - 8;
  const x = (i: number) => PAD.left + 4 + (points.length === 1 ? span : (span * i) / (points.length - 1));
  out.push(...axes(min, max, points[0]?.label ?? '', points[points.length - 1]?.label ?? ''));
  if (points.length > 1) {
    out.push(
      `<polyline class="line" points="${points.map((p, i) => `${c1(x(i))},${c1(y(p.value))}`).join(' ')}"/>`,
    );
  }
  points.forEach((p, i) => {
    out.push(
      `<circle class="point" cx="${c1(x(i))}" cy="${c1(y(p.value))}" r="3"><title>${xmlText(`${p.label}: ${num(p.value)}${unit ? ` ${unit}` : ''}`)}</title></circle>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

export function barChart(kind: string, name: string, points: readonly ChartPoint[]): string {
  const values = points.map((p) => p.value);
  const out = frame(kind, name, points, `${name}, oldest first: ${values.map(num).join(', ') || 'none'}.`);
  if (points.length === 0) return empty(out);
  const { min, max, y } = scale(values, true);
  const slot = (W - PAD.left - PAD.right) / points.length;
  const bottom = H - PAD.bottom;
  out.push(...axes(min, max, points[0]?.label ?? '', points[points.length - 1]?.label ?? ''));
  points.forEach((p, i) => {
    const top = y(p.value);
    out.push(
      `<rect class="point bar" x="${c1(PAD.left + i * slot + slot * 0.15)}" y="${c1(top)}" width="${c1(slot * 0.7)}" height="${c1(bottom - top)}"><title>${xmlText(`${p.label}: ${num(p.value)}`)}</title></rect>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
