import { appendQuads } from './branch-store.js';
import { FunctionTable } from './function-store.js';
import { countLine, endOfRecord, lineEnd } from './lcov-line.js';
import { addBranch, type LcovRecord, newRecord, toCoverage } from './lcov-record.js';
import { MAX_HITS, scratchLines } from './line-hits.js';
import { forEachLineBlock } from './lines.js';
import { own, type ReaderContext, type ReportContents, type ReportFile, reportError } from './source.js';

/** Lines below this go through the scratch array; a longer file's further lines go straight in. */
const SCRATCH = 1 << 16;

const HINT = 'An lcov tracefile has SF:<path> … end_of_record blocks of DA/FN/FNDA/BRDA lines.';

/**
 * Reads an lcov tracefile line by line. Records naming the same file (gcc writes one per test
 * binary) merge as `lcov --summary` merges them: line hits summed, functions by name and line (each
 * FN record of a block is a function: lcov 1.16 would merge two of one name), branches by
 * (line, block, branch).
 */
export function readLcov(path: string, ctx: ReaderContext, chunkSize?: number): ReportContents {
  const parser = new LcovParser(ctx.file);
  forEachLineBlock(path, (b, from, to) => parser.block(b, from, to), chunkSize);
  const current = parser.current;
  if (current) {
    throw reportError(
      ctx.file,
      current.line,
      `the record for ${current.path} has no end_of_record: the report is truncated`,
      'Regenerate the report; a tracefile ends each SF block with end_of_record.',
    );
  }
  const files: ReportFile[] = [];
  for (const r of parser.records.values())
    files.push({ path: r.path, line: r.line, coverage: toCoverage(r) });
  return { format: 'lcov', files };
}

/**
 * The hot lines (DA, BRDA, the LF/LH/BRF/BRH/FNF/FNH counts, end_of_record) are parsed from the
 * bytes in place; any other line, and any of those not in its plain form, is decoded and given to
 * textLine, which reads every form and names the line of any error.
 */
class LcovParser {
  readonly records = new Map<string, LcovRecord>();
  current: LcovRecord | undefined;
  /** The number of the line being read. */
  private n = 0;
  // The open record's DA hits go to one scratch array, copied out exact-size at end_of_record.
  private readonly scratch = scratchLines(SCRATCH);
  private top = 0;
  private present = 0;
  private peak = 0;
  /** How many of them have hits above 0. */
  private covered = 0;
  // The open record's plain BRDA quads, likewise copied out at end_of_record.
  private quads = new Float64Array(1 << 12);
  private nq = 0;
  /** The open record's functions, frozen into the record at end_of_record. */
  private readonly fn = new FunctionTable();

  constructor(private readonly file: string) {}

  /** Every line of b[from, to). */
  block(b: Buffer, from: number, to: number): void {
    let i = from;
    while (i < to) {
      this.n++;
      const s = i;
      const c = b[s] as number;
      const r = this.current;
      let next = -1;
      if (r !== undefined && c === 68 && b[s + 1] === 65 && b[s + 2] === 58) next = this.plainDa(b, s, to, r);
      else if (
        r !== undefined &&
        c === 66 &&
        b[s + 1] === 82 &&
        b[s + 2] === 68 &&
        b[s + 3] === 65 &&
        b[s + 4] === 58
      )
        next = this.plainBrda(b, s, to);
      else if (c === 84 && b[s + 1] === 78 && b[s + 2] === 58 && s + 2 < to)
        next = lineEnd(b, s, to) + 1; // TN:
      else if (r !== undefined && c === 70 && b[s + 1] === 78 && functionLine(b, s, to, this.fn))
        next = lineEnd(b, s, to) + 1;
      else if (r !== undefined && countLine(b, s, to, r, this.fn)) next = lineEnd(b, s, to) + 1;
      else if (r === undefined && c === 83 && b[s + 1] === 70 && b[s + 2] === 58)
        next = this.sourceFile(b, s, to);
      else if (r !== undefined && c === 101 && endOfRecord(b, s, to)) {
        this.endRecord(r);
        next = lineEnd(b, s, to) + 1;
      }
      if (next === -1) {
        const e = lineEnd(b, s, to);
        const textEnd = e > s && b[e - 1] === 13 ? e - 1 : e;
        this.textLine(b.toString('utf8', s, textEnd), this.n);
        next = e + 1;
      }
      i = next;
    }
  }

