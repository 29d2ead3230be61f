// The byte scanner (xml-scan.ts) reads coverage XML in place of saxes when it can, and leaves the
// report to saxes when it cannot: either way the readers must give what saxes alone gives, refusals
// included. Compared here over every XML case of the differential test, over the same reports cut
// into reads of a few bytes, and over thousands of damaged copies of them (a byte deleted, doubled
// or replaced by one of XML's special characters), where most must be refused exactly as saxes
// refuses them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readClover } from '../../src/gate/coverage/clover.js';
import { readCobertura } from '../../src/gate/coverage/cobertura.js';
import { readJacoco } from '../../src/gate/coverage/jacoco.js';
import { setXmlMode, type XmlMode } from '../../src/gate/coverage/xml.js';
import { FIXTURES } from './tool-summaries.js';
import { readAll, type XmlCase, xmlCases } from './xml-cases.js';

const dir = mkdtempSync(join(tmpdir(), 'shipkit-xml-scanner-'));
const readers = { cobertura: readCobertura, jacoco: readJacoco, clover: readClover };
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const cases = xmlCases(FIXTURES);

function readIn(m: XmlMode, list: XmlCase[]) {
  setXmlMode(m);
  try {
    return readAll(list, readers, write);
  } finally {
    setXmlMode('auto');
  }
}

afterEach(() => setXmlMode('auto'));

describe('the XML scanner reads what saxes reads', () => {
  const bySaxes = readIn('saxes', cases);
  const auto = readIn('auto', cases);
  it.each(cases.map((c) => c.name))('%s', (name) => {
    expect(auto[name]).toEqual(bySaxes[name]);
  });
});

describe('the XML scanner reads reports cut into small reads', () => {
  const real = cases.filter((c) => !c.name.includes(' '));
  const bySaxes = readIn('saxes', real);
  it.each([1, 7, 64, 4096])('first read of %i bytes', (chunk) => {
    setXmlMode('auto', chunk);
    expect(readAll(real, readers, write)).toEqual(bySaxes);
  });
});

/** A small deterministic generator (mulberry32), so a failing case can be run again. */
function random(seed: number) {
  let a = seed;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
  };
}

/** What damage is done: text put in at a random place (or the byte there deleted or doubled). */
const DAMAGE = [
  '', // delete
  'dup',
  'cut',
  'dup attribute',
  '<',
  '>',
  '/',
  '&',
  '"',
  "'",
  '=',
  ' ',
  '\r',
  '\r\n',
  '\t',
  '\n',
  ']]>',
  '<!--',
  '-->',
  '--',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x41;',
  '&#X41;',
  '&#65;',
  '&#1114112;',
  '&foo;',
  '<?pi x?>',
  '<![CDATA[x]]>',
  '<!DOCTYPE x>',
  '<a/>',
  '</a>',
  ' x="1"',
  '\u0001',
  '\u007f',
  '\ufffe',
  '\ufffd',
  'é',
  '\ud83d\ude00',
  '\u00a0',
  ':',
  '-',
  '.',
  '0',
];

describe('the XML scanner refuses what saxes refuses', () => {
  const bases = [
    'gcovr/gcovr-cobertura.xml',
    'jacoco/jacoco.xml',
    'c8/full/clover.xml',
    'foreign/c8/cobertura-coverage.xml',
    'foreign/coveragepy/coverage.xml',
  ].map((name) => cases.find((c) => c.name === name) as XmlCase);
  const damaged: XmlCase[] = [];
  const r = random(15);
  for (const base of bases) {
    const bytes = Buffer.from(base.text);
    for (let n = 0; n < 300; n++) {
      // Near the start half the time: the declaration, the DOCTYPE and the root are there.
      const at = Math.floor(r(2) < 1 ? r(Math.min(400, bytes.length)) : r(bytes.length));
      const what = DAMAGE[Math.floor(r(DAMAGE.length))] as string;
      const put =
        what === 'cut' || what === 'dup attribute'
          ? Buffer.alloc(0)
          : what === 'dup'
            ? bytes.subarray(at, at + 1 + Math.floor(r(40)))
            : what === 'é' && r(2) < 1
              ? Buffer.from([0xc3]) // a UTF-8 sequence cut short
              : Buffer.from(what);
      let text = Buffer.concat([
        bytes.subarray(0, at),
        put,
        bytes.subarray(what === '' ? at + 1 : at),
      ]).toString('latin1');
      if (what === 'cut') text = bytes.subarray(0, at).toString('latin1');
      if (what === 'dup attribute') {
        const t = bytes.toString('latin1');
        const m = / [a-z-]+="[^"]*"/.exec(t.slice(at));
        text = m ? t.slice(0, at + m.index) + m[0] + t.slice(at + m.index) : t;
      }
      damaged.push({
        name: `${base.name} #${n} ${JSON.stringify(what)} at ${at}`,
        reader: base.reader,
        text,
      });
    }
  }
  const writeBytes = (name: string, text: string) => {
    writeFileSync(join(dir, name), Buffer.from(text, 'latin1'));
    return join(dir, name);
  };
  const read = (m: XmlMode) => {
    setXmlMode(m, 256);
    try {
      return readAll(damaged, readers, writeBytes);
    } finally {
      setXmlMode('auto');
    }
  };
  const bySaxes = read('saxes');
  const auto = read('auto');
  it('every damaged report gives what saxes gives, refusals named by file and line', () => {
    const differ = damaged
      .map((c) => c.name)
      .filter((n) => JSON.stringify(auto[n]) !== JSON.stringify(bySaxes[n]));
    expect(differ.slice(0, 5).map((n) => ({ n, auto: auto[n], saxes: bySaxes[n] }))).toEqual([]);
    const refused = Object.values(bySaxes).filter((v) => JSON.stringify(v).includes('"refused"'));
    expect(refused.length).toBeGreaterThan(damaged.length / 3);
  });
});

