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

const FORMATS =
  'hyperfine --export-json, go test -bench text, vitest bench --outputJson, tinybench task results, Benchmark.js output, pytest-benchmark JSON, k6 summary export, Google Benchmark JSON, criterion estimates.json/sample.json, github-action-benchmark custom JSON';

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
  if (isHyperfine(doc)) return readHyperfine(input, doc);
  if (isVitestBench(doc)) return readVitestBench(input, doc);
  if (isPytestBenchmark(doc)) return readPytestBenchmark(input, doc);
  if (isGoogleBenchmark(doc)) return readGoogleBenchmark(input, doc);
  if (isK6Summary(doc)) return readK6Summary(input, doc);
  if (isCriterionEstimates(doc)) return readCriterionEstimates(input, doc);
  if (isCriterionSample(doc)) return readCriterionSample(input, doc);
  if (isTinybenchTasks(doc)) return readTinybenchTasks(input, doc);
  if (isCustomBenchmark(doc)) return readCustomBenchmark(input, doc, options.direction);
  return fail(input, 'unrecognised benchmark JSON', `Expected one of: ${FORMATS}.`);
}

function readText(input: BenchInput): BenchResult {
  if (isGoBench(input.text)) return readGoBench(input);
  if (isBenchmarkJs(input.text)) return readBenchmarkJs(input);
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
