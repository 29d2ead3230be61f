import { type RunFacts, testsFigures } from '../report/api-figures.js';
import type { GitHub } from './client.js';
import { type ApiWindow, pagesOf, type ReportRepo, readSection } from './report-section.js';

/** Pages of 100 runs read at most (GitHub's search behind this list stops at 1000 anyway). */
const MAX_PAGES = 10;

const ACTIONS_GRANT =
  'give the workflow `permissions: actions: read` (a job that sets `permissions:` gets none it does not name)';

/**
 * The default branch's workflow runs created in the window: the list comes newest first (100 a
 * page) and is read until a run older than the window. (GitHub's `created` range filter is not
 * used: its REST description declares a single date-time.) Pass rate,
 * runs by conclusion, the slowest and flakiest workflows, the latest build's conclusion.
 */
export function readTests(gh: GitHub, ref: ReportRepo, w: ApiWindow, branch: string) {
  const endpoint = `GET /repos/${ref.owner}/${ref.repo}/actions/runs`;
  return readSection(
    endpoint,
    async () => {
      const runs: RunFacts[] = [];
      const first = () =>
        gh.rest.actions.listWorkflowRunsForRepo({
          ...ref,
          branch,
          exclude_pull_requests: true,
          per_page: 100,
        });
      const list = (data: unknown) => (data as { workflow_runs: ListedRun[] }).workflow_runs;
      for await (const data of pagesOf<ListedRun>(gh, first, list, MAX_PAGES)) {
        for (const r of data) if (r.created_at >= w.from && r.created_at < w.to) runs.push(facts(r));
        const oldest = data.at(-1);
        if (!oldest || oldest.created_at < w.from) break;
      }
      return testsFigures(runs, `${endpoint}?branch=${branch} (created in the window)`);
    },
    ACTIONS_GRANT,
  );
}

interface ListedRun {
  name?: string | null;
  path: string;
  head_sha: string;
  status: string | null;
  conclusion: string | null;
  run_attempt?: number;
  created_at: string;
  updated_at: string;
  run_started_at?: string;
}

function facts(r: ListedRun): RunFacts {
  const started = Date.parse(r.run_started_at ?? r.created_at);
  const seconds =
    r.status === 'completed' ? Math.max(0, (Date.parse(r.updated_at) - started) / 1000) : undefined;
  return {
    name: r.name || r.path,
    headSha: r.head_sha,
    status: r.status ?? 'unknown',
    conclusion: r.conclusion,
    attempt: r.run_attempt ?? 1,
    createdAt: r.created_at,
    ...(seconds === undefined ? {} : { seconds }),
  };
}
