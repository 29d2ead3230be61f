import { ShipkitError } from '../errors.js';
import { gateSummaryPath } from '../gate/baseline.js';
import { TREND_WEEKS } from './history.js';
import { snapshotPath } from './json.js';
import { isNotAvailable, type ReportSnapshot } from './snapshot.js';
import { weekWindow } from './window.js';

/**
 * Which data-branch files the weekly report's trends read: one rule for both readers (the action's,
 * through the API, and `shipkit report` offline, through git), so the same week and the same branch
 * give the same trends whichever reads them (test/report/parity.test.ts).
 *
 * - gate summaries: of the window's commits, the last commit of each UTC day (by committer time),
 *   and of the newest of the last commits before the window that has one (the week-over-week
 *   "previous"; each reader lists the same number of commits before the window); then, once the past snapshots are read, those of the commits their coverage series drew
 *   ({@link earlierGateFiles}). The API knows no other commit's time without reading it.
 * - perf runs: the last run of each UTC day (by the time in the file name) for the trend's 12 weeks.
 * - past snapshots: the weeks the trends draw (by the window in the file name), never the window's
 *   own (a re-run's earlier snapshot of this week is not history); {@link keepSnapshots} checks
 *   their content.
 */

const DAY = 86_400_000;

/** Commits before the window each reader lists, for the newest one with a gate summary. */
export const COMMITS_BEFORE = 20;

export interface WindowCommitTime {
  sha: string;
  /** Committer time, ms since the epoch. */
  at: number;
}

type Window = { from: string; to: string; week?: string };

function span(window: Window) {
  const end = Date.parse(window.to);
  return { from: Date.parse(window.from), end, start: end - TREND_WEEKS * 7 * DAY };
}

/** `perf/2026-12-01T10-00-00-000Z-<sha>.json` → the time in its name (NaN when it has none). */
export function perfFileTime(path: string): number {
  const m = /^perf\/(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z-/.exec(path);
  return m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5] ?? '000'}Z`) : Number.NaN;
}

/** `report/2026-W36.json` or `report/2026-09-01_2026-09-08.json` → the window's start; undefined when unknown. */
function snapshotFileStart(path: string): number | undefined {
  const name = path.slice('report/'.length, -'.json'.length);
  const dated = /^(\d{4}-\d{2}-\d{2})_/.exec(name);
  if (dated) return Date.parse(`${dated[1]}T00:00:00Z`);
  try {
    return Date.parse(weekWindow(name).from);
  } catch {
    return undefined;
  }
}

/** The last item of each UTC day (by `time`), between start and end. */
function lastPerDay<T>(items: readonly T[], time: (t: T) => number, start: number, end: number): T[] {
  const byDay = new Map<number, { t: number; item: T }>();
  for (const item of items) {
    const t = time(item);
    if (!(t >= start && t < end)) continue;
    const day = Math.floor(t / DAY);
    const best = byDay.get(day);
    if (!best || t >= best.t) byDay.set(day, { t, item });
  }
  return [...byDay.values()].map((v) => v.item);
}

/** The files to read first, from the branch's listing and the window's commits. */
export function pickHistoryFiles<F extends { path: string }>(
  files: readonly F[],
  window: Window,
  windowCommits: readonly WindowCommitTime[],
  before: readonly WindowCommitTime[] = [],
): { gate: F[]; perf: F[]; snapshots: F[] } {
  const { from, end, start } = span(window);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const gate = lastPerDay(
    windowCommits.filter((c) => byPath.has(gateSummaryPath(c.sha))),
    (c) => c.at,
    start,
    end,
  ).map((c) => byPath.get(gateSummaryPath(c.sha)) as F);
  const previous = before
    .filter((c) => c.at < from && byPath.has(gateSummaryPath(c.sha)))
    .reduce<WindowCommitTime | undefined>((best, c) => (!best || c.at > best.at ? c : best), undefined);
  if (previous) gate.push(byPath.get(gateSummaryPath(previous.sha)) as F);
  const perf = lastPerDay(
    files.filter((f) => /^perf\/[^/]+\.json$/.test(f.path)),
    (f) => perfFileTime(f.path),
    start,
    end,
  );
  const own = snapshotPath(window);
  const snapshots = files.filter((f) => {
    if (!/^report\/[^/]+\.json$/.test(f.path) || f.path === own) return false;
    const at = snapshotFileStart(f.path);
    return at === undefined || (at >= start && at < from);
  });
  return { gate, perf, snapshots };
}

/** Of the snapshots read, those of the weeks the trends draw (a file's name may not say). */
export function keepSnapshots(snapshots: readonly ReportSnapshot[], window: Window): ReportSnapshot[] {
  const { start } = span(window);
  return snapshots.filter((s) => Date.parse(s.window.from) >= start && s.window.from < window.from);
}

/** The gate summaries of the commits past snapshots' coverage series drew, not already picked. */
export function earlierGateFiles<F extends { path: string }>(
  files: readonly F[],
  snapshots: readonly ReportSnapshot[],
  window: Window,
  picked: readonly F[],
): F[] {
  const { start } = span(window);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const commits = snapshots.flatMap((s) =>
    isNotAvailable(s.coverage)
      ? []
      : s.coverage.series.flatMap((p) => (p.commit && Date.parse(p.at) >= start ? [p.commit] : [])),
  );
  return [...new Set(commits)]
    .map((c) => byPath.get(gateSummaryPath(c)))
    .filter((f): f is F => f !== undefined && !picked.includes(f));
}

/**
 * One data-branch file read through its producer's parser (`parse` throws a ShipkitError or returns
 * the problem as a string): a damaged file is skipped with a warning naming it, by both readers alike.
 */
export function parseDataFile<T>(
  parse: (text: string, file: string) => T | string,
  text: string,
  file: string,
  warn: (message: string) => void,
): T | undefined {
  try {
    const value = parse(text, file);
    if (typeof value === 'string') throw new ShipkitError(value);
    return value;
  } catch (err) {
    if (!(err instanceof ShipkitError)) throw err;
    warn(`${file}: skipped: ${err.message}`);
    return undefined;
  }
}
