import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { ShipkitError } from '../errors.js';
import type { ReleaseNotes } from './notes.js';

/**
 * The built-in notes template. A static path next to this module, so the bundler copies the file
 * into dist/ and rewrites the path (ncc relocates assets it can see statically).
 */
const BUILT_IN = new URL('../../templates/release/notes.hbs', import.meta.url);

/** Escapes what GitHub's Markdown would read as HTML; keeps Markdown such as `code` intact. */
function md(text: unknown): Handlebars.SafeString {
  const s = String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '\n  ');
  return new Handlebars.SafeString(s);
}

let env: typeof Handlebars | undefined;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function handlebars(): typeof Handlebars {
  if (!env) {
    env = Handlebars.create();
    env.registerHelper('md', md);
  }
  return env;
}

/**
 * Renders the notes with a template read from a file: the user's (`release.template`) or the
 * built-in one. Templates come from files only; commit text is data, escaped, never compiled.
 */
export async function renderNotes(notes: ReleaseNotes, templateFile?: string): Promise<string> {
  const key = templateFile ?? BUILT_IN.href;
  let render = compiled.get(key);
  if (!render) {
    render = await compileFile(templateFile);
    compiled.set(key, render);
  }
  try {
    return `${render(notes)
      .replace(/\n{3,}/g, '\n\n')
      .trim()}\n`;
  } catch (err) {
    throw new ShipkitError(`the notes template does not render: ${(err as Error).message.split('\n')[0]}`, {
      location: { file: templateFile ?? 'templates/release/notes.hbs' },
      hint: 'Check the Handlebars syntax; the fields are listed in docs/release.md.',
    });
  }
}

async function compileFile(templateFile: string | undefined): Promise<Handlebars.TemplateDelegate> {
  let source: string;
  try {
    source = await readFile(templateFile ?? BUILT_IN, 'utf8');
  } catch (err) {
    throw new ShipkitError(`cannot read the notes template: ${(err as NodeJS.ErrnoException).code ?? err}`, {
      location: { file: templateFile ?? BUILT_IN.pathname },
      hint: 'Point `release.template` at a Handlebars file in the repository, or remove it to use the built-in one.',
    });
  }
  // Handlebars compiles lazily: the first render reports syntax errors.
  return handlebars().compile(source, { strict: false, noEscape: false });
}
