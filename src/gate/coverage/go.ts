import { LineHits } from './line-hits.js';
import { forEachLine } from './lines.js';
import type { FileCoverage } from './model.js';
import { type ReaderContext, type ReportContents, type ReportFile, reportError } from './source.js';

const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;

interface Block {
  startLine: number;
  startCol: number;
  endLine: number;
  statements: number;
  count: number;
}

/**
 * Reads a Go coverprofile (`go test -coverprofile`, modes set, count and atomic). Go counts
 * statements: a block of n statements adds n, covered when its count is above 0. The same block
 * twice (several packages' runs concatenated, `-coverpkg`) merges as `go tool cover` merges it:
 * counts added, or or-ed in set mode. A line's hits are the most any block on it ran.
 */
export function readGo(path: string, ctx: ReaderContext): ReportContents {
  const byFile = new Map<string, { line: number; blocks: Map<string, Block> }>();
  let mode: string | undefined;
  forEachLine(path, (text, n) => {
    if (text.trim() === '') return;
    if (text.startsWith('mode: ')) {
      const m = text.slice(6).trim();
      if (m !== 'set' && m !== 'count' && m !== 'atomic') {
        throw reportError(
          ctx.file,
          n,
          `unknown Go cover mode "${m}"`,
          'Expected mode: set, count or atomic.',
        );
      }
      if (mode !== undefined && mode !== m) {
        throw reportError(ctx.file, n, `cover mode changes from ${mode} to ${m} inside one profile`);
      }
      mode = m;
      return;
    }
    if (mode === undefined)
      throw reportError(ctx.file, n, 'a Go coverprofile starts with "mode: set|count|atomic"');
    const m = BLOCK.exec(text);
    if (!m) {
      throw reportError(
        ctx.file,
        n,
        `not a coverprofile block: ${JSON.stringify(text.slice(0, 80))}`,
        'Each line is file.go:startLine.startCol,endLine.endCol statements count; the profile may be truncated.',
      );
    }
    const [, file = '', sl, sc, el, ec, stmts, count] = m;
    let entry = byFile.get(file);
    if (!entry) {
      entry = { line: n, blocks: new Map() };
      byFile.set(file, entry);
    }
    const key = `${sl}.${sc},${el}.${ec}`;
    const c = Number(count);
    const before = entry.blocks.get(key);
    if (before) before.count = mode === 'set' ? Math.max(before.count, c) : before.count + c;
    else {
      entry.blocks.set(key, {
        startLine: Number(sl),
        startCol: Number(sc),
        endLine: Number(el),
        statements: Number(stmts),
        count: c,
      });
    }
  });
  if (mode === undefined) throw reportError(ctx.file, 1, 'empty Go coverprofile: no "mode:" line');
  const files: ReportFile[] = [];
  for (const [path, { line, blocks }] of byFile)
    files.push({ path, line, coverage: toCoverage(path, blocks) });
  return { format: 'go', files };
}

function toCoverage(path: string, blocks: Map<string, Block>): FileCoverage {
  const sorted = [...blocks.values()].sort((a, b) => a.startLine - b.startLine || a.startCol - b.startCol);
  const lines = new LineHits();
  const statementHits: number[] = [];
  for (const b of sorted) {
    for (let i = 0; i < b.statements; i++) statementHits.push(b.count);
    if (b.statements === 0) continue;
    for (let l = b.startLine; l <= b.endLine; l++) lines.set(l, Math.max(lines.get(l) ?? 0, b.count));
  }
  const covered = statementHits.filter((h) => h > 0).length;
  return { path, lines, statementHits, statements: [covered, statementHits.length] };
}
