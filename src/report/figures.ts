import {
  isAvailable,
  isNotAvailable,
  type NotAvailable,
  type ReportSnapshot,
  type ReportVerdict,
} from './snapshot.js';

/**
 * What every format says the same way: numbers, the window, the verdict's words and the few
 * figures that matter. Plain text here; each renderer escapes it for its own context.
 */

/** At most two decimals, no trailing zeros, no `-0`. */
export function num(value: number): string {
  const r = Math.round(value * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** A signed change: `+1.5`, `-2`, `0`. */
export function signed(value: number): string {
  return value > 0 ? `+${num(value)}` : num(value);
}

/** A value, or `n/a` when it could not be read. */
export function figure(value: number | NotAvailable, unit = ''): string {
  return isNotAvailable(value) ? 'n/a' : `${num(value)}${unit}`;
}

/** `failure 1, success 3`: counts by name, in name order; `escapeName` is applied to each name. */
export function countList(
  counts: Record<string, number>,
  escapeName: (name: string) => string = (name) => name,
): string {
  return Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, n]) => `${escapeName(name)} ${n}`)
    .join(', ');
}

export const VERDICT_WORDS: Record<ReportVerdict, { mark: string; label: string; meaning: string }> = {
  green: { mark: '🟢', label: 'Green', meaning: 'continue to next week' },
  yellow: { mark: '🟡', label: 'Yellow', meaning: 'minor issues, proceed with caution' },
  red: { mark: '🔴', label: 'Red', meaning: 'blocker, halt progress' },
};

/** The activity figures in the order every format lists them, with their names. */
export const ACTIVITY_NAMES = {
  commits: 'Commits',
  authors: 'Authors',
  pullRequestsMerged: 'Pull requests merged',
  pullRequestsOpened: 'Pull requests opened',
  issuesOpened: 'Issues opened',
  issuesClosed: 'Issues closed',
} as const;
export type ActivityFigure = keyof typeof ACTIVITY_NAMES;

export const STATUS_MARK: Record<string, string> = { pass: '✅', warn: '⚠️', fail: '❌', 'n/a': '❔' };

/** `2026-W49 (2026-11-30 to 2026-12-06)`: the last day shown is the one before the exclusive end. */
export function windowLabel(window: ReportSnapshot['window']): string {
  const lastDay = new Date(Date.parse(window.to) - 1).toISOString().slice(0, 10);
  const days = `${window.from.slice(0, 10)} to ${lastDay}`;
  return window.week ? `${window.week} (${days})` : days;
}

export function title(s: ReportSnapshot): string {
  return `Weekly report${s.repository ? ` for ${s.repository}` : ''}: ${windowLabel(s.window)}`;
}

/** An http(s) URL a renderer may link to, or undefined (anything else is shown as text or dropped). */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s<>"'`()\\]+$/.test(url) ? url : undefined;
}

export interface KeyFigure {
  label: string;
  value: string;
  /** Why it is n/a, when it is. */
  reason?: string;
}

function kf(label: string, value: number | NotAvailable, unit = ''): KeyFigure {
  return isNotAvailable(value)
    ? { label, value: 'n/a', reason: value.reason }
    : { label, value: figure(value, unit) };
}

/** Like kf, for a figure that was read but has nothing to show (`null`): n/a with `emptyReason`. */
function readFigure(
  label: string,
  value: number | null | NotAvailable,
  emptyReason: string,
  show: (value: number) => string,
): KeyFigure {
  if (value === null) return { label, value: 'n/a', reason: emptyReason };
  return isNotAvailable(value) ? kf(label, value) : { label, value: show(value) };
}

/** The few figures that matter, in the order every format shows them. */
export function keyFigures(s: ReportSnapshot): KeyFigure[] {
  const a = s.activity;
  const out = [
    kf('Commits', a.commits),
    kf('Authors', a.authors),
    kf('Pull requests merged', a.pullRequestsMerged),
  ];
  const cov = s.coverage;
  if (isNotAvailable(cov)) out.push(kf('Coverage', cov));
  else {
    const c = kf('Coverage', cov.current, ' %');
    if (cov.change !== null) c.value += ` (${signed(cov.change)} pts)`;
    out.push(c);
  }
  const t = s.tests;
  out.push(
    readFigure(
      'Test pass rate',
      isNotAvailable(t) ? t : t.passRate,
      'no completed run',
      (n) => `${num(n)} %`,
    ),
  );
  const p = s.performance;
  out.push(
    readFigure(
      'Worst perf change',
      isNotAvailable(p) ? p : p.worstChangePercent,
      'no benchmark with last week to compare',
      (n) => `${signed(n)} %`,
    ),
  );
  out.push(criticalAlerts(s));
  out.push(
    isNotAvailable(s.releases)
      ? kf('Releases', s.releases)
      : { label: 'Releases', value: String(s.releases.length) },
  );
  return out;
}

function criticalAlerts(s: ReportSnapshot): KeyFigure {
  const read = [s.security.codeScanning, s.security.dependabot].filter(isAvailable);
  if (read.length === 0 && isNotAvailable(s.security.codeScanning))
    return kf('Critical alerts', s.security.codeScanning);
  return {
    label: 'Critical alerts',
    value: String(read.reduce((n, x) => n + (x.bySeverity.critical ?? 0), 0)),
  };
}
