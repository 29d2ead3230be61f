import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHub = ReturnType<typeof getOctokit>;

export interface GitHubOptions {
  apiUrl: string;
  graphqlUrl: string;
  /** Where retries and rate-limit waits are reported (a warning in Actions, stderr in the CLI). */
  warn: (message: string) => void;
  /** Retries after a rate limit or a server error before giving up. */
  retries?: number;
}

/**
 * The one place a GitHub client is built: REST and GraphQL against `apiUrl` / `graphqlUrl`
 * (GHES included), retries on server errors, and waits that honour primary and secondary
 * rate limits (`retry-after`, `x-ratelimit-reset`).
 */
export function createGitHub(token: string, options: GitHubOptions): GitHub {
  const retries = options.retries ?? 3;
  const octokit = getOctokit(
    token,
    {
      baseUrl: options.apiUrl,
      userAgent: 'shipkit',
      retry: { retries },
      throttle: {
        onRateLimit: (after: number, req: { method: string; url: string }, _o: unknown, count: number) => {
          options.warn(`GitHub rate limit hit on ${req.method} ${req.url}; retrying in ${after}s`);
          return count < retries;
        },
        onSecondaryRateLimit: (
          after: number,
          req: { method: string; url: string },
          _o: unknown,
          count: number,
        ) => {
          options.warn(`GitHub secondary rate limit on ${req.method} ${req.url}; retrying in ${after}s`);
          return count < retries;
        },
      },
    },
    retry,
    throttling,
  );
  const graphql = octokit.graphql.defaults({ url: options.graphqlUrl });
  return Object.assign(octokit, { graphql });
}
