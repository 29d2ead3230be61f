import { type DeploymentFacts, deploymentFigures } from '../report/api-figures.js';
import type { GitHub } from './client.js';
import { type ApiWindow, pagesOf, type ReportRepo, readSection } from './report-section.js';

/** Pages of 100 read at most, newest first, until one is older than the window. */
const MAX_PAGES = 5;

interface ListedRelease {
  tag_name: string;
  name: string | null;
  draft: boolean;
  html_url: string;
  created_at: string;
  published_at: string | null;
}

/** GitHub releases published in the window (drafts left out), oldest first. */
export function readReleases(gh: GitHub, ref: ReportRepo, w: ApiWindow) {
  const endpoint = `GET /repos/${ref.owner}/${ref.repo}/releases`;
  return readSection(
    endpoint,
    async () => {
      const found: { tag: string; date: string; url: string; name?: string }[] = [];
      const first = () => gh.rest.repos.listReleases({ ...ref, per_page: 100 });
      for await (const data of pagesOf<ListedRelease>(gh, first, undefined, MAX_PAGES)) {
        for (const r of data) {
          const at = r.published_at ?? r.created_at;
          if (r.draft || at < w.from || at >= w.to) continue;
          found.push({ tag: r.tag_name, date: at, url: r.html_url, ...(r.name ? { name: r.name } : {}) });
        }
        const oldest = data.at(-1);
        if (!oldest || oldest.created_at < w.from) break;
      }
      return found.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    },
    'give the workflow `permissions: contents: read`',
  );
}

const DEPLOYMENTS_QUERY = `query ReportDeployments($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(first: 100, after: $after, orderBy: {field: CREATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes { createdAt environment latestStatus { state createdAt } commit { committedDate } }
    }
  }
}`;

interface DeploymentsAnswer {
  repository: {
    deployments: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: {
        createdAt: string;
        environment: string | null;
        latestStatus: { state: string; createdAt: string } | null;
        commit: { committedDate: string } | null;
      }[];
    };
  } | null;
}

/**
 * Deployments created in the window with their latest status (one GraphQL query per 100, newest
 * first) and the four DORA keys; without any deployment the keys are n/a, never 0.
 */
export function readDeployments(gh: GitHub, ref: ReportRepo, w: ApiWindow) {
  return readSection(
    'POST /graphql (ReportDeployments)',
    async () => {
      const all: DeploymentFacts[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer: DeploymentsAnswer = await gh.graphql<DeploymentsAnswer>(DEPLOYMENTS_QUERY, {
          owner: ref.owner,
          name: ref.repo,
          after,
        });
        const list = answer.repository?.deployments;
        if (!list) break;
        for (const n of list.nodes) {
          all.push({
            environment: n.environment ?? 'unknown',
            createdAt: n.createdAt,
            state: n.latestStatus?.state ?? null,
            statusAt: n.latestStatus?.createdAt ?? null,
            commitDate: n.commit?.committedDate ?? null,
          });
        }
        const oldest = list.nodes.at(-1);
        if (!list.pageInfo.hasNextPage || !oldest || oldest.createdAt < w.from) break;
        after = list.pageInfo.endCursor;
      }
      return deploymentFigures(all, w, 'GraphQL repository.deployments (latest status)');
    },
    'give the workflow `permissions: deployments: read`',
  );
}
