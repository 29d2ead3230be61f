// One lcov SF record while it is read, and what it becomes: functions by name and position,
// branches by (line, block, branch), merged across the records that name the same file.
import { compactBranches, EMPTY_BRANCHES, type Quads } from './branch-store.js';
import type { FunctionStore } from './function-store.js';
import { LineHits } from './line-hits.js';
import type { FileCoverage } from './model.js';
import { own } from './source.js';

/** One SF record while it is read: branches keyed by `block,branch` so repeats merge exactly. */
export interface LcovRecord extends Quads {
  path: string;
  line: number;
  lines: LineHits;
  /** Whether BRF or BRH said the file's branches are measured. */
  branchesReported: boolean;
  /** Per line: branch keys (`block,branch`) and their hits, in the order first seen (text BRDA). */
  branches: Map<number, { keys: string[]; hits: number[] }> | undefined;
  /** The functions of the records ended so far (see FunctionTable for the record being read). */
  functions: FunctionStore | undefined;
  /** lcov 2 `FNL:index,start[,end]` → the function's line, until `FNA:index,hits,name` names it. */
  fnIndex: Map<string, number> | undefined;
}

/** A fresh record for the file `path`, first named at `line` of the report. */
export function newRecord(path: string, line: number): LcovRecord {
  return {
    path,
    line,
    lines: new LineHits(),
    branchesReported: false,
    branches: undefined,
    functions: undefined,
    fnIndex: undefined,
    brda: undefined,
    brdaAt: 0,
    brdaLength: 0,
  };
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
  const at = r.brdaAt;
  const end = at + r.brdaLength;
  r.brda = undefined;
  if (q && r.branches && r.branches.size > 0) {
    // Some BRDA of this file were not plain numbers: merge all of them by their text keys.
    for (let k = at; k < end; k += 4) {
      addBranch(r, q[k] as number, `${q[k + 1]},${q[k + 2]}`, q[k + 3] as number);
    }
  }
  if (r.branches && r.branches.size > 0) {
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
  } else if (q) {
    const { branches, branchHits } = compactBranches(q, at, (end - at) / 4);
    coverage.branches = branches;
    coverage.branchHits = branchHits;
  } else if (r.branchesReported) {
    coverage.branches = EMPTY_BRANCHES.branches;
    coverage.branchHits = EMPTY_BRANCHES.branchHits;
  }
  if (r.functions) coverage.functions = r.functions;
  return coverage;
}

function compareBranchKeys(a: string, b: string): number {
  const [a1 = '', a2 = ''] = a.split(',');
  const [b1 = '', b2 = ''] = b.split(',');
  return Number(a1) - Number(b1) || Number(a2) - Number(b2) || (a < b ? -1 : a > b ? 1 : 0);
}
