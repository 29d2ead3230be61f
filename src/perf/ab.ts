import { ShipkitError } from '../errors.js';
import { type Comparison, compareResults } from './compare.js';
import type { BenchResult } from './model.js';
import type { DetectOptions } from './regression.js';

/**
 * Same-runner A/B: the base and head commands run interleaved (A B A B …) in one job, so both
 * see the same machine, the same neighbours and the same drift. A regressed or inconclusive
 * first round is re-measured with a longer round of fresh runs before the verdict (confirm on
 * rerun).
 *
 * Commands are argv arrays run without a shell: nothing in them is interpolated. A command
 * given as one string is split into words (quotes respected, no expansion) by `splitCommand`;
 * `sh -c` is used only when the caller asks for it explicitly, with text from trusted config.
 */
export type Argv = readonly [string, ...string[]];

/** Runs one command once; returns its wall time in ms. Fails when the command fails. */
export type Measure = (argv: Argv, label: string) => Promise<number>;

export interface AbOptions {
  base: Argv;
  head: Argv;
  /** Runs of each side per round. */
  samples: number;
  /** Untimed runs of each side first (caches, JIT). */
  warmup: number;
  detect: DetectOptions;
  /** Re-measure a regressed or inconclusive first round before deciding (default true). */
  confirm: boolean;
  /** How one run is timed: `spawnMeasure` (src/process/measure.ts) at the edge, a fake in tests. */
  measure: Measure;
  /** Progress lines (one per round). */
  log?: (line: string) => void;
}

export interface AbResult {
  comparison: Comparison;
  rounds: BenchResult[][];
  /** A first-round regression that the rerun did not reproduce. */
  unconfirmed: boolean;
}

const METRIC = 'wall time';

/** Splits `node bench.js --fast "a b"` into words: quotes group, backslash escapes, nothing expands. */
export function splitCommand(text: string): Argv {
  const words: string[] = [];
  let cur = '';
  let quote: '"' | "'" | undefined;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) words.push(cur);
      cur = '';
      started = false;
    } else {
      cur += ch;
      started = true;
    }
  }
  if (quote)
    throw new ShipkitError(`unterminated ${quote} quote in command: ${text}`, { hint: 'Close the quote.' });
  if (started) words.push(cur);
  if (words.length === 0)
    throw new ShipkitError('empty command', {
      hint: 'Give the program to run, e.g. --base-cmd "node bench.js".',
    });
  return words as unknown as Argv;
}

async function round(o: AbOptions, measure: Measure, runs: number): Promise<[BenchResult, BenchResult]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await measure(o.base, 'base'));
    b.push(await measure(o.head, 'head'));
  }
  const result = (samples: number[]): BenchResult => ({
    tool: 'ab',
    metrics: [
      {
        name: METRIC,
        unit: 'ms',
        direction: 'smaller',
        value: samples.reduce((x, y) => x + y, 0) / samples.length,
        samples,
      },
    ],
  });
  return [result(a), result(b)];
}

function pool(a: BenchResult, b: BenchResult): BenchResult {
  const [ma, mb] = [a.metrics[0], b.metrics[0]];
  if (!ma || !mb) return a;
  const samples = [...(ma.samples ?? []), ...(mb.samples ?? [])];
  return { ...a, metrics: [{ ...ma, samples, value: samples.reduce((x, y) => x + y, 0) / samples.length }] };
}

/** Runs the A/B comparison, confirming a regression with a second, independent round. */
export async function runAb(o: AbOptions): Promise<AbResult> {
  if (o.samples < 2) {
    throw new ShipkitError(`A/B mode needs at least 2 runs a side, got ${o.samples}`, {
      hint: 'Use --samples 10 (the default).',
    });
  }
  const measure = o.measure;
  for (let i = 0; i < o.warmup; i++) {
    await measure(o.base, 'base');
    await measure(o.head, 'head');
  }
  const first = await round(o, measure, o.samples);
  let comparison = compareResults(first[0], first[1], o.detect, { interleaved: true });
  o.log?.(
    `round 1: ${comparison.metrics[0]?.verdict} (${comparison.metrics[0]?.change.estimate.toFixed(1)}%)`,
  );
  const rounds: BenchResult[][] = [first];
  let unconfirmed = false;
  const firstVerdict = comparison.metrics[0]?.verdict;
  if (o.confirm && (firstVerdict === 'regressed' || firstVerdict === 'inconclusive')) {
    // Re-measure before failing (and when the first round cannot tell): a second interleaved
    // round of twice the runs. It fails only when both rounds pooled say "regressed" AND the
    // fresh round on its own shows at least the minimum effect, so one burst of noise cannot
    // fail the build. The longer second round is what lifts detection of a 10 % slowdown from
    // 10 runs a side to ≥ 95 % (bench:gate-quality); a clearly unchanged first round stops at 10.
    const second = await round(o, measure, 2 * o.samples);
    rounds.push(second);
    const pooled = compareResults(pool(first[0], second[0]), pool(first[1], second[1]), o.detect, {
      interleaved: true,
    });
    const fresh = compareResults(second[0], second[1], o.detect, { interleaved: true }).metrics[0];
    const pm = pooled.metrics[0];
    o.log?.(
      `round 2 (both rounds pooled): ${pm?.verdict} (${pm?.change.estimate.toFixed(1)}%); fresh round alone ${fresh?.change.estimate.toFixed(1)}%`,
    );
    const confirmed =
      pooled.verdict === 'fail' && fresh !== undefined && fresh.change.estimate >= o.detect.minEffect;
    if (confirmed) {
      const why = firstVerdict === 'regressed' ? 'confirmed on' : 'found after';
      comparison = {
        ...pooled,
        notes: [
          ...pooled.notes,
          `regression ${why} a second interleaved round (${3 * o.samples} runs a side in all)`,
        ],
      };
    } else if (pooled.verdict === 'fail' || firstVerdict === 'regressed') {
      unconfirmed = true;
      const metrics = pooled.metrics.map((m) => ({
        ...m,
        verdict: m.verdict === 'improved' ? m.verdict : ('inconclusive' as const),
      }));
      comparison = {
        metrics,
        verdict: 'warn',
        notes: [
          ...pooled.notes,
          'a slowdown seen in one round was not reproduced by the other: reported as inconclusive',
        ],
      };
    } else {
      comparison = {
        ...pooled,
        notes: [...pooled.notes, `re-measured: ${3 * o.samples} runs a side in two interleaved rounds`],
      };
    }
  }
  return { comparison, rounds, unconfirmed };
}
