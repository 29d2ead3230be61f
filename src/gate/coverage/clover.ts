import { LineHits } from './line-hits.js';
import type { FileCoverage } from './model.js';
import {
  type ReaderContext,
  type ReportContents,
  type ReportFile,
  reportError,
  uniqueName,
} from './source.js';
import { numberAttr, streamXml, xmlReader } from './xml.js';

interface Cond {
  line: number;
  trueCount: number;
  falseCount: number;
}

/**
 * Reads Clover XML (OpenClover, Istanbul's `clover` reporter) as a stream. Lines are the `stmt` and
 * `cond` lines; statements are the file's own `<metrics statements coveredstatements>`; functions the
 * `method` lines. A `cond` line means two things: for OpenClover `truecount`/`falsecount` count how
 * often a condition was true and false (two branches), for Istanbul they are covered and missed
 * branches. Each file's `<metrics conditionals coveredconditionals>` tells which, so the branches
 * match the producing tool's figure.
 */
export const readClover = xmlReader(read);

function read(path: string, ctx: ReaderContext): ReportContents {
  const files: ReportFile[] = [];
  let current:
    | { coverage: FileCoverage; conds: Cond[]; metrics?: Record<string, string>; line: number }
    | undefined;

  streamXml(path, ctx.file, {
    root: 'coverage',
    format: 'Clover',
    open(name, a, line) {
      if (name === 'file') {
        const p = a.path || a.name;
        if (!p) throw reportError(ctx.file, line, '<file> has neither path= nor name=');
        current = { coverage: { path: p, lines: new LineHits() }, conds: [], line };
        files.push({ path: p, line, coverage: current.coverage });
        return;
      }
      if (!current) return;
      if (name === 'metrics') {
        current.metrics ??= a;
        return;
      }
      if (name !== 'line') return;
      const num = numberAttr(a, 'num', ctx.file, line, 'line');
      const count = Math.max(0, numberAttr(a, 'count', ctx.file, line, 'line'));
      const c = current.coverage;
      if (a.type === 'method') {
        c.functions ??= new Map();
        let key = a.name || a.signature || `method@${num}`;
        key = uniqueName(c.functions, key, num);
        c.functions.set(key, { line: num, hits: count });
        return;
      }
      c.lines.set(num, Math.max(c.lines.get(num) ?? 0, count));
      if (a.type === 'cond') {
        current.conds.push({
          line: num,
          trueCount: numberAttr(a, 'truecount', ctx.file, line, 'line'),
          falseCount: numberAttr(a, 'falsecount', ctx.file, line, 'line'),
        });
      }
    },
    close(name) {
      if (name === 'file' && current) {
        finishFile(current.coverage, current.conds, current.metrics);
        current = undefined;
      }
    },
  });
  return { format: 'clover', files };
}

function finishFile(c: FileCoverage, conds: Cond[], metrics: Record<string, string> | undefined): void {
  if (metrics?.statements !== undefined) {
    c.statements = [Number(metrics.coveredstatements ?? 0), Number(metrics.statements)];
  }
  const conditionals = metrics?.conditionals === undefined ? undefined : Number(metrics.conditionals);
  if (conds.length === 0 && !conditionals) return;
  const istanbulTotal = conds.reduce((n, k) => n + k.trueCount + k.falseCount, 0);
  const istanbulStyle =
    conditionals !== undefined && conditionals === istanbulTotal && conditionals !== conds.length * 2;
  c.branches = new Map();
  c.branchHits = new Map();
  for (const k of conds) {
    if (istanbulStyle) {
      // covered and missed branch counts: no identities, so no branchHits for this line.
      const prev = c.branches.get(k.line) ?? [0, 0];
      c.branches.set(k.line, [prev[0] + k.trueCount, prev[1] + k.trueCount + k.falseCount]);
      c.branchHits.delete(k.line);
    } else {
      const hits = [...(c.branchHits.get(k.line) ?? []), k.trueCount, k.falseCount];
      c.branchHits.set(k.line, hits);
      c.branches.set(k.line, [hits.filter((h) => h > 0).length, hits.length]);
    }
  }
  if (istanbulStyle) c.branchHits = undefined;
}
