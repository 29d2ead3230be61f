import { resolve } from 'node:path';
import { countInput, RANGES } from '../config/fields.js';
import { loadConfig } from '../config/load.js';
import { parsePercent } from '../config/units.js';
import { writeFileAtomic } from '../fs/atomic.js';
import type { MetricComparison } from '../perf/compare.js';
import type { PerfGateResult } from '../perf/gate.js';
import { fmt } from '../perf/limits.js';
import { type Direction, directionNamed } from '../perf/model.js';
import { readBenchFile } from '../perf/read.js';
import { perfGate, perfSource } from '../perf/request.js';
import { type PerfSettings, perfSettings } from '../perf/settings.js';
import { summarize } from '../perf/summary.js';
import { comparisonText, summaryText } from '../perf/text.js';
import { spawnMeasure } from '../process/measure.js';
import { jsonForLog } from '../render/log.js';
import {
  type CliIO,
  type CommandLine,
  commandOptions,
  optionString,
  parseCommandLine,
  UsageError,
} from './args.js';

const HELP = `Usage:
  shipkit bench compare --base FILE --head FILE [--json]
        compare two benchmark outputs (hyperfine, go test -bench, vitest bench, Benchmark.js,
        pytest-benchmark, k6 summary, Google Benchmark, criterion, github-action-benchmark custom
        JSON; recognised by content). Exit 1 when a metric regressed.
  shipkit bench summary FILE [--json]
        median, mean, stddev and n of each metric in one output
  shipkit bench run --base-cmd CMD --head-cmd CMD [--samples 10] [--warmup 1] [--json]
        same-runner A/B: run both commands interleaved (ABAB…), compare their wall times and
        re-measure a regression before failing. CMD is split into words and run WITHOUT a
        shell (no $VAR, globs or pipes); add --shell to run it as \`sh -c CMD\` (trusted text only).

Options:
  --min-effect 5%      smallest change that counts (default: gates.performance.regression, else 5%)
  --confidence 95%     confidence of the change interval (default: gates.performance.confidence)
  --direction smaller|bigger   for github-action-benchmark custom JSON (customSmallerIsBetter /
                       customBiggerIsBetter); otherwise read from the unit
  --config FILE        shipkit.yml (default .github/shipkit.yml when present)
  --no-confirm         (run) do not re-measure before failing
  --out FILE           (compare, run) write the whole outcome as JSON: the perf-gate action's
                       \`result\` output for the same inputs
  --commit SHA         (compare, run) this run's label in the outcome's trend (default: head)
  --json               machine-readable output

compare and run judge as the perf-gate action does: the limits of gates.performance
(latency, throughput, per-metric bounds) apply to the head, and its \`action\` decides what a
failure means (fail_if_exceeded, warn_if_exceeded, informational).`;

const OPTIONS = commandOptions(
  [
    'base',
    'head',
    'out',
    'commit',
    'min-effect',
    'confidence',
    'direction',
    'config',
    'base-cmd',
    'head-cmd',
    'samples',
    'warmup',
  ],
  ['json', 'shell', 'no-confirm'],
);

export async function run(args: string[], io: CliIO): Promise<number> {
  const cl = parseCommandLine(args, OPTIONS, 'shipkit bench');
  const [verb, ...rest] = cl.positionals;
  if (cl.values.help) {
    io.out(HELP);
    return 0;
  }
  if (verb === 'summary') return summary(cl, rest, io);
  if (verb === 'compare') return compare(cl, rest, io);
  if (verb === 'run') return abRun(cl, rest, io);
  throw new UsageError(verb ? `unknown bench command "${verb}"` : 'missing bench command', { hint: HELP });
}

function noExtra(rest: string[]): void {
  if (rest.length > 0)
    throw new UsageError(`unexpected argument "${rest[0]}"`, { hint: 'Run `shipkit bench --help`.' });
}

/** The base and head options a verb needs (both given, not empty), with no stray argument. */
function bothOptions(
  cl: CommandLine,
  rest: string[],
  base: string,
  head: string,
  missing: string,
): [string, string] {
  noExtra(rest);
  const b = str(cl, base);
  const h = str(cl, head);
  if (!b || !h) throw new UsageError(missing, { hint: HELP });
  return [b, h];
}

function str(cl: CommandLine, name: string): string | undefined {
  return optionString(cl.values, name);
}

function direction(cl: CommandLine): Direction | undefined {
  const d = str(cl, 'direction');
  if (d === undefined) return undefined;
  const named = directionNamed(d);
  if (named) return named;
  throw new UsageError(`--direction must be smaller or bigger, got "${d}"`);
}

