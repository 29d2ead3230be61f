import { localGit } from '../../process/git.js';
import { prepareRelease } from '../../release/prepare.js';
import { truncate } from '../../render/markdown.js';
import type { CommandRun } from './types.js';

/** A reply holds at most this many characters of notes (GitHub caps a comment at 65,536). */
const NOTES_LIMIT = 60_000;

/**
 * `/release notes [from=TAG]`: the notes the next release would have, from the release core over
 * the default branch's history in the job's checkout (trusted code: what `issue_comment` runs on;
 * check out with `fetch-depth: 0`), as the reply. Nothing is written but the reply.
 */
export async function run(r: CommandRun<{ from?: string }>): Promise<string> {
  const release = r.config.release;
  const prepared = await prepareRelease({
    cwd: r.ctx.workspace,
    git: localGit(r.ctx.workspace),
    tag: 'HEAD',
    to: 'HEAD',
    ...(r.args.from ? { from: r.args.from } : {}),
    prefix: release.tag_prefix,
    unreleased: true,
    config: release,
    links: { serverUrl: r.ctx.serverUrl, ...r.repo },
    smallerBump: 'warn',
    warn: r.io.warn,
  });
  return truncate(prepared.markdown, NOTES_LIMIT, {
    note: 'truncated: run `shipkit release notes` for the rest',
  });
}
