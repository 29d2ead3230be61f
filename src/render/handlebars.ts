import Handlebars from 'handlebars';
import { ShipkitError } from '../errors.js';
import { readText, readTextIfExists } from '../fs/read.js';
import { jsonLiteral, lineComment } from './emit.js';
import { markdownText } from './markdown.js';
import { BUILT_IN_TEMPLATES } from './templates.generated.js';

/**
 * shipkit's one template renderer. Only template files are ever compiled — the built-in ones,
 * embedded in the bundle by scripts/embed-templates.mjs, or a repository's overrides. Data
 * (commit messages, issue titles, model output) only fills them in, escaped.
 */

export type BuiltInTemplate = keyof typeof BUILT_IN_TEMPLATES;
export type Render = (context: unknown) => string;

/** A Handlebars environment with shipkit's helpers, apart from the global one. */
export function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  /** A value as a JSON literal: safe inside YAML flow, JavaScript and HTML script text. */
  hb.registerHelper('json', jsonLiteral);
  /** Text for a one-line comment in generated code (`//` or `#`): a line break cannot end it. */
  hb.registerHelper('comment', (value: unknown) => new hb.SafeString(lineComment(value)));
  /** Text for GitHub Markdown: what it would read as HTML is escaped; Markdown such as `code` stays. */
  hb.registerHelper(
    'md',
    (value: unknown) =>
      new hb.SafeString(
        String(value ?? '')
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/\n/g, '\n  '),
      ),
  );
  /** Text for a Mermaid label: no characters that end a label or a statement. */
  hb.registerHelper(
    'mermaid',
    (value: unknown) =>
      new hb.SafeString(
        String(value ?? '')
          .replace(/[^\p{L}\p{N} ,.!?+\-_/@*~^$]+/gu, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
  );
  /** A Mermaid node id of letters, digits and `_` only; distinct ids stay distinct. */
  hb.registerHelper(
    'mermaidId',
    (value: unknown) =>
      new hb.SafeString(
        `t_${String(value).replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)?.toString(16)}_`)}`,
      ),
  );
  /**
   * Text for Markdown (the default escaping of `.md` templates; in others, for a Markdown table
   * cell). A helper's SafeString passes as it is.
   */
  const markdown = (value: unknown) =>
    new hb.SafeString(
      value instanceof hb.SafeString ? value.toHTML() : value == null ? '' : markdownText(String(value)),
    );
  hb.registerHelper('markdown', markdown);
  hb.registerHelper('cell', markdown);
  hb.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : '',
  );
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  return hb;
}

/** How `{{value}}` is escaped: for HTML (Handlebars' own), or for Markdown in `.md` templates. */
export type Escaping = 'html' | 'markdown';

/** The escaping a built-in template's output needs: `plan/plan.md` is Markdown. */
export function escapingOf(name: string): Escaping {
  return name.endsWith('.md') ? 'markdown' : 'html';
}

/** Compiles one template; a syntax error names the file and line, a render error the file. */
export function compileTemplate(
  source: string,
  file: string,
  hb = createHandlebars(),
  escaping: Escaping = 'html',
): Render {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(source);
  } catch (err) {
    const message = (err as Error).message;
    const line =
      Number(/Parse error on line (\d+)/.exec(message)?.[1]) ||
      (err as { lineNumber?: number }).lineNumber ||
      undefined;
    const first = message.split('\n')[0] ?? message;
    const expecting = /\n(Expecting .*)$/.exec(message)?.[1];
    throw new ShipkitError(`template syntax error: ${first}${expecting ? ` (${expecting})` : ''}`, {
      location: { file, ...(line ? { line } : {}) },
      hint: 'Fix the Handlebars in the template, or delete it to use the built-in one.',
    });
  }
  if (escaping === 'markdown') escapeForMarkdown(ast);
  const compiled = hb.compile(ast, { strict: false, noEscape: false });
  return (context) => {
    try {
      return compiled(context);
    } catch (err) {
      throw new ShipkitError(`template ${file} failed: ${(err as Error).message.split('\n')[0]}`, {
        location: { file },
      });
    }
  };
}

/**
 * Turns every escaped `{{value}}` of a template into `{{{markdown value}}}` and `{{helper x}}` into
 * `{{{markdown (helper x)}}}`: the value is escaped for Markdown instead of HTML (a helper's
 * SafeString passes as it is). `{{{raw}}}` stays raw.
 */
function escapeForMarkdown(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) escapeForMarkdown(child);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const n = node as Record<string, unknown>;
  if (n.type === 'MustacheStatement' && n.escaped === true) {
    const m = node as hbs.AST.MustacheStatement;
    // `{{a.b}}` looks a value up: it becomes the parameter itself (a sub-expression always calls a helper).
    const value: hbs.AST.Expression =
      m.params.length === 0 && !m.hash
        ? m.path
        : ({
            type: 'SubExpression',
            path: m.path as hbs.AST.PathExpression,
            params: m.params,
            hash: m.hash,
            loc: m.loc,
          } as hbs.AST.SubExpression);
    const path: hbs.AST.PathExpression = {
      type: 'PathExpression',
      data: false,
      depth: 0,
      parts: ['markdown'],
      original: 'markdown',
      loc: m.loc,
    };
    Object.assign(m, { path, params: [value], hash: undefined, escaped: false });
    return;
  }
  for (const [key, child] of Object.entries(n)) if (key !== 'loc') escapeForMarkdown(child);
}

/**
 * A built-in template (`plan/plan.md`, `release/notes`, …), or the repository's file that
 * replaces it. `override` is a path; `optional` says a missing override falls back to the built-in.
 */
export async function loadTemplate(
  name: BuiltInTemplate,
  override?: { path: string; optional: boolean },
  hb = createHandlebars(),
): Promise<{ render: Render; source: string }> {
  if (override) {
    const target = {
      kind: 'template' as const,
      what: 'the template',
      hint: 'Point the setting at a Handlebars file in the repository, or remove it to use the built-in one.',
    };
    const text = override.optional
      ? readTextIfExists(override.path, target)
      : readText(override.path, target);
    if (text !== undefined) {
      return { render: compileTemplate(text, override.path, hb, escapingOf(name)), source: override.path };
    }
  }
  const file = `built-in templates/${name}.hbs`;
  return { render: compileTemplate(BUILT_IN_TEMPLATES[name], file, hb, escapingOf(name)), source: file };
}
