/**
 * Comment text as the command parser sees it: invisible characters (zero-width spaces and joiners,
 * bidirectional controls, soft hyphens, the byte-order mark, other format and control characters)
 * are removed, so `/ga\u200bte` is `/gate` and nothing hidden can change what a reader sees.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0]/gu;

/** Removes invisible characters; tabs become spaces, line breaks are kept. */
export function visibleText(text: string): string {
  return text.replace(/\t/g, ' ').replace(INVISIBLE, (c) => (c === '\n' ? '\n' : ''));
}

/** HTML comments (`<!-- … -->`, closed or not): hidden in the rendered comment, so never read. */
export function withoutHiddenHtml(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
}

/**
 * The first line of a comment, cut from a body of any size without scanning past it: at most
 * `limit` + 1 characters are looked at, so a 10 MB body costs nothing.
 */
export function firstLine(body: string, limit: number): { line: string; tooLong: boolean } {
  const head = body.slice(0, limit * 4 + 1);
  const end = head.search(/[\r\n\u0085\u2028\u2029]/);
  const raw = end < 0 ? head : head.slice(0, end);
  const line = visibleText(raw).trim();
  return {
    line: line.slice(0, limit + 1),
    tooLong: line.length > limit || (end < 0 && body.length > head.length),
  };
}
