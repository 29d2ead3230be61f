import { LineHits, LineScratch } from './line-hits.js';
import type { FileCoverage } from './model.js';
import { own, type ReaderContext, type ReportContents, reportError, uniqueName } from './source.js';
import { numberAttr, streamXml, xmlReader } from './xml.js';

const CONDITION = /\((\d+)\s*\/\s*(\d+)\)/;

/** The total of the last conditionCounts() that found one. */
const counted = { total: 0 };

/**
 * Covered branches of `condition-coverage="50% (1/2)"` (the total in counted.total), or -1 when
 * the value has no `(a/b)`. What CONDITION finds, with the usual `(a/b)` read without a regex.
 */
function conditionCounts(s: string): number {
  let i = s.indexOf('(') + 1;
  if (i > 0) {
    const a = i;
    let covered = 0;
    for (let d = s.charCodeAt(i) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++i) - 48)
      covered = covered * 10 + d;
    const b = ++i;
    let total = 0;
    for (let d = s.charCodeAt(i) - 48; d >= 0 && d <= 9; d = s.charCodeAt(++i) - 48) total = total * 10 + d;
    const digits = i - b;
    if (
      b - 1 > a &&
      b - a < 16 &&
      s.charCodeAt(b - 1) === 47 &&
      digits > 0 &&
      digits < 16 &&
      s.charCodeAt(i) === 41
    ) {
      counted.total = total;
      return covered;
    }
  }
  const m = CONDITION.exec(s);
  if (!m) return -1;
  counted.total = Number(m[2]);
  return Number(m[1]);
}

/**
 * Reads Cobertura XML (gcovr, Istanbul, coverage.py, Cobertura itself) as a stream. Lines come from
 * each class's own `<lines>` (a method's `<lines>` repeat them and are used only for the method's
 * hits); branches from `condition-coverage="50% (1/2)"`; classes naming the same file add up.
 */
export const readCobertura = xmlReader(read);

function read(path: string, ctx: ReaderContext): ReportContents {
  const byFile = new Map<string, { coverage: FileCoverage; line: number }>();
  const sourceRoots: string[] = [];
  let current: FileCoverage | undefined;
  // The open class's line hits, copied into its LineHits when the class closes.
  const scratch = new LineScratch();
  let inMethod: { name: string; line: number; hits: number | undefined } | undefined;
  let inSource = false;
  let sourceText = '';

  streamXml(path, ctx.file, {
    root: 'coverage',
    format: 'Cobertura',
    open(name, a, line) {
      // <line> first: nearly every element of a report is one.
      if (name === 'line') {
        if (!current) return;
        const number = numberAttr(a, 'number', ctx.file, line, 'line');
        const hits = numberAttr(a, 'hits', ctx.file, line, 'line');
        if (inMethod) {
          if (inMethod.line === 0) {
            inMethod.line = number;
            inMethod.hits ??= hits;
          }
          return;
        }
        const h = hits > 0 ? hits : 0;
        if (!scratch.add(number, h)) current.lines.set(number, (current.lines.get(number) ?? 0) + h);
        if (a.branch === 'true') {
          const condition = a['condition-coverage'];
          const covered = condition === undefined ? -1 : conditionCounts(condition);
          if (covered < 0)
            throw reportError(ctx.file, line, `branch line ${number} has no condition-coverage="N% (a/b)"`);
          current.branches ??= new Map();
          const total = counted.total;
          const before = current.branches.get(number);
          // Two classes for one line (rare): keep the fuller count; line hits add up.
          if (!before || total > before[1] || (total === before[1] && covered > before[0])) {
            current.branches.set(number, [covered, total]);
          }
        }
        return;
      }
      switch (name) {
        case 'source':
          inSource = true;
          sourceText = '';
          return;
        case 'class': {
          if (current) scratch.flushInto(current.lines as LineHits);
          const filename = a.filename;
          if (!filename) throw reportError(ctx.file, line, '<class> has no filename= attribute');
          let entry = byFile.get(filename);
          if (!entry) {
            // Kept for the report: copied out of saxes' read chunk, which a slice would keep alive.
            const path = own(filename);
            entry = { coverage: { path, lines: new LineHits() }, line };
            byFile.set(path, entry);
          }
          current = entry.coverage;
          return;
        }
        case 'method':
          if (current) {
            const hits = a.hits === undefined ? undefined : numberAttr(a, 'hits', ctx.file, line, 'method');
            inMethod = { name: own(a.name ?? '(anonymous)'), line: 0, hits };
          }
          return;
      }
    },
    close(name) {
      if (name === 'source') {
        inSource = false;
        const s = sourceText.trim();
        if (s) sourceRoots.push(s);
      } else if (name === 'method' && inMethod && current) {
        current.functions ??= new Map();
        let key = inMethod.name;
        key = uniqueName(current.functions, key, inMethod.line);
        current.functions.set(key, { line: inMethod.line, hits: inMethod.hits ?? 0 });
        inMethod = undefined;
      } else if (name === 'class') {
        if (current) scratch.flushInto(current.lines as LineHits);
        current = undefined;
      }
    },
    text: {
      of: 'source',
      handle(t) {
        if (inSource) sourceText += t;
      },
    },
  });
  // A measure the report gives for some files applies to all: the others have none of it (0 of 0).
  const all = [...byFile.values()].map((e) => e.coverage);
  const anyBranches = all.some((f) => f.branches);
  const anyFunctions = all.some((f) => f.functions);
  for (const f of all) {
    if (anyBranches) f.branches ??= new Map();
    if (anyFunctions) f.functions ??= new Map();
  }
  const files = [...byFile.values()].map(({ coverage, line }) => ({ path: coverage.path, line, coverage }));
  return { format: 'cobertura', files, sourceRoots };
}
