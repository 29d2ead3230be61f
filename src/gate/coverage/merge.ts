import { BranchHits, BranchPairs, sumBranchLists } from './branch-store.js';
import { thawed } from './compact-map.js';
import { FunctionStore } from './function-store.js';
import { LineHits } from './line-hits.js';
import type { CoverageReport, FileCoverage, Measure } from './model.js';

/**
 * Adds `from` into `into` (the same file from another report or shard): line hits summed, so a
 * line is covered when any shard ran it. Statements and branches merge exactly where both sides
 * identify them (same statement list, same branches on a line) and are otherwise marked approximate;
 * functions add up by name, approximate when the two sides list different functions.
 */
function mergeFile(into: FileCoverage, from: FileCoverage, approximate: Set<Measure>): void {
  if (into.lines instanceof LineHits) into.lines.addAll(from.lines);
  else for (const [line, hits] of from.lines) into.lines.set(line, (into.lines.get(line) ?? 0) + hits);
  mergeStatements(into, from, approximate);
  // Shards of one run list the same branches and functions: their compact stores add up into new
  // ones. Otherwise a reader's compact stores, read-only, are copied into Maps and merged by key.
  if (!sumCompactBranches(into, from)) {
    if (into.branches) into.branches = thawed(into.branches);
    if (into.branchHits) into.branchHits = thawed(into.branchHits);
    mergeBranches(into, from, approximate);
  }
  const functions =
    into.functions instanceof FunctionStore && from.functions instanceof FunctionStore
      ? into.functions.plus(from.functions)
      : undefined;
  if (functions) into.functions = functions;
  else {
    if (into.functions) into.functions = thawed(into.functions);
    mergeFunctions(into, from, approximate);
  }
}

/** Both files' branches in one compact list each (the lcov reader's) and the same: summed. */
function sumCompactBranches(into: FileCoverage, from: FileCoverage): boolean {
  const a = into.branches;
  const b = from.branches;
  if (!(a instanceof BranchPairs && b instanceof BranchPairs)) return false;
  if (!(into.branchHits instanceof BranchHits && into.branchHits.list === a.list)) return false;
  if (!(from.branchHits instanceof BranchHits && from.branchHits.list === b.list)) return false;
  const sum = sumBranchLists(a.list, b.list);
  if (!sum) return false;
  into.branches = new BranchPairs(sum);
  into.branchHits = new BranchHits(sum);
  return true;
}

