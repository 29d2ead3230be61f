// A file's lcov branches, compact: one Float64Array of (line, hits) per branch, ordered by line, block
// and branch, with the model's two Maps (line → [covered, total], line → hits) as views over it.
import { CompactMap, floats } from './compact-map.js';

/** Branches ordered by line, block and branch: `p[start, end)` holds line, hits of each in turn. */
export class BranchList {
  constructor(
    readonly p: Float64Array,
    readonly start: number,
    readonly end: number,
    /** How many lines have branches. */
    readonly lines: number,
  ) {}

  /** Where `line`'s branches start in p, or -1. */
  find(line: number): number {
    const p = this.p;
    let lo = 0;
    let hi = (this.end - this.start) / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((p[this.start + 2 * mid] as number) < line) lo = mid + 1;
      else hi = mid;
    }
    const at = this.start + 2 * lo;
    return at < this.end && p[at] === line ? at : -1;
  }

  /** Where the line whose branches start at `at` ends. */
  lineEnd(at: number): number {
    const p = this.p;
    const line = p[at];
    let e = at + 2;
    while (e < this.end && p[e] === line) e += 2;
    return e;
  }

  hits(at: number, end: number): number[] {
    const out = new Array<number>((end - at) / 2);
    for (let k = at; k < end; k += 2) out[(k - at) / 2] = this.p[k + 1] as number;
    return out;
  }

  pair(at: number, end: number): [number, number] {
    let covered = 0;
    for (let k = at + 1; k < end; k += 2) if ((this.p[k] as number) > 0) covered++;
    return pair(covered, (end - at) / 2);
  }
}

/**
 * Two files' branches summed, when both list the same branches (the same lines, as many on each):
 * what merging shards of one test run meets. Undefined when they differ (merge.ts then goes by line).
 */
export function sumBranchLists(a: BranchList, b: BranchList): BranchList | undefined {
  const n = a.end - a.start;
  if (n !== b.end - b.start || a.lines !== b.lines) return undefined;
  const { p: x, start: i } = a;
  const { p: y, start: j } = b;
  for (let k = 0; k < n; k += 2) if (x[i + k] !== y[j + k]) return undefined;
  const { array, at } = floats(n);
  for (let k = 0; k < n; k += 2) {
    array[at + k] = x[i + k] as number;
    array[at + k + 1] = (x[i + k + 1] as number) + (y[j + k + 1] as number);
  }
  return new BranchList(array, at, at + n, a.lines);
}

/** line → [covered, total], over a BranchList. */
export class BranchPairs extends CompactMap<number, [number, number]> {
  constructor(readonly list: BranchList) {
    super();
  }

  get size(): number {
    return this.list.lines;
  }

  get(line: number): [number, number] | undefined {
    const at = this.list.find(line);
    return at === -1 ? undefined : this.list.pair(at, this.list.lineEnd(at));
  }

  *entries(): MapIterator<[number, [number, number]]> {
    const l = this.list;
    for (let at = l.start; at < l.end; ) {
      const end = l.lineEnd(at);
      yield [l.p[at] as number, l.pair(at, end)];
      at = end;
    }
  }

  override toMap(): Map<number, [number, number]> {
    const l = this.list;
    const map = new Map<number, [number, number]>();
    for (let at = l.start; at < l.end; ) {
      const end = l.lineEnd(at);
      map.set(l.p[at] as number, l.pair(at, end));
      at = end;
    }
    return map;
  }

  override *keys(): MapIterator<number> {
    const l = this.list;
    for (let at = l.start; at < l.end; at = l.lineEnd(at)) yield l.p[at] as number;
  }

  /** [covered, total] over every line, without a pair each. */
  totals(): [number, number] {
    const { p, start, end } = this.list;
    let covered = 0;
    for (let k = start + 1; k < end; k += 2) if ((p[k] as number) > 0) covered++;
    return [covered, (end - start) / 2];
  }
}

/** line → each branch's hits, over a BranchList. */
export class BranchHits extends CompactMap<number, number[]> {
  constructor(readonly list: BranchList) {
    super();
  }

  get size(): number {
    return this.list.lines;
  }

