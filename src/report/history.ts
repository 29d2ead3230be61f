import type { GateSummary } from '../gate/baseline.js';
import type { PerfRun } from '../perf/history.js';
import {
  type ActivityWeek,
  type BenchmarkTrend,
  type Coverage,
  isNotAvailable,
  type NotAvailable,
  type Performance,
  type ReportSnapshot,
  type ReportWindow,
  type TrendPoint,
} from './snapshot.js';

/**
 * Trends from what shipkit already stores on its data branch: the gate summaries of default-branch
 * commits (coverage), the perf runs (benchmarks) and last weeks' report snapshots (activity, and
 * coverage when no gate summary holds it). Charts show the 12 weeks up to the window's end, one
 * point a day (the day's last run), so a busy repository does not draw thousands of points.
 */
export interface ReportHistory {
  gate: readonly GateSummary[];
  perf: readonly PerfRun[];
  snapshots: readonly ReportSnapshot[];
  /** Where it was read, e.g. `shipkit-data (local branch)`. */
  source: string;
  /**
   * Commits known to be committed before the window: a summary of one counts as before the window
   * even when its gate ran after the window began (a commit at 23:50, its gate at 00:05).
   */
  beforeWindow?: readonly string[];
  /** Why the window's commits could not be listed: coverage is then n/a, not last week's figure. */
  windowUnread?: string;
}

export const TREND_WEEKS = 12;
const DAY = 86_400_000;

interface Stamped {
  at: number;
  value: number;
  commit?: string;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The last point of each UTC day, oldest first, between `start` and `end` (exclusive). */
function daily(points: Stamped[], start: number, end: number): TrendPoint[] {
  const byDay = new Map<number, Stamped>();
  for (const p of points.filter((q) => q.at >= start && q.at < end).sort((a, b) => a.at - b.at)) {
    byDay.set(Math.floor(p.at / DAY), p);
  }
  return [...byDay.values()].map((p) => ({
    at: iso(p.at),
    value: p.value,
    ...(p.commit ? { commit: p.commit } : {}),
  }));
}

/** The last value strictly before `t`. */
function lastBefore(points: Stamped[], t: number): number | undefined {
  let best: Stamped | undefined;
  for (const p of points) if (p.at < t && (!best || p.at >= best.at)) best = p;
  return best?.value;
}

function bounds(window: ReportWindow) {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  return { from, to, start: to - TREND_WEEKS * 7 * DAY };
}

export function coverageFromHistory(history: ReportHistory, window: ReportWindow): Coverage | NotAvailable {
  const { from, to, start } = bounds(window);
  if (history.windowUnread) {
    return { status: 'n/a', reason: `the window's commits were not read (${history.windowUnread})` };
  }
  const before = new Set(history.beforeWindow ?? []);
  let points: Stamped[] = history.gate.flatMap((g) => {
    if (!g.coverage || g.coverage.lines.pct === null || !Number.isFinite(Date.parse(g.createdAt))) return [];
    const made = Date.parse(g.createdAt);
    const at = before.has(g.commit) && made >= from ? from - 1 : made;
    return [{ at, value: g.coverage.lines.pct, commit: g.commit }];
  });
  let source = `${history.source}: gate/ (line coverage of default-branch commits)`;
  if (points.length === 0) {
    points = history.snapshots.flatMap((s) =>
      !isNotAvailable(s.coverage) && !isNotAvailable(s.coverage.current)
        ? [{ at: Date.parse(s.window.to) - 1, value: s.coverage.current }]
        : [],
    );
    source = `${history.source}: report/ (past weekly snapshots)`;
  }
  const current = lastBefore(points, to);
  if (current === undefined) {
    return { status: 'n/a', reason: `no stored coverage before ${window.to} on ${history.source}` };
  }
  const previous = lastBefore(points, from);
  return {
    current,
    previous: previous ?? {
      status: 'n/a',
      reason: `no stored coverage before ${window.from} (the week before)`,
    },
    change: previous === undefined ? null : Math.round((current - previous) * 100) / 100,
    series: daily(points, start, to),
    source,
  };
}

export function performanceFromHistory(
  history: ReportHistory,
  window: ReportWindow,
): Performance | NotAvailable {
  const { from, to, start } = bounds(window);
  const byName = new Map<string, { unit: string; direction: 'smaller' | 'bigger'; points: Stamped[] }>();
  for (const run of history.perf) {
    const at = Date.parse(run.createdAt);
    if (!Number.isFinite(at) || at >= to) continue;
    for (const [name, m] of Object.entries(run.metrics)) {
      const entry = byName.get(name) ?? { unit: m.unit, direction: m.direction, points: [] };
      entry.points.push({ at, value: m.median, commit: run.commit });
      byName.set(name, entry);
    }
  }
  if (byName.size === 0) {
    return { status: 'n/a', reason: `no stored performance run before ${window.to} on ${history.source}` };
  }
  const benchmarks: BenchmarkTrend[] = [...byName]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, e]) => {
      const current = lastBefore(e.points, to) as number;
      const previous = lastBefore(e.points, from);
      // a change only when the benchmark ran in the window: a stale run says nothing about this week
      const ranThisWeek = e.points.some((p) => p.at >= from && p.at < to);
      const changePercent =
        ranThisWeek && previous !== undefined && previous !== 0
          ? Math.round(((current - previous) / previous) * 10_000) / 100
          : undefined;
      return {
        name,
        unit: e.unit,
        direction: e.direction,
        current,
        ...(previous !== undefined ? { previous } : {}),
        ...(changePercent !== undefined ? { changePercent } : {}),
        series: daily(e.points, start, to),
      };
    });
  const regressions = benchmarks.flatMap((b) =>
    b.changePercent === undefined ? [] : [b.direction === 'smaller' ? b.changePercent : -b.changePercent],
  );
  return {
    benchmarks,
    worstChangePercent: regressions.length > 0 ? Math.max(...regressions) : null,
    source: `${history.source}: perf/ (stored benchmark medians)`,
  };
}

/** Commits per week: past snapshots before this window, and this window's own figure. */
export function activityTrend(
  snapshots: readonly ReportSnapshot[],
  window: ReportWindow,
  current: { commits: unknown; pullRequestsMerged: unknown },
): ActivityWeek[] {
  const { from, start } = bounds(window);
  const weeks = new Map<number, ActivityWeek>();
  const add = (at: string, commits: unknown, merged: unknown) => {
    if (typeof commits !== 'number') return;
    weeks.set(Date.parse(at), {
      from: at,
      commits,
      ...(typeof merged === 'number' ? { pullRequestsMerged: merged } : {}),
    });
  };
  for (const s of snapshots) {
    const t = Date.parse(s.window.from);
    if (t >= start && t < from) add(s.window.from, s.activity.commits, s.activity.pullRequestsMerged);
  }
  add(window.from, current.commits, current.pullRequestsMerged);
  return [...weeks].sort(([a], [b]) => a - b).map(([, w]) => w);
}
