import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { countInput, RANGES } from '../config/fields.js';
import { loadConfig } from '../config/load.js';
import { ShipkitError } from '../errors.js';
import { writeFilesAtomic } from '../fs/atomic.js';
import { LocalHistoryStore } from '../fs/perf-history.js';
import { isReadOnlyTokenError } from '../github/errors.js';
import type { DataBranchHistoryStore } from '../github/perf-history.js';
import { writeOrSummarize } from '../github/publish.js';
import { type HistoryStore, toRun } from '../perf/history.js';
import { type Direction, directionNamed } from '../perf/model.js';
import { renderPerfGate } from '../perf/render.js';
import {
  type HistoryChoice,
  historyAction,
  historyChoice,
  perfFailure,
  perfGate,
  perfSource,
  type SaveHistory,
} from '../perf/request.js';
import { perfSettings } from '../perf/settings.js';
import { type TrendFile, trendFiles } from '../perf/trend-svg.js';
import { spawnMeasure } from '../process/measure.js';
import { dataBranchInput } from '../scm/branch-name.js';
import { commentOnPullRequest } from './comment.js';
import type { ActionIO } from './runtime.js';

/**
 * `actions/perf-gate`: the performance gate. Its own action (not a part of `actions/gate`)
 * because its A/B mode runs the project's benchmarks itself for minutes, and its inputs
 * (commands, history) share nothing with the report-reading gates. Three modes:
 *   - `base-cmd` + `head-cmd`: same-runner A/B, interleaved, a regression re-measured before failing;
 *   - `results` + `base-results`: two benchmark outputs;
 *   - `results` alone: against the stored history (`history-dir`), "no baseline" when empty.
 * Limits from `gates.performance` apply to the head in every mode. Commands come from the
 * workflow file (trusted); they run without a shell unless `shell: true`.
 */
export async function run(io: ActionIO): Promise<void> {
  const ctx = io.context();
  const ws = ctx.workspace;
  const path = (p: string) => (isAbsolute(p) ? p : join(ws, p));
  const inputPath = (name: string) => {
    const raw = io.input(name).trim();
    return raw && path(raw);
  };
  const { config } = await loadConfig(io.input('config-file') || undefined, ws);
  const settings = perfSettings(config.gates.performance);
  const samplesInput = io.input('samples').trim();
  if (samplesInput) settings.samples = countInput(samplesInput, 'input `samples`', RANGES.samples);
  const direction = readDirection(io.input('direction').trim());
  const choice = historyChoice(io.input('history-dir').trim(), dataBranchInput(io.input('data-branch')));
  const { store, branchStore, where } = await historyStore(io, choice, path);
  const commit = ctx.sha || 'head';

  const baseCmd = io.input('base-cmd').trim();
  const headCmd = io.input('head-cmd').trim();
  const source = perfSource({
    baseCmd,
    headCmd,
    shell: baseCmd || headCmd ? io.booleanInput('shell') : false,
    warmup: 1,
    confirm: true,
    results: inputPath('results'),
    baseResults: inputPath('base-results'),
  });
  const { result, head } = await perfGate(
    { source, settings, direction, commit },
    { store, measure: spawnMeasure, log: io.info },
  );

  const trends = trendFiles(result, settings.history);
  io.setOutput('trend-dir', await writeTrendDir(trends));

  // Stored before the summary is written: with a data branch, the trend images are linked at the
  // commit that stores them. A failed write still leaves the summary (with Mermaid trends).
  let trendImages: Map<string, string> | undefined;
  let saveError: unknown;
  const todo = historyAction(choice, saveHistory(io), {
    defaultBranchPush: ctx.isDefaultBranchPush,
    pullRequest: ctx.issueNumber,
    prTrends: io.booleanInput('pr-trends'),
    trends: trends.length,
  });
  if (todo === 'save' && store) {
    try {
      trendImages = await saveRun(io, { store, branchStore }, toRun(commit, head), trends, where);
    } catch (err) {
      saveError = err;
    }
  } else if (todo === 'pr-trends' && branchStore) {
    trendImages = await savePrTrends(io, branchStore, `pr-${ctx.issueNumber}`, trends);
  }

  const markdown = renderPerfGate(result, {
    trendPoints: settings.history,
    ...(trendImages ? { trendImages } : {}),
  });
  await io.summary(markdown);
  const regressed = result.metrics.filter((m) => m.verdict === 'regressed').map((m) => m.name);
  io.setOutput('verdict', result.verdict);
  io.setOutput('regressed', JSON.stringify(regressed));
  io.setOutput('result', JSON.stringify(result));
  for (const n of result.notes) io.info(n);
  if (saveError !== undefined) throw saveError;

  if (io.booleanInput('comment') && ctx.issueNumber !== undefined && ctx.repository) {
    await commentOnPullRequest(
      io,
      { ...ctx.repository, issueNumber: ctx.issueNumber, key: 'perf-gate' },
      markdown,
    );
  }
  const failure = perfFailure(result);
  if (failure) throw failure;
  if (result.verdict === 'warn') io.warn('performance gate: warn (see the job summary)');
}

