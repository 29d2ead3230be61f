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
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    repository: owner && repo ? { owner, repo } : undefined,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    apiUrl,
    graphqlUrl: (env.GITHUB_GRAPHQL_URL || defaultGraphqlUrl(apiUrl)).replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    issueNumber: issueNumberOf(payload),
  };
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
