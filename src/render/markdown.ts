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
