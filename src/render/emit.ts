/**
 * Emitters for generated source: the one way a value from a spec, a backlog or a config reaches
 * generated code. Each writes the value for one context, so that no value can end that context
 * and become code. Identifiers are made by src/codegen/names.ts (`pascalCase`, `camelCase`,
 * `propertyKey`); Markdown by the template helpers in src/render/handlebars.ts.
 */

/** Line terminators of JavaScript (LF, CR, LS, PS) and YAML 1.1 (NEL): each ends a line comment. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/g;
/** Other control characters: never useful in a comment, and confusing in an editor. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text for a one-line comment (`// …` in JS/TS, `# …` in YAML): on one line, whatever it holds. */
export function lineComment(text: unknown): string {
  return String(text ?? '')
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, ' ');
}

/** Text for a block or doc comment (`/* … *\/`, `/** … *\/`): on one line, `*\/` never closes it. */
export function blockComment(text: unknown): string {
  return lineComment(text).replace(/\*\//g, '*\\/');
}

/**
 * A value as a JSON literal that is also a safe JavaScript expression, YAML flow scalar and HTML
 * script text: `<`, `>`, `&`, LS and PS written as \u escapes.
 */
export function jsonLiteral(value: unknown): string {
  return (JSON.stringify(value ?? null) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A string as a JavaScript/TypeScript string literal (double-quoted). */
export function stringLiteral(text: unknown): string {
  return JSON.stringify(String(text ?? ''))
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text as inline code in a Markdown table cell: one line, no `|` that splits the cell, no early close. */
export function markdownCode(text: unknown): string {
  const s = lineComment(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Text in a Markdown table cell: one line, HTML escaped, `|` escaped so the row keeps its cells. */
export function markdownCell(text: unknown): string {
  return lineComment(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|');
}
