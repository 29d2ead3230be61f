import type { GitHub } from './client.js';
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
 * hidden marker, so a re-run never adds a second one. Duplicates left by concurrent runs are removed.
 */
export async function upsertStickyComment(
  gh: GitHub,
  target: StickyTarget,
  markdown: string,
): Promise<StickyResult> {
  const marker = stickyMarker(target.key);
  const body = `${marker}\n${truncate(markdown, COMMENT_LIMIT - marker.length - 1)}`;
  const { owner, repo, issueNumber } = target;
  const comments = await gh.paginate(gh.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const mine = comments.filter((c) => c.body?.startsWith(marker));
  const [first, ...extra] = mine;
  for (const dup of extra) await gh.rest.issues.deleteComment({ owner, repo, comment_id: dup.id });
  if (!first) {
    const { data } = await gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
    return { action: 'created', id: data.id, url: data.html_url };
  }
  if (first.body === body) return { action: 'unchanged', id: first.id, url: first.html_url };
  const { data } = await gh.rest.issues.updateComment({ owner, repo, comment_id: first.id, body });
  return { action: 'updated', id: data.id, url: data.html_url };
}
