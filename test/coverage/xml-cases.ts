// The XML coverage inputs of the differential test (xml-differential.test.ts) and how a reader's
// output is written down for comparison. Shared with test/fixtures/coverage/xml-golden/make.mjs,
// which ran the readers of the commit before they were tuned over these same inputs; so this file
// takes the readers as arguments and imports none.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface XmlCase {
  /** A stable name: the fixture's path, or the fixture's path and the change made to it. */
  name: string;
  reader: 'cobertura' | 'jacoco' | 'clover';
  text: string;
}

type Reader = (path: string, ctx: { file: string; warn: (m: string) => void }) => unknown;
export type Readers = Record<XmlCase['reader'], Reader>;

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return xmlFiles(p);
    return n.endsWith('.xml') || n.endsWith('.xml.gz') ? [p] : [];
  });
}

function readerOf(text: string): XmlCase['reader'] {
  if (/<report[\s>]/.test(text.slice(0, 2000))) return 'jacoco';
  return /<project[\s>]/.test(text.slice(0, 4000)) ? 'clover' : 'cobertura';
}

/** Replaces the k-th match of `attr="value"` by `change(value, k)`. */
function everyAttr(text: string, attr: string, change: (value: string, k: number) => string): string {
  let k = 0;
  return text.replace(new RegExp(`(\\s${attr}=")([^"]*)"`, 'g'), (_, head: string, v: string) => {
    return `${head}${change(v, k++)}"`;
  });
}

/** Numbers written the ways JavaScript's Number() reads differently from plain digits. */
const ODD_NUMBERS: ((v: string) => string)[] = [
  (v) => v,
  (v) => `${v}.5`,
  (v) => ` ${v}`,
  (v) => `${v} `,
  (v) => `+${v}`,
  (v) => `${v}e0`,
  (v) => `0x${Number(v).toString(16)}`,
  (v) => `-${v}`,
  (v) => `00${v}`,
  (v) => `${v}.0`,
  (v) => `4294967296${v}`,
  (v) => `99999999999999999999${v}`,
  (v) => `${v}0000000000`,
  (v) => `0${v}`,
  (v) => `\t${v}`,
  (v) => `${v}.`,
  (v) => `.${v}`,
  (v) => `0b${Number(v).toString(2)}`,
  (v) => `0o${Number(v).toString(8)}`,
  (v) => `${v}&#48;`,
];
const odd = (v: string, k: number) =>
  /^\d+$/.test(v) ? (ODD_NUMBERS[k % ODD_NUMBERS.length] ?? String)(v) : v;