  get(line: number): number[] | undefined {
    const at = this.list.find(line);
    return at === -1 ? undefined : this.list.hits(at, this.list.lineEnd(at));
  }

  override toMap(): Map<number, number[]> {
    const l = this.list;
    const map = new Map<number, number[]>();
    for (let at = l.start; at < l.end; ) {
      const end = l.lineEnd(at);
      map.set(l.p[at] as number, l.hits(at, end));
      at = end;
    }
    return map;
  }

  *entries(): MapIterator<[number, number[]]> {
    const l = this.list;
    for (let at = l.start; at < l.end; ) {
      const end = l.lineEnd(at);
      yield [l.p[at] as number, l.hits(at, end)];
      at = end;
    }
  }
}

const NO_BRANCHES = new BranchList(new Float64Array(0), 0, 0, 0);
/** The stores of a file that reports branches (BRF) but lists none. */
export const EMPTY_BRANCHES = {
  branches: new BranchPairs(NO_BRANCHES),
  branchHits: new BranchHits(NO_BRANCHES),
};

let scratch = new Float64Array(1 << 12);

/**
 * Branches from `count` plain BRDA quads (line, block, branch, taken) at q[at…], the same (line, block,
 * branch) read twice summed, written over the quads' own memory (no new array): the quads are not
 * used after.
 */
export function compactBranches(
  q: Float64Array,
  at: number,
  count: number,
): { branches: BranchPairs; branchHits: BranchHits } {
  const order = new Array<number>(count);
  let sorted = true;
  for (let k = 0; k < count; k++) {
    order[k] = at + k * 4;
    if (k > 0 && compareQuads(q, at + (k - 1) * 4, at + k * 4) > 0) sorted = false;
  }
  if (!sorted) order.sort((a, b) => compareQuads(q, a, b));
  if (scratch.length < 2 * count) scratch = new Float64Array(2 * count);
  let n = 0;
  let lines = 0;
  for (let k = 0; k < count; k++) {
    const from = order[k] as number;
    if (k > 0 && compareQuads(q, order[k - 1] as number, from) === 0) {
      scratch[n - 1] = (scratch[n - 1] as number) + (q[from + 3] as number);
      continue;
    }
    if (n === 0 || scratch[n - 2] !== q[from]) lines++;
    scratch[n] = q[from] as number;
    scratch[n + 1] = q[from + 3] as number;
    n += 2;
  }
  for (let k = 0; k < n; k++) q[at + k] = scratch[k] as number;
  const list = new BranchList(q, at, at + n, lines);
  return { branches: new BranchPairs(list), branchHits: new BranchHits(list) };
}

function compareQuads(q: Float64Array, a: number, b: number): number {
  return (
    (q[a] as number) - (q[b] as number) ||
    (q[a + 1] as number) - (q[b + 1] as number) ||
    (q[a + 2] as number) - (q[b + 2] as number)
  );
}

const PAIRS: [number, number][] = [];

/**
 * A [covered, total] pair, shared for small counts: a report can hold a million of them, and the
 * model never changes a pair in place (merging sets a new one).
 */
export function pair(covered: number, total: number): [number, number] {
  if (total > 16) return [covered, total];
  const key = total * 17 + covered;
  let p = PAIRS[key];
  if (!p) {
    p = [covered, total];
    PAIRS[key] = p;
  }
  return p;
}

/** Quads kept for a file: where they are, and how many numbers (four a quad). */
export interface Quads {
  brda: Float64Array | undefined;
  brdaAt: number;
  brdaLength: number;
}

/** Appends the first `count` numbers of `quads` to a file's, the whole exact-size (from shared slabs). */
export function appendQuads(into: Quads, quads: Float64Array, count: number): void {
  const from = into.brdaLength;
  const { array, at } = floats(from + count);
  const before = into.brda;
  for (let k = 0; before && k < from; k++) array[at + k] = before[into.brdaAt + k] as number;
  for (let k = 0; k < count; k++) array[at + from + k] = quads[k] as number;
  into.brda = array;
  into.brdaAt = at;
  into.brdaLength = from + count;
}
