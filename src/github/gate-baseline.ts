import { ShipkitError } from '../errors.js';
import { gateSummaryPath as baselinePath, type GateSummary, parseGateSummary } from '../gate/baseline.js';
import type { GitHub } from './client.js';
import { type DataBranch, listDataFiles, readBlob, type WriteResult, writeDataFiles } from './data-branch.js';

/** Stores a default-branch commit's gate summary; history stays on the branch for the weekly report. */
export function storeBaseline(gh: GitHub, b: DataBranch, summary: GateSummary): Promise<WriteResult> {
  return writeDataFiles(
    gh,
    b,
    [{ path: baselinePath(summary.commit), content: `${JSON.stringify(summary)}\n` }],
    `gate summary for ${summary.commit}`,
  );
}

export interface FoundBaseline {
  summary: GateSummary;
  commit: string;
  /** First-parent steps from the base commit (0: the base itself). */
  distance: number;
}

/**
 * The nearest stored ancestor of `base`: its first-parent history is walked through the commits
 * list (100 a page, at most `maxCommits` commits), and the first commit with a stored summary wins.
 */
export async function findBaseline(
  gh: GitHub,
  b: DataBranch,
  base: string,
  warn: (message: string) => void,
  maxCommits = 300,
): Promise<FoundBaseline | undefined> {
  const stored = new Map(
    (await listDataFiles(gh, b, 'gate/')).map((f) => [
      f.path.slice(f.path.lastIndexOf('/') + 1, -'.json'.length),
      f.sha,
    ]),
  );
  if (stored.size === 0) return undefined;
  const read = async (commit: string, distance: number): Promise<FoundBaseline | undefined> => {
    try {
      const summary = parseGateSummary(
        await readBlob(gh, b, stored.get(commit) as string),
        baselinePath(commit),
      );
      return { summary, commit, distance };
    } catch (err) {
      if (!(err instanceof ShipkitError)) throw err;
      warn(`${b.branch}:${baselinePath(commit)}: ${err.message}; looking further back.`);
      return undefined;
    }
  };
  if (stored.has(base)) {
    const found = await read(base, 0);
    if (found) return found;
  }
  const parents = new Map<string, string | undefined>();
  let page = 1;
  let more = true;
  let at: string | undefined = base;
  for (let distance = 0; at && distance < maxCommits; distance++) {
    if (distance > 0 && stored.has(at)) {
      const found = await read(at, distance);
      if (found) return found;
    }
    while (!parents.has(at) && more && parents.size < maxCommits) {
      const { data, headers } = await gh.rest.repos.listCommits({
        owner: b.owner,
        repo: b.repo,
        sha: base,
        per_page: 100,
        page,
      });
      for (const c of data) parents.set(c.sha, c.parents[0]?.sha);
      more = /rel="next"/.test(headers.link ?? '') && data.length > 0;
      page++;
    }
    at = parents.get(at);
  }
  return undefined;
}
