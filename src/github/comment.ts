import type { GitHub } from './client.js';
import { createOnce, isGone } from './create-once.js';
import { sameLogin, tokenLogin } from './identity.js';
import { COMMENT_LIMIT, truncate } from './limits.js';

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  /** One comment per key per pull request, e.g. `gate` or `config`. */
  key: string;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

export function stickyMarker(key: string): string {
  return `<!-- shipkit:sticky:${key.replace(/[^\w.-]/g, '_')} -->`;
}

/**
 * Creates the pull request's comment for `key`, or updates it in place: the comment is found by a
 * hidden marker and its author (the token's own login, so nobody else's comment that starts with
 * the marker is ever edited), and a re-run never adds a second one. Duplicates left by concurrent
 * runs are removed; a create whose answer was lost is found again and adopted, not repeated.
 */
export async function upsertStickyComment(
  gh: GitHub,
  target: StickyTarget,
  markdown: string,
): Promise<StickyResult> {
  const marker = stickyMarker(target.key);
  const body = `${marker}\n${truncate(markdown, COMMENT_LIMIT - marker.length - 1)}`;
  const { owner, repo, issueNumber } = target;
  const mine = () => stickyComments(gh, target);
  const [first, ...extra] = await mine();
  for (const dup of extra) await deleteComment(gh, owner, repo, dup.id);
  if (!first) {
    const created = await createOnce(
      async () => (await gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })).data,
      async () => (await mine())[0],
    );
    if (created.body === body) return { action: 'created', id: created.id, url: created.html_url };
    const { data } = await gh.rest.issues.updateComment({ owner, repo, comment_id: created.id, body });
    return { action: 'created', id: data.id, url: data.html_url };
  }
  if (first.body === body) return { action: 'unchanged', id: first.id, url: first.html_url };
  const { data } = await gh.rest.issues.updateComment({ owner, repo, comment_id: first.id, body });
  return { action: 'updated', id: data.id, url: data.html_url };
}

/** The comments for `target.key` written by the token's own login, oldest first. */
async function stickyComments(gh: GitHub, target: StickyTarget) {
  const marker = stickyMarker(target.key);
  const me = await tokenLogin(gh);
  const comments = await gh.paginate(gh.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  return comments.filter((c) => c.body?.startsWith(marker) && sameLogin(c.user?.login, me));
}

/**
 * The sticky comment for `target.key`, if the token's own login wrote one: the same comment
 * `upsertStickyComment` would update. A copy of the marker by anyone else is never returned.
 */
export async function findStickyComment(
  gh: GitHub,
  target: StickyTarget,
): Promise<{ id: number; body: string; url: string } | undefined> {
  const [first] = await stickyComments(gh, target);
  return first ? { id: first.id, body: first.body ?? '', url: first.html_url } : undefined;
}

/** Deletes a comment; one already gone (a repeat after a lost answer, another run) is fine. */
async function deleteComment(gh: GitHub, owner: string, repo: string, id: number): Promise<void> {
  try {
    await gh.rest.issues.deleteComment({ owner, repo, comment_id: id });
  } catch (err) {
    if (!isGone(err)) throw err;
  }
}
