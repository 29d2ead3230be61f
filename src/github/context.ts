import { ShipkitError } from '../errors.js';
import { readText } from '../fs/read.js';

/** What a run knows about where it runs: read once from the runner's environment, no @actions import. */
export interface RunContext {
  eventName: string;
  payload: Record<string, unknown>;
  repository: { owner: string; repo: string } | undefined;
  sha: string;
  ref: string;
  workspace: string;
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
  /** The pull request or issue number the event is about, if any. */
  issueNumber: number | undefined;
  /** The repository's default branch, from the event's `repository` (undefined when it has none). */
  defaultBranch: string | undefined;
  /** A push to the default branch: where baselines and history are stored. */
  isDefaultBranchPush: boolean;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const ref = env.GITHUB_REF ?? '';
  const defaultBranch = defaultBranchOf(payload);
  return {
    eventName,
    payload,
    repository: owner && repo ? { owner, repo } : undefined,
    sha: env.GITHUB_SHA ?? '',
    ref,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    apiUrl,
    graphqlUrl: (env.GITHUB_GRAPHQL_URL || defaultGraphqlUrl(apiUrl)).replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    issueNumber: issueNumberOf(payload),
    defaultBranch,
    isDefaultBranchPush:
      eventName === 'push' && defaultBranch !== undefined && ref === `refs/heads/${defaultBranch}`,
  };
}

/** `repository.default_branch`, else the older `master_branch` some push payloads carry. */
function defaultBranchOf(payload: Record<string, unknown>): string | undefined {
  const repo = payload.repository;
  if (repo === null || typeof repo !== 'object') return undefined;
  const { default_branch: branch, master_branch: legacy } = repo as Record<string, unknown>;
  if (typeof branch === 'string' && branch) return branch;
  return typeof legacy === 'string' && legacy ? legacy : undefined;
}

/** GHES serves REST at /api/v3 and GraphQL at /api/graphql. */
function defaultGraphqlUrl(apiUrl: string): string {
  return apiUrl.endsWith('/api/v3') ? `${apiUrl.slice(0, -'/v3'.length)}/graphql` : `${apiUrl}/graphql`;
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  const text = readText(path, {
    kind: 'payload',
    what: 'the event payload',
    hint: 'GITHUB_EVENT_PATH must name the JSON file the runner wrote for this event.',
  });
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (err) {
    throw new ShipkitError(`the event payload is not valid JSON (${(err as Error).message})`, {
      location: { file: path },
      hint: 'GITHUB_EVENT_PATH must name the JSON file the runner wrote for this event.',
    });
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ShipkitError('the event payload is not a JSON object', { location: { file: path } });
  }
  return payload as Record<string, unknown>;
}

function issueNumberOf(payload: Record<string, unknown>): number | undefined {
  for (const key of ['pull_request', 'issue']) {
    const n = (payload[key] as { number?: unknown } | undefined)?.number;
    if (typeof n === 'number') return n;
  }
  return typeof payload.number === 'number' ? payload.number : undefined;
}
