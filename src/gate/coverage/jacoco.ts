import { LineHits, LineScratch } from './line-hits.js';
import type { FileCoverage } from './model.js';
import { own, type ReaderContext, type ReportContents, type ReportFile } from './source.js';
import { numberAttr, streamXml, toNumber, xmlReader } from './xml.js';

/**
 * Reads JaCoCo XML as a stream, with JaCoCo's own definitions: a line is covered when at least one
 * of its instructions ran (`ci > 0`), branches are `mb + cb` per line, and a method is covered when
 * its METHOD counter says so. Files are `package/SourceFile.java`; instructions and complexity are
 * not part of the model.
 */
export const readJacoco = xmlReader(read);

function read(path: string, ctx: ReaderContext): ReportContents {
  const files: ReportFile[] = [];
  let pkg = '';
  /** Per source file of the current package: its methods, from `<class>` elements. */
  let methods = new Map<string, Map<string, { line: number; hits: number }>>();
  let sources = new Map<string, FileCoverage>();
  let cls: { name: string; source: string } | undefined;
  let method: { key: string; line: number } | undefined;
  let source: FileCoverage | undefined;

  // The open source file's line hits, copied into its LineHits when it closes.
  const scratch = new LineScratch();

  streamXml(path, ctx.file, {
    root: 'report',
    format: 'JaCoCo',
    open(name, a, line) {
      // <line> and <counter> first: nearly every element of a report is one.
      if (name === 'line') {
        if (!source) return;
        const nr = numberAttr(a, 'nr', ctx.file, line, 'line');
        const mi = numberAttr(a, 'mi', ctx.file, line, 'line');
        const ci = numberAttr(a, 'ci', ctx.file, line, 'line');
        const mb = a.mb === undefined ? 0 : toNumber(a.mb);
        const cb = a.cb === undefined ? 0 : toNumber(a.cb);
        if (mi + ci > 0 && !scratch.set(nr, ci > 0 ? 1 : 0)) source.lines.set(nr, ci > 0 ? 1 : 0);
        if (mb + cb > 0) source.branches?.set(nr, [cb, mb + cb]);
        return;
      }
      if (name === 'counter') {
        if (method && cls && a.type === 'METHOD') {
          let m = methods.get(cls.source);
          if (!m) {
            m = new Map();
            methods.set(cls.source, m);
          }
          m.set(method.key, {
            line: method.line,
            hits: numberAttr(a, 'covered', ctx.file, line, 'counter'),
          });
        }
        return;
      }
      switch (name) {
        case 'package':
          pkg = a.name ?? '';
          return;
        case 'class':
          cls = { name: a.name ?? '', source: a.sourcefilename ?? '' };
          return;
        case 'method':
          if (cls)
            method = {
              // Kept for the report: a flat copy, not a concatenation of slices of saxes' read chunk.
              key: own(`${cls.name}.${a.name ?? ''}${a.desc ?? ''}`),
              line: Number(a.line ?? 0),
            };
          return;
        case 'sourcefile': {
          if (source) scratch.flushInto(source.lines as LineHits);
          const p = own(pkg ? `${pkg}/${a.name ?? ''}` : (a.name ?? ''));
          source = { path: p, lines: new LineHits(), branches: new Map() };
          sources.set(a.name ?? '', source);
          files.push({ path: p, line, coverage: source });
          return;
        }
      }
    },
    close(name) {
      if (name === 'method') method = undefined;
      else if (name === 'class') cls = undefined;
      else if (name === 'sourcefile') {
        if (source) scratch.flushInto(source.lines as LineHits);
        source = undefined;
      } else if (name === 'package') {
        for (const [file, coverage] of sources) coverage.functions = methods.get(file) ?? new Map();
        methods = new Map();
        sources = new Map();
      }
    },
  });
  return { format: 'jacoco', files };
}
