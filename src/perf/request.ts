import { ShipkitError } from '../errors.js';
import { type Argv, type Measure, runAb, splitCommand } from './ab.js';
import { compareResults } from './compare.js';
import { gateFromComparison, gateFromHistory, type PerfGateResult } from './gate.js';
import type { HistoryStore } from './history.js';
import type { BenchResult, Direction } from './model.js';
import { readBenchFile } from './read.js';
import type { PerfSettings } from './settings.js';

/** Where the head (and the base) come from: the gate's three modes. */
export type PerfSource =
  | { mode: 'files'; base: string; head: string }
  | { mode: 'history'; head: string }
  | { mode: 'ab'; base: Argv; head: Argv; warmup: number; confirm: boolean };

/**
 * One performance-gate job, built once by a reader of action inputs (`actions/perf-gate`) or of
 * CLI flags (`shipkit bench compare|run`) and judged by `perfGate`: both get the same verdict
 * from the same inputs, `gates.performance` limits included.
 */
export interface PerfRequest {
  source: PerfSource;
  settings: PerfSettings;
  /** For formats whose better direction is not in the unit (github-action-benchmark custom JSON). */
  direction?: Direction | undefined;
  /** The label of this run in the trend (the commit SHA in the action; `head` locally). */
  commit: string;
}

/**
 * What the job needs from outside: the stored history (if any), how one A/B run is timed
 * (`spawnMeasure` at the edge) and a progress log for A/B.
 */
export interface PerfDeps {
  store?: HistoryStore | undefined;
  measure?: Measure;
  log?: (line: string) => void;
}

export interface PerfJob {
  result: PerfGateResult;
  /** The head run, as stored in the history. */
  head: BenchResult;
}

/** The inputs that choose the mode, as given (trimmed); file paths already resolved. */
export interface PerfSourceInputs {
  baseCmd: string;
  headCmd: string;
  shell: boolean;
  warmup: number;
  confirm: boolean;
  results: string;
  baseResults: string;
}

/** Chooses the mode: commands mean A/B, two outputs mean files, one output means history. */
export function perfSource(i: PerfSourceInputs): PerfSource {
  if (i.baseCmd || i.headCmd) {
    if (!i.baseCmd || !i.headCmd) throw new ShipkitError('A/B mode needs both `base-cmd` and `head-cmd`');
    const argv = (c: string): Argv => (i.shell ? ['sh', '-c', c] : splitCommand(c));
    return { mode: 'ab', base: argv(i.baseCmd), head: argv(i.headCmd), warmup: i.warmup, confirm: i.confirm };
  }
  if (!i.results) {
    throw new ShipkitError(
      'nothing to measure: set `results` (a benchmark output) or `base-cmd` and `head-cmd`',
      {
        hint: 'See docs/performance.md for the three modes.',
      },
    );
  }
  return i.baseResults
    ? { mode: 'files', base: i.baseResults, head: i.results }
    : { mode: 'history', head: i.results };
}

/** Runs one performance-gate job: reads or measures, loads the history, judges with the limits. */
export async function perfGate(req: PerfRequest, deps: PerfDeps = {}): Promise<PerfJob> {
  const { source, settings, commit } = req;
  const past = async (head: BenchResult) =>
    deps.store
      ? await deps.store.load(
          head.metrics.map((m) => m.name),
          settings.history,
        )
      : [];
  if (source.mode === 'ab') {
    if (!deps.measure) throw new Error('perfGate: A/B mode needs deps.measure');
    const ab = await runAb({
      measure: deps.measure,
      base: source.base,
      head: source.head,
      samples: settings.samples,
      warmup: source.warmup,
      detect: settings.detect,
      confirm: source.confirm,
      ...(deps.log ? { log: deps.log } : {}),
    });
    const last = ab.rounds[ab.rounds.length - 1] as BenchResult[];
    const head = last[1] as BenchResult;
    return {
      head,
      result: gateFromComparison('ab', ab.comparison, head, settings, await past(head), commit),
    };
  }
  const head = readBenchFile(source.head, { direction: req.direction });
  const history = await past(head);
  if (source.mode === 'history') return { head, result: gateFromHistory(head, history, settings, commit) };
  const base = readBenchFile(source.base, { direction: req.direction });
  const c = compareResults(base, head, settings.detect);
  return { head, result: gateFromComparison('files', c, head, settings, history, commit) };
}

/** The error that fails the step when the gate failed (regressions or limits), else undefined. */
export function perfFailure(result: PerfGateResult): ShipkitError | undefined {
  if (result.verdict !== 'fail') return undefined;
  return new ShipkitError(`performance gate failed: ${failureReasons(result).join('; ')}`, {
    hint: 'See the job summary for the intervals and the trend.',
  });
}

/** The one-line reasons a failed gate gives: regressed metrics, then limits not met. */
export function failureReasons(result: PerfGateResult): string[] {
  const regressed = result.metrics.filter((m) => m.verdict === 'regressed').map((m) => `${m.name} regressed`);
  const failed = result.limits
    .filter((l) => !l.ok)
    .map((l) => `${l.metric} ${l.rule} ${l.rule.startsWith('k6 threshold') ? 'failed' : 'exceeded'}`);
  return [...regressed, ...failed];
}

/** Where runs are stored: a directory (`history-dir`), the data branch, or nowhere. */
export type HistoryChoice =
  | { kind: 'none' }
  | { kind: 'local'; dir: string }
  | { kind: 'data-branch'; branch: string };

/** Chooses the history store from `history-dir` and `data-branch` (both trimmed); both is an error. */
export function historyChoice(historyDir: string, dataBranch: string): HistoryChoice {
  if (historyDir && dataBranch) throw new ShipkitError('set `history-dir` or `data-branch`, not both');
  if (historyDir) return { kind: 'local', dir: historyDir };
  if (dataBranch) return { kind: 'data-branch', branch: dataBranch };
  return { kind: 'none' };
}

/** `save-history` as given: `auto` (or empty) stores on a push to the default branch. */
export type SaveHistory = 'auto' | boolean;

/**
 * What a judged run does with the history: `save` stores it (and its trends), `pr-trends` stores
 * only the trend drawings of a pull request on the data branch (`pr-trends: true`), `none` nothing.
 */
export function historyAction(
  choice: HistoryChoice,
  save: SaveHistory,
  facts: { defaultBranchPush: boolean; pullRequest: number | undefined; prTrends: boolean; trends: number },
): 'save' | 'pr-trends' | 'none' {
  if (choice.kind === 'none') return 'none';
  if (save === 'auto' ? facts.defaultBranchPush : save) return 'save';
  const drawable = choice.kind === 'data-branch' && facts.pullRequest !== undefined && facts.trends > 0;
  return drawable && facts.prTrends ? 'pr-trends' : 'none';
}
