import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { ShipkitError } from '../errors.js';
import { BUILT_IN_TEMPLATES } from './templates.generated.js';

/**
 * Handlebars for plan documents. Only template files are ever compiled (the built-in ones, embedded
 * in the bundle by scripts/embed-templates.mjs, or a repository's overrides): data, including model
 * output, only fills them in, escaped.
 */

export type TemplateName = keyof typeof BUILT_IN_TEMPLATES;
export type Render = (context: unknown) => string;

export interface TemplateSet {
  get(name: TemplateName): Render;
  /** Where each template came from (`built-in` or the override's path). */
  sources: Record<string, string>;
}

function handlebars(): typeof Handlebars {
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
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  hb.registerHelper('upper', (s: unknown) => String(s ?? '').toUpperCase());
  return hb;
}

/** Compiles one template file; a syntax error names the file and line. */
export function compileTemplate(source: string, file: string, hb = handlebars()): Render {
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
      throw new ShipkitError(`template ${file} failed: ${(err as Error).message}`, { location: { file } });
    }
  };
}

/** The built-in templates, each replaced by `<dir>/<name>` when that file exists. */
export async function loadTemplates(overrideDir?: string): Promise<TemplateSet> {
  const hb = handlebars();
  const sources: Record<string, string> = {};
  const compiled = new Map<string, Render>();
  for (const [name, builtIn] of Object.entries(BUILT_IN_TEMPLATES)) {
    let source: string = builtIn;
    let file = `built-in templates/plan/${name}.hbs`;
    if (overrideDir) {
      const path = join(overrideDir, `${name}.hbs`);
      try {
        source = await readFile(path, 'utf8');
        file = path;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    sources[name] = file;
    compiled.set(name, compileTemplate(source, file, hb));
  }
  return { get: (name) => compiled.get(name) as Render, sources };
}
