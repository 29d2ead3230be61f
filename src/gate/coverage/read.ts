import { dirname, resolve } from 'node:path';
import { ShipkitError } from '../../errors.js';
import { checkFile } from '../../fs/read.js';
import { expandGlob } from '../glob.js';
import { detectFormat, FORMAT_NAMES, formatFromName } from './detect.js';
import { addFile } from './merge.js';
import type { CoverageFormat, CoverageReport } from './model.js';
import { type PathFix, type PathOptions, PathResolver } from './paths.js';
import { type ReaderContext, type ReportContents, reportError } from './source.js';

export interface ReadOptions extends PathOptions {
  /** Where relative report paths and globs start (default: root). */
  cwd?: string;
  /** Called with each warning as it happens (they are also returned). */
  warn?: (message: string) => void;
  /**
   * Keep files that match nothing in the repository under the path the report gives, instead of
   * dropping them: a summary counts every file of a report, as `lcov --summary` does, with or
   * without a repository at hand. A gate leaves this off (files outside the repository are not its).
   */
  keepOutside?: boolean;
}

/** One report that was read. */
export interface ReportRead {
  file: string;
  format: CoverageFormat;
  files: number;
}

/** What readCoverage returns: the merged report, what was read, and the warnings. */
export interface CoverageRead extends CoverageReport {
  reports: ReportRead[];
  warnings: string[];
}

type Reader = (path: string, ctx: ReaderContext) => ReportContents;

/**
 * Each format's reader, loaded when a report of that format is met: an lcov gate does not load the
 * XML parser, nor a Cobertura one the lcov reader (the action's start-up pays only for what it reads).
 */
const READERS: Record<CoverageFormat, () => Promise<Reader>> = {
  lcov: async () => (await import('./lcov.js')).readLcov,
  cobertura: async () => (await import('./cobertura.js')).readCobertura,
  clover: async () => (await import('./clover.js')).readClover,
  'istanbul-final': async () => (await import('./istanbul.js')).readIstanbulFinal,
  'istanbul-summary': async () => (await import('./istanbul.js')).readIstanbulSummary,
  jacoco: async () => (await import('./jacoco.js')).readJacoco,
  go: async () => (await import('./go.js')).readGo,
  coveragepy: async () => (await import('./coveragepy.js')).readCoveragePy,
};

const JSON_FORMATS = new Set<CoverageFormat>(['istanbul-final', 'istanbul-summary', 'coveragepy']);

/**
 * Reads coverage reports (files or globs), each in the format its content shows, makes their
 * paths repository-relative and merges them by file and line. Throws a ShipkitError naming the
 * report and line for anything it cannot read, and when nothing at all was read.
 */