async function readSettings(cl: CommandLine): Promise<PerfSettings> {
  const { config } = await loadConfig(str(cl, 'config'));
  const s = perfSettings(config.gates.performance);
  const pct = (name: string): number | undefined => {
    const raw = str(cl, name);
    if (raw === undefined) return undefined;
    const v = parsePercent(raw.trim());
    if (v === undefined) throw new UsageError(`--${name} must be a percentage such as 5%, got "${raw}"`);
    return v;
  };
  const min = pct('min-effect');
  const conf = pct('confidence');
  if (min !== undefined) s.detect.minEffect = min;
  if (conf !== undefined) {
    if (conf <= 0 || conf >= 100) throw new UsageError('--confidence must be between 0% and 100%');
    s.detect.confidence = conf / 100;
  }
  return s;
}

function summary(cl: CommandLine, rest: string[], io: CliIO): number {
  const [file, ...extra] = rest;
  if (!file)
    throw new UsageError('missing the benchmark file', { hint: 'shipkit bench summary FILE [--json]' });
  noExtra(extra);
  const result = readBenchFile(file, { direction: direction(cl) });
  const s = summarize(result);
  for (const m of s.metrics) {
    if (m.n < 2) io.err(`note: ${m.name}: 1 sample (the tool's own figure): no spread to report`);
  }
  io.out(cl.values.json ? jsonForLog(s) : summaryText(s.metrics));
  return 0;
}

/**
 * The gate's outcome, as the perf-gate action judges it (limits and `action` applied): `--out`
 * writes it whole (the action's `result` output); `--json` prints the comparison rows and the
 * verdict, text mode a table; limits and notes follow.
 */
async function report(result: PerfGateResult, cl: CommandLine, io: CliIO): Promise<number> {
  const out = str(cl, 'out');
  if (out) await writeFileAtomic(resolve(out), `${JSON.stringify(result)}\n`);
  const metrics = result.metrics.flatMap(({ baseline, ...m }) => (baseline === 'none' ? [] : [m]));
  const limits = result.limits.map(
    (l) => `limit ${l.metric} ${l.rule}: ${fmt(l.actual)} ${l.unit}, ${l.ok ? 'met' : 'not met'}`,
  );
  if (cl.values.json) {
    io.out(jsonForLog({ metrics, verdict: result.verdict }));
    for (const n of [...limits, ...result.notes]) io.err(`note: ${n}`);
  } else {
    io.out(
      comparisonText({
        metrics: metrics as MetricComparison[],
        verdict: result.verdict,
        notes: [...limits, ...result.notes],
      }),
    );
  }
  return result.verdict === 'fail' ? 1 : 0;
}

async function compare(cl: CommandLine, rest: string[], io: CliIO): Promise<number> {
  const [base, head] = bothOptions(cl, rest, 'base', 'head', 'compare needs --base FILE and --head FILE');
  const settings = await readSettings(cl);
  const source = perfSource({
    baseCmd: '',
    headCmd: '',
    shell: false,
    warmup: 1,
    confirm: true,
    results: head,
    baseResults: base,
  });
  const { result } = await perfGate({ source, settings, direction: direction(cl), commit: commitOf(cl) });
  return report(result, cl, io);
}

/** The label of this run in the outcome's trend: `--commit`, else `head` (the action uses GITHUB_SHA). */
function commitOf(cl: CommandLine): string {
  return str(cl, 'commit')?.trim() || 'head';
}

function count(cl: CommandLine, name: 'samples' | 'warmup', fallback: number): number {
  const raw = str(cl, name);
  if (raw === undefined) return fallback;
  try {
    return countInput(raw, `--${name}`, RANGES[name]);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function abRun(cl: CommandLine, rest: string[], io: CliIO): Promise<number> {
  const [baseCmd, headCmd] = bothOptions(
    cl,
    rest,
    'base-cmd',
    'head-cmd',
    'run needs --base-cmd and --head-cmd',
  );
  const s = await readSettings(cl);
  const samples = count(cl, 'samples', s.samples);
  const source = perfSource({
    baseCmd,
    headCmd,
    shell: cl.values.shell === true,
    warmup: count(cl, 'warmup', 1),
    confirm: !cl.values['no-confirm'],
    results: '',
    baseResults: '',
  });
  const { result } = await perfGate(
    { source, settings: { ...s, samples }, commit: commitOf(cl) },
    { measure: spawnMeasure, log: (l) => io.err(l) },
  );
  return report(result, cl, io);
}
