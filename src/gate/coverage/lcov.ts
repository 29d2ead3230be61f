import { ABSENT, LineHits, MAX_HITS, scratchLines } from './line-hits.js';
import { forEachLineBlock } from './lines.js';
import type { FileCoverage } from './model.js';
import {
  own,
  type ReaderContext,
  type ReportContents,
  type ReportFile,
  reportError,
  uniqueName,
} from './source.js';

/** One SF record while it is read: branches keyed by `block,branch` so repeats merge exactly. */
interface Record {
  path: string;
  line: number;
  lines: LineHits;
  /** Per line: branch keys (`block,branch`) and their hits, in the order first seen. */
  branches: Map<number, { keys: string[]; hits: number[] }> | undefined;
  functions: Map<string, { line: number; hits: number }> | undefined;
  /** lcov 2 `FNL:index,start[,end]` → the function's line, until `FNA:index,hits,name` names it. */
  fnIndex: Map<string, number> | undefined;
  /** The file's functions by FN name: their keys in the order FN records name them. */
  fnOrder: Map<string, string[]> | undefined;
  /** This SF block's FN records so far, by name. */
  fnSeen: Map<string, number> | undefined;
  /** This SF block's FNDA records so far, by name (the n-th goes to the n-th function of that name). */
  fnCalls: Map<string, number> | undefined;
  /** Plain BRDA records read from bytes: line, block, branch, taken, four numbers each. */
  brda: Float64Array | undefined;
}

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
  const records = new Map<string, Record>();
  let current: Record | undefined;
  const bad = (n: number, text: string, why: string) =>
    reportError(ctx.file, n, `not a valid lcov line (${why}): ${JSON.stringify(text.slice(0, 80))}`, HINT);
  const int = (s: string | undefined, n: number, text: string): number => {
    const v = Number(s);
    if (s === undefined || s === '' || !Number.isFinite(v)) throw bad(n, text, 'expected a number');
    return v;
  };

  // The open record's DA hits go to one scratch array, copied out exact-size at end_of_record.
  const scratch = scratchLines(SCRATCH);
  let top = 0;
  let present = 0;
  // The open record's plain BRDA quads, likewise copied out at end_of_record.
  let quads = new Float64Array(1 << 12);
  let nq = 0;
  const endRecord = (r: Record) => {
    if (nq > 0) {
      r.brda = appendQuads(r.brda, quads, nq);
      nq = 0;
    }
    r.lines.addDense(scratch, top, present);
    top = 0;
    present = 0;
    r.fnSeen = undefined;
    r.fnCalls = undefined;
    current = undefined;
  };
  const onLine = (text: string, n: number) => {
    if (text.length === 0) return;
    const colon = text.indexOf(':');
    const tag = colon === -1 ? text.trim() : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1);
    if (tag === 'end_of_record') {
      if (!current) throw bad(n, text, 'end_of_record without SF');
      endRecord(current);
      return;
    }
    if (tag === 'SF') {
      if (current)
        throw bad(n, text, `the record for ${current.path} (line ${current.line}) has no end_of_record`);
      if (value.length === 0) throw bad(n, text, 'SF without a path');
      const path = own(value);
      current = records.get(path);
      if (!current) {
        current = {
          path,
          line: n,
          lines: new LineHits(),
          branches: undefined,
          functions: undefined,
          fnIndex: undefined,
          fnOrder: undefined,
          fnSeen: undefined,
          fnCalls: undefined,
          brda: undefined,
        };
        records.set(path, current);
      }
      return;
    }
    if (tag === 'TN' || tag === 'VER') return;
    if (!current) {
      if (colon === -1 || !/^[A-Z]+$/.test(tag)) throw bad(n, text, 'no TN:/SF: record here');
      throw bad(n, text, `${tag} outside an SF … end_of_record block`);
    }
    const r = current;
    switch (tag) {
      case 'DA': {
        const c1 = value.indexOf(',');
        if (c1 === -1) throw bad(n, text, 'DA needs line,hits');
        const c2 = value.indexOf(',', c1 + 1);
        const line = int(value.slice(0, c1), n, text);
        const hits = int(c2 === -1 ? value.slice(c1 + 1) : value.slice(c1 + 1, c2), n, text);
        r.lines.set(line, (r.lines.get(line) ?? 0) + Math.max(0, hits));
        return;
      }
      case 'BRDA': {
        const parts = value.split(',');
        if (parts.length < 4) throw bad(n, text, 'BRDA needs line,block,branch,taken');
        const line = int(parts[0], n, text);
        const taken = parts[parts.length - 1] === '-' ? 0 : int(parts[parts.length - 1], n, text);
        addBranch(r, line, parts.slice(1, -1).join(','), taken);
        return;
      }
      case 'FN': {
        // lcov 1: FN:line,name — lcov 2 may add the end line: FN:line,end,name.
        const parts = value.split(',');
        if (parts.length < 2) throw bad(n, text, 'FN needs line,name');
        const line = int(parts[0], n, text);
        const name =
          parts.length > 2 && /^\d+$/.test(parts[1] ?? '')
            ? parts.slice(2).join(',')
            : parts.slice(1).join(',');
        defineFunction(r, name, line);
        return;
      }
      case 'FNDA': {
        const c = value.indexOf(',');
        if (c === -1) throw bad(n, text, 'FNDA needs hits,name');
        functionHits(r, value.slice(c + 1), int(value.slice(0, c), n, text));
        return;
      }
      case 'FNL': {
        const parts = value.split(',');
        r.fnIndex ??= new Map();
        r.fnIndex.set(parts[0] ?? '', int(parts[1], n, text));
        return;
      }
      case 'FNA': {
        const parts = value.split(',');
        if (parts.length < 3) throw bad(n, text, 'FNA needs index,hits,name');
        const name = parts.slice(2).join(',');
        r.functions ??= new Map();
        const f = r.functions.get(name);
        const hits = int(parts[1], n, text);
        if (f) f.hits += hits;
        else r.functions.set(own(name), { line: r.fnIndex?.get(parts[0] ?? '') ?? 0, hits });
        return;
      }
      case 'BRF':
      case 'BRH':
        r.branches ??= new Map();
        return;
      case 'FNF':
      case 'FNH':
        r.functions ??= new Map();
        return;
      default:
        // LF, LH (recomputed from DA, as lcov does) and records of newer lcov versions.
        if (colon === -1) throw bad(n, text, 'expected TAG:value');
    }
  };
  let n = 0;
  // The hot lines (DA, BRDA, the LF/LH/BRF/BRH/FNF/FNH counts, end_of_record) are parsed from the
  // bytes in place; any other line, and any of those not in its plain form, is decoded and given
  // to onLine, which reads every form and names the line of any error.
  forEachLineBlock(
    path,
    (b, from, to) => {
      let i = from;
      while (i < to) {
        n++;
        const s = i;
        let j = s;
        let c = b[j] as number;
        const r = current;
        if (r !== undefined && c === 68 && b[s + 1] === 65 && b[s + 2] === 58) {
          // DA:<line>,<hits>[,<checksum>]
          j = s + 3;
          let line = 0;
          c = b[j] as number;
          while (j < to && c >= 48 && c <= 57) {
            line = line * 10 + c - 48;
            c = b[++j] as number;
          }
          if (j > s + 3 && j - s < 18 && j < to && c === 44) {
            const h0 = ++j;
            let hits = 0;
            c = b[j] as number;
            while (j < to && c >= 48 && c <= 57) {
              hits = hits * 10 + c - 48;
              c = b[++j] as number;
            }
            if (j > h0 && j - h0 < 16) {
              const e = lineEnd(b, j, to);
              if (j === to || c === 10 || (c === 13 && e === j + 1) || c === 44) {
                if (line < SCRATCH) {
                  const v = scratch[line] as number;
                  if (v === ABSENT) {
                    scratch[line] = hits < MAX_HITS ? hits : MAX_HITS;
                    present++;
                    if (line >= top) top = line + 1;
                  } else {
                    const sum = v + hits;
                    scratch[line] = sum < MAX_HITS ? sum : MAX_HITS;
                  }
                } else r.lines.add(line, hits);
                i = e + 1;
                continue;
              }
            }
          }
        } else if (
          r !== undefined &&
          c === 66 &&
          b[s + 1] === 82 &&
          b[s + 2] === 68 &&
          b[s + 3] === 65 &&
          b[s + 4] === 58
        ) {
          // BRDA:<line>,<block>,<branch>,<taken|->, all plain numbers.
          j = s + 5;
          const line = digits(b, j, to);
          j = digitsEnd;
          if (line >= 0 && b[j] === 44 && j < to) {
            const block = digits(b, j + 1, to);
            j = digitsEnd;
            if (block >= 0 && b[j] === 44 && j < to && plain(b, digitsStart, j)) {
              const branch = digits(b, j + 1, to);
              j = digitsEnd;
              if (branch >= 0 && b[j] === 44 && j < to && plain(b, digitsStart, j)) {
                let taken = 0;
                j++;
                if (b[j] === 45 && j < to) j++;
                else {
                  taken = digits(b, j, to);
                  j = digitsEnd;
                }
                const e = lineEnd(b, j, to);
                if (taken >= 0 && (j === e || (j + 1 === e && b[j] === 13))) {
                  if (nq + 4 > quads.length) {
                    const grown = new Float64Array(quads.length * 2);
                    grown.set(quads);
                    quads = grown;
                  }
                  quads[nq] = line;
                  quads[nq + 1] = block;
                  quads[nq + 2] = branch;
                  quads[nq + 3] = taken;
                  nq += 4;
                  i = e + 1;
                  continue;
                }
              }
            }
          }
        } else if (c === 84 && b[s + 1] === 78 && b[s + 2] === 58 && s + 2 < to) {
          i = lineEnd(b, s, to) + 1; // TN:<test name>
          continue;
        } else if (r !== undefined && c === 70 && b[s + 1] === 78 && functionLine(b, s, to, r)) {
          i = lineEnd(b, s, to) + 1;
          continue;
        } else if (r !== undefined && countLine(b, s, to, r)) {
          i = lineEnd(b, s, to) + 1;
          continue;
        } else if (r !== undefined && c === 101 && endOfRecord(b, s, to)) {
          endRecord(r);
          i = lineEnd(b, s, to) + 1;
          continue;
        }
        const e = lineEnd(b, s, to);
        const textEnd = e > s && b[e - 1] === 13 ? e - 1 : e;
        onLine(b.toString('utf8', s, textEnd), n);
        i = e + 1;
      }
    },
    chunkSize,
  );
  if (current) {
    throw reportError(
      ctx.file,
      current.line,
      `the record for ${current.path} has no end_of_record: the report is truncated`,
      'Regenerate the report; a tracefile ends each SF block with end_of_record.',
    );
  }
  const files: ReportFile[] = [];
  for (const r of records.values()) files.push({ path: r.path, line: r.line, coverage: toCoverage(r) });
  return { format: 'lcov', files };
}

