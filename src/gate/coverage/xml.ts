import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { openFile } from '../../fs/read.js';
import { reportError } from './source.js';
import { UNSUPPORTED, XmlScanner } from './xml-scan.js';

export interface XmlHandlers {
  /** The element the report must start with, and the format's name for the error when it does not. */
  root: string;
  format: string;
  /** An element opens: its name, its attributes, the line it starts on. */
  open: (name: string, attributes: Record<string, string>, line: number) => void;
  close?: (name: string) => void;
  /**
   * The text inside each `textOf` element (Cobertura's `<source>`). Text is collected only inside
   * such an element: saxes slices and joins every run of whitespace between tags while a text
   * handler is set, which costs a third of a pass over a large report.
   */
  text?: { of: string; handle: (text: string) => void };
}

// 64 KiB: each chunk's text stays in the young generation (a 1 MiB string goes to the large-object
// space and lives until the next full GC, which is what made a 200 MB report's RSS grow).
const CHUNK = 1 << 16;

/**
 * How reports are read: `auto` with the byte scanner of xml-scan.ts, and again with saxes when the
 * scanner leaves a report to it; `saxes` with saxes only; `scanner` with the scanner only (a report
 * it leaves to saxes is an error). The last two are for tests that compare them.
 */
export type XmlMode = 'auto' | 'saxes' | 'scanner';
let mode: XmlMode = 'auto';
/** Whether the reader running now streams with the scanner (it does on its first try in `auto`). */
let scanning = false;

/** The scanner's first read (it grows for a longer element): small in tests, to cut reports anywhere. */
let scanChunk = 1 << 20;

export function setXmlMode(m: XmlMode, chunk = 1 << 20): void {
  mode = m;
  scanChunk = chunk;
}

/**
 * A reader of one XML report (a function that calls streamXml once, and has no effect but its
 * result) that tries the byte scanner first and, when the scanner leaves the report to saxes, runs
 * again from the start with saxes: the same result, errors included, either way.
 */
export function xmlReader<A extends unknown[], T>(read: (...args: A) => T): (...args: A) => T {
  return (...args: A): T => {
    if (mode !== 'saxes') {
      scanning = true;
      try {
        return read(...args);
      } catch (err) {
        if (err !== UNSUPPORTED) throw err;
        if (mode === 'scanner') throw new Error('the XML scanner left this report to saxes');
      } finally {
        scanning = false;
      }
    }
    return read(...args);
  };
}

/**
 * Streams an XML file through saxes, 64 KiB at a time, refusing one whose root element is not `root`. saxes is non-validating: a DOCTYPE is read
 * as text and never fetched, and an entity the document declares itself is refused as undefined,
 * so no external entity is ever loaded and no entity expands. Errors name the file and line.
 */
export function streamXml(path: string, file: string, handlers: XmlHandlers): void {
  if (scanning) {
    scanXml(path, file, handlers);
    return;
  }
  const parser = new SaxesParser({ xmlns: false, position: true });
  const { root, format } = handlers;
  const { open, close, text } = handlers;
  // Per element only what each element needs: the root check on the first one only, the text
  // toggle only for a reader that collects text.
  const each = text
    ? (tag: SaxesTagPlain) => {
        if (tag.name === text.of && !tag.isSelfClosing) parser.on('text', text.handle);
        open(tag.name, tag.attributes, parser.line);
      }
    : (tag: SaxesTagPlain) => open(tag.name, tag.attributes, parser.line);
  parser.on('opentag', (tag) => {
    if (tag.name !== root) {
      throw reportError(file, parser.line, `a ${format} report starts with <${root}>, not <${tag.name}>`);
    }
    parser.on('opentag', each);
    each(tag);
  });
  if (text) {
    parser.on('closetag', (tag) => {
      if (tag.name === text.of) parser.off('text');
      close?.(tag.name);
    });
  } else if (close) {
    parser.on('closetag', (tag) => close(tag.name));
  }
  let failure: Error | undefined;
  let failureLine = 0;
  let lastLine = 1;
  parser.on('error', (err) => {
    failure ??= err;
    failureLine = Math.max(failureLine, parser.line);
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw reportError(
        file,
        parser.line,
        'the DOCTYPE declares entities: shipkit never expands or fetches them',
        'Coverage tools do not write entity declarations; regenerate the report.',
      );
    }
  });
  const f = openFile(path, { kind: 'coverage', what: 'the coverage report', file });
  const buffer = Buffer.allocUnsafe(CHUNK);
  const decoder = new StringDecoder('utf8');
  try {
    for (;;) {
      const read = f.read(buffer, 0, CHUNK);
      if (read === 0) break;
      parser.write(decoder.write(buffer.subarray(0, read)));
      lastLine = parser.line;
      if (failure) throw failure;
    }
    parser.write(decoder.end());
    parser.close();
    if (failure) throw failure;
  } catch (err) {
    if (!(err instanceof Error) || err.name === 'ShipkitError') throw err;
    // saxes prefixes its messages with line:column; keep only the explanation.
    const why = err.message.replace(/^[^:]*:\d+:\d+: /, '').replace(/^\d+:\d+: /, '');
    throw reportError(
      file,
      Math.max(failureLine, lastLine),
      `not well-formed XML: ${why}`,
      'The report is truncated or corrupt; regenerate it.',
    );
  } finally {
    f.close();
  }
}

/** streamXml with the byte scanner: the same events and lines, or UNSUPPORTED. */
function scanXml(path: string, file: string, handlers: XmlHandlers): void {
  const { root, format, open, close, text } = handlers;
  const f = openFile(path, { kind: 'coverage', what: 'the coverage report', file });
  try {
    new XmlScanner(
      f,
      {
        root(name, line) {
          if (name !== root)
            throw reportError(file, line, `a ${format} report starts with <${root}>, not <${name}>`);
        },
        open,
        close: close ?? (() => {}),
        ...(text ? { textOf: text.of, text: text.handle } : {}),
      },
      scanChunk,
    ).run();
  } finally {
    f.close();
  }
}

/** A numeric attribute, or an error naming the file, line and attribute. */
export function numberAttr(
  attributes: Record<string, string>,
  name: string,
  file: string,
  line: number,
  element: string,
): number {
  const raw = attributes[name];
  if (raw !== undefined && raw !== '') {
    const v = toNumber(raw);
    if (Number.isFinite(v)) return v;
  }
  throw reportError(
    file,
    line,
    `<${element}> needs a numeric ${name}= attribute (got ${JSON.stringify(raw ?? null)})`,
  );
}

/** `Number(raw)`, with plain digits (nearly every number in a report) read in place. */
export function toNumber(raw: string): number {
  const n = raw.length;
  if (n > 0 && n < 16) {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return Number(raw);
      v = v * 10 + d;
    }
    return v;
  }
  return Number(raw);
}
