import { parseGateSummary } from '../gate/baseline.js';
import { parseRun } from '../perf/history.js';
import type { ReportHistory } from '../report/history.js';
import { earlierGateFiles, keepSnapshots, parseDataFile, pickHistoryFiles } from '../report/history-files.js';
import { parseSnapshot, snapshotPath } from '../report/json.js';
import type { NotAvailable, ReportSnapshot } from '../report/snapshot.js';
import type { GitHub } from './client.js';
import { type DataBranch, type DataFile, listDataFiles, readBlob, writeDataFiles } from './data-branch.js';
import type { WindowCommit } from './report-activity.js';
import { readSection } from './report-section.js';

/** Blobs read per GraphQL query. */
const BATCH = 50;

/**
 * What the trends need from the data branch, in few calls: the tree (2 calls), then in batches of
 * 50 blobs per GraphQL query: the gate summaries of the window's last commit each day and of the
 * last commit before the window that has one, the last perf
 * run of each day for 12 weeks, and the past weeks' snapshots. A damaged file is skipped with a warning.
 */
export function readDataHistory(
  gh: GitHub,
  b: DataBranch,
  window: { from: string; to: string; week?: string },
  commits: { window: WindowCommit[]; before: WindowCommit[]; unread?: string },
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
    const times = (list: WindowCommit[]) =>
      list.map((c) => ({ sha: c.oid, at: Date.parse(c.committedDate) }));
    const picked = pickHistoryFiles(files, window, times(commits.window), times(commits.before));
    const texts = await readBlobs(gh, b, [...picked.gate, ...picked.perf, ...picked.snapshots]);
    const parsed = <T>(list: DataFile[], parse: (text: string, file: string) => T | string): T[] =>
      list.flatMap((f) => {
        const text = texts.get(f.sha);
        const value =
          text === undefined ? undefined : parseDataFile(parse, text, `${b.branch}:${f.path}`, warn);
        return value === undefined ? [] : [value];
      });
    const perf = parsed(picked.perf, parseRun);
    const snapshots = keepSnapshots(parsed(picked.snapshots, parseSnapshot), window);
    const earlier = earlierGateFiles(files, snapshots, window, picked.gate);
    for (const [sha, text] of await readBlobs(gh, b, earlier)) texts.set(sha, text);
    return {
      gate: parsed([...picked.gate, ...earlier], parseGateSummary),
      perf,
      snapshots,
      source: `${b.branch} (GitHub API)`,
      beforeWindow: commits.before.map((c) => c.oid),
      ...(commits.unread ? { windowUnread: commits.unread } : {}),
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