describe('the XML scanner leaves to saxes, or refuses as saxes does, odd and broken documents', () => {
  const doc = (body: string) => `<?xml version="1.0"?>\n<coverage>${body}</coverage>\n`;
  const line = '<line number="1" hits="2"/>';
  const cls = (inner: string) =>
    `<packages><package><classes><class filename="a.js">${inner}</class></classes></package></packages>`;
  const small: [string, string][] = [
    ['plain', doc(cls(line))],
    ['no declaration', `<coverage>${cls(line)}</coverage>`],
    ['BOM', `\ufeff${doc(cls(line))}`],
    ['BOM then space', `\ufeff ${doc(cls(line))}`],
    ['declaration after space', ` ${doc(cls(line))}`],
    ['declaration, version 1.1', doc(cls(line)).replace('1.0', '1.1')],
    ['declaration, encoding', doc(cls(line)).replace('"1.0"', '"1.0" encoding="latin-1"')],
    ['declaration, bad encoding', doc(cls(line)).replace('"1.0"', '"1.0" encoding="-x"')],
    ['declaration, standalone maybe', doc(cls(line)).replace('"1.0"', '"1.0" standalone="maybe"')],
    ['declaration, no version', doc(cls(line)).replace(' version="1.0"', '')],
    ['declaration twice', `<?xml version="1.0"?>${doc(cls(line))}`],
    ['a processing instruction', doc(`<?keep me?>${cls(line)}`)],
    ['a comment', doc(`<!-- a comment -->${cls(line)}<!---->`)],
    ['a comment with --', doc(`<!-- a -- comment -->${cls(line)}`)],
    ['a comment ending --->', doc(`<!-- a --->${cls(line)}`)],
    ['a comment after the root', `${doc(cls(line))}<!-- end -->\n`],
    ['text after the root', `${doc(cls(line))}x`],
    ['text before the root', `x${doc(cls(line))}`],
    ['a second root', `${doc(cls(line))}<coverage/>`],
    ['no root', '<?xml version="1.0"?>\n<!-- nothing -->\n'],
    ['cut in the declaration', '<?xml version="1.0"?'],
    ['cut after a BOM', '\ufeff'],
    ['one byte', '<'],
    ['empty', ''],
    ['root unclosed', doc(cls(line)).replace('</coverage>', '')],
    ['root closed twice', `${doc(cls(line))}</coverage>`],
    ['close tag mismatched', doc(cls(line).replace('</class>', '</klass>'))],
    ['close tag with space', doc(cls(line).replace('</class>', '</class  \n >'))],
    ['empty close tag', doc(cls(line).replace('</class>', '</>'))],
    ['duplicate attribute', doc(cls('<line number="1" hits="2" hits="3"/>'))],
    ['no space between attributes', doc(cls('<line number="1"hits="2"/>'))],
    ['attribute without value', doc(cls('<line number="1" hits/>'))],
    ['unquoted value', doc(cls('<line number=1 hits="2"/>'))],
    ['< in a value', doc(cls('<line number="1" hits="2<"/>'))],
    ['> in a value', doc(cls('<line number="1" hits="2" branch="a>b"/>'))],
    ['spaces around =', doc(cls('<line number = "1" hits=\n"2"/>'))],
    ['newline and tab in a value', doc(cls('<line number="1" hits="2"/>').replace('a.js', 'a\n\tb\r\n.js'))],
    [
      'entities in a value',
      doc(cls(line).replace('a.js', '&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;.js')),
    ],
    ['undefined entity', doc(cls(line).replace('a.js', '&nbsp;.js'))],
    ['entity without ;', doc(cls(line).replace('a.js', 'a&b.js'))],
    ['char ref to a forbidden char', doc(cls(line).replace('a.js', '&#1;.js'))],
    ['char ref too large', doc(cls(line).replace('a.js', '&#x110000;.js'))],
    ['char ref X', doc(cls(line).replace('a.js', '&#X41;.js'))],
    ['non-ASCII path', doc(cls(line).replace('a.js', 'é✓😀.js'))],
    ['U+FFFE in a path', doc(cls(line).replace('a.js', '\ufffe.js'))],
    ['U+FFFE in text', doc(`${cls(line)}\ufffe`)],
    ['a control char in text', doc(`${cls(line)}\u0001`)],
    ['a control char in a value', doc(cls(line).replace('a.js', 'a\u0001.js'))],
    ['text with an entity', doc(`&amp;${cls(line)}`)],
    ['text with ]]>', doc(`]]>${cls(line)}`)],
    ['CDATA', doc(`<![CDATA[x]]>${cls(line)}`)],
    ['lone CR', doc(`\r${cls(line)}`)],
    ['CRLF', doc(`\r\n${cls(line)}\r\n`)],
    ['CR in a tag', doc(cls('<line\rnumber="1" hits="2"/>'))],
    ['name with a non-ASCII letter', doc(cls('<lïne number="1" hits="2"/>'))],
    ['name starting with a digit', doc(cls('<1line number="1" hits="2"/>'))],
    ['< then space', doc(`< ${cls(line)}`)],
    ['DOCTYPE', `<?xml version="1.0"?><!DOCTYPE coverage SYSTEM "x.dtd">${doc(cls(line)).slice(21)}`],
    ['DOCTYPE with > quoted', `<!DOCTYPE coverage SYSTEM "x>.dtd"><coverage>${cls(line)}</coverage>`],
    [
      'DOCTYPE with <!ENTITY quoted',
      `<!DOCTYPE coverage SYSTEM "<!ENTITY x>"><coverage>${cls(line)}</coverage>`,
    ],
    [
      'DOCTYPE with a subset',
      `<!DOCTYPE coverage [<!ELEMENT coverage ANY>]><coverage>${cls(line)}</coverage>`,
    ],
    ['DOCTYPE twice', `<!DOCTYPE coverage><!DOCTYPE coverage><coverage>${cls(line)}</coverage>`],
    ['DOCTYPE after the root', `<coverage>${cls(line)}</coverage><!DOCTYPE coverage>`],
    ['another root element', `<report>${cls(line)}</report>`],
    ['a bad number on line 3', `<coverage>\n\n${cls('<line number="x" hits="2"/>')}</coverage>`],
    [
      'source text',
      doc(`<sources><source>/a/b</source><source> \n/c&amp;d </source><source/></sources>${cls(line)}`),
    ],
    ['source text with CRLF', doc(`<sources><source>/a\r\n/b</source></sources>${cls(line)}`)],
    ['source text with a comment', doc(`<sources><source>/a<!-- x -->/b</source></sources>${cls(line)}`)],
    ['source text non-ASCII', doc(`<sources><source>/é</source></sources>${cls(line)}`)],
  ];
  const list: XmlCase[] = small.map(([name, text]) => ({ name, reader: 'cobertura', text }));
  it.each([1, 3, 1 << 20])('first read of %i bytes', (chunk) => {
    const bySaxes = readIn('saxes', list);
    setXmlMode('auto', chunk);
    const auto = readAll(list, readers, write);
    for (const c of list)
      expect({ name: c.name, ...(auto[c.name] as object) }).toEqual({
        name: c.name,
        ...(bySaxes[c.name] as object),
      });
  });
});

describe('the XML scanner reads the reports tools write itself', () => {
  it.each(cases.filter((c) => !c.name.startsWith('refused')).map((c) => c.name))('%s', (name) => {
    const c = cases.filter((x) => x.name === name);
    const bySaxes = readIn('saxes', c);
    const scanned = readIn('scanner', c);
    expect(scanned).toEqual(bySaxes);
  });
});
