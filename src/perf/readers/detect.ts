import type { BenchResult, Direction, Tool } from '../model.js';
import { isBenchmarkJs, readBenchmarkJs } from './benchmarkjs.js';
import {
  isCriterionEstimates,
  isCriterionSample,
  readCriterionEstimates,
  readCriterionSample,
} from './criterion.js';
import { isCustomBenchmark, readCustomBenchmark } from './custom.js';
import { isGoBench, readGoBench } from './go.js';
import { isGoogleBenchmark, readGoogleBenchmark } from './google-benchmark.js';
import { isHyperfine, readHyperfine } from './hyperfine.js';
import { type BenchInput, fail } from './input.js';
import { isK6RawStream, isK6Summary, readK6Summary } from './k6.js';
import { isPytestBenchmark, readPytestBenchmark } from './pytest.js';
import { isTinybenchTasks, isVitestBench, readTinybenchTasks, readVitestBench } from './vitest.js';

export interface ReadOptions {
  /** For github-action-benchmark custom JSON, which the file itself does not say. */
  direction?: Direction;
}

/** One benchmark output format: how it is recognised and read. */
type BenchReader =
  | {
      kind: 'json';
      /** How the format is named in the "Expected one of" hint; omitted for a second file of one tool. */
      format?: string;
      /** Reads `doc` when it is of this format, otherwise undefined. */
      read: (input: BenchInput, doc: unknown, options: ReadOptions) => BenchResult | undefined;
    }
  | {
      kind: 'text';
      format: string;
      matches: (text: string) => boolean;
      read: (input: BenchInput) => BenchResult;
    };

/** A JSON reader whose recogniser narrows the document its reader takes. */
function json<T>(
  format: string | undefined,
  is: (doc: unknown) => doc is T,
  read: (input: BenchInput, doc: T, options: ReadOptions) => BenchResult,
): BenchReader {
  return {
    kind: 'json',
    ...(format ? { format } : {}),
    read: (input, doc, options) => (is(doc) ? read(input, doc, options) : undefined),
  };
}

const text = (format: string, matches: (text: string) => boolean, read: (input: BenchInput) => BenchResult) =>
  ({ kind: 'text', format, matches, read }) as const;

/**
 * Every reader, tried in this order (the first that recognises the content reads it; the custom
 * format, the loosest, comes last). Adding a reader is one module and one line here.
 */
const READERS: readonly BenchReader[] = [
  json('hyperfine --export-json', isHyperfine, readHyperfine),
  text('go test -bench text', isGoBench, readGoBench),
  json('vitest bench --outputJson', isVitestBench, readVitestBench),
  json('tinybench task results', isTinybenchTasks, readTinybenchTasks),
  text('Benchmark.js output', isBenchmarkJs, readBenchmarkJs),
  json('pytest-benchmark JSON', isPytestBenchmark, readPytestBenchmark),
  json('k6 summary export', isK6Summary, readK6Summary),
  json('Google Benchmark JSON', isGoogleBenchmark, readGoogleBenchmark),
  json('criterion estimates.json/sample.json', isCriterionEstimates, readCriterionEstimates),
  json(undefined, (doc): doc is unknown => isCriterionSample(doc), readCriterionSample),
  json('github-action-benchmark custom JSON', isCustomBenchmark, (input, doc, options) =>
    readCustomBenchmark(input, doc, options.direction),
  ),
];

const FORMATS = READERS.flatMap((r) => (r.format ? [r.format] : [])).join(', ');

/** Reads any supported benchmark output, recognising the format by its content (not its name). */
export function readBench(input: BenchInput, options: ReadOptions = {}): BenchResult {
  const text = input.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') fail(input, 'the benchmark file is empty', `Expected one of: ${FORMATS}.`);
  if (isK6RawStream(text)) {
    fail(
      input,
      "this is k6's raw JSON-lines stream (`--out json`), not the end-of-test summary",
      'Run k6 with `--summary-export=summary.json` (or return JSON.stringify(data) from handleSummary) and give that file.',
    );
  }
  let doc: unknown;
  let parsed = false;
  try {
    doc = JSON.parse(text);
    parsed = true;
  } catch {
    // not JSON: one of the text formats
  }
  const result = parsed ? readJson(input, doc, options) : readText(input);
  return check(input, result);
}

function readJson(input: BenchInput, doc: unknown, options: ReadOptions): BenchResult {
  for (const r of READERS) {
    const result = r.kind === 'json' ? r.read(input, doc, options) : undefined;
    if (result) return result;
  }
  return fail(input, 'unrecognised benchmark JSON', `Expected one of: ${FORMATS}.`);
}

function readText(input: BenchInput): BenchResult {
  for (const r of READERS) if (r.kind === 'text' && r.matches(input.text)) return r.read(input);
  return fail(
    input,
    'not a benchmark output shipkit can read (neither JSON nor a known text format)',
    `Expected one of: ${FORMATS}.`,
  );
}

/** NaN, infinite or negative figures are refused with the metric's name. */
function check(input: BenchInput, result: BenchResult): BenchResult {
  if (result.metrics.length === 0) fail(input, `no benchmarks found in this ${result.tool} output`);
  const timeLike = (unit: string) => /^(ns|us|µs|ms|s)(\/op)?$/.test(unit);
  for (const m of result.metrics) {
    const bad = [m.value, ...(m.samples ?? [])].find(
      (v) => !Number.isFinite(v) || (v < 0 && timeLike(m.unit)),
    );
    if (bad !== undefined) {
      fail(
        input,
        `metric "${m.name}" has ${Number.isNaN(bad) ? 'NaN' : bad < 0 ? `a negative time (${bad})` : String(bad)} — not a valid measurement`,
        'Check the benchmark run; a failed run should not be compared.',
      );
    }
  }
  return result;
}

export type { Tool };
