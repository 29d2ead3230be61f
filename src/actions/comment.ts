import type { GitHub } from '../github/client.js';
import { upsertStickyComment } from '../github/comment.js';
import { writeOrSummarize } from '../github/publish.js';
import type { ActionIO } from './runtime.js';

/**
 * Publishes `markdown` as the pull request's one sticky comment for `key`, created or updated in
 * place. With a read-only token (a fork's PR) it warns instead: the job summary already has the text.
 */
export async function commentOnPullRequest(
  io: ActionIO,
  target: { owner: string; repo: string; issueNumber: number; key: string },
  markdown: string,
  github: () => Promise<GitHub> = io.github,
): Promise<void> {
  const gh = await github();
  const posted = await writeOrSummarize(
    'PR comment',
    () => upsertStickyComment(gh, target, markdown),
    '',
    io.warn,
  );
  if (posted) io.info(`PR comment ${posted.action}: ${posted.url}`);
}
