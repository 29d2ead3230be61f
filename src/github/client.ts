import type { getOctokit } from '@actions/github';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { boundedFetch, requestTimeoutMs } from '../net/fetch.js';
import { gitHubFetch, userAgent } from './transport.js';

export type GitHub = ReturnType<typeof getOctokit>;

/**
 * The client @actions/github's getOctokit makes (Octokit with the REST methods and pagination), with
 * retries and throttling, built from the same @octokit packages: importing @actions/github itself
 * loads @actions/http-client and the undici package (about 400 KB of bundle) before the first
 * request, for a proxy that most runs do not have. With a proxy set, its proxy-aware fetch is used.
 */
const ShipkitOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);

export interface GitHubOptions {
  apiUrl: string;
  graphqlUrl: string;
  /** Where retries and rate-limit waits are reported (a warning in Actions, stderr in the CLI). */
  warn: (message: string) => void;
  /** Retries after a rate limit or a server error before giving up. */
  retries?: number;
  /**
   * Least time between two writes. GitHub asks integrations to space writes at least 1 s apart
   * (3 s for writes that notify people), and that is the default. SHIPKIT_GITHUB_WRITE_INTERVAL_MS
   * overrides it, for a GitHub Enterprise Server without secondary limits or a loopback test server.
   */
  writeIntervalMs?: number;
  /** Deadline of one request, answer included (default SHIPKIT_REQUEST_TIMEOUT_MS, else 30 s). */
  timeoutMs?: number;
}

function writeLimiters(options: GitHubOptions) {
  const env = process.env.SHIPKIT_GITHUB_WRITE_INTERVAL_MS;
  const interval = options.writeIntervalMs ?? (env && /^\d+$/.test(env) ? Number(env) : undefined);
  if (interval === undefined) return {};
  const group = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: interval });
  return { write: group(), notifications: group() };
}

/**
 * Whether a request may be sent again after its answer was lost (a 5xx or a timeout: the write may
 * have happened). Reads, PUT and DELETE may; so may the content-addressed Git objects (a repeat
 * gives the same SHA, or one more unreferenced commit) and GraphQL (shipkit only queries). Any other
 * POST creates something each time, and a check run PATCH appends its annotations: those are not
 * retried blindly; their callers look for what the lost write made first (create-once.ts).
 */
export function isRepeatable(method: string, url: string): boolean {
  const path = url.replace(/[?#].*$/, '');
  if (method === 'PATCH') return !/\/check-runs\/[^/]+$/.test(path);
  if (method !== 'POST') return true;
  return /\/git\/(blobs|trees|commits)$|\/graphql$/.test(path);
}

/**
 * The one place a GitHub client is built: REST and GraphQL against `apiUrl` / `graphqlUrl`
 * (GHES included), retries on server errors, and waits that honour primary and secondary
 * rate limits (`retry-after`, `x-ratelimit-reset`) up to SHIPKIT_MAX_RETRY_WAIT_S (60 s): a longer
 * wait fails the request at once, naming it. Every request has a deadline (timeoutMs), and no
 * write that is not repeatable is repeated blindly (see isRepeatable).
 */
export function createGitHub(token: string, options: GitHubOptions): GitHub {
  const retries = options.retries ?? 3;
  const octokit = new ShipkitOctokit({
    auth: `token ${token}`,
    baseUrl: options.apiUrl,
    userAgent: userAgent(),
    // Octokit's own notices (a deprecation header, say) go where shipkit's warnings go, not to
    // the console directly: through the log context like every other line.
    log: { debug: () => {}, info: () => {}, warn: options.warn, error: options.warn },
    request: {
      fetch: boundedFetch(
        {
          service: 'GitHub API',
          timeoutMs: options.timeoutMs ?? requestTimeoutMs(),
          longWait: 'throw',
          warn: options.warn,
        },
        gitHubFetch(),
      ),
    },
    retry: { retries },
    throttle: {
      ...writeLimiters(options),
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
  }) as unknown as GitHub;
  octokit.hook.before('request', (request) => {
    // Read by the retry plugin when a request fails: 0 means a server error or timeout is final here.
    if (!isRepeatable(request.method, request.url)) request.request = { ...request.request, retries: 0 };
  });
  const graphql = octokit.graphql.defaults({ url: options.graphqlUrl });
  return Object.assign(octokit, { graphql });
}
