import { byTime, type HistoryStore, type PerfRun, parseRun } from '../perf/history.js';
import type { GitHub } from './client.js';
import { type DataBranch, listDataFiles, readBlob, type WriteResult, writeDataFiles } from './data-branch.js';

/**
 * Performance runs on the data branch, one file per commit: `perf/<time>-<commit>.json`. The time
 * leads the name so a listing sorts oldest first and only the newest files need to be read.
 * Each metric's trend is drawn beside them as `perf/trends/<slug>.svg`, replaced by every run
 * that stores its results (older drawings stay reachable at their commits).
 */
function perfRunPath(run: PerfRun): string {
  return `perf/${run.createdAt.replace(/[:.]/g, '-')}-${run.commit}.json`;
}

/** Where a metric's trend SVG (`<slug>.svg`, from src/perf/trend-svg.ts) lives on the data branch. */
function perfTrendPath(file: string): string {
  return `perf/trends/${file}`;
}

/**
 * A file of the data branch at one commit, as a browser fetches it: `<server>/<owner>/<repo>/raw/<commit>/<path>`.
 * Pinned to the commit, so a comment keeps showing the trend it was written with; the server URL
 * comes from the run (GITHUB_SERVER_URL), so GitHub Enterprise Server works too.
 */
function rawFileUrl(serverUrl: string, b: DataBranch, commit: string, path: string): string {
  const seg = (s: string) => encodeURIComponent(s);
  return `${serverUrl.replace(/\/+$/, '')}/${seg(b.owner)}/${seg(b.repo)}/raw/${seg(commit)}/${path.split('/').map(seg).join('/')}`;
}

export class DataBranchHistoryStore implements HistoryStore {
  constructor(
    private readonly gh: GitHub,
    private readonly branch: DataBranch,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  async load(metricNames: readonly string[], limit: number): Promise<PerfRun[]> {
    // runs only: `perf/<name>.json`, not the trend drawings under perf/trends/
    const files = (await listDataFiles(this.gh, this.branch, 'perf/'))
      .filter((f) => /^perf\/[^/]+\.json$/.test(f.path))
      .sort((a, b) => a.path.localeCompare(b.path));
    const runs: PerfRun[] = [];
    // Newest first, until `limit` runs with these metrics are found (at most 3 × limit files read).
    for (let i = files.length - 1, read = 0; i >= 0 && runs.length < limit && read < 3 * limit; i--, read++) {
      const f = files[i] as (typeof files)[number];
      const r = parseRun(await readBlob(this.gh, this.branch, f.sha), f.path);
      if (typeof r === 'string') this.warn(`${this.branch.branch}:${f.path}: skipped, ${r}`);
      else if (metricNames.some((n) => n in r.metrics)) runs.push(r);
    }
    return runs.sort(byTime);
  }

  async save(run: PerfRun): Promise<void> {
    await this.saveWithTrends(run, []);
  }

  /** The run and its trend drawings in one commit (retried when another writer moved the branch). */
  saveWithTrends(run: PerfRun, trends: readonly { file: string; svg: string }[]): Promise<WriteResult> {
    return writeDataFiles(
      this.gh,
      this.branch,
      [
        { path: perfRunPath(run), content: `${JSON.stringify(run)}\n` },
        ...trends.map((t) => ({ path: perfTrendPath(t.file), content: t.svg })),
      ],
      `perf results for ${run.commit}`,
    );
  }

  /**
   * A pull request's trend drawings alone, in one commit under `perf/trends/pr-<number>/`
   * (replaced by the next run of the same pull request; never read as runs).
   */
  saveTrends(label: string, trends: readonly { file: string; svg: string }[]): Promise<WriteResult> {
    return writeDataFiles(
      this.gh,
      this.branch,
      trends.map((t) => ({ path: perfTrendPath(`${label}/${t.file}`), content: t.svg })),
      `perf trends for ${label}`,
    );
  }

  /** The address of a trend drawing (`<slug>.svg`) written by `saveWithTrends` in `commit`. */
  trendUrl(serverUrl: string, commit: string, file: string): string {
    return rawFileUrl(serverUrl, this.branch, commit, perfTrendPath(file));
  }
}