interface Stores {
  store: HistoryStore | undefined;
  branchStore: DataBranchHistoryStore | undefined;
  /** Where runs are stored, for the log. */
  where: string;
}

/** The history store `historyChoice` chose: a local directory, the data branch, or none. */
async function historyStore(
  io: ActionIO,
  choice: HistoryChoice,
  path: (p: string) => string,
): Promise<Stores> {
  const ctx = io.context();
  if (choice.kind === 'local') {
    return {
      store: new LocalHistoryStore(path(choice.dir), io.warn),
      branchStore: undefined,
      where: choice.dir,
    };
  }
  if (choice.kind === 'data-branch') {
    if (!ctx.repository)
      throw new ShipkitError('`data-branch` needs GITHUB_REPOSITORY (run it in GitHub Actions)');
    const { DataBranchHistoryStore } = await import('../github/perf-history.js');
    const branchStore = new DataBranchHistoryStore(
      await io.github(),
      { ...ctx.repository, branch: choice.branch },
      io.warn,
    );
    return { store: branchStore, branchStore, where: `the ${choice.branch} branch` };
  }
  return { store: undefined, branchStore: undefined, where: '' };
}

/** Stores this run (with its trends on a data branch); the trend images' URLs when they were stored. */
async function saveRun(
  io: ActionIO,
  { store, branchStore }: { store: HistoryStore; branchStore: DataBranchHistoryStore | undefined },
  run: ReturnType<typeof toRun>,
  trends: readonly TrendFile[],
  where: string,
): Promise<Map<string, string> | undefined> {
  const save = async (): Promise<string> => {
    if (branchStore) return (await branchStore.saveWithTrends(run, trends)).commit;
    await store.save(run);
    return '';
  };
  const saved = await writeOrSummarize('performance history', save, '', io.warn);
  if (saved !== undefined) io.info(`stored this run's results for ${run.commit} in ${where}`);
  if (!saved || !branchStore) return undefined;
  const { serverUrl } = io.context();
  return new Map(trends.map((t) => [t.name, branchStore.trendUrl(serverUrl, saved, t.file)]));
}

/**
 * A pull request stores no run, but its trend (with this run as the last point) can still be an
 * image: the drawings alone go to the data branch when the token may write there.
 */
async function savePrTrends(
  io: ActionIO,
  branchStore: DataBranchHistoryStore,
  label: string,
  trends: readonly TrendFile[],
): Promise<Map<string, string> | undefined> {
  try {
    const { commit: saved } = await branchStore.saveTrends(label, trends);
    const { serverUrl } = io.context();
    return new Map(trends.map((t) => [t.name, branchStore.trendUrl(serverUrl, saved, `${label}/${t.file}`)]));
  } catch (err) {
    // a picture is not worth failing the gate over: Mermaid instead
    if (isReadOnlyTokenError(err))
      io.info(
        'trends drawn in Mermaid: the token cannot write the data branch (grant `contents: write` for SVG trends on pull requests)',
      );
    else
      io.warn(`trends drawn in Mermaid: writing them to the data branch failed: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * Every metric's trend SVG, plus `trends.json` (metric name, unit, file, points drawn), in a new
 * directory under RUNNER_TEMP: the `trend-dir` output, for a later step to upload or publish.
 */
async function writeTrendDir(trends: readonly TrendFile[]): Promise<string> {
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'shipkit-perf-trends-'));
  const index = trends.map(({ name, unit, file, points }) => ({ name, unit, file, points }));
  await writeFilesAtomic(dir, [
    ...trends.map((t) => [t.file, t.svg] as const),
    ['trends.json', `${JSON.stringify(index, null, 2)}\n`] as const,
  ]);
  return dir;
}

/** `save-history`: true, false, or `auto` (the default). */
function saveHistory(io: ActionIO): SaveHistory {
  const raw = io.input('save-history').trim().toLowerCase();
  return raw === '' || raw === 'auto' ? 'auto' : io.booleanInput('save-history');
}

function readDirection(d: string): Direction | undefined {
  if (d === '') return undefined;
  const named = directionNamed(d);
  if (named) return named;
  throw new ShipkitError(`input \`direction\` must be smaller or bigger, got "${d}"`);
}
