// One lcov SF record while it is read, and what it becomes: functions by name and position,
// branches by (line, block, branch), merged across the records that name the same file.
import { LineHits } from './line-hits.js';
import type { FileCoverage } from './model.js';
import { own, uniqueName } from './source.js';

/** One SF record while it is read: branches keyed by `block,branch` so repeats merge exactly. */
export interface LcovRecord {
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

/** A fresh record for the file `path`, first named at `line` of the report. */
export function newRecord(path: string, line: number): LcovRecord {
  return {
    path,
    line,
    lines: new LineHits(),
    branches: undefined,
    functions: undefined,
    fnIndex: undefined,
    fnOrder: undefined,
    fnSeen: undefined,
    fnCalls: undefined,
    brda: undefined,
  };
}

/**
 * An FN record: each FN record of a block is a function, as c8 and the other formats of the same run
 * count them (Istanbul writes one per function, so two methods named `area` in one file are two;
 * lcov 1.16 would merge them). The n-th function of a name in a block is the n-th of that name in
 * the file (a file's record repeated, one per test binary, names the same functions); the second of
 * a name is keyed `name@line`, as the Cobertura and Clover readers key it.
 */
export function defineFunction(r: LcovRecord, name: string, line: number): void {
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
export function functionHits(r: LcovRecord, name: string, hits: number): void {
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
export function addBranch(r: LcovRecord, line: number, key: string, taken: number): void {
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

export function toCoverage(r: LcovRecord): FileCoverage {
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
export function appendQuads(
  before: Float64Array | undefined,
  quads: Float64Array,
  count: number,
): Float64Array {
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
