import { byTime, type HistoryStore, type PerfRun, parseRun } from '../perf/history.js';
import type { GitHub } from './client.js';
import { type DataBranch, listDataFiles, readBlob, writeDataFiles } from './data-branch.js';

/**
 * Performance runs on the data branch, one file per commit: `perf/<time>-<commit>.json`. The time
 * leads the name so a listing sorts oldest first and only the newest files need to be read.
 */
export function perfRunPath(run: PerfRun): string {
  return `perf/${run.createdAt.replace(/[:.]/g, '-')}-${run.commit}.json`;
}

export class DataBranchHistoryStore implements HistoryStore {
  constructor(
    private readonly gh: GitHub,
    private readonly branch: DataBranch,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  async load(metricNames: readonly string[], limit: number): Promise<PerfRun[]> {
    const files = (await listDataFiles(this.gh, this.branch, 'perf/')).sort((a, b) =>
      a.path.localeCompare(b.path),
    );
    const runs: PerfRun[] = [];
    // Newest first, until `limit` runs with these metrics are found (at most 3 × limit files read).
    for (let i = files.length - 1, read = 0; i >= 0 && runs.length < limit && read < 3 * limit; i--, read++) {
      const f = files[i] as (typeof files)[number];
      const r = parseRun(await readBlob(this.gh, this.branch, f.sha));
      if (typeof r === 'string') this.warn(`${this.branch.branch}:${f.path}: skipped, ${r}`);
      else if (metricNames.some((n) => n in r.metrics)) runs.push(r);
    }
    return runs.sort(byTime);
  }

  async save(run: PerfRun): Promise<void> {
    await writeDataFiles(
      this.gh,
      this.branch,
      [{ path: perfRunPath(run), content: `${JSON.stringify(run)}\n` }],
      `perf results for ${run.commit}`,
    );
  }
}
