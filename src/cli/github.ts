import type { GitHub, GitHubOptions } from '../github/client.js';
import { type CommandLine, UsageError } from './args.js';

/** Options every CLI command that can talk to GitHub accepts. */
export const GITHUB_OPTIONS = {
  repo: { type: 'string' },
  pr: { type: 'string' },
} as const;

export interface CliGitHub {
  gh: GitHub;
  owner: string;
  repo: string;
}

/**
 * A GitHub client for the CLI: `--repo owner/name` and a token from GITHUB_TOKEN or GH_TOKEN;
 * GITHUB_API_URL / GITHUB_GRAPHQL_URL for GitHub Enterprise Server.
 */
export async function cliGitHub(
  values: CommandLine['values'],
  warn: (m: string) => void,
  options: Pick<GitHubOptions, 'retries'> = {},
): Promise<CliGitHub> {
  const slug = typeof values.repo === 'string' ? values.repo : '';
  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(slug);
  if (!m?.[1] || !m[2]) {
    throw new UsageError(
      slug ? `--repo must be owner/name, got "${slug}"` : 'talking to GitHub needs --repo owner/name',
    );
  }
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  if (!token) {
    throw new UsageError('no GitHub token: set GITHUB_TOKEN (or GH_TOKEN) in the environment', {
      hint: 'e.g. GITHUB_TOKEN=$(gh auth token) shipkit …',
    });
  }
  const { readRunContext } = await import('../github/context.js');
  const { createGitHub } = await import('../github/client.js');
  const ctx = readRunContext({
    GITHUB_API_URL: process.env.GITHUB_API_URL,
    GITHUB_GRAPHQL_URL: process.env.GITHUB_GRAPHQL_URL,
  });
  return {
    gh: createGitHub(token, { apiUrl: ctx.apiUrl, graphqlUrl: ctx.graphqlUrl, warn, ...options }),
    owner: m[1],
    repo: m[2],
  };
}

/** `--pr N` as a number. */
export function prNumber(values: CommandLine['values']): number {
  const raw = typeof values.pr === 'string' ? values.pr : '';
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1)
    throw new UsageError(raw ? `--pr must be a pull request number, got "${raw}"` : '--comment needs --pr N');
  return n;
}