  /** DA:<line>,<hits>[,<checksum>] in plain numbers: where the next line starts, else -1. */
  private plainDa(b: Buffer, s: number, to: number, r: LcovRecord): number {
    let j = s + 3;
    let line = 0;
    let c = b[j] as number;
    while (j < to && c >= 48 && c <= 57) {
      line = line * 10 + c - 48;
      c = b[++j] as number;
    }
    if (!(j > s + 3 && j - s < 18 && j < to && c === 44)) return -1;
    const h0 = ++j;
    let hits = 0;
    c = b[j] as number;
    while (j < to && c >= 48 && c <= 57) {
      hits = hits * 10 + c - 48;
      c = b[++j] as number;
    }
    if (!(j > h0 && j - h0 < 16)) return -1;
    const e = lineEnd(b, j, to);
    if (!(j === to || c === 10 || (c === 13 && e === j + 1) || c === 44)) return -1;
    if (line < SCRATCH) {
      const scratch = this.scratch;
      const before = scratch[line] as number;
      let v: number;
      if (before === 0) {
        v = (hits < MAX_HITS ? hits : MAX_HITS) + 1;
        this.present++;
        if (line >= this.top) this.top = line + 1;
      } else {
        v = before + hits;
        if (v > MAX_HITS + 1) v = MAX_HITS + 1;
      }
      if (before <= 1 && v > 1) this.covered++;
      scratch[line] = v;
      if (v > this.peak) this.peak = v;
    } else r.lines.add(line, hits);
    return e + 1;
  }

  /** BRDA:<line>,<block>,<branch>,<taken|->, all plain numbers: where the next line starts, else -1. */
  private plainBrda(b: Buffer, s: number, to: number): number {
    let j = s + 5;
    const line = digits(b, j, to);
    j = digitsEnd;
    if (!(line >= 0 && b[j] === 44 && j < to)) return -1;
    const block = digits(b, j + 1, to);
    j = digitsEnd;
    if (!(block >= 0 && b[j] === 44 && j < to && plain(b, digitsStart, j))) return -1;
    const branch = digits(b, j + 1, to);
    j = digitsEnd;
    if (!(branch >= 0 && b[j] === 44 && j < to && plain(b, digitsStart, j))) return -1;
    let taken = 0;
    j++;
    if (b[j] === 45 && j < to) j++;
    else {
      taken = digits(b, j, to);
      j = digitsEnd;
    }
    const e = lineEnd(b, j, to);
    if (!(taken >= 0 && (j === e || (j + 1 === e && b[j] === 13)))) return -1;
    if (this.nq + 4 > this.quads.length) {
      const grown = new Float64Array(this.quads.length * 2);
      grown.set(this.quads);
      this.quads = grown;
    }
    const q = this.quads;
    const nq = this.nq;
    q[nq] = line;
    q[nq + 1] = block;
    q[nq + 2] = branch;
    q[nq + 3] = taken;
    this.nq = nq + 4;
    return e + 1;
  }

  private endRecord(r: LcovRecord): void {
    if (this.nq > 0) {
      appendQuads(r, this.quads, this.nq);
      this.nq = 0;
    }
    r.lines.addDense(this.scratch, this.top, this.present, this.peak, this.covered);
    this.top = 0;
    this.present = 0;
    this.peak = 0;
    this.covered = 0;
    this.fn.endBlock();
    r.functions = this.fn.freeze();
    this.current = undefined;
  }

  /** Opens the record for `path` (a file named again goes on from what its records gave). */
  private open(path: string, n: number): void {
    let r = this.records.get(path);
    if (!r) {
      r = newRecord(path, n);
      this.records.set(path, r);
    }
    this.fn.start(r.functions);
    this.current = r;
  }

  /** SF:<path> outside a record, read from bytes: where the next line starts, else -1. */
  private sourceFile(b: Buffer, s: number, to: number): number {
    const e = lineEnd(b, s, to);
    const textEnd = e > s && b[e - 1] === 13 ? e - 1 : e;
    if (textEnd === s + 3) return -1;
    this.open(b.toString('utf8', s + 3, textEnd), this.n);
    return e + 1;
  }

  private bad(n: number, text: string, why: string) {
    return reportError(
      this.file,
      n,
      `not a valid lcov line (${why}): ${JSON.stringify(text.slice(0, 80))}`,
      HINT,
    );
  }

  private int(s: string | undefined, n: number, text: string): number {
    const v = Number(s);
    if (s === undefined || s === '' || !Number.isFinite(v)) throw this.bad(n, text, 'expected a number');
    return v;
  }