/**
 * An FN record: each FN record of a block is a function, as c8 and the other formats of the same run
 * count them (Istanbul writes one per function, so two methods named `area` in one file are two;
 * lcov 1.16 would merge them). The n-th function of a name in a block is the n-th of that name in
 * the file (a file's record repeated, one per test binary, names the same functions); the second of
 * a name is keyed `name@line`, as the Cobertura and Clover readers key it.
 */
function defineFunction(r: Record, name: string, line: number): void {
  r.functions ??= new Map();
  r.fnOrder ??= new Map();
  r.fnSeen ??= new Map();
  const nth = r.fnSeen.get(name) ?? 0;
  r.fnSeen.set(name, nth + 1);
  const keys = r.fnOrder.get(name);
  const key = keys?.[nth];
  if (key !== undefined) {
    const f = r.functions.get(key);
    if (f && f.line === 0) f.line = line; // its FNDA came first
    return;
  }
  const fresh = nth === 0 && !r.functions.has(name) ? name : uniqueName(r.functions, name, line);
  r.functions.set(own(fresh), { line, hits: 0 });
  if (keys) keys.push(fresh);
  else r.fnOrder.set(name, [fresh]);
}

/** An FNDA record: its hits go to the function of that name in the same position within the block. */
function functionHits(r: Record, name: string, hits: number): void {
  r.functions ??= new Map();
  let key = name;
  const keys = r.fnOrder?.get(name);
  if (keys && keys.length > 1) {
    r.fnCalls ??= new Map();
    const nth = r.fnCalls.get(name) ?? 0;
    r.fnCalls.set(name, nth + 1);
    key = keys[Math.min(nth, keys.length - 1)] ?? name;
  }
  const f = r.functions.get(key);
  if (f) f.hits += hits;
  else r.functions.set(own(name), { line: 0, hits });
}

