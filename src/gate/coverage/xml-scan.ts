// A byte-level reader for the XML that coverage tools write: elements, attributes (quoted, with the
// predefined entities and character references), whitespace, comments, an XML declaration and a
// DOCTYPE without an internal subset. It gives the handlers exactly the events and lines saxes gives,
// and reads a well-formed report several times faster. Anything else (CDATA, processing
// instructions, text with entities, an internal subset, a lone CR, a character XML forbids, any
// well-formedness error) is not its business: it throws UNSUPPORTED and the caller reads the whole
// report again with saxes, which reads every form and words every error. So it must never accept a
// document saxes refuses; refusing more than saxes only costs time.
import type { BoundedFile } from '../../fs/read.js';
import { fail, NAME, newAttributes, PLAIN, reference, utf8, XML_DECL } from './xml-chars.js';

export { UNSUPPORTED } from './xml-chars.js';

export interface ScanHandlers {
  /** The first element opens (the root), before `open` is called for it. */
  root: (name: string, line: number) => void;
  open: (name: string, attributes: Record<string, string>, line: number) => void;
  close: (name: string) => void;
  /** Text is given to `text` between the open and the close of each `textOf` element. */
  textOf?: string;
  text?: (text: string) => void;
}

const NEED = -1;
const MAX_BUFFER = 1 << 26;

export class XmlScanner {
  private b: Buffer;
  private end = 0;
  private eof = false;
  line = 1;
  private readonly stack: string[] = [];
  private sawRoot = false;
  private closedRoot = false;
  private doctype = false;
  private collecting = false;
  /** Recent names and short values by a hash of their bytes: one string for each, not one per use. */
  private readonly names: (string | undefined)[] = new Array(1024);
  private readonly values: (string | undefined)[] = new Array(4096);

  constructor(
    private readonly f: BoundedFile,
    private readonly h: ScanHandlers,
    chunk = 1 << 20,
  ) {
    this.b = Buffer.allocUnsafe(chunk);
  }

  /** Reads the whole report; throws UNSUPPORTED where saxes must take over. */
  run(): void {
    this.fill(0);
    let i = 0;
    // (Too few bytes read for either, as in tests that read a byte at a time: saxes reads it.)
    if (this.end >= 3 && this.b[0] === 0xef && this.b[1] === 0xbb && this.b[2] === 0xbf) i = 3;
    if (i + 1 < this.end && this.b[i] === 60 && this.b[i + 1] === 63) i = this.declaration(i);
    for (;;) {
      const t = this.text(i);
      if (t === this.end || this.b[t] !== 60) {
        // The end of what was read, or a character cut by it.
        if (this.eof) {
          if (t < this.end) fail();
          break;
        }
        i = this.fill(t);
        continue;
      }
      const next = this.markup(t);
      if (next === NEED) {
        if (this.eof) fail();
        i = this.fill(t);
      } else i = next;
    }
    if (!this.closedRoot) fail();
  }

  /** Keeps bytes from `from` on, reads more after them; returns where those bytes now start (0). */
  private fill(from: number): number {
    const kept = this.end - from;
    if (from > 0) this.b.copy(this.b, 0, from, this.end);
    else if (kept === this.b.length) {
      if (kept * 2 > MAX_BUFFER) fail();
      const bigger = Buffer.allocUnsafe(kept * 2);
      this.b.copy(bigger, 0, 0, kept);
      this.b = bigger;
    }
    this.end = kept;
    while (this.end < this.b.length) {
      const n = this.f.read(this.b, this.end, this.b.length - this.end);
      if (n === 0) {
        this.eof = true;
        break;
      }
      this.end += n;
    }
    return 0;
  }

  /** The XML declaration at `i`, in the forms tools write: where it ends. */
  private declaration(i: number): number {
    const close = this.b.indexOf('?>', i);
    if (close === -1 || close + 2 > this.end || close - i > 200) fail();
    const m = XML_DECL.exec(this.b.toString('latin1', i, close + 2));
    if (!m || m[0].length !== close + 2 - i) fail();
    return close + 2;
  }

