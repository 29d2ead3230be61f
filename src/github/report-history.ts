import { parseGateSummary } from '../gate/baseline.js';
import { parseRun } from '../perf/history.js';
import { type ReportHistory, TREND_WEEKS } from '../report/history.js';
import { parseSnapshot, snapshotPath } from '../report/json.js';
import { isNotAvailable, type NotAvailable, type ReportSnapshot } from '../report/snapshot.js';
import { weekWindow } from '../report/window.js';
import type { GitHub } from './client.js';
import { type DataBranch, type DataFile, listDataFiles, readBlob, writeDataFiles } from './data-branch.js';
import { baselinePath } from './gate-baseline.js';
import type { WindowCommit } from './report-activity.js';
import { readSection } from './report-section.js';

const DAY = 86_400_000;
/** Blobs read per GraphQL query. */
const BATCH = 50;

/** `perf/2026-12-01T10-00-00-000Z-<sha>.json` → the time in its name. */
function perfTime(path: string): number {
  const m = /^perf\/(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z-/.exec(path);
  return m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5] ?? '000'}Z`) : Number.NaN;
}

/** `report/2026-W36.json` or `report/2026-09-01_2026-09-08.json` → the window's start; undefined when unknown. */
function snapshotStart(path: string): number | undefined {
  const name = path.slice('report/'.length, -'.json'.length);
  const dated = /^(\d{4}-\d{2}-\d{2})_/.exec(name);
  if (dated) return Date.parse(`${dated[1]}T00:00:00Z`);
  try {
    return Date.parse(weekWindow(name).from);
  } catch {
    return undefined;
  }
}

/** Commits of a past snapshot's coverage points since `start`. */
function seriesCommits(s: ReportSnapshot, start: number): string[] {
  if (isNotAvailable(s.coverage)) return [];
  return s.coverage.series.flatMap((p) => (p.commit && Date.parse(p.at) >= start ? [p.commit] : []));
}

/** The last file of each UTC day (by `time`), between start and end. */
function lastPerDay<T>(items: T[], time: (t: T) => number, start: number, end: number): T[] {
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

/**
 * What the trends need from the data branch, in few calls: the tree (2 calls), then in batches of
 * 50 blobs per GraphQL query: the gate summaries of the window's last commit each day, the last perf
 * run of each day for 12 weeks, and the past weeks' snapshots. A damaged file is skipped with a warning.
 */
export function readDataHistory(
  gh: GitHub,
  b: DataBranch,
  window: { from: string; to: string; week?: string },
  commits: WindowCommit[],
  warn: (message: string) => void,
) {
  return readSection(`GET /repos/${b.owner}/${b.repo}/git/trees (${b.branch})`, async () => {
    let files: DataFile[];
    try {
      files = await listDataFiles(gh, b);
    } catch (err) {
      if (!/too large to list/.test((err as Error).message)) throw err;
      const na: NotAvailable = { status: 'n/a', reason: `${b.branch}: ${(err as Error).message}` };
      return na;
    }
    const end = Date.parse(window.to);
    const start = end - TREND_WEEKS * 7 * DAY;
    const byPath = new Map(files.map((f) => [f.path, f]));
    const gateFiles = lastPerDay(
      commits.filter((c) => byPath.has(baselinePath(c.oid))),
      (c) => Date.parse(c.committedDate),
      start,
      end,
    ).map((c) => byPath.get(baselinePath(c.oid)) as DataFile);
    const perfFiles = lastPerDay(
      files.filter((f) => /^perf\/[^/]+\.json$/.test(f.path)),
      (f) => perfTime(f.path),
      start,
      end,
    );
    const own = snapshotPath(window);
    // Only the snapshots of the weeks the trends draw are read (their names say their window).
    const snapshotFiles = files.filter((f) => {
      if (!/^report\/[^/]+\.json$/.test(f.path) || f.path === own) return false;
      const from = snapshotStart(f.path);
      return from === undefined || (from >= start && from < Date.parse(window.from));
    });
    const texts = await readBlobs(gh, b, [...gateFiles, ...perfFiles, ...snapshotFiles]);
    const parsed = <T>(list: DataFile[], parse: (text: string, path: string) => T): T[] =>
      list.flatMap((f) => {
        const text = texts.get(f.sha);
        if (text === undefined) return [];
        try {
          return [parse(text, `${b.branch}:${f.path}`)];
        } catch (err) {
          warn(`${b.branch}:${f.path}: skipped, ${(err as Error).message}`);
          return [];
        }
      });
    const perf = parsed(perfFiles, (text, path) => {
      const run = parseRun(text, path);
      if (typeof run === 'string') throw new Error(run);
      return run;
    });
    const snapshots = parsed(snapshotFiles, parseSnapshot).filter(
      (s) => Date.parse(s.window.from) >= start && s.window.from < window.from,
    );
    // The weeks before: the gate summaries of the commits past snapshots drew (their series name them).
    const earlier = [...new Set(snapshots.flatMap((s) => seriesCommits(s, start)))]
      .map((c) => byPath.get(baselinePath(c)))
      .filter((f): f is DataFile => f !== undefined && !gateFiles.includes(f));
    for (const [sha, text] of await readBlobs(gh, b, earlier)) texts.set(sha, text);
    return {
      gate: parsed([...gateFiles, ...earlier], parseGateSummary),
      perf,
      snapshots,
      source: `${b.branch} (GitHub API)`,
    } satisfies ReportHistory;
  });
}

const BLOB_QUERY = (n: number) =>
  `query ReportFiles($owner: String!, $name: String!, ${Array.from({ length: n }, (_, i) => `$o${i}: GitObjectID!`).join(', ')}) {
  repository(owner: $owner, name: $name) {
    ${Array.from({ length: n }, (_, i) => `f${i}: object(oid: $o${i}) { ... on Blob { text isTruncated } }`).join('\n    ')}
  }
}`;

type BlobAnswer = { repository: Record<string, { text: string | null; isTruncated: boolean } | null> | null };

/** Blob texts by SHA: 50 per GraphQL query; a truncated one is read again over REST. */
async function readBlobs(gh: GitHub, b: DataBranch, files: DataFile[]): Promise<Map<string, string>> {
  const shas = [...new Set(files.map((f) => f.sha))];
  const texts = new Map<string, string>();
  for (let i = 0; i < shas.length; i += BATCH) {
    const batch = shas.slice(i, i + BATCH);
    const vars = Object.fromEntries(batch.map((sha, k) => [`o${k}`, sha]));
    const answer = await gh.graphql<BlobAnswer>(BLOB_QUERY(batch.length), {
      owner: b.owner,
      name: b.repo,
      ...vars,
    });
    for (const [k, sha] of batch.entries()) {
      const blob = answer.repository?.[`f${k}`];
      if (blob?.text != null && !blob.isTruncated) texts.set(sha, blob.text);
      else if (blob?.isTruncated) texts.set(sha, await readBlob(gh, b, sha));
    }
  }
  return texts;
}

/** Stores the week's snapshot (one file per week: a re-run replaces it). */
export function storeSnapshot(gh: GitHub, b: DataBranch, snapshot: ReportSnapshot, json: string) {
  const path = snapshotPath(snapshot.window);
  return writeDataFiles(gh, b, [{ path, content: json }], `weekly report ${snapshot.window.week ?? path}`);
}