function mergeStatements(into: FileCoverage, from: FileCoverage, approximate: Set<Measure>): void {
  if (!from.statements && !from.statementHits) return;
  if (!into.statements && !into.statementHits) {
    if (from.statementHits) into.statementHits = [...from.statementHits];
    if (from.statements) into.statements = [...from.statements];
    return;
  }
  const a = into.statementHits;
  const b = from.statementHits;
  if (a && b && a.length === b.length) {
    for (let i = 0; i < a.length; i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
    into.statements = [a.filter((h) => h > 0).length, a.length];
    return;
  }
  const x = into.statements ?? [0, 0];
  const y = from.statements ?? [0, 0];
  into.statementHits = undefined;
  if (x[1] === y[1] && (x[0] === 0 || y[0] === 0 || x[0] === x[1] || y[0] === y[1])) {
    into.statements = [Math.max(x[0], y[0]), x[1]];
    return;
  }
  // Which statements each side covered is unknown: the larger figure, marked approximate.
  into.statements = [Math.min(Math.max(x[0], y[0]), Math.max(x[1], y[1])), Math.max(x[1], y[1])];
  approximate.add('statements');
}

function mergeBranches(into: FileCoverage, from: FileCoverage, approximate: Set<Measure>): void {
  if (!from.branches) return;
  if (!into.branches) {
    into.branches = new Map(from.branches);
    if (from.branchHits) into.branchHits = new Map([...from.branchHits].map(([l, h]) => [l, [...h]]));
    return;
  }
  if (sameKeys(from.branches, into.branches) === false && into.branches.size > 0 && from.branches.size > 0) {
    approximate.add('branches');
  }
  // In `from`'s order: its lines that `into` has keep their place, the others are added in turn.
  const intoBranches = into.branches;
  forEachBranchLine(from, (line, y, b) => {
    const a = into.branchHits?.get(line);
    const x = intoBranches.get(line);
    if (!x) {
      intoBranches.set(line, [...y]);
      if (b) {
        into.branchHits ??= new Map();
        into.branchHits.set(line, [...b]);
      }
      return;
    }
    if (a && b && a.length === b.length) {
      for (let i = 0; i < a.length; i++) a[i] = (a[i] ?? 0) + (b[i] ?? 0);
      intoBranches.set(line, [a.filter((h) => h > 0).length, a.length]);
      return;
    }
    into.branchHits?.delete(line);
    if (x[1] === y[1] && (x[0] === 0 || y[0] === 0 || x[0] === x[1] || y[0] === y[1])) {
      intoBranches.set(line, [Math.max(x[0], y[0]), x[1]]);
      return;
    }
    intoBranches.set(line, [Math.min(Math.max(x[0], y[0]), Math.max(x[1], y[1])), Math.max(x[1], y[1])]);
    approximate.add('branches');
  });
}

/** Each branch line of a file: line, [covered, total] and the hits when known; a compact list walked once. */
function forEachBranchLine(
  f: FileCoverage,
  each: (line: number, pair: [number, number], hits: number[] | undefined) => void,
): void {
  const { branches, branchHits } = f;
  if (
    branches instanceof BranchPairs &&
    branchHits instanceof BranchHits &&
    branchHits.list === branches.list
  ) {
    const l = branches.list;
    for (let at = l.start; at < l.end; ) {
      const end = l.lineEnd(at);
      each(l.p[at] as number, l.pair(at, end), l.hits(at, end));
      at = end;
    }
    return;
  }
  for (const [line, y] of branches ?? []) each(line, y, branchHits?.get(line));
}

function mergeFunctions(into: FileCoverage, from: FileCoverage, approximate: Set<Measure>): void {
  if (!from.functions) return;
  if (!into.functions) {
    into.functions = new Map([...from.functions].map(([n, f]) => [n, { ...f }]));
    return;
  }
  if (into.functions.size > 0 && from.functions.size > 0 && !sameKeys(into.functions, from.functions)) {
    approximate.add('functions');
  }
  for (const [name, f] of from.functions) {
    const before = into.functions.get(name);
    if (before) before.hits += f.hits;
    else into.functions.set(name, { ...f });
  }
}

function sameKeys(a: Map<unknown, unknown>, b: Map<unknown, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a.keys()) if (!b.has(k)) return false;
  return true;
}

/** Merges several reports into one (shards of a matrix): by file and line, hits summed. */
export function mergeReports(reports: CoverageReport[]): CoverageReport {
  const merged: CoverageReport = { files: new Map(), formats: [], approximate: new Set() };
  for (const r of reports) {
    for (const f of r.formats) if (!merged.formats.includes(f)) merged.formats.push(f);
    for (const m of r.approximate) merged.approximate.add(m);
    for (const [path, file] of r.files) addFile(merged, path, cloneFile(path, file));
    if (r.totalsOnly) {
      merged.totalsOnly ??= new Map();
      for (const [path, t] of r.totalsOnly) {
        if (merged.totalsOnly.has(path) || merged.files.has(path)) markAllApproximate(merged);
        merged.totalsOnly.set(path, t);
      }
    }
  }
  return merged;
}

/** Adds one file to a report (which takes it over), merging with what is there. */
export function addFile(report: CoverageReport, path: string, file: FileCoverage): void {
  const before = report.files.get(path);
  if (before) mergeFile(before, file, report.approximate);
  else {
    file.path = path;
    report.files.set(path, file);
  }
  if (report.totalsOnly?.has(path)) markAllApproximate(report);
}

function markAllApproximate(report: CoverageReport): void {
  for (const m of ['lines', 'statements', 'branches', 'functions'] as const) report.approximate.add(m);
}

function cloneFile(path: string, f: FileCoverage): FileCoverage {
  const c: FileCoverage = { path, lines: new LineHits(f.lines) };
  if (f.branches) c.branches = new Map([...f.branches].map(([l, b]) => [l, [b[0], b[1]]]));
  if (f.branchHits) c.branchHits = new Map([...f.branchHits].map(([l, h]) => [l, [...h]]));
  if (f.functions) c.functions = new Map([...f.functions].map(([n, x]) => [n, { ...x }]));
  if (f.statements) c.statements = [f.statements[0], f.statements[1]];
  if (f.statementHits) c.statementHits = [...f.statementHits];
  return c;
}
