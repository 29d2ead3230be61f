/** GitHub's size limits, and truncation that says it truncated. */

/** Largest issue or PR comment body GitHub accepts (characters). */
export const COMMENT_LIMIT = 65_536;
/** Largest check run `output.summary` / `output.text` (characters). */
export const CHECK_TEXT_LIMIT = 65_535;
/** Largest job summary per step (bytes). */
export const SUMMARY_LIMIT = 1024 * 1024;
/** Annotations GitHub accepts per check run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** Cuts `text` to at most `limit` characters, ending with a note that says so. */
export function truncate(
  text: string,
  limit: number,
  note = 'truncated: the full report is in the job summary',
): string {
  if (text.length <= limit) return text;
  const tail = `\n\n… _${note}_\n`;
  let cut = text.slice(0, Math.max(0, limit - tail.length));
  const lastNewline = cut.lastIndexOf('\n');
  if (lastNewline > cut.length - 2000 && lastNewline > 0) cut = cut.slice(0, lastNewline);
  return cut + tail;
}
