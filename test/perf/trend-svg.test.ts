import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { PerfGateResult, TrendPoint } from '../../src/perf/gate.js';
import { renderPerfGate } from '../../src/perf/render.js';
import { trendFiles, trendSlug, trendSvg, xmlText } from '../../src/perf/trend-svg.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Element[];
}

/** Parses with saxes (namespace-aware): throws on anything that is not well-formed XML. */
function parse(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Element[] = [];
  let root: Element | undefined;
  let failure: Error | undefined;
  parser.on('error', (err) => {
    failure ??= err;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attributes[k] = typeof a === 'string' ? a : a.value;
    const el: Element = { name: tag.name, attributes, text: '', children: [] };
    if (tag.uri !== 'http://www.w3.org/2000/svg') throw new Error(`${tag.name} outside the SVG namespace`);
    stack[stack.length - 1]?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
}

const all = (e: Element): Element[] => [e, ...e.children.flatMap(all)];
const points = (values: number[]): TrendPoint[] =>
  values.map((value, i) => ({ commit: `${i}`.repeat(40).slice(0, 40), value }));

describe('trend SVG', () => {
  it('is well-formed SVG with a title, a description, the line and a marked head point', () => {
    const svg = trendSvg('BenchmarkFib20-2', 'ns/op', points([21000, 20500, 21200, 20900, 26000]), {
      verdict: 'regressed',
    });
    const root = parse(svg);
    expect(root).toMatchObject({
      name: 'svg',
      attributes: { width: '240', height: '60', viewBox: '0 0 240 60', role: 'img' },
    });
    expect(root.children[0]).toMatchObject({
      name: 'title',
      text: 'BenchmarkFib20-2 (ns/op): trend of the last 5 runs',
    });
    expect(parse(trendSvg('BenchmarkJoin-2 (B/op)', 'B/op', points([16, 16]))).children[0]?.text).toBe(
      'BenchmarkJoin-2 (B/op): trend of the last 2 runs',
    );
    expect(root.children[1]?.name).toBe('desc');
    expect(root.children[1]?.text).toContain('21000, 20500, 21200, 20900, 26000');
    expect(root.children[1]?.text).toContain('This run: 26000 (regressed)');
    const line = all(root).find((e) => e.name === 'polyline');
    expect(line?.attributes.points?.split(' ')).toHaveLength(5);
    const head = all(root).filter((e) => e.name === 'circle');
    expect(head).toHaveLength(1);
    // the highest value is the head: drawn at the right end, at the top of the plot
    expect(head[0]?.attributes).toMatchObject({ cx: '232', cy: '15', fill: '#cf222e' });
    const texts = all(root)
      .filter((e) => e.name === 'text')
      .map((e) => e.text);
    expect(texts).toEqual(['max 26000 ns/op', 'min 20500 ns/op', '26000 ns/op', '5 runs']);
    // nothing that runs or loads: no script, no link, no foreign element, no event handler
    for (const e of all(root)) {
      expect(['svg', 'title', 'desc', 'rect', 'polyline', 'circle', 'text']).toContain(e.name);
      for (const [k, v] of Object.entries(e.attributes)) {
        expect(k).not.toMatch(/^on|href$/i);
        expect(v).not.toMatch(/url\(|javascript:|data:/i);
      }
    }
  });

  it('colours the head point by verdict: red regressed, green improved, grey otherwise', () => {
    const fill = (verdict?: string) =>
      all(parse(trendSvg('m', 's', points([1, 2, 3]), verdict ? { verdict } : {}))).find(
        (e) => e.name === 'circle',
      )?.attributes.fill;
    expect(fill('regressed')).toBe('#cf222e');
    expect(fill('improved')).toBe('#1a7f37');
    expect([fill('unchanged'), fill('inconclusive'), fill('no baseline'), fill()]).toEqual(
      Array(4).fill('#57606a'),
    );
  });

  it('escapes a hostile metric name and unit: they stay text, byte for byte', () => {
    const name = '</svg><script>alert(1)</script><svg onload="x"> "&\' ]]> &amp;';
    const unit = '<b>"ms"</b>&\'';
    const svg = trendSvg(name, unit, points([3, 2, 1]), { verdict: 'improved' });
    const root = parse(svg);
    expect(all(root).map((e) => e.name)).not.toContain('script');
    expect(all(root).filter((e) => e.name === 'svg')).toHaveLength(1);
    expect(root.children[0]?.text).toBe(`${name} (${unit}): trend of the last 3 runs`);
    // labels clip the unit to 10 characters, still escaped
    expect(all(root).find((e) => e.name === 'text')?.text).toBe('max 3 <b>"ms"</…');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('onload="x"');
  });

  it('replaces what XML 1.0 cannot hold (control characters, lone surrogates) and keeps emoji whole', () => {
    expect(xmlText('a\u0000b\u001bc\ud800d\udfffe\ufffe')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffd');
    expect(xmlText('tab\tnl\n🚀')).toBe('tab\tnl\n🚀');
    const root = parse(trendSvg('bad\u0001name\ud83d', '\u0007s', points([1, 2])));
    expect(root.children[0]?.text).toBe('bad\ufffdname\ufffd (\ufffds): trend of the last 2 runs');
  });

  it('same input, same bytes; only the last N points are drawn', () => {
    const values = Array.from({ length: 30 }, (_, i) => 100 + ((i * 37) % 11));
    const a = trendSvg('work', 's', points(values), { verdict: 'unchanged', last: 20 });
    const b = trendSvg('work', 's', points([...values]), { verdict: 'unchanged', last: 20 });
    expect(a).toBe(b);
    const line = all(parse(a)).find((e) => e.name === 'polyline');
    expect(line?.attributes.points?.split(' ')).toHaveLength(20);
    expect(a).toContain('20 runs');
    expect(trendSvg('work', 's', points(values), { last: 5 })).toContain(values.slice(-5).join(', '));
  });

  it('one point: no line, the head point alone; equal values: a flat line in the middle', () => {
    const one = parse(trendSvg('m', 'ms', points([5])));
    expect(all(one).some((e) => e.name === 'polyline')).toBe(false);
    expect(all(one).filter((e) => e.name === 'circle')).toHaveLength(1);
    const flat = all(parse(trendSvg('m', 'ms', points([5, 5, 5])))).find((e) => e.name === 'polyline');
    expect(flat?.attributes.points).toBe('8,30 120,30 232,30');
    const none = parse(trendSvg('m', 'ms', points([Number.NaN])));
    expect(all(none).map((e) => e.text)).toContain('no data');
  });

  it('slugs are stable, URL-safe and distinct for names that differ only in case or punctuation', () => {
    expect(trendSlug('BenchmarkFib20-2')).toBe(trendSlug('BenchmarkFib20-2'));
    expect(trendSlug('BenchmarkFib20-2')).toMatch(/^benchmarkfib20-2-[0-9a-f]{10}$/);
    const names = ['a b', 'a-b', 'A B', 'a_b', '</svg><script>', '"&\'', '', '🚀', 'x'.repeat(300)];
    const slugs = names.map(trendSlug);
    expect(new Set(slugs).size).toBe(names.length);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9-]{10,51}$/);
  });
});

describe('trend files and the comment', () => {
  const result: PerfGateResult = {
    mode: 'history',
    metrics: [
      {
        name: 'parse | [x](y)',
        unit: 'ms',
        direction: 'smaller',
        base: { median: 10, n: 5 },
        head: { median: 12, n: 10 },
        change: { estimate: 20, low: 15, high: 25 },
        verdict: 'regressed',
        baseline: 'history',
      },
    ],
    limits: [],
    verdict: 'warn',
    notes: [],
    trends: [{ name: 'parse | [x](y)', unit: 'ms', points: points([10, 10.2, 9.9, 12]) }],
  };

  it('one file per metric, coloured by its verdict', () => {
    const [f] = trendFiles(result, 20);
    expect(f).toMatchObject({ name: 'parse | [x](y)', unit: 'ms', points: 4 });
    expect(f?.file).toBe(`${trendSlug('parse | [x](y)')}.svg`);
    expect(f?.svg).toContain('fill="#cf222e"');
  });

  it('the comment links the images, escaped; without images it keeps the Mermaid chart', () => {
    const url = 'https://ghe.example.com/o/r/raw/abc/perf/trends/parse-x-y-123.svg';
    const md = renderPerfGate(result, { trendPoints: 20, trendImages: new Map([['parse | [x](y)', url]]) });
    expect(md).toContain('| metric | trend |');
    expect(md).toContain(`| parse \\| \\[x\\](y) | ![parse \\| \\[x\\](y) trend](${url}) |`);
    expect(md).not.toContain('```mermaid');
    const mermaid = renderPerfGate(result, { trendPoints: 20 });
    expect(mermaid).toContain('```mermaid\nxychart-beta');
    expect(mermaid).not.toContain('![');
  });
});