  /** Any line, in every form lcov writes; a line that is not lcov is an error naming it. */
  private textLine(text: string, n: number): void {
    if (text.length === 0) return;
    const colon = text.indexOf(':');
    const tag = colon === -1 ? text.trim() : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1);
    if (tag === 'end_of_record') {
      if (!this.current) throw this.bad(n, text, 'end_of_record without SF');
      this.endRecord(this.current);
      return;
    }
    if (tag === 'SF') {
      if (this.current)
        throw this.bad(
          n,
          text,
          `the record for ${this.current.path} (line ${this.current.line}) has no end_of_record`,
        );
      if (value.length === 0) throw this.bad(n, text, 'SF without a path');
      this.open(own(value), n);
      return;
    }
    if (tag === 'TN' || tag === 'VER') return;
    if (!this.current) {
      if (colon === -1 || !/^[A-Z]+$/.test(tag)) throw this.bad(n, text, 'no TN:/SF: record here');
      throw this.bad(n, text, `${tag} outside an SF … end_of_record block`);
    }
    this.recordLine(this.current, { tag, value, bare: colon === -1 }, n, text);
  }

  /** A line inside an SF … end_of_record block. */
  private recordLine(
    r: LcovRecord,
    { tag, value, bare }: { tag: string; value: string; bare: boolean },
    n: number,
    text: string,
  ): void {
    const int = (s: string | undefined) => this.int(s, n, text);
    switch (tag) {
      case 'DA': {
        const c1 = value.indexOf(',');
        if (c1 === -1) throw this.bad(n, text, 'DA needs line,hits');
        const c2 = value.indexOf(',', c1 + 1);
        const line = int(value.slice(0, c1));
        const hits = int(c2 === -1 ? value.slice(c1 + 1) : value.slice(c1 + 1, c2));
        r.lines.set(line, (r.lines.get(line) ?? 0) + Math.max(0, hits));
        return;
      }
      case 'BRDA': {
        const parts = value.split(',');
        if (parts.length < 4) throw this.bad(n, text, 'BRDA needs line,block,branch,taken');
        const line = int(parts[0]);
        const taken = parts[parts.length - 1] === '-' ? 0 : int(parts[parts.length - 1]);
        addBranch(r, line, parts.slice(1, -1).join(','), taken);
        return;
      }
      case 'FN': {
        // lcov 1: FN:line,name — lcov 2 may add the end line: FN:line,end,name.
        const parts = value.split(',');
        if (parts.length < 2) throw this.bad(n, text, 'FN needs line,name');
        const line = int(parts[0]);
        const name =
          parts.length > 2 && /^\d+$/.test(parts[1] ?? '')
            ? parts.slice(2).join(',')
            : parts.slice(1).join(',');
        this.fn.define(name, line);
        return;
      }
      case 'FNDA': {
        const c = value.indexOf(',');
        if (c === -1) throw this.bad(n, text, 'FNDA needs hits,name');
        this.fn.hit(value.slice(c + 1), int(value.slice(0, c)));
        return;
      }
      case 'FNL': {
        const parts = value.split(',');
        r.fnIndex ??= new Map();
        r.fnIndex.set(parts[0] ?? '', int(parts[1]));
        return;
      }
      case 'FNA': {
        const parts = value.split(',');
        if (parts.length < 3) throw this.bad(n, text, 'FNA needs index,hits,name');
        this.fn.add(parts.slice(2).join(','), r.fnIndex?.get(parts[0] ?? '') ?? 0, int(parts[1]));
        return;
      }
      case 'BRF':
      case 'BRH':
        r.branchesReported = true;
        return;
      case 'FNF':
      case 'FNH':
        this.fn.reported = true;
        return;
      default:
        // LF, LH (recomputed from DA, as lcov does) and records of newer lcov versions.
        if (bare) throw this.bad(n, text, 'expected TAG:value');
    }
  }
}

let digitsStart = 0;
let digitsEnd = 0;

/** The plain number at `from` (at most 15 digits), or -1; sets digitsStart and digitsEnd. */
function digits(b: Buffer, from: number, to: number): number {
  let j = from;
  let v = 0;
  let c = b[j] as number;
  while (j < to && c >= 48 && c <= 57) {
    v = v * 10 + c - 48;
    c = b[++j] as number;
  }
  digitsStart = from;
  digitsEnd = j;
  return j > from && j - from < 16 ? v : -1;
}

/** Digits without a leading zero (a key lcov compares as text too): `0`, `7`, `12`, not `07`. */
function plain(b: Buffer, from: number, to: number): boolean {
  return b[from] !== 48 || to - from === 1;
}

/** FN:<line>,[<end>,]<name> and FNDA:<hits>,<name> with plain numbers, read from bytes; else false. */
function functionLine(b: Buffer, s: number, to: number, fn: FunctionTable): boolean {
  const e = lineEnd(b, s, to);
  const textEnd = e > s && b[e - 1] === 13 ? e - 1 : e;
  if (b[s + 2] === 58 && s + 2 < textEnd) {
    const line = digits(b, s + 3, textEnd);
    let k = digitsEnd;
    if (line < 0 || b[k] !== 44 || k >= textEnd) return false;
    k++;
    digits(b, k, textEnd);
    if (digitsEnd > k && digitsEnd < textEnd && b[digitsEnd] === 44) k = digitsEnd + 1;
    fn.define(b.toString('utf8', k, textEnd), line);
    return true;
  }
  if (b[s + 2] === 68 && b[s + 3] === 65 && b[s + 4] === 58 && s + 4 < textEnd) {
    const hits = digits(b, s + 5, textEnd);
    const k = digitsEnd;
    if (hits < 0 || b[k] !== 44 || k >= textEnd) return false;
    fn.hit(b.toString('utf8', k + 1, textEnd), hits);
    return true;
  }
  return false;
}