  /**
   * Character data from `i` up to the next `<` (or the end of what was read): where that is. Only
   * whitespace and plain characters; given to the text handler inside a `textOf` element.
   */
  private text(i: number): number {
    const b = this.b;
    const end = this.end;
    const inRoot = this.stack.length > 0;
    let j = i;
    let line = this.line;
    for (; j < end; j++) {
      const c = b[j] as number;
      if (c === 60) break;
      if (c === 10) line++;
      else if (c === 32 || c === 9) continue;
      else if (c === 13) {
        if (j + 1 >= end) break;
        if (b[j + 1] !== 10) fail();
      } else if (!inRoot || c < 32 || c === 38 || c === 93) fail();
      else if (c === 0xef) {
        if (j + 2 >= end) break;
        if (b[j + 1] === 0xbf && (b[j + 2] as number) >= 0xbe) fail();
      }
    }
    this.line = line;
    if (this.collecting && j > i && this.h.text) {
      for (let k = i; k < j; k++) if (b[k] === 13) fail();
      this.h.text(utf8(b, i, j));
    }
    return j;
  }

  /** The markup at `i` (a `<`): where it ends, or NEED when it runs past what was read. */
  private markup(i: number): number {
    const b = this.b;
    if (i + 1 >= this.end) return NEED;
    const c = b[i + 1] as number;
    if (NAME[c] === 1) return this.openTag(i);
    if (c === 47) return this.closeTag(i);
    if (c === 33) {
      if (i + 3 >= this.end) return NEED;
      if (b[i + 2] === 45 && b[i + 3] === 45) return this.comment(i);
      if (b[i + 2] === 68) return this.doctypeDecl(i);
    }
    return fail();
  }

  /** The string for the bytes [s, e) of a name or value, from `table` when it was seen recently. */
  private intern(table: (string | undefined)[], s: number, e: number): string {
    const b = this.b;
    let hash = e - s;
    for (let k = s; k < e; k++) hash = (hash * 31 + (b[k] as number)) | 0;
    const slot = hash & (table.length - 1);
    const known = table[slot];
    if (known !== undefined && known.length === e - s) {
      let k = 0;
      while (k < known.length && known.charCodeAt(k) === b[s + k]) k++;
      if (k === known.length) return known;
    }
    const made = b.toString('latin1', s, e);
    table[slot] = made;
    return made;
  }

  /** Whitespace from `j`: where it ends (NEED past the end), counting lines into this.nl. */
  private nl = 0;
  private space(j: number): number {
    const b = this.b;
    const end = this.end;
    for (; j < end; j++) {
      const c = b[j];
      if (c === 32 || c === 9) continue;
      if (c === 10) this.nl++;
      else if (c === 13) {
        if (j + 1 >= end) return NEED;
        if (b[j + 1] !== 10) fail();
      } else return j;
    }
    return NEED;
  }

  /** A name from `j` (its first byte a name start): where it ends, NEED when it reaches the end. */
  private nameEnd(j: number): number {
    const b = this.b;
    const end = this.end;
    while (j < end && NAME[b[j] as number] !== 0) j++;
    if (j >= end) return NEED;
    if ((b[j] as number) >= 0x80) fail();
    return j;
  }

  private openTag(i: number): number {
    const b = this.b;
    let j = this.nameEnd(i + 1);
    if (j === NEED) return NEED;
    const name = this.intern(this.names, i + 1, j);
    const attributes = new newAttributes();
    this.nl = 0;
    let selfClosing = false;
    for (;;) {
      const w = this.space(j);
      if (w === NEED) return NEED;
      const c = b[w] as number;
      if (c === 62) {
        j = w + 1;
        break;
      }
      if (c === 47) {
        if (w + 1 >= this.end) return NEED;
        if (b[w + 1] !== 62) fail();
        j = w + 2;
        selfClosing = true;
        break;
      }
      if (w === j || NAME[c] !== 1) fail();
      j = this.attribute(w, attributes);
      if (j === NEED) return NEED;
    }
    this.line += this.nl;
    this.opened(name, attributes, selfClosing);
    return j;
  }

  /** One `name="value"` from `j` into `attributes`: where it ends, or NEED. */
  private attribute(j: number, attributes: Record<string, string>): number {
    const b = this.b;
    const end = this.end;
    const ne = this.nameEnd(j);
    if (ne === NEED) return NEED;
    let k = this.space(ne);
    if (k === NEED) return NEED;
    if (b[k] !== 61) fail();
    k = this.space(k + 1);
    if (k === NEED) return NEED;
    const q = b[k];
    if (q !== 34 && q !== 39) fail();
    const vs = k + 1;
    let plain = true;
    let v = vs;
    for (; v < end; v++) {
      const c = b[v] as number;
      if (PLAIN[c] === 1) continue;
      if (c === q) break;
      if (c === 60) fail();
      if (c === 38 || c >= 0x80) plain = false;
      else if (c < 32) {
        // Tab, LF and CRLF become a space (XML's attribute-value normalization); no other control.
        plain = false;
        if (c === 10) this.nl++;
        else if (c === 13) {
          if (v + 1 >= end) return NEED;
          if (b[v + 1] !== 10) fail();
        } else if (c !== 9) fail();
      }
    }
    if (v >= end) return NEED;
    const key = this.intern(this.names, j, ne);
    if (attributes[key] !== undefined) fail();
    attributes[key] = !plain
      ? this.value(vs, v)
      : v - vs <= 6
        ? this.intern(this.values, vs, v)
        : b.toString('latin1', vs, v);
    return v + 1;
  }