/** Condition coverage written as tools do and as they might. */
const CONDITIONS: ((c: string) => string)[] = [
  (c) => c,
  (c) => c.replace('/', ' / '),
  (c) => c.replace(/^.*\(/, '('),
  (c) => c.replace(' (', '('),
  (c) => `x (a/b) ${c}`,
  (c) => `${c} (9/9)`,
  (c) => c.replace('(', '( '),
  (c) => c.replace(/\((\d+)/, '(0$1'),
];

/** Every XML report under `fixtures` (gzipped ones unpacked), then odd variants of real ones. */
export function xmlCases(fixtures: string): XmlCase[] {
  const cases: XmlCase[] = [];
  for (const path of xmlFiles(fixtures).sort()) {
    const raw = readFileSync(path);
    const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    cases.push({ name: relative(fixtures, path), reader: readerOf(text), text });
  }
  const real = (p: string) => readFileSync(join(fixtures, p), 'utf8');
  const gcovr = real('gcovr/gcovr-cobertura.xml');
  const c8 = real('c8/full/cobertura-coverage.xml');
  const jacoco = real('jacoco/jacoco.xml');
  const clover = real('c8/full/clover.xml');
  const variant = (name: string, reader: XmlCase['reader'], text: string) =>
    cases.push({ name, reader, text });
  for (const [base, text] of [
    ['gcovr/gcovr-cobertura.xml', gcovr],
    ['c8/full/cobertura-coverage.xml', c8],
  ] as const) {
    variant(`${base} odd hits`, 'cobertura', everyAttr(text, 'hits', odd));
    variant(`${base} odd line numbers`, 'cobertura', everyAttr(text, 'number', odd));
    variant(
      `${base} lines past 65536`,
      'cobertura',
      everyAttr(text, 'number', (v, k) => (k % 2 ? String(Number(v) + 65536 * (k % 5)) : v)),
    );
    variant(`${base} CRLF`, 'cobertura', text.replaceAll('\n', '\r\n'));
    variant(`${base} single quotes`, 'cobertura', text.replace(/="([^"]*)"/g, "='$1'"));
    variant(
      `${base} attributes reordered`,
      'cobertura',
      text.replace(/<line number="(\d+)" hits="(\d+)"/g, '<line hits="$2"  number="$1"'),
    );
    variant(
      `${base} entities in paths`,
      'cobertura',
      everyAttr(text, 'filename', (v) => v.replace('/', '&#47;')),
    );
    variant(
      `${base} no filename root`,
      'cobertura',
      everyAttr(text, 'filename', (v, k) => (k % 3 ? v : `/abs/${v}`)),
    );
  }
  variant(
    'gcovr/gcovr-cobertura.xml odd condition-coverage',
    'cobertura',
    everyAttr(gcovr, 'condition-coverage', (v, k) => (CONDITIONS[k % CONDITIONS.length] ?? String)(v)),
  );
  {
    const open = c8.indexOf('<packages>') + '<packages>'.length;
    const close = c8.lastIndexOf('</packages>');
    const twice = c8.slice(0, close) + c8.slice(open, close) + c8.slice(close);
    variant('c8/full/cobertura-coverage.xml classes twice', 'cobertura', twice);
    variant(
      'c8/full/cobertura-coverage.xml classes twice, hits odd in the second',
      'cobertura',
      c8.slice(0, close) + everyAttr(c8.slice(open, close), 'hits', odd) + c8.slice(close),
    );
  }
  variant(
    'c8/full/cobertura-coverage.xml method hits odd',
    'cobertura',
    c8.replace(/(<method [^>]*hits=")(\d+)"/g, (_, h: string, v: string) => `${h}${odd(v, v.length + 1)}"`),
  );
  variant(
    'c8/full/cobertura-coverage.xml empty sources',
    'cobertura',
    c8.replace(/<source>[^<]*</g, '<source>  <'),
  );
  for (const attr of ['nr', 'mi', 'ci', 'mb', 'cb', 'covered', 'line']) {
    variant(`jacoco/jacoco.xml odd ${attr}`, 'jacoco', everyAttr(jacoco, attr, odd));
  }
  variant(
    'jacoco/jacoco.xml each line twice, the second one missed',
    'jacoco',
    jacoco.replace(
      /<line [^>]*\/>/g,
      (l) => l + l.replace(/ mi="\d+"/, ' mi="1"').replace(/ ci="\d+"/, ' ci="0"'),
    ),
  );
  variant(
    'jacoco/jacoco.xml lines past 65536',
    'jacoco',
    everyAttr(jacoco, 'nr', (v, k) => (k % 2 ? String(Number(v) + 65536 * (k % 5)) : v)),
  );
  variant('jacoco/jacoco.xml pretty-printed', 'jacoco', jacoco.replaceAll('><', '>\n  <'));
  variant(
    'jacoco/jacoco.xml no package name',
    'jacoco',
    jacoco.replace(/<package name="[^"]*"/g, '<package'),
  );
  for (const attr of ['num', 'count', 'truecount', 'falsecount', 'statements', 'conditionals']) {
    variant(`c8/full/clover.xml odd ${attr}`, 'clover', everyAttr(clover, attr, odd));
  }
  // Refusals: the error's message, hint and location must not change either.
  const broken: [string, XmlCase['reader'], string][] = [
    ['gcovr cut in half', 'cobertura', gcovr.slice(0, gcovr.length >> 1)],
    ['gcovr line without hits', 'cobertura', gcovr.replace(/ hits="\d+"/, '')],
    ['gcovr hits empty', 'cobertura', gcovr.replace(/ hits="\d+"/, ' hits=""')],
    ['gcovr hits Infinity', 'cobertura', gcovr.replace(/(<line [^>]*)hits="\d+"/, '$1hits="1e400"')],
    ['gcovr hits NaN', 'cobertura', gcovr.replace(/(<line [^>]*)hits="\d+"/, '$1hits="12abc"')],
    ['gcovr number missing', 'cobertura', gcovr.replace(/<line number="\d+"/, '<line')],
    ['gcovr branch without condition', 'cobertura', gcovr.replace(/ condition-coverage="[^"]*"/, '')],
    [
      'gcovr branch condition odd',
      'cobertura',
      gcovr.replace(/ condition-coverage="[^"]*"/, ' condition-coverage="50%"'),
    ],
    ['gcovr class without filename', 'cobertura', gcovr.replace(/ filename="[^"]*"/, '')],
    ['c8 method hits bad', 'cobertura', c8.replace(/(<method [^>]*hits=")\d+"/, '$1x"')],
    ['gcovr unclosed tag', 'cobertura', gcovr.replace('</lines>', '</line>')],
    ['gcovr bad entity', 'cobertura', gcovr.replace('hits="', 'hits="&foo;')],
    [
      'gcovr doctype entity',
      'cobertura',
      gcovr.replace(/<!DOCTYPE[^>]*>/, '<!DOCTYPE coverage [<!ENTITY a "b">]>'),
    ],
    ['gcovr as jacoco', 'jacoco', gcovr],
    ['jacoco as cobertura', 'cobertura', jacoco],
    ['jacoco nr bad', 'jacoco', jacoco.replace(/<line nr="\d+"/, '\n\n<line nr="x"')],
    ['jacoco ci missing', 'jacoco', jacoco.replace(/ ci="\d+"/, '')],
    [
      'jacoco counter covered bad',
      'jacoco',
      jacoco.replace(/(type="METHOD" missed="\d+") covered="\d+"/, '$1 covered="-"'),
    ],
    ['clover num bad', 'clover', clover.replace(/<line num="\d+"/, '<line num="1x"')],
    ['clover file without path', 'clover', clover.replace(/<file name="[^"]*" path="[^"]*"/, '<file')],
    ['clover truecount missing', 'clover', clover.replace(/ truecount="\d+"/, '')],
    ['clover cut', 'clover', clover.slice(0, 5000)],
    ['clover text after root', 'clover', `${clover}junk`],
  ];
  for (const [name, reader, text] of broken) variant(`refused: ${name}`, reader, text);
  return cases;
}

/** A reader's output, or its refusal, as plain data: Maps as entry lists, in their order. */
export function snapshot(run: () => unknown): unknown {
  try {
    return plain(run());
  } catch (err) {
    const e = err as { name?: string; message?: string; hint?: string; location?: unknown };
    return { refused: { name: e.name, message: e.message, hint: e.hint, location: e.location } };
  }
}

function plain(v: unknown): unknown {
  // Maps and what reads as one (LineHits): their entries in order, not how they are stored.
  if (v instanceof Map || (v && typeof v === 'object' && 'entries' in v && 'get' in v)) {
    return { map: [...(v as Map<unknown, unknown>).entries()].map(([k, x]) => [plain(k), plain(x)]) };
  }
  if (v instanceof Set) return { set: [...v].map(plain) };
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, plain(x)]),
    );
  }
  if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))
    return Object.is(v, -0) ? '-0' : String(v);
  return v;
}

/** Every case read by `readers` from files written into `dir`: name → snapshot. */
export function readAll(
  cases: XmlCase[],
  readers: Readers,
  write: (name: string, text: string) => string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  cases.forEach((c, i) => {
    const path = write(`case${i}.xml`, c.text);
    const warnings: string[] = [];
    const result = snapshot(() => readers[c.reader](path, { file: c.name, warn: (m) => warnings.push(m) }));
    out[c.name] = { result, warnings };
  });
  return out;
}
