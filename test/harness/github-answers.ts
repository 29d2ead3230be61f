// GitHub's answers that every in-memory stand-in gives alike: success, not found, a read-only
// token's 403, validation failures, one page of a list with its Link header, and the guard that
// serves a stand-in's routes for one repository only.
import type { ApiRequest, ApiResponse, GitHubApi, Handler } from './github-api.js';

export const DOCS = 'https://docs.github.com/rest';

export interface RepoScope {
  owner: string;
  repo: string;
  /** A read-only GITHUB_TOKEN (e.g. `pull_request` from a fork): every write answers 403. */
  readOnly?: boolean;
}

/**
 * Registers `routes` for one repository (owner and name compared as GitHub does, ignoring case):
 * another repository is not found, and with a read-only token every write answers 403 with
 * `readOnlyDocs(route)` as its documentation URL.
 */
export function serveRepository(
  api: GitHubApi,
  scope: RepoScope,
  routes: Record<string, Handler>,
  readOnlyDocs: (route: string) => string = () => DOCS,
): void {
  const same = (a: unknown, b: string) => String(a).toLowerCase() === b.toLowerCase();
  for (const [route, handler] of Object.entries(routes)) {
    const write = !route.startsWith('GET ');
    api.on(route, (req) => {
      if (!same(req.params.owner, scope.owner) || !same(req.params.repo, scope.repo)) return notFound();
      if (write && scope.readOnly) return readOnlyError(readOnlyDocs(route));
      return handler(req);
    });
  }
}

export function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

export function notFound(documentationUrl = DOCS, message = 'Not Found'): ApiResponse {
  return { status: 404, body: { message, documentation_url: documentationUrl, status: '404' } };
}

export function readOnlyError(documentationUrl = DOCS): ApiResponse {
  const body = { message: 'Resource not accessible by integration', documentation_url: documentationUrl };
  return { status: 403, body: { ...body, status: '403' } };
}

/** A 422 that says only what is wrong (git refs and trees, check runs). */
export function unprocessable(message: string, documentationUrl = DOCS): ApiResponse {
  return { status: 422, body: { message, documentation_url: documentationUrl, status: '422' } };
}

/** GitHub's 422 `Validation Failed` with one error, e.g. `{resource, code: 'already_exists', field}`. */
export function validationFailed(
  error: { resource: string; code: string; field?: string; message?: string },
  documentationUrl: string,
): ApiResponse {
  const body = { message: 'Validation Failed', errors: [error], documentation_url: documentationUrl };
  return { status: 422, body: { ...body, status: '422' } };
}

/**
 * One page of `items` (`per_page` at most 100, default 30; `page` from 1) with GitHub's Link
 * header (prev, next, last, first); `wrap` shapes the body (e.g. `{total_count, check_runs}`).
 */
export function paginated<T>(
  apiUrl: string,
  req: ApiRequest,
  items: T[],
  wrap: (page: T[]) => unknown = (page) => page,
): ApiResponse {
  const perPage = clamp(Number(req.query.per_page ?? 30), 1, 100, 30);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const page = clamp(Number(req.query.page ?? 1), 1, Number.MAX_SAFE_INTEGER, 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(`${apiUrl}${req.path}`, req.query, page, last);
  return { status: 200, body: wrap(slice), headers: link ? { link } : {} };
}

function linkHeader(base: string, query: Record<string, unknown>, page: number, last: number): string {
  const url = (n: number) => {
    const params = new URLSearchParams(
      Object.entries(query)
        .filter(([name]) => name !== 'page')
        .map(([name, value]): [string, string] => [name, String(value)]),
    );
    params.set('page', String(n));
    return `<${base}?${params}>`;
  };
  const rels: [string, number][] = [];
  if (page > 1) rels.push(['prev', page - 1]);
  if (page < last) rels.push(['next', page + 1], ['last', last]);
  if (page > 1) rels.push(['first', 1]);
  return rels.map(([rel, n]) => `${url(n)}; rel="${rel}"`).join(', ');
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isInteger(value) && value >= min ? Math.min(value, max) : fallback;
}
