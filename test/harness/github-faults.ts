// Faults the GitHub stand-in (github-api.ts) can serve instead of, or after, a handler's answer: a
// server error, a secondary rate limit, a slow answer, a lost answer (the write happens, the client
// sees a 502) and no answer at all; each for the Nth matching call of a route.
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Fault {
  /** `'METHOD /template'` (or `'POST {graphqlPath}'`); any request when omitted. */
  route?: string;
  /** How many matching calls get the fault (default 1). */
  times?: number;
  /** Answer with this status instead of the handler; without it the fault only delays. */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  /** Matching calls let through before the fault applies (default 0: the first one gets it). */
  skip?: number;
  /** The request is applied first (the handler runs, the write happens), then the fault answers. */
  apply?: boolean;
  /** Never answer: the connection stays open until the client gives up (a timeout). */
  hang?: boolean;
}

/**
 * A lost answer: the write happens, but the client sees a 502 from the proxy in front (as when
 * GitHub's front end times out on a request the back end completed). `skip` lets earlier calls through.
 */
export function lostAnswer(route: string, skip = 0): Fault {
  return { route, skip, apply: true, status: 502, body: { message: 'Server Error' } };
}

/** No answer at all (the client must time out); `apply` says whether the write happened anyway. */
export function noAnswer(route: string, apply: boolean, skip = 0): Fault {
  return { route, skip, apply, hang: true };
}

/** The answer GitHub gives when a secondary rate limit is hit. */
export function secondaryRateLimit(retryAfterSeconds = 60, route?: string): Fault {
  return {
    ...(route ? { route } : {}),
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
  };
}

/** What a fault answers: a status and body, or `hang` (never answered; status 0 in `calls`). */
export interface FaultReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  hang?: boolean;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
  skip: number;
}

/** The faults registered on one stand-in, used up in order. */
export class Faults {
  private active: ActiveFault[] = [];

  /** `fault.route` is the stand-in's own route key. */
  add(fault: Fault): void {
    this.active.push({ fault, remaining: fault.times ?? 1, skip: fault.skip ?? 0 });
  }

  /** Takes one use of the first matching fault (after its `skip` calls went through). */
  take(key: string): Fault | undefined {
    const active = this.active.find((f) => f.remaining > 0 && (!f.fault.route || f.fault.route === key));
    if (!active) return undefined;
    if (active.skip > 0) {
      active.skip -= 1;
      return undefined;
    }
    active.remaining -= 1;
    this.active = this.active.filter((f) => f.remaining > 0);
    return active.fault;
  }

  /** The fault's answer; `undefined` lets the request through (after any delay). */
  async reply(fault: Fault | undefined): Promise<FaultReply | undefined> {
    if (!fault) return undefined;
    const { delayMs, status, headers, body } = fault;
    if (delayMs) await sleep(delayMs);
    if (fault.hang) return { status: 0, hang: true };
    if (status === undefined) return undefined;
    return { status, headers, body: body ?? { message: STATUS_CODES[status] ?? 'Error' } };
  }
}