  /** An attribute value with references, whitespace to normalize or non-ASCII characters in it. */
  private value(s: number, e: number): string {
    const b = this.b;
    let out = '';
    let run = s;
    for (let k = s; k < e; k++) {
      const c = b[k] as number;
      if (c === 38) {
        const semi = b.indexOf(59, k);
        if (semi === -1 || semi >= e) fail();
        out += utf8(b, run, k) + reference(b.toString('latin1', k + 1, semi));
        k = semi;
        run = semi + 1;
      } else if (c === 9 || c === 10 || c === 13) {
        out += `${utf8(b, run, k)} `;
        if (c === 13) k++;
        run = k + 1;
      }
    }
    return out + utf8(b, run, e);
  }

  private opened(name: string, attributes: Record<string, string>, selfClosing: boolean): void {
    const h = this.h;
    if (!this.sawRoot) {
      this.sawRoot = true;
      h.root(name, this.line);
    } else if (this.stack.length === 0) fail();
    if (name === h.textOf && !selfClosing) this.collecting = true;
    h.open(name, attributes, this.line);
    if (selfClosing) this.closed(name);
    else this.stack.push(name);
  }

  private closed(name: string): void {
    if (name === this.h.textOf) this.collecting = false;
    this.h.close(name);
    if (this.stack.length === 0) this.closedRoot = true;
  }

  private closeTag(i: number): number {
    const b = this.b;
    if (i + 2 >= this.end) return NEED;
    if (NAME[b[i + 2] as number] !== 1) fail();
    const ne = this.nameEnd(i + 2);
    if (ne === NEED) return NEED;
    this.nl = 0;
    const w = this.space(ne);
    if (w === NEED) return NEED;
    if (b[w] !== 62) fail();
    const name = this.intern(this.names, i + 2, ne);
    if (this.stack.length === 0 || this.stack[this.stack.length - 1] !== name) fail();
    this.stack.pop();
    this.line += this.nl;
    this.closed(name);
    return w + 1;
  }

  /** `<!-- … -->` with no `--` inside: where it ends, or NEED. */
  private comment(i: number): number {
    return this.until(i + 4, 45, (k) => {
      if (this.b[k + 1] !== 45) return 0;
      if (k + 2 >= this.end) return NEED;
      return this.b[k + 2] === 62 ? k + 3 : fail();
    });
  }

  /** `<!DOCTYPE …>` before the root, once, with no internal subset, entity or markup in it. */
  private doctypeDecl(i: number): number {
    if (i + 9 > this.end) return NEED;
    if (this.b.toString('latin1', i, i + 9) !== '<!DOCTYPE' || this.doctype || this.sawRoot) fail();
    let quote = 0;
    const end = this.until(i + 9, -1, (k) => {
      const c = this.b[k] as number;
      if (quote !== 0) quote = c === quote ? 0 : quote;
      else if (c === 34 || c === 39) quote = c;
      else if (c === 62) return k + 1;
      else if (c === 91) fail();
      if (c === 60 || c === 38) fail();
      return 0;
    });
    if (end !== NEED) this.doctype = true;
    return end;
  }

  /**
   * Plain characters from `j` on, lines counted, until `at(k)` (called at each `stop` byte, or each
   * byte when `stop` is -1) returns where the markup ends; NEED at the end of what was read.
   */
  private until(j: number, stop: number, at: (k: number) => number): number {
    const b = this.b;
    const end = this.end;
    let nl = 0;
    for (let k = j; k < end; k++) {
      const c = b[k] as number;
      if (c === stop || stop === -1) {
        const r = at(k);
        if (r === NEED) return NEED;
        if (r > 0) {
          this.line += nl;
          return r;
        }
      }
      if (c === 10) nl++;
      else if (c === 13) {
        if (k + 1 >= end) return NEED;
        if (b[k + 1] !== 10) fail();
      } else if ((c < 32 && c !== 9) || c >= 0x80) fail();
    }
    return NEED;
  }
}