/** Adds a BRDA record's hits to its (line, block, branch), which lcov merges across records. */
function addBranch(r: Record, line: number, key: string, taken: number): void {
  r.branches ??= new Map();
  let onLine = r.branches.get(line);
  if (!onLine) {
    onLine = { keys: [], hits: [] };
    r.branches.set(line, onLine);
  }
  const at = onLine.keys.indexOf(key);
  if (at === -1) {
    onLine.keys.push(own(key));
    onLine.hits.push(taken > 0 ? taken : 0);
  } else onLine.hits[at] = (onLine.hits[at] ?? 0) + (taken > 0 ? taken : 0);
}

function toCoverage(r: Record): FileCoverage {
  r.lines.trim();
  const coverage: FileCoverage = { path: r.path, lines: r.lines };
  const q = r.brda;
  if (q && r.branches && r.branches.size > 0) {
    // Some BRDA of this file were not plain numbers: merge all of them by their text keys.
    for (let k = 0; k < q.length; k += 4) {
      addBranch(r, q[k] as number, `${q[k + 1]},${q[k + 2]}`, q[k + 3] as number);
    }
  } else if (q) {
    const { branches, branchHits } = plainBranches(q);
    coverage.branches = branches;
    coverage.branchHits = branchHits;
    if (r.functions) coverage.functions = r.functions;
    return coverage;
  }
  if (r.branches) {
    const branches = new Map<number, [number, number]>();
    const branchHits = new Map<number, number[]>();
    for (const [line, { keys, hits }] of r.branches) {
      // (block, branch) order, so shards line up branch by branch.
      const order = keys.map((_, i) => i).sort((a, b) => compareBranchKeys(keys[a] ?? '', keys[b] ?? ''));
      const sorted = order.map((i) => hits[i] ?? 0);
      branchHits.set(line, sorted);
      let covered = 0;
      for (const h of sorted) if (h > 0) covered++;
      branches.set(line, [covered, sorted.length]);
    }
    coverage.branches = branches;
    coverage.branchHits = branchHits;
  }
  if (r.functions) coverage.functions = r.functions;
  return coverage;
}

