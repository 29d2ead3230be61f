import type { GitHub } from './client.js';

/** Commits asked about in one GraphQL query (GitHub caps a query's cost; 100 objects stay well inside). */
const PR_BATCH = 100;

interface CommitAnswer {
  associatedPullRequests?: { nodes?: ({ number: number } | null)[] | null } | null;
  author?: { email?: string | null; user?: { login: string } | null } | null;
}

/**
 * PR numbers (and authors' logins) for commits, one GraphQL query per 100 commits: each commit an
 * alias `cN: object(oid: $cN)` of one query, never one call per commit.
 */
export async function lookupPullRequests(
  gh: GitHub,
  owner: string,
  repo: string,
  shas: string[],
): Promise<{ prs: Map<string, number>; logins: Map<string, string> }> {
  const prs = new Map<string, number>();
  const logins = new Map<string, string>();
  for (let start = 0; start < shas.length; start += PR_BATCH) {
    const batch = shas.slice(start, start + PR_BATCH);
    const vars = batch.map((_, i) => `$c${i}: GitObjectID!`).join(', ');
    const fields = batch
      .map(
        (_, i) =>
          `c${i}: object(oid: $c${i}) { ... on Commit { associatedPullRequests(first: 1) { nodes { number } } author { email user { login } } } }`,
      )
      .join('\n    ');
    const query = `query ReleasePullRequests($owner: String!, $name: String!, ${vars}) {\n  repository(owner: $owner, name: $name) {\n    ${fields}\n  }\n}`;
    const variables: Record<string, string> = { owner, name: repo };
    batch.forEach((sha, i) => {
      variables[`c${i}`] = sha;
    });
    const data = await gh.graphql<{ repository: Record<string, CommitAnswer | null> | null }>(
      query,
      variables,
    );
    batch.forEach((sha, i) => {
      const c = data.repository?.[`c${i}`];
      const pr = c?.associatedPullRequests?.nodes?.[0]?.number;
      if (typeof pr === 'number') prs.set(sha, pr);
      const email = c?.author?.email?.toLowerCase();
      const login = c?.author?.user?.login;
      if (email && login) logins.set(email, login);
    });
  }
  return { prs, logins };
}
