import { existsSync } from 'node:fs';
import Handlebars from 'handlebars';
import { ShipkitError } from '../errors.js';
import { readText } from '../fs/read.js';
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
  hb.registerHelper('json', (value: unknown) =>
    JSON.stringify(value ?? null)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
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
      `t_${String(value).replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)?.toString(16)}_`)}`,
  );
  /** Text for a Markdown table cell. */
  hb.registerHelper(
    'cell',
    (value: unknown) =>
      new hb.SafeString(
        hb.escapeExpression(String(value ?? '').replace(/[\r\n]+/g, ' ')).replace(/\|/g, '\\|'),
      ),
  );
  hb.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : '',
  );
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  return hb;
}

/** Compiles one template; a syntax error names the file and line, a render error the file. */
export function compileTemplate(source: string, file: string, hb = createHandlebars()): Render {
  try {
    hb.parse(source);
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
  const compiled = hb.compile(source, { strict: false, noEscape: false });
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
 * A built-in template (`plan/plan.md`, `release/notes`, …), or the repository's file that
 * replaces it. `override` is a path; `optional` says a missing override falls back to the built-in.
 */
export async function loadTemplate(
  name: BuiltInTemplate,
  override?: { path: string; optional: boolean },
  hb = createHandlebars(),
): Promise<{ render: Render; source: string }> {
  if (override) {
    if (!(override.optional && !existsSync(override.path))) {
      const text = readText(override.path, {
        kind: 'template',
        what: 'the template',
        hint: 'Point the setting at a Handlebars file in the repository, or remove it to use the built-in one.',
      });
      return { render: compileTemplate(text, override.path, hb), source: override.path };
    }
  }
  const file = `built-in templates/${name}.hbs`;
  return { render: compileTemplate(BUILT_IN_TEMPLATES[name], file, hb), source: file };
}
