import type { z } from 'zod';
import { COMMITS_BEFORE } from '../report/history-files.js';
import { type activitySchema, isNotAvailable, type NotAvailable } from '../report/snapshot.js';
import type { GitHub } from './client.js';
import { type ApiWindow, apiTime, inclusiveEnd, type ReportRepo, readSection } from './report-section.js';

export type Activity = z.infer<typeof activitySchema>;

/** A default-branch commit of the window (newest first), for the coverage lookup. */
export interface WindowCommit {
  oid: string;
  committedDate: string;
}

/** Pages of 100 commits read at most for the authors (10 000 commits). */
const MAX_COMMIT_PAGES = 100;

const HISTORY = `history(since: $since, until: $until, first: 100, after: $after) {
  totalCount
  pageInfo { hasNextPage endCursor }
  nodes { oid committedDate author { email } }
}`;

/** The counts and the first 100 commits, in one query. */
const MERGED = `search(query: $merged, type: ISSUE, first: 100, after: $mergedAfter) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { ... on PullRequest { number commits(last: 1) { nodes { commit { statusCheckRollup { state } } } } } }
  }`;

const ACTIVITY_QUERY = `query ReportActivity($owner: String!, $name: String!, $since: GitTimestamp!, $until: GitTimestamp!, $before: GitTimestamp!, $after: String, $merged: String!, $mergedAfter: String, $opened: String!, $issuesOpened: String!, $issuesClosed: String!, $blocking: String!) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { name target { ... on Commit {
      ${HISTORY}
      before: history(until: $before, first: ${COMMITS_BEFORE}) { nodes { oid committedDate } }
    } } }
  }
  merged: ${MERGED}
  blocking: search(query: $blocking, type: ISSUE, first: 20) {
    issueCount
    nodes { ... on Issue { number title url } }
  }
  opened: search(query: $opened, type: ISSUE, first: 1) { issueCount }
  issuesOpened: search(query: $issuesOpened, type: ISSUE, first: 1) { issueCount }
  issuesClosed: search(query: $issuesClosed, type: ISSUE, first: 1) { issueCount }
}`;

const COMMITS_QUERY = `query ReportCommits($owner: String!, $name: String!, $since: GitTimestamp!, $until: GitTimestamp!, $after: String) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { target { ... on Commit { ${HISTORY} } } }
  }
}`;

const MERGED_QUERY = `query ReportMerged($merged: String!, $mergedAfter: String) {
  merged: ${MERGED}
}`;

interface Merged {
  issueCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: {
    number?: number;
    commits?: { nodes: { commit: { statusCheckRollup: { state: string } | null } }[] };
  }[];
}

interface History {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { oid: string; committedDate: string; author: { email: string | null } | null }[];
}

interface ActivityAnswer {
  repository: {
    defaultBranchRef: {
      name?: string;
      target: { history?: History; before?: { nodes: WindowCommit[] } };
    } | null;
  } | null;
  merged: Merged;
  blocking: { issueCount: number; nodes: { number?: number; title?: string; url?: string }[] };
  opened: { issueCount: number };
  issuesOpened: { issueCount: number };
  issuesClosed: { issueCount: number };
}

/** The search qualifiers of the counts (both ends inclusive, to the second). */
export function activitySearches(ref: ReportRepo, w: ApiWindow, blockingLabel: string) {
  const range = `${apiTime(w.from)}..${inclusiveEnd(w.to)}`;
  const repo = `repo:${ref.owner}/${ref.repo}`;
  return {
    merged: `${repo} is:pr is:merged merged:${range}`,
    opened: `${repo} is:pr created:${range}`,
    issuesOpened: `${repo} is:issue created:${range}`,
    issuesClosed: `${repo} is:issue is:closed closed:${range}`,
    blocking: `${repo} is:issue is:open label:${JSON.stringify(blockingLabel)}`,
  };
}

const SOURCES = {
  commits: 'GraphQL defaultBranchRef history (committer date in the window)',
  authors: 'GraphQL defaultBranchRef history (distinct author emails)',
  pullRequestsMerged: 'GraphQL search `is:pr is:merged merged:<window>`',
  pullRequestsOpened: 'GraphQL search `is:pr created:<window>`',
  issuesOpened: 'GraphQL search `is:issue created:<window>`',
  issuesClosed: 'GraphQL search `is:issue is:closed closed:<window>`',
};

export interface PullRequestChecks {
  checked: number;
  failing: number;
  failingNumbers: number[];
  source: string;
}

export interface BlockingIssues {
  open: number;
  label: string;
  issues: { number: number; title: string; url?: string }[];
  source: string;
}

export interface ActivityResult {
  activity: Activity;
  defaultBranch: string | undefined;
  /** Commits in the window, newest first (empty when unread). */
  commits: WindowCommit[];
  /** The last commits before the window, newest first (at most COMMITS_BEFORE). */
  before: WindowCommit[];
  /** Why the window's commits could not all be listed (then `commits` is empty). */
  commitsUnread?: string;
  pullRequestChecks: PullRequestChecks | NotAvailable;
  blockingIssues: BlockingIssues | NotAvailable;
}

/**
 * Commits and authors of the default branch, pull requests merged (with their head's checks) and
 * opened, issues opened and closed, open blocking issues: one GraphQL query, plus one per further
 * 100 commits and one per further 100 merged pull requests. A failure makes each figure n/a.
 */
