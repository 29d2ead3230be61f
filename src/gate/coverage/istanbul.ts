import { isObject } from '../report-json.js';
import { readJson } from './json.js';
import { LineHits } from './line-hits.js';
import type { Counts, CoverageTotals, FileCoverage } from './model.js';
import { type ReaderContext, type ReportContents, type ReportFile, reportError } from './source.js';

interface Location {
  start: { line: number };
}

/**
 * Reads Istanbul's coverage-final.json (nyc, c8, vitest, jest) with istanbul-lib-coverage's own
 * definitions: a line's hits are the most any statement starting on it ran; statements, functions
 * and branches are counted one by one.
 */
export function readIstanbulFinal(path: string, ctx: ReaderContext): ReportContents {
  const data = readJson(path, ctx.file);
  if (!isObject(data)) throw reportError(ctx.file, 1, 'coverage-final.json must be an object keyed by file');
  const files: ReportFile[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!isObject(value) || !isObject(value.statementMap) || !isObject(value.s)) {
      throw reportError(
        ctx.file,
        undefined,
        `entry ${JSON.stringify(key)} has no statementMap/s: not Istanbul file coverage`,
      );
    }
    const p = typeof value.path === 'string' ? value.path : key;
    files.push({ path: p, coverage: fileCoverage(p, value, ctx.file) });
  }
  return { format: 'istanbul-final', files };
}

/** An execution count: a whole number ≥ 0 (a negative one would count as covered nowhere and everywhere). */
function hitCount(value: unknown, file: string, path: string, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw reportError(
    file,
    undefined,
    `${path}: ${field} must be an execution count (a whole number ≥ 0), got ${JSON.stringify(value)}`,
  );
}

function fileCoverage(path: string, v: Record<string, unknown>, file: string): FileCoverage {
  const statementMap = v.statementMap as Record<string, Location>;
  const s = v.s as Record<string, number>;
  const lines = new LineHits();
  const statementHits: number[] = [];
  for (const id of Object.keys(statementMap)) {
    const line = statementMap[id]?.start?.line;
    if (typeof line !== 'number' || s[id] === undefined) {
      throw reportError(file, undefined, `${path}: statement ${id} has no start line or count`);
    }
    const hits = hitCount(s[id], file, path, `s["${id}"]`);
    statementHits.push(hits);
    const before = lines.get(line);
    if (before === undefined || before < hits) lines.set(line, hits);
  }
  const coverage: FileCoverage = {
    path,
    lines,
    statementHits,
    statements: [statementHits.filter((h) => h > 0).length, statementHits.length],
  };
  if (isObject(v.fnMap) && isObject(v.f)) {
    const f = v.f as Record<string, number>;
    coverage.functions = new Map();
    for (const [id, fn] of Object.entries(
      v.fnMap as Record<string, { name?: string; decl?: Location; loc?: Location; line?: number }>,
    )) {
      const line = fn.decl?.start.line ?? fn.loc?.start.line ?? fn.line ?? 0;
      let name = fn.name ?? `(fn ${id})`;
      if (coverage.functions.has(name)) name = `${name}@${line}:${id}`;
      coverage.functions.set(name, {
        line,
        hits: f[id] === undefined ? 0 : hitCount(f[id], file, path, `f["${id}"]`),
      });
    }
  }
  if (isObject(v.branchMap) && isObject(v.b)) {
    const b = v.b as Record<string, number[]>;
    coverage.branches = new Map();
    coverage.branchHits = new Map();
    for (const [id, br] of Object.entries(
      v.branchMap as Record<string, { line?: number; loc?: Location; locations?: Location[] }>,
    )) {
      const line = br.line ?? br.loc?.start.line ?? br.locations?.[0]?.start.line ?? 0;
      const counts = (Array.isArray(b[id]) ? b[id] : []).map((h, k) =>
        hitCount(h, file, path, `b["${id}"][${k}]`),
      );
      const hits = [...(coverage.branchHits.get(line) ?? []), ...counts];
      coverage.branchHits.set(line, hits);
      coverage.branches.set(line, [hits.filter((h) => h > 0).length, hits.length]);
    }
  }
  return coverage;
}

/** Reads Istanbul's coverage-summary.json: per-file totals only, no lines (so no patch coverage). */
export function readIstanbulSummary(path: string, ctx: ReaderContext): ReportContents {
  const data = readJson(path, ctx.file);
  if (!isObject(data))
    throw reportError(ctx.file, 1, 'coverage-summary.json must be an object keyed by file');
  const totalsOnly = new Map<string, CoverageTotals>();
  for (const [key, value] of Object.entries(data)) {
    if (key === 'total') continue;
    if (!isObject(value) || !isObject(value.lines)) {
      throw reportError(
        ctx.file,
        undefined,
        `entry ${JSON.stringify(key)} has no lines totals: not an Istanbul summary`,
      );
    }
    const counts = (name: string): Counts | null => {
      const c = value[name];
      if (!isObject(c)) return null;
      const covered = Number(c.covered);
      const total = Number(c.total);
      if (!Number.isFinite(covered) || !Number.isFinite(total)) {
        throw reportError(ctx.file, undefined, `${key}: ${name} needs numeric covered and total`);
      }
      if (covered < 0 || total < 0 || covered > total) {
        throw reportError(
          ctx.file,
          undefined,
          `${key}: ${name}.covered and ${name}.total must be counts with covered ≤ total, got ${covered} of ${total}`,
        );
      }
      return { covered, total, pct: total === 0 ? null : (covered / total) * 100 };
    };
    const lines = counts('lines');
    if (!lines) throw reportError(ctx.file, undefined, `${key}: no lines totals`);
    totalsOnly.set(key, {
      files: 1,
      lines,
      statements: counts('statements'),
      branches: counts('branches'),
      functions: counts('functions'),
    });
  }
  return { format: 'istanbul-summary', files: [], totalsOnly };
}