/**
 * Branches from plain BRDA quads (line, block, branch, taken): ordered by line, block and branch,
 * the same (line, block, branch) read twice summed, as addBranch and toCoverage do with text keys.
 */
function plainBranches(q: Float64Array): {
  branches: Map<number, [number, number]>;
  branchHits: Map<number, number[]>;
} {
  const count = q.length / 4;
  const order = new Array<number>(count);
  let sorted = true;
  for (let k = 0; k < count; k++) {
    order[k] = k * 4;
    if (k > 0 && compareQuads(q, (k - 1) * 4, k * 4) > 0) sorted = false;
  }
  if (!sorted) order.sort((a, b) => compareQuads(q, a, b));
  const branches = new Map<number, [number, number]>();
  const branchHits = new Map<number, number[]>();
  for (let g = 0; g < count; ) {
    const line = q[order[g] as number] as number;
    let end = g + 1;
    let distinct = 1;
    for (; end < count && q[order[end] as number] === line; end++) {
      if (compareQuads(q, order[end - 1] as number, order[end] as number) !== 0) distinct++;
    }
    // Exact-size arrays: a report can hold a million of them.
    const hits = distinct === 1 ? [0] : new Array<number>(distinct).fill(0);
    let at = -1;
    for (let k = g; k < end; k++) {
      if (k === g || compareQuads(q, order[k - 1] as number, order[k] as number) !== 0) at++;
      hits[at] = (hits[at] as number) + (q[(order[k] as number) + 3] as number);
    }
    let covered = 0;
    for (const h of hits) if (h > 0) covered++;
    branchHits.set(line, hits);
    branches.set(line, pair(covered, distinct));
    g = end;
  }
  return { branches, branchHits };
}

/** `before` (if any) followed by the first `count` numbers of `quads`, in an exact-size array. */
function appendQuads(before: Float64Array | undefined, quads: Float64Array, count: number): Float64Array {
  const from = before?.length ?? 0;
  const out = allocateQuads(from + count);
  if (before) out.set(before);
  for (let k = 0; k < count; k++) out[from + k] = quads[k] as number;
  return out;
}

/** Quads of finished records are cut from shared 1 MiB slabs, as LineHits cuts its arrays. */
let quadSlab = new Float64Array(0);
let quadSlabUsed = 0;

