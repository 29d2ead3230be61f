import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { ROLES, type Role } from '../command/spec.js';
import { boundedFetch, RetryWaitError, requestTimeoutMs } from '../net/fetch.js';
import type { GitHub } from './client.js';
import { gitHubFetch, userAgent } from './transport.js';

export interface Repo {
  owner: string;
  repo: string;
}

/**
 * The commenter's role from `GET /repos/{o}/{r}/collaborators/{user}/permission`: `role_name`
 * (so triage and maintain count); a custom role falls back to the legacy `permission` it is built
 * on; someone GitHub does not know (404) has none.
 */
export async function commenterRole(gh: GitHub, repo: Repo, username: string): Promise<Role> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    return roleOf(data);
  } catch (err) {
    if ((err as { status?: number }).status === 404) return 'none';
    throw err;
  }
}

/** A role asked with one plain request: `sent` once its headers are on the wire, `role` with the answer. */
export interface AskedRole {
  sent: Promise<void>;
  role: Promise<Role | undefined>;
}

/**
 * The same question asked with one plain request, before any client library is loaded: the
 * command action asks it first thing and, once `sent`, loads the rest while the answer travels.
 * Only a 200 or a 404 is answered here; anything else (a 5xx, a rate limit, a bad token, a lost
 * connection) is `undefined`, and the caller asks again through `commenterRole`, whose client
 * retries, waits and words the error. A timeout is asked again too: its clock runs while the action
 * loads the rest, which on a busy machine can take most of a short deadline. A server asking for a
 * wait over the cap is final (the full client would be told the same).
 */
export function askCommenterRole(token: string, apiUrl: string, repo: Repo, username: string): AskedRole {
  const path = [repo.owner, repo.repo, 'collaborators', username, 'permission'].map(encodeURIComponent);
  const url = new URL(`${apiUrl}/repos/${path.join('/')}`);
  const request = boundedFetch(
    { service: 'GitHub API', timeoutMs: requestTimeoutMs(), longWait: 'throw' },
    gitHubFetch(),
  );
  // Node's fetch (undici) says on this channel when a request's headers are written to the socket:
  // from then on the request is GitHub's to answer, whatever this process does next.
  let headersSent = () => {};
  const sentHeaders = new Promise<void>((resolve) => {
    headersSent = resolve;
  });
  const onSend = (message: unknown) => {
    const sent = (message as { request?: { origin?: unknown; path?: unknown } }).request;
    if (String(sent?.origin) === url.origin && sent?.path === url.pathname) headersSent();
  };
  subscribe('undici:client:sendHeaders', onSend);
  const role = (async (): Promise<Role | undefined> => {
    try {
      const res = await request(url.href, {
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `token ${token}`,
          'user-agent': userAgent(),
          'x-github-api-version': '2022-11-28',
        },
      });
      if (res.status === 404) return 'none';
      if (res.status !== 200) return undefined;
      return roleOf((await res.json()) as { role_name?: unknown; permission?: unknown });
    } catch (err) {
      if (err instanceof RetryWaitError) throw err;
      return undefined;
    } finally {
      unsubscribe('undici:client:sendHeaders', onSend);
    }
  })();
  // Behind a proxy (another fetch) the channel may stay silent: the answer then stands for it.
  const settled = role.then(
    () => {},
    () => {},
  );
  return { sent: Promise.race([sentHeaders, settled]), role };
}

/** `role_name` when it is one of GitHub's roles; a custom role falls back to its legacy `permission`. */
function roleOf(data: { role_name?: unknown; permission?: unknown }): Role {
  const known = ROLES as readonly unknown[];
  if (known.includes(data.role_name)) return data.role_name as Role;
  return known.includes(data.permission) ? (data.permission as Role) : 'none';
}

/** 👀 when a command starts; 🚀 when it is done, 😕 when it failed (GitHub has no ✅ or ❌ reaction). */
export type Reaction = 'eyes' | 'rocket' | 'confused';

/** Adds a reaction to a comment; GitHub answers 200 instead of 201 when it is already there. */
export async function react(gh: GitHub, repo: Repo, commentId: number, content: Reaction): Promise<void> {
  await gh.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
}

export interface PullHead {
  number: number;
  sha: string;
  /** The head branch's name and repository (`owner/name`); a fork's differs from the base's. */
  ref: string;
  repository: string | undefined;
  baseRef: string;
  sameRepository: boolean;
}

/** The pull request's head as GitHub has it now. */
export async function readPullHead(gh: GitHub, repo: Repo, number: number): Promise<PullHead> {
  const { data } = await gh.rest.pulls.get({ ...repo, pull_number: number });
  const headRepo = data.head.repo?.full_name;
  return {
    number,
    sha: data.head.sha,
    ref: data.head.ref,
    repository: headRepo,
    baseRef: data.base.ref,
    sameRepository: headRepo?.toLowerCase() === `${repo.owner}/${repo.repo}`.toLowerCase(),
  };
}