export async function readActivity(
  gh: GitHub,
  ref: ReportRepo,
  w: ApiWindow,
  blockingLabel: string,
): Promise<ActivityResult> {
  const vars = { owner: ref.owner, name: ref.repo, since: apiTime(w.from), until: inclusiveEnd(w.to) };
  const searches = activitySearches(ref, w, blockingLabel);
  const first = await readSection('POST /graphql (ReportActivity)', () =>
    gh.graphql<ActivityAnswer>(ACTIVITY_QUERY, {
      ...vars,
      before: inclusiveEnd(w.from),
      after: null,
      mergedAfter: null,
      ...searches,
    }),
  );
  if (isNotAvailable(first)) return unread(first);
  const branch = first.repository?.defaultBranchRef;
  const history = branch?.target.history;
  const counts = {
    pullRequestsMerged: first.merged.issueCount,
    pullRequestsOpened: first.opened.issueCount,
    issuesOpened: first.issuesOpened.issueCount,
    issuesClosed: first.issuesClosed.issueCount,
  };
  const blockingIssues: BlockingIssues = {
    open: first.blocking.issueCount,
    label: blockingLabel,
    issues: first.blocking.nodes.flatMap((n) =>
      n.number === undefined
        ? []
        : [{ number: n.number, title: n.title ?? '', ...(n.url ? { url: n.url } : {}) }],
    ),
    source: `GraphQL search \`is:issue is:open label:${blockingLabel}\` (at the time of the report)`,
  };
  const pullRequestChecks = await checksOfMerged(gh, searches.merged, first.merged);
  const commits = history ? await allCommits(gh, vars, history) : [];
  const authors = isNotAvailable(commits) ? commits : new Set(commits.map((c) => c.email)).size;
  return {
    activity: { commits: history?.totalCount ?? 0, authors, ...counts, sources: SOURCES },
    defaultBranch: branch?.name,
    commits: isNotAvailable(commits) ? [] : commits.map(({ oid, committedDate }) => ({ oid, committedDate })),
    before: (branch?.target.before?.nodes ?? []).map(({ oid, committedDate }) => ({ oid, committedDate })),
    ...(isNotAvailable(commits) ? { commitsUnread: commits.reason } : {}),
    pullRequestChecks,
    blockingIssues,
  };
}

/** Pages of 100 merged pull requests read at most for their checks. */
const MAX_PR_PAGES = 10;

/** The merged pull requests whose head commit's checks did not pass (FAILURE or ERROR rollup). */
async function checksOfMerged(
  gh: GitHub,
  query: string,
  first: Merged,
): Promise<PullRequestChecks | NotAvailable> {
  const failing: number[] = [];
  let checked = 0;
  let page = first;
  for (let i = 1; ; i++) {
    for (const n of page.nodes) {
      if (n.number === undefined) continue;
      const state = n.commits?.nodes[0]?.commit.statusCheckRollup?.state;
      if (state === undefined) continue; // no checks ran: nothing to judge
      checked += 1;
      if (state === 'FAILURE' || state === 'ERROR') failing.push(n.number);
    }
    if (!page.pageInfo.hasNextPage || i >= MAX_PR_PAGES) break;
    const after = page.pageInfo.endCursor;
    const next = await readSection('POST /graphql (ReportMerged)', () =>
      gh.graphql<{ merged: Merged }>(MERGED_QUERY, { merged: query, mergedAfter: after }),
    );
    if (isNotAvailable(next)) return next;
    page = next.merged;
  }
  return {
    checked,
    failing: failing.length,
    failingNumbers: failing.sort((a, b) => a - b).slice(0, 20),
    source: 'GraphQL search of the merged pull requests: status check rollup of each head commit',
  };
}

type Commit = WindowCommit & { email: string };

async function allCommits(
  gh: GitHub,
  vars: Record<string, string>,
  first: History,
): Promise<Commit[] | NotAvailable> {
  const commits: Commit[] = [];
  const add = (h: History) => {
    for (const n of h.nodes) {
      commits.push({
        oid: n.oid,
        committedDate: n.committedDate,
        email: (n.author?.email ?? '').toLowerCase(),
      });
    }
  };
  add(first);
  let page = first;
  for (let i = 1; page.pageInfo.hasNextPage; i++) {
    if (i >= MAX_COMMIT_PAGES) {
      return { status: 'n/a', reason: `more than ${MAX_COMMIT_PAGES * 100} commits in the window` };
    }
    const after = page.pageInfo.endCursor;
    const next = await readSection('POST /graphql (ReportCommits)', () =>
      gh.graphql<ActivityAnswer>(COMMITS_QUERY, { ...vars, after }),
    );
    if (isNotAvailable(next)) return next;
    const h = next.repository?.defaultBranchRef?.target.history;
    if (!h) break;
    add(h);
    page = h;
  }
  return commits;
}

function unread(na: NotAvailable): ActivityResult {
  const activity: Activity = {
    commits: na,
    authors: na,
    pullRequestsMerged: na,
    pullRequestsOpened: na,
    issuesOpened: na,
    issuesClosed: na,
    sources: SOURCES,
  };
  return {
    activity,
    defaultBranch: undefined,
    commits: [],
    before: [],
    commitsUnread: na.reason,
    pullRequestChecks: na,
    blockingIssues: na,
  };
}