function allocateQuads(length: number): Float64Array {
  if (length > 1 << 13) return new Float64Array(length);
  if (quadSlabUsed + length > quadSlab.length) {
    quadSlab = new Float64Array(1 << 17);
    quadSlabUsed = 0;
  }
  const view = new Float64Array(quadSlab.buffer, quadSlabUsed * 8, length);
  quadSlabUsed += length;
  return view;
}

const PAIRS: [number, number][] = [];

/**
 * A [covered, total] pair, shared for small counts: a report can hold a million of them, and the
 * model never changes a pair in place (merging sets a new one).
 */
function pair(covered: number, total: number): [number, number] {
  if (total > 16) return [covered, total];
  const key = total * 17 + covered;
  let p = PAIRS[key];
  if (!p) {
    p = [covered, total];
    PAIRS[key] = p;
  }
  return p;
}

function compareQuads(q: Float64Array, a: number, b: number): number {
  return (
    (q[a] as number) - (q[b] as number) ||
    (q[a + 1] as number) - (q[b + 1] as number) ||
    (q[a + 2] as number) - (q[b + 2] as number)
  );
}

function compareBranchKeys(a: string, b: string): number {
  const [a1 = '', a2 = ''] = a.split(',');
  const [b1 = '', b2 = ''] = b.split(',');
  return Number(a1) - Number(b1) || Number(a2) - Number(b2) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Where the line starting at or before `from` ends: the index of its `\n`, or `to`. */
function lineEnd(b: Buffer, from: number, to: number): number {
  let j = from;
  while (j < to && b[j] !== 10) j++;
  return j;
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

const END_OF_RECORD = Buffer.from('end_of_record');

function endOfRecord(b: Buffer, s: number, to: number): boolean {
  const e = lineEnd(b, s, to);
  const textEnd = e > s && b[e - 1] === 13 ? e - 1 : e;
  return textEnd - s === 13 && b.compare(END_OF_RECORD, 0, 13, s, textEnd) === 0;
}

/**
 * LF, LH (lcov recomputes them from DA), BRF, BRH, FNF, FNH (they say the measure is reported) and
 * TN lines, read without a string. False for any other line.
 */
function countLine(b: Buffer, s: number, to: number, r: Record): boolean {
  const c0 = b[s];
  const c1 = b[s + 1];
  if (s + 2 >= to) return false;
  if (c0 === 84 && c1 === 78 && b[s + 2] === 58) return true; // TN:
  if (c0 === 76 && (c1 === 70 || c1 === 72) && b[s + 2] === 58) return true; // LF: LH:
  const c2 = b[s + 2];
  if (b[s + 3] !== 58 || s + 3 >= to) return false;
  if (c0 === 66 && c1 === 82 && (c2 === 70 || c2 === 72)) {
    r.branches ??= new Map(); // BRF: BRH:
    return true;
  }
  if (c0 === 70 && c1 === 78 && (c2 === 70 || c2 === 72)) {
    r.functions ??= new Map(); // FNF: FNH:
    return true;
  }
  return false;
}

/** FN:<line>,[<end>,]<name> and FNDA:<hits>,<name> with plain numbers, read from bytes; else false. */
function functionLine(b: Buffer, s: number, to: number, r: Record): boolean {
  const e = lineEnd(b, s, to);
  const textEnd = e > s && b[e - 1] === 13 ? e - 1 : e;
  if (b[s + 2] === 58 && s + 2 < textEnd) {
    const line = digits(b, s + 3, textEnd);
    let k = digitsEnd;
    if (line < 0 || b[k] !== 44 || k >= textEnd) return false;
    k++;
    digits(b, k, textEnd);
    if (digitsEnd > k && digitsEnd < textEnd && b[digitsEnd] === 44) k = digitsEnd + 1;
    defineFunction(r, b.toString('utf8', k, textEnd), line);
    return true;
  }
  if (b[s + 2] === 68 && b[s + 3] === 65 && b[s + 4] === 58 && s + 4 < textEnd) {
    const hits = digits(b, s + 5, textEnd);
    const k = digitsEnd;
    if (hits < 0 || b[k] !== 44 || k >= textEnd) return false;
    functionHits(r, b.toString('utf8', k + 1, textEnd), hits);
    return true;
  }
  return false;
}
