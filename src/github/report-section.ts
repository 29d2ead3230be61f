import type { NotAvailable } from '../report/snapshot.js';

/** The repository a report is about. */
export interface ReportRepo {
  owner: string;
  repo: string;
}

/** The report's window: `from` inclusive, `to` exclusive (ISO times). */
export interface ApiWindow {
  from: string;
  to: string;
}

/**
 * Retries of a server error the report's client makes (createGitHub's `retries`): one, after a
 * second, then the section is n/a. A weekly summary that says what it could not read is worth
 * more than one that waits 15 s per broken endpoint (the default is 3 retries: 1 + 4 + 9 s).
 * (Not a per-request `request.retries`: octokit's retry plugin then retries a 403 too.)
 */
export const REPORT_RETRIES = 1;

/** What to do about a 403 on one endpoint: which permission or token reads it. */
export type Grant = string;

const status = (err: unknown) => (err as { status?: unknown } | undefined)?.status;

/** Whether `err` is an answer (or no answer) from GitHub rather than a defect of shipkit. */
function isApiFailure(err: unknown): boolean {
  const s = status(err);
  if (typeof s === 'number') return true;
  const name = (err as { name?: unknown } | undefined)?.name;
  // boundedFetch's timeout and long-wait refusals, GraphQL errors answered with 200.
  return name === 'AbortError' || name === 'GraphqlResponseError' || name === 'HttpError';
}

/** `GET /repos/o/r/... answered 403 (Resource not accessible by integration)`, without query strings. */
export function failureReason(endpoint: string, err: unknown, grant?: Grant): string {
  const s = status(err);
  const message = String((err as { message?: unknown }).message ?? err)
    .split('\n')[0]
    ?.replace(/\s+-\s+https:\/\/docs\.github\.com\S*$/, '')
    .slice(0, 200);
  const answer = typeof s === 'number' ? `answered ${s}` : 'failed';
  const how =
    s === 403 && grant
      ? `; ${grant}`
      : s !== undefined && Number(s) >= 500
        ? '; GitHub had a server error, the next run reads it again'
        : '';
  return `${endpoint} ${answer} (${message})${how}`;
}

/**
 * Reads one section; an answer GitHub gave instead (403, 404, 5xx, a timeout) makes the section
 * `{status: 'n/a', reason}` naming the endpoint, never a failed report. A defect is thrown.
 */
export async function readSection<T>(
  endpoint: string,
  read: () => Promise<T>,
  grant?: Grant,
): Promise<T | NotAvailable> {
  try {
    return await read();
  } catch (err) {
    if (!isApiFailure(err)) throw err;
    return { status: 'n/a', reason: failureReason(endpoint, err, grant) };
  }
}

/** `to` minus one second, for search ranges whose both ends are inclusive. */
export function inclusiveEnd(to: string): string {
  return new Date(Date.parse(to) - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** GitHub's timestamp form (no milliseconds). */
export function apiTime(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface Page<T> {
  data: T[] | { [key: string]: unknown };
  headers: { link?: string };
}

/**
 * The pages of a list, following GitHub's `Link: rel="next"` (page numbers or cursors alike), so a
 * reader can stop at the first page older than the window.
 * `items` picks the list out of a wrapped answer (`workflow_runs`); `more` stops early.
 */
export async function* pagesOf<T>(
  gh: import('./client.js').GitHub,
  first: () => Promise<Page<T>>,
  items: (data: Page<T>['data']) => T[] = (data) => data as T[],
  maxPages = 10,
): AsyncGenerator<T[]> {
  let page = await first();
  for (let n = 1; ; n++) {
    yield items(page.data);
    const next = /<([^>]+)>;\s*rel="next"/.exec(page.headers.link ?? '')?.[1];
    if (!next || n >= maxPages) return;
    page = (await gh.request({ method: 'GET', url: next })) as unknown as Page<T>;
  }
}
