/**
 * Text from outside (backlog titles, owners, risk texts) as inline GitHub Markdown: what Markdown
 * or HTML would read as markup is backslash-escaped (code spans, emphasis, links, tags, table
 * pipes, entities), mentions do not notify, and it stays on one line, so it can start no block.
 * The characters themselves still show: `sprint's` stays `sprint's`.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b')
    .replace(/[\r\n]+/g, ' ');
}

/**
 * Cuts Markdown to at most `limit` characters (UTF-8 bytes with `bytes: true`, as the job summary
 * counts), ending with a note that says it was cut. The cut falls at a line end when one is within
 * the last 2,000 characters, and never inside a character.
 */
export function truncate(
  text: string,
  limit: number,
  { note = 'truncated: the full report is in the job summary', bytes = false } = {},
): string {
  const size = (s: string) => (bytes ? Buffer.byteLength(s) : s.length);
  if (size(text) <= limit) return text;
  const tail = `\n\n… _${note}_\n`;
  const room = Math.max(0, limit - size(tail));
  let cut = bytes ? Buffer.from(text).subarray(0, room).toString('utf8') : text.slice(0, room);
  if (bytes ? cut.endsWith('\uFFFD') : /[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const lastNewline = cut.lastIndexOf('\n');
  if (lastNewline > cut.length - 2000 && lastNewline > 0) cut = cut.slice(0, lastNewline);
  return cut + tail;
}
