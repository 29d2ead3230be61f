import { ShipkitError } from '../errors.js';

/**
 * The one fetch shipkit's HTTP clients (octokit, the Anthropic SDK) are given: every request has a
 * deadline that covers the whole exchange (headers and body), and a server that asks to be retried
 * only after a long wait is refused instead of waited for.
 */

/** SHIPKIT_REQUEST_TIMEOUT_MS, else `fallback` (30 s for GitHub). */
export function requestTimeoutMs(fallback = 30_000): number {
  return envNumber('SHIPKIT_REQUEST_TIMEOUT_MS') ?? fallback;
}

/** The longest wait before a retry shipkit accepts: SHIPKIT_MAX_RETRY_WAIT_S, else 60 s. */
export function maxRetryWaitSeconds(): number {
  return envNumber('SHIPKIT_MAX_RETRY_WAIT_S') ?? 60;
}

function envNumber(name: string): number | undefined {
  const v = process.env[name]?.trim();
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * A request that got no complete answer in time. Named `AbortError` so octokit passes it through
 * as it is (a timeout is not retried: a write may have happened), and a ShipkitError for the shells.
 */
export class RequestTimeoutError extends ShipkitError {
  override name = 'AbortError';
}

/** The server asked for a wait longer than shipkit accepts; the request fails at once. */
export class RetryWaitError extends ShipkitError {
  override name = 'AbortError';
}

/** Seconds the server asks to wait before a retry (`retry-after`, or a spent rate limit's reset). */
export function askedWait(status: number, headers: Headers, now = Date.now()): number | undefined {
  if (status !== 403 && status !== 429 && status < 500) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms)) return ms / 1000;
  const after = headers.get('retry-after');
  if (after) {
    const s = Number(after);
    if (Number.isFinite(s)) return s;
    const at = Date.parse(after);
    if (Number.isFinite(at)) return (at - now) / 1000;
  }
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (headers.get('x-ratelimit-remaining') === '0' && reset > 0) return reset - now / 1000;
  return undefined;
}

export interface BoundedFetchOptions {
  /** Who answers, for messages: `GitHub API`, `Claude API`. */
  service: string;
  timeoutMs: number;
  /**
   * What to do when a long wait is asked: `throw` fails the request with a RetryWaitError;
   * `mark` answers as received with `x-should-retry: false` (the Anthropic SDK then does not retry)
   * and `x-shipkit-retry-wait` (the seconds asked) for the caller's message.
   */
  longWait: 'throw' | 'mark';
  /** Where the refusal is logged. */
  warn?: (message: string) => void;
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A fetch with a deadline per request and a cap on the retry waits a server may ask for. */
export function boundedFetch(o: BoundedFetchOptions, inner: Fetch = globalThis.fetch): Fetch {
  return async (input, init = {}) => {
    const endpoint = `${init.method ?? 'GET'} ${redact(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)}`;
    const timeout = new RequestTimeoutError(
      `${o.service} did not answer ${endpoint} within ${seconds(o.timeoutMs)}`,
      {
        hint: 'The server accepted the request but sent no complete answer; SHIPKIT_REQUEST_TIMEOUT_MS changes the limit.',
      },
    );
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeout), o.timeoutMs);
    const outer = init.signal;
    if (outer?.aborted) controller.abort(outer.reason);
    else outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    try {
      const res = await inner(input, { ...init, signal: controller.signal });
      const body =
        init.method === 'HEAD' || res.status === 204 || res.status === 304 ? null : await res.arrayBuffer();
      const headers = new Headers(res.headers);
      const wait = askedWait(res.status, headers);
      const cap = maxRetryWaitSeconds();
      if (wait !== undefined && wait > cap) {
        const message = `${o.service} answered ${res.status} to ${endpoint} and asks to wait ${Math.ceil(wait)} s before retrying, over the ${cap} s shipkit waits`;
        o.warn?.(message);
        if (o.longWait === 'throw') {
          throw new RetryWaitError(message, {
            hint: 'Re-run later; SHIPKIT_MAX_RETRY_WAIT_S raises the longest wait.',
          });
        }
        headers.set('x-should-retry', 'false');
        headers.set('x-shipkit-retry-wait', String(Math.ceil(wait)));
      }
      const answer = new Response(body, { status: res.status, statusText: res.statusText, headers });
      Object.defineProperty(answer, 'url', { value: res.url });
      return answer;
    } catch (err) {
      if (controller.signal.reason === timeout) throw timeout;
      throw err;
    } finally {
      clearTimeout(timer);
    }
  };
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A URL without its query (which may carry a token) for messages. */
function redact(url: string): string {
  return url.replace(/\?.*$/, '');
}