export async function readCoverage(patterns: string[], options: ReadOptions = {}): Promise<CoverageRead> {
  const resolver = new PathResolver(options);
  const cwd = resolve(options.cwd ?? resolver.root);
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    options.warn?.(m);
  };
  const report: CoverageRead = {
    files: new Map(),
    formats: [],
    approximate: new Set(),
    reports: [],
    warnings,
  };
  if (patterns.length === 0)
    throw new ShipkitError('no coverage report given', { hint: 'Name one or more report files or globs.' });
  const files: string[] = [];
  for (const pattern of patterns) {
    const matched = expandGlob(pattern, cwd);
    if (matched.length === 0) {
      throw new ShipkitError(`no coverage report matches ${pattern}`, {
        hint: `Paths and globs are relative to ${cwd}; did the tests write their report?`,
      });
    }
    for (const m of matched) if (!files.includes(m)) files.push(m);
  }
  const notFound = new Set<string>();
  const fixes = new Map<PathFix, { files: Set<string>; example: string }>();
  const fixed = (how: PathFix, raw: string, path: string) => {
    const f = fixes.get(how);
    if (f) f.files.add(path);
    else fixes.set(how, { files: new Set([path]), example: `${raw} → ${path}` });
  };
  for (const file of files) {
    const abs = resolve(cwd, file);
    const one = await readOne(abs, file, warn);
    const context = {
      reportDir: dirname(abs),
      ...(one.sourceRoots ? { sourceRoots: one.sourceRoots } : {}),
      goModules: one.format === 'go',
    };
    let kept = 0;
    const outside: string[] = [];
    for (const f of one.files) {
      const r = resolver.resolve(f.path, context);
      if ('outside' in r && !options.keepOutside) {
        outside.push(`${f.path}${f.line === undefined ? '' : ` (line ${f.line})`}`);
        continue;
      }
      const path = 'outside' in r ? r.outside : r.path;
      if ('outside' in r || !r.found) notFound.add(path);
      else if (r.fixed) fixed(r.fixed, f.path, path);
      addFile(report, path, f.coverage);
      kept++;
    }
    for (const [p, totals] of one.totalsOnly ?? []) {
      const r = resolver.resolve(p, context);
      if ('outside' in r && !options.keepOutside) {
        outside.push(p);
        continue;
      }
      const path = 'outside' in r ? r.outside : r.path;
      if ('outside' in r || !r.found) notFound.add(path);
      else if (r.fixed) fixed(r.fixed, p, path);
      report.totalsOnly ??= new Map();
      if (report.totalsOnly.has(path) || report.files.has(path)) {
        for (const m of ['lines', 'statements', 'branches', 'functions'] as const) report.approximate.add(m);
      }
      report.totalsOnly.set(path, totals);
      kept++;
    }
    if (outside.length > 0) {
      warn(
        `${file}: ${outside.length} file(s) outside the repository ${resolver.root} ignored: ${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''}. ` +
          'Map them with a path map (e.g. /build/src/=src/) if they belong to it.',
      );
    }
    const total = one.files.length + (one.totalsOnly?.size ?? 0);
    if (total === 0) {
      throw reportError(
        file,
        1,
        `empty ${FORMAT_NAMES[one.format]} report: it covers no file`,
        'Did the tests run with coverage on?',
      );
    }
    if (kept === 0) {
      throw reportError(
        file,
        undefined,
        `every file in this report is outside the repository ${resolver.root}`,
        "Pass the repository root, or a path map from the report's paths to the repository's.",
      );
    }
    if (!report.formats.includes(one.format)) report.formats.push(one.format);
    report.reports.push({ file, format: one.format, files: kept });
  }
  if (fixes.size > 0) {
    for (const [how, f] of fixes) {
      warn(
        `${f.files.size} file(s) written on another machine matched to the repository at ${resolver.root} by ${how} (e.g. ${f.example}).`,
      );
    }
  }
  if (notFound.size > 0) {
    warn(
      `${notFound.size} file(s) in the reports are not in the repository at ${resolver.root}: ${[...notFound].slice(0, 3).join(', ')}${notFound.size > 3 ? ', …' : ''}`,
    );
  }
  return report;
}

/** Reads one report in the format its content shows; a name that says otherwise is a warning. */
async function readOne(abs: string, file: string, warn: (m: string) => void): Promise<ReportContents> {
  const target = { what: 'the coverage report', file } as const;
  // Streamed formats (lcov, XML, Go) may be large; JSON ones are parsed whole.
  if (checkFile(abs, { ...target, kind: 'coverage' }).size === 0) {
    throw reportError(
      file,
      undefined,
      'empty file: no coverage was written',
      'Did the tests run with coverage on?',
    );
  }
  const format = detectFormat(abs, file);
  const byName = formatFromName(file);
  if (!format) {
    throw reportError(
      file,
      1,
      byName
        ? `named like a ${FORMAT_NAMES[byName]} report, but its content is not one (nor any format shipkit reads)`
        : 'not a coverage report shipkit reads',
      'Formats: lcov, Cobertura, Clover, JaCoCo XML, Istanbul coverage-final.json/coverage-summary.json, Go coverprofile, coverage.py JSON.',
    );
  }
  if (byName && byName !== format) {
    warn(
      `${file}: named like a ${FORMAT_NAMES[byName]} report, but its content is ${FORMAT_NAMES[format]}; read as ${FORMAT_NAMES[format]}.`,
    );
  }
  if (JSON_FORMATS.has(format)) checkFile(abs, { ...target, kind: 'report' });
  const read = await READERS[format]();
  return read(abs, { file, warn });
}
